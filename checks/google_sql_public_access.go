package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleSQLPublicAccess fails Cloud SQL instances whose public IP accepts
// connections from any address.
var GoogleSQLPublicAccess = check.Check{
	Meta: check.Meta{
		ID:            "google_sql_public_access",
		Title:         "Cloud SQL instance is not open to the internet",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityCritical,
		Cloud:         "google",
		ResourceTypes: []string{"google_sql_database_instance"},
		Description: "An instance with a public IP and 0.0.0.0/0 among its authorized networks accepts " +
			"connection attempts from the whole internet: its password is then the only thing between an " +
			"attacker and the data. A public IP without authorized networks is reachable only through the Cloud " +
			"SQL Auth Proxy and connectors, which check IAM.",
		Remediation: "Prefer private IP (settings.ip_configuration.private_network with ipv4_enabled = false). " +
			"If a public IP is needed, list only the client ranges that need it in authorized_networks, or use " +
			"the Cloud SQL Auth Proxy.",
		Example: `resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		ipv4, e, why := sqlSettle(p, r, true, "ip_configuration", 0, "ipv4_enabled")
		if why != "" {
			return unknown(why, e)
		}
		if on, _ := boolOf(ipv4); !on {
			return pass("the instance has no public IP", e)
		}
		netPath := sqlSetting("ip_configuration", 0, "authorized_networks")
		nets, eNets, why := settleBlock(p, r, netPath...)
		if why != "" {
			return unknown(why, e, eNets)
		}
		list, _ := nets.([]any)
		for i := range list {
			v := r.Attr(subPath(netPath, i, "value")...)
			if v.Unknown {
				return unknown("an authorized network is known only after apply", e, ev(p, r, subPath(netPath, i, "value")...))
			}
			if s, _ := v.Str(); admitsAnyAddress(s) {
				return fail("the instance's public IP accepts connections from any address",
					e, ev(p, r, subPath(netPath, i)...))
			}
		}
		if len(list) == 0 {
			return pass("the public IP has no authorized networks: only the Cloud SQL Auth Proxy and connectors reach it", e, eNets)
		}
		return pass(fmt.Sprintf("the public IP admits only %d authorized network(s), none of them the whole internet", len(list)),
			e, eNets)
	},
}
