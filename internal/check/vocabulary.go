package check

// Sections are the eleven parts of the production-readiness checklist, plus
// custom for a team's own checks and Terraform check blocks.
var Sections = []string{
	"alerts_metrics", "sop", "on_call", "deployment", "observability", "load_tests",
	"quality", "release", "disaster_recovery", "security", "documentation", "custom",
}

// Categories are the words findings carry, one per checklist item that
// infrastructure code can show.
var Categories = []string{
	"alarm", "logging", "dashboard", "runbook", "on_call", "ownership",
	"instance_choice", "multi_az", "multi_region", "autoscaling", "health_check",
	"resource_limits", "deployment_strategy", "rollback", "tracing", "backup",
	"replication", "recovery_objectives", "destructive_change", "deletion_protection",
	"encryption_at_rest", "encryption_in_transit", "public_access", "access_control",
	"check_block", "incident_response", "image_scanning", "metrics_history",
	"performance_targets", "load_testing", "sanity_tests", "ci_cd", "api_documentation",
	"release_versioning", "change_approval", "feature_flags", "recovery_drill", "compliance",
	"code_coverage",
}

// KnownSection reports whether s is a checklist section.
func KnownSection(s string) bool { return in(Sections, s) }

// KnownCategory reports whether c is a checklist category.
func KnownCategory(c string) bool { return in(Categories, c) }

func in(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
