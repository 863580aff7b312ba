package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureMSSQLZoneRedundant requires Azure SQL databases (or their elastic
// pools) to keep replicas in several availability zones.
var AzureMSSQLZoneRedundant = check.Check{
	Meta: check.Meta{
		ID:            "azure_mssql_zone_redundant",
		Title:         "Azure SQL database is zone redundant",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_mssql_database", "azurerm_mssql_elasticpool"},
		Description: "Without zone redundancy an Azure SQL database's replicas share one datacenter: a zone " +
			"outage stops it until the zone returns or a geo-restore completes. Zone-redundant databases keep " +
			"replicas in three zones and fail over automatically. A database in an elastic pool is judged through " +
			"its pool.",
		Remediation: "Set zone_redundant = true (Premium, Business Critical, Hyperscale and General Purpose " +
			"vCore tiers), on the elastic pool for pooled databases.",
		Example: `resource "azurerm_mssql_database" "orders" {
  name           = "orders"
  server_id      = azurerm_mssql_server.main.id
  sku_name       = "GP_Gen5_2"
  zone_redundant = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "azurerm_mssql_database" {
			if pool := r.Attr("elastic_pool_id"); pool.Unknown || !pool.Null() {
				return check.Skip
			}
		}
		v, e, why := settle(p, r, false, "zone_redundant")
		if why != "" {
			return unknown(why, e)
		}
		if on, _ := boolOf(v); on {
			return pass("replicas are kept in several availability zones", e)
		}
		return fail("every replica shares one datacenter: a zone outage stops the database", e)
	},
}
