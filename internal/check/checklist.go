package check

import (
	"slices"
	"sort"
)

// Item is one of the production-readiness checklist's 50 items, numbered as
// the checklist numbers them: section position, then position in the
// section (4.5 is the fifth item of the fourth section, autoscaling).
//
// Which checks answer an item is decided here, in one place:
//   - a check whose ID (or former ID) some item lists in Checks answers
//     exactly the items that list it;
//   - any other check answers the items whose Categories hold its category.
//
// So a new check lands on its category's items without a word here, and a
// check whose category says too much or too little (a log check that shows
// history, not aggregation; an alarm on application errors) is listed by ID
// on the items it really answers. Tests hold every check to at least one
// item and every listed ID to a check of the catalogue.
type Item struct {
	Number  string // "4.5"
	Section string // one of Sections
	Text    string // what the item asks, as the checklist words it
	// Categories are the finding categories whose checks answer the item,
	// unless the check is listed by ID on some item.
	Categories []string
	// Checks are the IDs of checks that answer the item whatever their
	// category; each then answers only the items that list it.
	Checks []string
	// Manual, when set, says why code cannot show the item at all: a team
	// attests it, and no check may answer it.
	Manual string
	// Rest, when set, is the part of the item that checks cannot show even
	// when they answer the rest: a team attests that part. An item checks
	// verify with a Rest left is "partly" verified.
	Rest string
	// Attest is the key of the attest block in a team's configuration that
	// records its word on the item's manual part (internal/policy), when
	// one exists.
	Attest string
}

// ItemStatus says how far the catalogue answers a checklist item.
type ItemStatus string

// The statuses of a checklist item, from the most verified to the least.
const (
	// ItemVerified: at least one check answers the item with pass or fail,
	// and nothing of it is left to attest.
	ItemVerified ItemStatus = "verified"
	// ItemPartly: at least one check answers the item with pass or fail,
	// and the item's Rest is left for the team to attest.
	ItemPartly ItemStatus = "partly"
	// ItemEvidence: only evidence checks answer the item (Meta.Evidence:
	// pass or unknown, never fail): they show a team's tooling exists, the
	// team attests the practice.
	ItemEvidence ItemStatus = "evidence"
	// ItemUnchecked: code could show the item, but no check of the
	// catalogue answers it yet; a team attests it meanwhile.
	ItemUnchecked ItemStatus = "unchecked"
	// ItemManual: code cannot show the item (Item.Manual says why); a team
	// attests it.
	ItemManual ItemStatus = "manual"
)

// ItemStatuses lists the statuses in order, from the most verified.
var ItemStatuses = []ItemStatus{ItemVerified, ItemPartly, ItemEvidence, ItemUnchecked, ItemManual}

// Answer is how a catalogue answers one checklist item.
type Answer struct {
	Item
	Status ItemStatus
	// Verifying are the IDs of the checks that answer the item with pass or
	// fail; Evidence those of the evidence checks, each sorted.
	Verifying []string
	Evidence  []string
}

// Answers says, for every checklist item in order, which of the checks
// answer it and so its status.
func Answers(checks []Check) []Answer {
	listed := map[string]bool{}
	for _, it := range Items {
		for _, id := range it.Checks {
			listed[id] = true
		}
	}
	out := make([]Answer, 0, len(Items))
	for _, it := range Items {
		a := Answer{Item: it, Verifying: []string{}, Evidence: []string{}}
		for _, c := range checks {
			if !answers(it, c.Meta, listed) {
				continue
			}
			if c.Evidence {
				a.Evidence = append(a.Evidence, c.ID)
			} else {
				a.Verifying = append(a.Verifying, c.ID)
			}
		}
		sort.Strings(a.Verifying)
		sort.Strings(a.Evidence)
		a.Status = status(a)
		out = append(out, a)
	}
	return out
}

// ItemsOf returns the numbers of the checklist items a check answers, in
// checklist order.
func ItemsOf(m Meta) []string {
	listed := map[string]bool{}
	for _, it := range Items {
		for _, id := range it.Checks {
			listed[id] = true
		}
	}
	var out []string
	for _, it := range Items {
		if answers(it, m, listed) {
			out = append(out, it.Number)
		}
	}
	return out
}

