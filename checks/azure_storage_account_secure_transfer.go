package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureStorageAccountSecureTransfer requires storage accounts to accept
// only HTTPS with TLS 1.2 or later.
var AzureStorageAccountSecureTransfer = check.Check{
	Meta: check.Meta{
		ID:            "azure_storage_account_secure_transfer",
		Title:         "Storage account accepts only HTTPS with TLS 1.2 or later",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_storage_account"},
		Description: "With secure transfer off, clients may read and write blobs, files and queues over plain " +
			"HTTP (and SMB without encryption), and TLS 1.0 and 1.1 have known weaknesses and are being retired " +
			"by Azure. The provider defaults to HTTPS only and TLS1_2 (v3 and later).",
		Remediation: "Keep https_traffic_only_enabled = true (enable_https_traffic_only in provider v3) and " +
			"min_tls_version = \"TLS1_2\".",
		Example: `resource "azurerm_storage_account" "data" {
  name                       = "ordersdata"
  account_tier               = "Standard"
  account_replication_type   = "GZRS"
  https_traffic_only_enabled = true
  min_tls_version            = "TLS1_2"
  # ...
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		httpsAttr := "https_traffic_only_enabled"
		if !r.Attr(httpsAttr).Present && r.Attr("enable_https_traffic_only").Present {
			httpsAttr = "enable_https_traffic_only"
		}
		https, eHTTPS, why := settle(p, r, true, httpsAttr)
		if on, _ := boolOf(https); why == "" && !on {
			return fail("the account accepts unencrypted HTTP", eHTTPS)
		}
		tls, eTLS, whyTLS := settle(p, r, "TLS1_2", "min_tls_version")
		if s, _ := tls.(string); whyTLS == "" && (s == "TLS1_0" || s == "TLS1_1") {
			return fail("the account accepts TLS versions older than 1.2", eHTTPS, eTLS)
		}
		switch {
		case why != "":
			return unknown(why, eHTTPS, eTLS)
		case whyTLS != "":
			return unknown(whyTLS, eHTTPS, eTLS)
		}
		return pass("the account accepts only HTTPS with TLS 1.2 or later", eHTTPS, eTLS)
	},
}
