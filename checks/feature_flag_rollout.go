package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// featureFlagProfile is the type of an AppConfig configuration profile that
// holds feature flags.
const featureFlagProfile = "AWS.AppConfig.FeatureFlags"

// FeatureFlagRollout shows that the team releases behind feature flags that
// roll out gradually: AppConfig feature flags deployed by a strategy that
// grows over time, or LaunchDarkly flags. It is evidence: flags kept
// outside the plan, and how they are used, are for the team to attest.
var FeatureFlagRollout = check.Check{
	Meta: check.Meta{
		ID:            "feature_flag_rollout",
		Title:         "Feature flags roll out gradually",
		Section:       "release",
		Category:      "feature_flags",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: []string{"aws_appconfig_configuration_profile", "aws_appconfig_deployment_strategy", "launchdarkly_feature_flag"},
		Description: "A feature behind a flag reaches a few users first and is switched off without a deploy when " +
			"it misbehaves. The check looks at plans that configure flag tooling (AWS AppConfig, LaunchDarkly) " +
			"and passes when flags can roll out gradually: an AppConfig configuration profile of type " +
			"AWS.AppConfig.FeatureFlags beside a deployment strategy that grows (growth_factor below 100 over a " +
			"deployment_duration_in_minutes above 0), or LaunchDarkly feature flags. Otherwise it is unknown, " +
			"once per plan: AppConfig flags deployed all at once, or flags managed outside the plan, are for " +
			"the team to attest. It never fails.",
		Remediation: "Deploy AppConfig feature flags with a gradual strategy (aws_appconfig_deployment_strategy " +
			"with growth_type = \"LINEAR\", growth_factor = 20 and deployment_duration_in_minutes = 30), or " +
			"attest the flag tooling the team uses.",
		Example: `resource "aws_appconfig_deployment_strategy" "gradual" {
  name                           = "linear-20-percent-every-6-minutes"
  deployment_duration_in_minutes = 30
  final_bake_time_in_minutes     = 10
  growth_factor                  = 20
  growth_type                    = "LINEAR"
  replicate_to                   = "NONE"
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		tooling := ofTypePrefix(p, "aws_appconfig_", "launchdarkly_")
		if len(tooling) == 0 {
			return nil
		}
		var found, notes []check.Evidence
		for _, r := range p.OfType("launchdarkly_feature_flag") {
			found = append(found, evText(r.Address, "launchdarkly_feature_flag in plan"))
		}
		var profiles []*model.Resource
		for _, r := range p.OfType("aws_appconfig_configuration_profile") {
			if strAt(r, "type") == featureFlagProfile {
				profiles = append(profiles, r)
			}
		}
		if len(profiles) > 0 {
			for _, s := range p.OfType("aws_appconfig_deployment_strategy") {
				growth, okG := s.Attr("growth_factor").Number()
				minutes, okM := s.Attr("deployment_duration_in_minutes").Number()
				switch {
				case !okG || !okM:
					notes = append(notes, evText(s.Address, "growth_factor or deployment_duration_in_minutes not known before apply"))
				case growth < 100 && minutes > 0:
					found = append(found, evText("feature flag profiles", "%s", someOf(profiles)),
						evAt(p, s, "growth_factor"), evAt(p, s, "deployment_duration_in_minutes"))
				default:
					notes = append(notes, evText(s.Address, "deploys all at once (growth_factor %g over %g minutes)", growth, minutes))
				}
			}
		}
		return evidenceVerdict(found, "feature flags roll out gradually",
			"the plan shows no feature flags that roll out gradually: attest the flag tooling the team uses",
			"flag tooling", tooling, notes...)
	},
}