// answers reports whether the check with metadata m answers the item;
// listed holds every ID some item lists in Checks.
func answers(it Item, m Meta, listed map[string]bool) bool {
	names := append([]string{m.ID}, m.Aliases...)
	for _, n := range names {
		if listed[n] {
			return slices.Contains(it.Checks, n)
		}
	}
	return slices.Contains(it.Categories, m.Category)
}

func status(a Answer) ItemStatus {
	switch {
	case a.Manual != "":
		return ItemManual
	case len(a.Verifying) > 0 && a.Rest != "":
		return ItemPartly
	case len(a.Verifying) > 0:
		return ItemVerified
	case len(a.Evidence) > 0:
		return ItemEvidence
	}
	return ItemUnchecked
}

// Count is how many items have each status.
func Count(answers []Answer) map[ItemStatus]int {
	n := map[ItemStatus]int{}
	for _, s := range ItemStatuses {
		n[s] = 0
	}
	for _, a := range answers {
		n[a.Status]++
	}
	return n
}

// SectionTitles are the checklist's own names for its sections.
var SectionTitles = map[string]string{
	"alerts_metrics":    "Alerts & Metrics",
	"sop":               "Dashboard and SOP",
	"on_call":           "On-call mapping and cadence",
	"deployment":        "Deployment",
	"observability":     "Observability and tracing",
	"load_tests":        "Load tests",
	"quality":           "Quality",
	"release":           "Release",
	"disaster_recovery": "Disaster Recovery and Business Continuity",
	"security":          "Compliance and Security",
	"documentation":     "Documentation",
	"custom":            "The team's own checks",
}

