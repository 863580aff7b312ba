package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleSQLSSL requires Cloud SQL instances to refuse unencrypted
// connections.
var GoogleSQLSSL = check.Check{
	Meta: check.Meta{
		ID:            "google_sql_ssl",
		Title:         "Cloud SQL instance accepts only encrypted connections",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_sql_database_instance"},
		Description: "By default Cloud SQL accepts unencrypted connections as well as TLS ones " +
			"(ALLOW_UNENCRYPTED_AND_ENCRYPTED), so a misconfigured client sends credentials and data in clear " +
			"text. ssl_mode ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or the legacy require_ssl = true " +
			"of provider v5 and earlier) makes the server refuse them.",
		Remediation: "Set settings.ip_configuration.ssl_mode = \"ENCRYPTED_ONLY\" (or " +
			"\"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\" to require client certificates).",
		Example: `resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		legacyPath := sqlSetting("ip_configuration", 0, "require_ssl")
		legacy := r.Attr(legacyPath...)
		if on, ok := legacy.Bool(); ok && on {
			return pass("the instance requires SSL/TLS (require_ssl)", ev(p, r, legacyPath...))
		}
		if m := r.Attr(sqlSetting("ip_configuration", 0, "ssl_mode")...); !m.Present && !m.Unknown && legacy.Present && !legacy.Unknown {
			return fail("the instance accepts unencrypted connections (this provider version has require_ssl only)",
				ev(p, r, legacyPath...))
		}
		mode, e, why := sqlSettle(p, r, "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "ip_configuration", 0, "ssl_mode")
		switch {
		case why != "" && r.Attr(legacyPath...).Present:
			return unknown(why, e, ev(p, r, legacyPath...))
		case why != "":
			return unknown(why, e)
		case mode == "ENCRYPTED_ONLY" || mode == "TRUSTED_CLIENT_CERTIFICATE_REQUIRED":
			return pass("the instance refuses unencrypted connections", e)
		}
		return fail("the instance accepts unencrypted connections", e)
	},
}
