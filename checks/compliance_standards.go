package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// complianceTypes are the resources that monitor an account against an
// industry standard: Security Hub standards (PCI DSS, NIST 800-53, CIS),
// Config conformance packs (such as HIPAA's operational best practices),
// Audit Manager assessments and AWS Backup audit frameworks.
var complianceTypes = []string{
	"aws_securityhub_standards_subscription", "aws_config_conformance_pack", "aws_auditmanager_assessment",
	"aws_backup_framework",
}

// securityBaselinePrefixes are the type prefixes of account-level security
// services: a plan holding one manages the account's security baseline,
// where compliance monitoring would be set up.
var securityBaselinePrefixes = []string{
	"aws_securityhub_", "aws_config_", "aws_guardduty_", "aws_inspector2_", "aws_macie2_", "aws_auditmanager_",
	"aws_accessanalyzer_",
}

// ComplianceStandards shows that the account is monitored against an
// industry standard. It is evidence: compliance itself is legal and process
// work, which the team attests.
var ComplianceStandards = check.Check{
	Meta: check.Meta{
		ID:            "compliance_standards",
		Title:         "The account is monitored against a compliance standard",
		Section:       "security",
		Category:      "compliance",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		Evidence:      true,
		ResourceTypes: typeSet(complianceTypes),
		Description: "Standards such as PCI DSS, HIPAA or CIS ask for controls that drift: continuous monitoring " +
			"against the standard shows the drift before an auditor does. The check looks at plans that manage " +
			"an account's security services (Security Hub, Config, GuardDuty, Inspector, Macie, Audit Manager, " +
			"Access Analyzer) and passes when one monitors a standard: a Security Hub standards subscription, " +
			"a Config conformance pack, an Audit Manager assessment or an AWS Backup audit framework. " +
			"Otherwise it is unknown, once per plan: standards are often enabled by the organization's " +
			"delegated administrator, outside the plan. It never fails.",
		Remediation: "Subscribe Security Hub to the standard the service must meet " +
			"(aws_securityhub_standards_subscription), deploy its conformance pack (aws_config_conformance_pack), " +
			"or attest how compliance is monitored.",
		Example: `resource "aws_securityhub_standards_subscription" "pci" {
  standards_arn = "arn:aws:securityhub:${data.aws_region.current.region}::standards/pci-dss/v/3.2.1"
  depends_on    = [aws_securityhub_account.main]
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		baseline := ofTypePrefix(p, securityBaselinePrefixes...)
		monitors := p.OfType(complianceTypes...)
		if len(baseline) == 0 && len(monitors) == 0 {
			return nil
		}
		var found []check.Evidence
		for _, r := range monitors {
			if r.Type == "aws_securityhub_standards_subscription" {
				found = append(found, evAt(p, r, "standards_arn"))
				continue
			}
			found = append(found, evText(r.Address, "%s in plan", r.Type))
		}
		return evidenceVerdict(found, "the account is monitored against a compliance standard",
			"the plan's security services monitor no compliance standard: attest how compliance is monitored",
			"security services", baseline)
	},
}
