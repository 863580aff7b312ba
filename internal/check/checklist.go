package check

// ChecklistItem is one line of the production-readiness checklist: what it
// asks, in which section, and which finding categories answer it. Items
// that infrastructure code cannot show have no categories: they are manual.
type ChecklistItem struct {
	Section    string
	Item       string
	Categories []string
}

// Manual reports whether code cannot show the item, so a team attests it.
func (i ChecklistItem) Manual() bool { return len(i.Categories) == 0 }

// Checklist is the whole checklist the catalogue serves, in order.
var Checklist = []ChecklistItem{
	{"alerts_metrics", "Alerts for infrastructure trouble (CPU, memory, unavailability)", []string{"alarm"}},
	{"alerts_metrics", "Alerts for application logic failures", []string{"alarm"}},
	{"alerts_metrics", "History of resource usage", []string{"logging", "metrics_history"}},
	{"alerts_metrics", "Real-time dashboard with request metrics", []string{"dashboard"}},
	{"sop", "Runbooks and SOPs for alerts", []string{"runbook"}},
	{"on_call", "On-call mapping, rotation and escalation", []string{"on_call", "ownership"}},
	{"on_call", "Incident response plan", []string{"incident_response"}},
	{"on_call", "Incident response drills", nil},
	{"deployment", "Instance type chosen for the workload (GPU or CPU)", []string{"instance_choice"}},
	{"deployment", "Multi-AZ failover", []string{"multi_az"}},
	{"deployment", "Multi-region", []string{"multi_region"}},
	{"deployment", "Autoscaling for spikes", []string{"autoscaling"}},
	{"deployment", "Health checks", []string{"health_check"}},
	{"deployment", "Resource limits defined", []string{"resource_limits"}},
	{"deployment", "Blue-green or canary deployments", []string{"deployment_strategy"}},
	{"deployment", "Rollback plan", []string{"rollback"}},
	{"observability", "Log aggregation", []string{"logging"}},
	{"observability", "Distributed tracing", []string{"tracing"}},
	{"observability", "Real-time dashboard with request metrics", []string{"dashboard"}},
	{"load_tests", "Load tests at expected and peak traffic", nil},
	{"quality", "Code quality: tests, reviews and static analysis", nil},
	{"quality", "Container images scanned for vulnerabilities", []string{"image_scanning"}},
	{"release", "Release process: versioning, changelog and approvals", nil},
	{"disaster_recovery", "Backups in place", []string{"backup"}},
	{"disaster_recovery", "Data replication", []string{"replication"}},
	{"disaster_recovery", "RTO and RPO defined and met", []string{"recovery_objectives"}},
	{"disaster_recovery", "Data survives changes", []string{"destructive_change"}},
	{"disaster_recovery", "Data survives mistakes", []string{"deletion_protection"}},
	{"disaster_recovery", "Restore drills", nil},
	{"security", "Encryption at rest", []string{"encryption_at_rest"}},
	{"security", "Encryption in transit", []string{"encryption_in_transit"}},
	{"security", "Access control", []string{"public_access", "access_control"}},
	{"documentation", "Service documentation: architecture, dependencies, owners", nil},
	{"custom", "The team's own checks and Terraform check blocks", []string{"check_block"}},
}
