package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureStorageAccountReplication requires storage accounts to keep copies
// outside one datacenter.
var AzureStorageAccountReplication = check.Check{
	Meta: check.Meta{
		ID:            "azure_storage_account_replication",
		Title:         "Storage account replicates beyond one datacenter",
		Section:       "disaster_recovery",
		Category:      "replication",
		Severity:      check.SeverityMedium,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_storage_account"},
		Description: "Locally redundant storage (LRS) keeps its three copies in one datacenter: a zone or " +
			"datacenter outage makes the data unavailable, and a disaster there loses it. ZRS replicates over " +
			"zones; GRS, RAGRS, GZRS and RAGZRS also copy to the paired region.",
		Remediation: "Set account_replication_type = \"ZRS\" or, for data that must survive a regional disaster, " +
			"\"GZRS\" (or \"GRS\" where zones are not offered).",
		Example: `resource "azurerm_storage_account" "data" {
  name                     = "ordersdata"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = azurerm_resource_group.main.location
  account_tier             = "Standard"
  account_replication_type = "GZRS"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := settle(p, r, nil, "account_replication_type")
		s, _ := v.(string)
		switch {
		case why != "":
			return unknown(why, e)
		case strings.EqualFold(s, "LRS"):
			return fail("every copy of the data sits in one datacenter", e)
		case s == "":
			return unknown("the plan does not say how the account replicates", e)
		}
		return pass("the data is replicated beyond one datacenter", e)
	},
}