// Items is the whole checklist the catalogue serves, in order: 50 items in
// the 11 sections (custom holds no item: a team's own checks and Terraform
// check blocks answer what the team decides).
var Items = []Item{
	{Number: "1.1", Section: "alerts_metrics", Text: "Alerts for infrastructure issues (CPU, memory, unavailability)",
		Categories: []string{"alarm"},
		Checks:     []string{"aws_alarm_actions", "aws_alarm_actions_removed", "aws_lb_5xx_alarm"}},
	{Number: "1.2", Section: "alerts_metrics", Text: "Alerts for critical application-specific logic failures",
		Checks: []string{"aws_alarm_actions", "aws_alarm_actions_removed", "aws_lb_5xx_alarm", "aws_sqs_dlq_depth_alarm"},
		Rest:   "which application logic counts as critical"},
	{Number: "1.3", Section: "alerts_metrics", Text: "Historical data (hours/days) of infrastructure and resource usage",
		Categories: []string{"metrics_history"},
		Checks:     []string{"aws_log_group_retention", "google_gke_logging"}},
	{Number: "1.4", Section: "alerts_metrics", Text: "Real-time monitoring dashboard",
		Categories: []string{"dashboard"}},

	{Number: "2.1", Section: "sop", Text: "SOP document for handling alerts and known issues",
		Categories: []string{"runbook"},
		Rest:       "the SOP's content", Attest: "documentation"},
	{Number: "2.2", Section: "sop", Text: "Runbooks for common scenarios",
		Categories: []string{"runbook"},
		Rest:       "the runbooks' content", Attest: "documentation"},
	{Number: "2.3", Section: "sop", Text: "Incident response plan in place",
		Categories: []string{"incident_response"},
		Rest:       "that the team knows and practises the plan", Attest: "incident_drills"},

	{Number: "3.1", Section: "on_call", Text: "On-call mapping for application-level issues",
		Categories: []string{"on_call", "ownership"}},
	{Number: "3.2", Section: "on_call", Text: "On-call mapping for infrastructure issues",
		Categories: []string{"on_call", "ownership"}},
	{Number: "3.3", Section: "on_call", Text: "Defined rotation schedule and escalation policy",
		Checks: []string{"on_call_escalation", "on_call_rotation"}},

	{Number: "4.1", Section: "deployment", Text: "Instance type (GPU or CPU) determined",
		Categories: []string{"instance_choice"},
		Checks:     []string{"instance_burstable_database", "instance_previous_generation", "instance_tiny_size"}},
	{Number: "4.2", Section: "deployment", Text: "Required server type specified",
		Checks: []string{"instance_burstable_database", "instance_previous_generation", "instance_tiny_size"},
		Rest:   "the application server (gunicorn, uvicorn) and its workers"},
	{Number: "4.3", Section: "deployment", Text: "Multi-AZ support for failover",
		Categories: []string{"multi_az"}},
	{Number: "4.4", Section: "deployment", Text: "Multi-region support",
		Categories: []string{"multi_region"}},
	{Number: "4.5", Section: "deployment", Text: "Auto-scaling (HPA, KEDA)",
		Categories: []string{"autoscaling"}},
	{Number: "4.6", Section: "deployment", Text: "Health checks configured",
		Categories: []string{"health_check"}},
	{Number: "4.7", Section: "deployment", Text: "Resource limits defined and documented",
		Categories: []string{"resource_limits"},
		Rest:       "that the limits are documented", Attest: "documentation"},
	{Number: "4.8", Section: "deployment", Text: "Blue-green or canary deployment strategy",
		Categories: []string{"deployment_strategy"}},
	{Number: "4.9", Section: "deployment", Text: "Defined rollback plan and procedure",
		Categories: []string{"rollback"},
		Rest:       "the written rollback procedure", Attest: "release_process"},

	{Number: "5.1", Section: "observability", Text: "Dashboard with relevant metrics (request count, HTTP status codes)",
		Categories: []string{"dashboard"},
		Rest:       "that the dashboards show request counts and HTTP status codes, while the checks see only that a dashboard exists"},
	{Number: "5.2", Section: "observability", Text: "Trace a single request end-to-end",
		Categories: []string{"tracing"},
		Rest:       "that trace context propagates across every hop, a runtime property"},
	{Number: "5.3", Section: "observability", Text: "Log aggregation and analysis",
		Categories: []string{"logging"},
		Checks:     []string{"aws_cloudtrail_multi_region", "aws_log_group_retention", "google_gke_logging"}},
	{Number: "5.4", Section: "observability", Text: "Distributed tracing implemented",
		Categories: []string{"tracing"}},

	{Number: "6.1", Section: "load_tests", Text: "Capacity planning performed",
		Rest: "the capacity planning itself: a plan can only show that its scaling ceilings fit", Attest: "load_tests"},
	{Number: "6.2", Section: "load_tests", Text: "Defined performance benchmarks",
		Categories: []string{"performance_targets"},
		Rest:       "benchmarks kept outside the plan", Attest: "load_tests"},
	{Number: "6.3", Section: "load_tests", Text: "Stress testing conducted",
		Categories: []string{"load_testing"},
		Rest:       "that the tests ran and what they found", Attest: "load_tests"},

	{Number: "7.1", Section: "quality", Text: "Automated unit tests",
		Manual: "unit tests live in the application repository and its CI, not in Terraform", Attest: "code_quality"},
	{Number: "7.2", Section: "quality", Text: "Automated integration tests",
		Manual: "integration tests live in the application repository and its CI, not in Terraform", Attest: "code_quality"},
	{Number: "7.3", Section: "quality", Text: "Static code analysis",
		Manual: "the analysis runs in CI on the application's source code, not on infrastructure", Attest: "code_quality"},
	{Number: "7.4", Section: "quality", Text: "Code coverage measured, at an acceptable level",
		Categories: []string{"code_coverage"},
		Rest:       "coverage measured outside Terraform-managed quality gates", Attest: "code_quality"},
	{Number: "7.5", Section: "quality", Text: "Production sanity test cases",
		Categories: []string{"sanity_tests"},
		Rest:       "what the sanity tests cover", Attest: "code_quality"},
	{Number: "7.6", Section: "quality", Text: "CI/CD pipeline in place",
		Categories: []string{"ci_cd"},
		Rest:       "pipelines that live outside the plan", Attest: "release_process"},
	{Number: "7.7", Section: "quality", Text: "Security scans and vulnerability assessments, regularly",
		Categories: []string{"image_scanning"}},

	{Number: "8.1", Section: "release", Text: "Swagger/OpenAPI documentation available and up to date",
		Categories: []string{"api_documentation"},
		Rest:       "that the API documentation is up to date", Attest: "release_process"},
	{Number: "8.2", Section: "release", Text: "Versioning system for APIs and releases",
		Categories: []string{"release_versioning"},
		Rest:       "the API versioning scheme", Attest: "release_process"},
	{Number: "8.3", Section: "release", Text: "Communication channel for scheduled maintenance",
		Manual: "announcing maintenance to users is a communication practice (a status page, a mailing list), not infrastructure; " +
			"maintenance windows in Terraform only silence alerts", Attest: "release_process"},
	{Number: "8.4", Section: "release", Text: "Change management process",
		Categories: []string{"change_approval"},
		Rest:       "the change management process itself", Attest: "release_process"},
	{Number: "8.5", Section: "release", Text: "Feature flags for gradual rollout",
		Categories: []string{"feature_flags"},
		Rest:       "flags managed outside Terraform", Attest: "release_process"},

	{Number: "9.1", Section: "disaster_recovery", Text: "Backup and restore procedures in place and tested",
		Categories: []string{"backup", "deletion_protection", "destructive_change"},
		Rest:       "the restore procedure, and that restores succeed", Attest: "restore_drills"},
	{Number: "9.2", Section: "disaster_recovery", Text: "Data replication strategy",
		Categories: []string{"replication"}},
	{Number: "9.3", Section: "disaster_recovery", Text: "RTO and RPO defined",
		Categories: []string{"recovery_objectives"},
		Rest: "the objectives themselves, unless the team declares them (objective blocks of .readiness.hcl, " +
			"readiness:rpo and readiness:rto tags), which the recovery objective checks then judge"},
	{Number: "9.4", Section: "disaster_recovery", Text: "Regular disaster-recovery drills",
		Categories: []string{"recovery_drill"},
		Rest:       "that the drills run and what they found", Attest: "restore_drills"},

	{Number: "10.1", Section: "security", Text: "Data encrypted at rest and in transit",
		Categories: []string{"encryption_at_rest", "encryption_in_transit"}},
	{Number: "10.2", Section: "security", Text: "Access control and authentication",
		Categories: []string{"public_access", "access_control"}},
	{Number: "10.3", Section: "security", Text: "Regular security audits",
		Checks: []string{"aws_cloudtrail_multi_region"},
		Rest:   "periodic human audits and penetration tests"},
	{Number: "10.4", Section: "security", Text: "Compliance with industry standards (GDPR, HIPAA)",
		Categories: []string{"compliance"},
		Rest:       "compliance itself, which is legal and process work"},

	{Number: "11.1", Section: "documentation", Text: "System architecture documentation, up to date",
		Manual: "architecture documents are prose and diagrams outside infrastructure code", Attest: "documentation"},
	{Number: "11.2", Section: "documentation", Text: "API documentation complete and current",
		Categories: []string{"api_documentation"},
		Rest:       "that the API documentation is complete and current", Attest: "documentation"},
	{Number: "11.3", Section: "documentation", Text: "Operational procedures documented",
		Categories: []string{"runbook"},
		Rest:       "the procedures' content", Attest: "documentation"},
	{Number: "11.4", Section: "documentation", Text: "Comprehensive troubleshooting guide",
		Manual: "a guide's content cannot be inferred from configuration", Attest: "documentation"},
}

// ChecklistItem is one thing a team attests in its configuration's attest
// blocks: a part of the checklist no plan can show.
//
// Deprecated: Items is the checklist; this coarser list stays because
// internal/policy keys attest blocks by its section and text, and keys are
// forever. Each Item names its attest key in Attest.
type ChecklistItem struct {
	Section    string
	Item       string
	Categories []string
}

// Manual reports whether code cannot show the item, so a team attests it.
func (i ChecklistItem) Manual() bool { return len(i.Categories) == 0 }

// Checklist lists what a team attests, in order: the attest blocks'
// subjects. See ChecklistItem.
var Checklist = []ChecklistItem{
	{"on_call", "Incident response drills", nil},
	{"load_tests", "Load tests at expected and peak traffic", nil},
	{"quality", "Code quality: tests, reviews and static analysis", nil},
	{"release", "Release process: versioning, changelog and approvals", nil},
	{"disaster_recovery", "Restore drills", nil},
	{"documentation", "Service documentation: architecture, dependencies, owners", nil},
}
