package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureMSSQLGeoBackup requires Azure SQL backups to be stored
// geo-redundantly, so they survive the loss of the region.
var AzureMSSQLGeoBackup = check.Check{
	Meta: check.Meta{
		ID:            "azure_mssql_geo_backup",
		Title:         "Azure SQL database backups are geo-redundant",
		Section:       "disaster_recovery",
		Category:      "backup",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_mssql_database"},
		Description: "Azure SQL stores automated backups in the storage redundancy that storage_account_type " +
			"names (Geo by default). Local or Zone backups are lost with the region, leaving no geo-restore; for " +
			"data warehouse (DW) SKUs geo_backup_enabled = false does the same.",
		Remediation: "Keep storage_account_type = \"Geo\" or \"GeoZone\" (the default is Geo), and " +
			"geo_backup_enabled = true on DW SKUs.",
		Example: `resource "azurerm_mssql_database" "orders" {
  name                 = "orders"
  server_id            = azurerm_mssql_server.main.id
  sku_name             = "GP_Gen5_2"
  storage_account_type = "GeoZone"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if sku, _ := r.Attr("sku_name").Str(); strings.HasPrefix(strings.ToUpper(sku), "DW") {
			v, e, why := settle(p, r, true, "geo_backup_enabled")
			if why != "" {
				return unknown(why, e)
			}
			if on, _ := boolOf(v); on {
				return pass("the data warehouse keeps geo-redundant backups", e, ev(p, r, "sku_name"))
			}
			return fail("the data warehouse keeps no geo-redundant backup", e, ev(p, r, "sku_name"))
		}
		v, e, why := settle(p, r, "Geo", "storage_account_type")
		if why != "" {
			return unknown(why, e)
		}
		if s, _ := v.(string); strings.HasPrefix(s, "Geo") {
			return pass("backups are stored geo-redundantly and survive the loss of the region", e)
		}
		return fail("backups stay in the database's region: losing the region loses them too", e)
	},
}
