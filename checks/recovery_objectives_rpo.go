package checks

import (
	"fmt"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// Nominal recovery point intervals of each mechanism.
const (
	// pitrInterval: RDS, Aurora and DynamoDB restore to within about five
	// minutes of the present.
	pitrInterval = 5 * time.Minute
	// replicaInterval: asynchronous replicas lag by seconds, rarely minutes.
	replicaInterval = time.Minute
	// replicationInterval: EFS and S3 replication aim at 15 minutes.
	replicationInterval = 15 * time.Minute
	// snapshotInterval: daily automatic snapshots.
	snapshotInterval = 24 * time.Hour
)

// continuousBackupTypes support AWS Backup's continuous backup.
var continuousBackupTypes = map[string]bool{"aws_db_instance": true, "aws_rds_cluster": true, "aws_s3_bucket": true}

// RecoveryObjectivesRPO compares a data store's most frequent recovery
// point with its RPO.
var RecoveryObjectivesRPO = recoveryObjectivesRPO(check.Settings{})

// recoveryObjectivesRPO is the check with a team's objectives.
func recoveryObjectivesRPO(s check.Settings) check.Check {
	return check.Check{
		Meta: check.Meta{
			ID:            "recovery_objectives_rpo",
			Title:         "Backups, point-in-time recovery or replication meet the RPO",
			Section:       "disaster_recovery",
			Category:      "recovery_objectives",
			Severity:      check.SeverityHigh,
			Cloud:         "aws",
			ResourceTypes: objectiveDataStoreTypes,
			Description: "A recovery point objective of one hour is broken by a daily snapshot: a failure just before the next " +
				"snapshot loses a day of data. The most frequent recovery point the plan shows (point-in-time " +
				"recovery about every 5 minutes, replication, AWS Backup rules, automatic snapshots) must be at " +
				"least as frequent as the objective. " +
				"The objectives come from the objective blocks of .readiness.hcl or the resource's readiness:rpo and readiness:rto tags (docs/configuration.md, Recovery objectives).",
			Remediation: "Enable point-in-time recovery (RDS backup_retention_period > 0, DynamoDB point_in_time_recovery), add a " +
				"replica, or select the resource in an AWS Backup plan whose schedule runs at least once per RPO.",
		},
		Configure: recoveryObjectivesRPO,
		Resource: func(plan *model.Plan, r *model.Resource) check.Finding {
			o, ok := s.ObjectivesOf(r)
			if !ok || !o.HasRPO {
				return check.Skip
			}
			return judgeRPO(plan, r, o)
		},
	}
}

func judgeRPO(plan *model.Plan, r *model.Resource, o check.Objectives) check.Finding {
	points, seen := recoveryPoints(plan, r)
	evs := append([]check.Evidence{rpoEvidence(o)}, seen...)
	var best *recoveryPoint
	undecided := false
	for i, pt := range points {
		if pt.unknown {
			undecided = true
			continue
		}
		if best == nil || pt.interval < best.interval {
			best = &points[i]
		}
	}
	rpo := period.FormatDuration(o.RPO)
	switch {
	case best != nil && best.interval <= o.RPO:
		return check.Finding{Status: check.StatusPass, Evidence: evs, Message: fmt.Sprintf(
			"%s (a recovery point every %s) meets the RPO of %s", best.how, period.FormatDuration(best.interval), rpo)}
	case undecided:
		return check.Finding{Status: check.StatusUnknown, Evidence: evs, Message: fmt.Sprintf(
			"whether the RPO of %s is met depends on values known only after apply", rpo)}
	case best == nil:
		return check.Finding{Status: check.StatusFail, Evidence: evs, Message: fmt.Sprintf(
			"no backup, point-in-time recovery or replication in the plan: the RPO of %s cannot be met", rpo)}
	}
	return check.Finding{Status: check.StatusFail, Evidence: evs, Message: fmt.Sprintf(
		"the most frequent recovery point is %s, every %s: a failure just before it loses more than the RPO of %s",
		best.how, period.FormatDuration(best.interval), rpo)}
}

// recoveryPoint is one way to get data back, and how old the data it gives
// back can be.
type recoveryPoint struct {
	how      string
	interval time.Duration
	unknown  bool // it depends on a value known only after apply
	// backupPlan is the AWS Backup plan of a rule; nil for other ways.
	backupPlan *model.Resource
	// evidence is the rule's schedule (AWS Backup rules only).
	evidence check.Evidence
}

// recoveryPoints lists the ways the plan shows to restore r's data, and the
// evidence of every attribute it read, ways found or not.
func recoveryPoints(plan *model.Plan, r *model.Resource) ([]recoveryPoint, []check.Evidence) {
	var out []recoveryPoint
	var seen []check.Evidence
	add := func(pt recoveryPoint) { out = append(out, pt) }
	switch r.Type {
	case "aws_db_instance":
		a := r.Attr("backup_retention_period")
		e := ev(plan, r, "backup_retention_period")
		n, ok := a.Number()
		switch {
		case a.Unknown:
			add(recoveryPoint{how: "point-in-time recovery", unknown: true})
		case a.Value == nil || ok && n > 0:
			if a.Value == nil {
				e.Value += " (unset: defaults to 1)"
			}
			add(recoveryPoint{how: "point-in-time recovery", interval: pitrInterval})
		}
		seen = append(seen, e)
		for _, rep := range referrersVia(plan, r, "replicate_source_db", "aws_db_instance") {
			add(recoveryPoint{how: "read replica " + rep.Address, interval: replicaInterval})
			seen = append(seen, check.Evidence{Attribute: rep.Address + ".replicate_source_db", Value: "(refers to this instance)"})
		}
	case "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster":
		add(recoveryPoint{how: "continuous backup (point-in-time recovery)", interval: pitrInterval})
		seen = append(seen, ev(plan, r, "backup_retention_period"))
	case "aws_dynamodb_table":
		a := r.Attr("point_in_time_recovery", 0, "enabled")
		if on, ok := a.Bool(); a.Unknown || ok && on {
			add(recoveryPoint{how: "point-in-time recovery", interval: pitrInterval, unknown: a.Unknown})
		}
		seen = append(seen, ev(plan, r, "point_in_time_recovery", 0, "enabled"))
		if rep := r.Attr("replica"); rep.Unknown || len(rep.List()) > 0 {
			add(recoveryPoint{how: "global table replicas", interval: replicaInterval, unknown: rep.Unknown})
			seen = append(seen, ev(plan, r, "replica"))
		}
	case "aws_efs_file_system":
		for _, bp := range referrersVia(plan, r, "file_system_id", "aws_efs_backup_policy") {
			a := bp.Attr("backup_policy", 0, "status")
			if s, ok := a.Str(); a.Unknown || ok && s == "ENABLED" {
				add(recoveryPoint{how: "AWS Backup's daily EFS backup", interval: snapshotInterval, unknown: a.Unknown})
			}
			seen = append(seen, evAt(plan, bp, "backup_policy", 0, "status"))
		}
		for _, rc := range referrersVia(plan, r, "source_file_system_id", "aws_efs_replication_configuration") {
			add(recoveryPoint{how: "EFS replication " + rc.Address, interval: replicationInterval})
			seen = append(seen, check.Evidence{Attribute: rc.Address + ".source_file_system_id", Value: "(refers to this file system)"})
		}
	case "aws_elasticache_replication_group":
		a := r.Attr("snapshot_retention_limit")
		if n, ok := a.Number(); a.Unknown || ok && n > 0 {
			add(recoveryPoint{how: "daily automatic snapshots", interval: snapshotInterval, unknown: a.Unknown})
		}
		seen = append(seen, ev(plan, r, "snapshot_retention_limit"))
	case "aws_s3_bucket":
		// The versioning block is computed on AWS provider v4 and later:
		// unknown but not configured, it is off until something enables it;
		// a dynamic block the plan does not show may enable it.
		a := r.Attr("versioning", 0, "enabled")
		if on, _ := a.Bool(); on || a.Unknown && r.ConfiguredBlock("versioning") != model.NotSet {
			add(recoveryPoint{how: "versioning (every write kept)", unknown: a.Unknown})
		}
		seen = append(seen, ev(plan, r, "versioning", 0, "enabled"))
		for _, v := range referrersVia(plan, r, "bucket", "aws_s3_bucket_versioning") {
			a := v.Attr("versioning_configuration", 0, "status")
			if s, ok := a.Str(); a.Unknown || ok && s == "Enabled" {
				add(recoveryPoint{how: "versioning (every write kept)", unknown: a.Unknown})
			}
			seen = append(seen, evAt(plan, v, "versioning_configuration", 0, "status"))
		}
		for _, rc := range referrersVia(plan, r, "bucket", "aws_s3_bucket_replication_configuration") {
			add(recoveryPoint{how: "S3 replication " + rc.Address, interval: replicationInterval})
			seen = append(seen, check.Evidence{Attribute: rc.Address + ".bucket", Value: "(refers to this bucket)"})
		}
	case "aws_ebs_volume":
		// Data Lifecycle Manager snapshots volumes, as aws_ebs_volume_backup
		// judges it.
		if dlm := backup.Snapshots(plan, r); dlm.Verdict > backup.No {
			d, how, ok := backup.SnapshotInterval(dlm.By)
			e := check.Evidence{Attribute: dlm.By.Address, Value: dlm.How + ": " + how}
			if dlm.Verdict == backup.Maybe {
				ok = false
			}
			add(recoveryPoint{how: "Data Lifecycle Manager policy " + dlm.By.Address + " " + how, interval: d, unknown: !ok})
			seen = append(seen, e)
		}
	}
	rules := backupRules(plan, r)
	for _, pt := range rules {
		seen = append(seen, pt.evidence)
	}
	if len(rules) == 0 {
		seen = append(seen, check.Evidence{Attribute: "aws_backup_selection", Value: "none selects this resource in the plan"})
	}
	return append(out, rules...), seen
}

// backupRules lists the AWS Backup rules of the plans whose selections
// pick r, as internal/aws/backup judges it (aws_backup_plan_coverage asks
// the same): a rule of a selection that may pick r, depending on values
// known only after apply, is a recovery point known only after apply.
func backupRules(plan *model.Plan, r *model.Resource) []recoveryPoint {
	var out []recoveryPoint
	seen := map[*model.Resource]backup.Verdict{}
	for _, m := range backup.Matches(plan, r) {
		for _, bp := range m.Selection.Plans(plan) {
			if seen[bp] >= m.Verdict || !bp.Exists() {
				continue
			}
			seen[bp] = m.Verdict
			rules := planRules(plan, bp, r.Type)
			if m.Verdict != backup.Yes {
				for i := range rules {
					rules[i].unknown = true
					rules[i].evidence.Value += fmt.Sprintf(" (if %s picks the resource: its %s)", m.Selection.Resource.Address, m.How)
				}
			}
			out = append(out, rules...)
		}
	}
	return out
}

// planRules turns each rule of an AWS Backup plan into a recovery point for
// a resource of type rtype.
func planRules(plan *model.Plan, bp *model.Resource, rtype string) []recoveryPoint {
	bplan := backup.PlanOf(bp)
	if bplan.RulesUnknown {
		return []recoveryPoint{{how: "AWS Backup plan " + bp.Address, unknown: true, backupPlan: bp, evidence: evAt(plan, bp, "rule")}}
	}
	var out []recoveryPoint
	for _, rule := range bplan.Rules {
		how := fmt.Sprintf("AWS Backup plan %s rule %q", bp.Address, rule.Name)
		if rule.Continuous && continuousBackupTypes[rtype] {
			out = append(out, recoveryPoint{how: how + " (continuous backup)", interval: pitrInterval, backupPlan: bp,
				evidence: evAt(plan, bp, rule.Path("enable_continuous_backup")...)})
			continue
		}
		e := evAt(plan, bp, rule.Path("schedule")...)
		if rule.ScheduleUnknown {
			out = append(out, recoveryPoint{how: how, unknown: true, backupPlan: bp, evidence: e})
			continue
		}
		if rule.ScheduleUnset {
			e.Value += " (unset: defaults to " + rule.Schedule + ")"
		}
		d, err := rule.Interval()
		if err != nil {
			e.Value += " (" + err.Error() + ")"
			out = append(out, recoveryPoint{how: how, unknown: true, backupPlan: bp, evidence: e})
			continue
		}
		out = append(out, recoveryPoint{how: how, interval: d, backupPlan: bp, evidence: e})
	}
	return out
}

// referrersVia returns the resources of the given types whose attribute
// attr refers to r.
func referrersVia(plan *model.Plan, r *model.Resource, attr string, types ...string) []*model.Resource {
	var out []*model.Resource
	for _, from := range plan.Referrers(r, types...) {
		for _, t := range plan.Refs(from, attr) {
			if t == r {
				out = append(out, from)
				break
			}
		}
	}
	return out
}
