package policy

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// The recovery objective checks compare what the plan shows of backups,
// point-in-time recovery, replication and standbys with the objectives a
// team declared. They are made by the policy, not registered in the
// catalogue, because they read the configuration: a check in checks/ sees
// only the plan.

const objectivePrefix = "recovery_objectives_"

// Nominal recovery point intervals of each mechanism.
const (
	// pitrInterval: RDS, Aurora and DynamoDB restore to within about five
	// minutes of the present.
	pitrInterval = 5 * time.Minute
	// replicaInterval: asynchronous replicas lag by seconds, rarely minutes.
	replicaInterval = time.Minute
	// efsReplicationInterval: EFS and S3 replication aim at 15 minutes.
	replicationInterval = 15 * time.Minute
	// snapshotInterval: daily automatic snapshots.
	snapshotInterval = 24 * time.Hour
	// standbyRTO: below this, recovery cannot wait for a restore from
	// backup; it needs a standby that takes over.
	standbyRTO = time.Hour
)

// dataStoreTypes are the AWS resources that hold data a disaster can lose.
var dataStoreTypes = []string{
	"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
	"aws_dynamodb_table", "aws_efs_file_system", "aws_elasticache_replication_group",
	"aws_s3_bucket", "aws_ebs_volume",
}

// clusterTypes have continuous backups that cannot be switched off
// (backup_retention_period is at least 1), and member instances.
var clusterTypes = map[string]string{
	"aws_rds_cluster":     "aws_rds_cluster_instance",
	"aws_docdb_cluster":   "aws_docdb_cluster_instance",
	"aws_neptune_cluster": "aws_neptune_cluster_instance",
}

// continuousBackupTypes support AWS Backup's continuous backup.
var continuousBackupTypes = map[string]bool{"aws_db_instance": true, "aws_rds_cluster": true, "aws_s3_bucket": true}

func objectiveMeta(id, title string, sev check.Severity, types []string, desc, fix string) check.Meta {
	return check.Meta{
		ID: objectivePrefix + id, Title: title, Section: "disaster_recovery", Category: "recovery_objectives",
		Severity: sev, Cloud: "aws", ResourceTypes: types, Description: desc, Remediation: fix,
	}
}

var (
	declaredMeta = objectiveMeta("declared", "Data store has a declared RPO and RTO", check.SeverityMedium, dataStoreTypes,
		"Backups and replicas are only as good as the objective they serve: without a recovery point objective "+
			"(how much data may be lost) and a recovery time objective (how long the service may be down) nobody "+
			"can say whether they are enough. Runs once .readiness.hcl declares an objective block.",
		"Declare the objectives in an objective block of .readiness.hcl, or tag the resource with "+
			"readiness:rpo and readiness:rto (durations such as 1h or 15m).")
	rpoMeta = objectiveMeta("rpo", "Backups, point-in-time recovery or replication meet the RPO", check.SeverityHigh, dataStoreTypes,
		"A recovery point objective of one hour is broken by a daily snapshot: a failure just before the next "+
			"snapshot loses a day of data. The most frequent recovery point the plan shows (point-in-time "+
			"recovery about every 5 minutes, replication, AWS Backup rules, automatic snapshots) must be at "+
			"least as frequent as the objective.",
		"Enable point-in-time recovery (RDS backup_retention_period > 0, DynamoDB point_in_time_recovery), add a "+
			"replica, or select the resource in an AWS Backup plan whose schedule runs at least once per RPO.")
	rtoMeta = objectiveMeta("rto", "A standby can meet the RTO", check.SeverityHigh,
		[]string{"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_elasticache_replication_group"},
		"Restoring a database from a backup takes time that grows with its size, often hours. A recovery time "+
			"objective under an hour needs a standby that takes over: a Multi-AZ standby, a second cluster "+
			"instance, a replica to promote, or automatic failover. Above an hour the plan cannot show whether "+
			"a restore is fast enough: a restore drill can.",
		"Set multi_az = true, add a second cluster instance or a replica, or enable automatic_failover_enabled; "+
			"otherwise rehearse a restore and record the drill with attest \"restore_drills\".")
	backupPlanMeta = objectiveMeta("backup_plan", "AWS Backup plan runs as often as the RPO it serves", check.SeverityMedium,
		[]string{"aws_backup_plan"},
		"An AWS Backup plan that runs daily cannot keep a one-hour RPO for the resources that rely on it.",
		"Add a rule whose schedule runs at least once per RPO, e.g. cron(0 * ? * * *) for hourly, or enable "+
			"continuous backup where the resource supports it.")
)

// ObjectiveChecks returns the recovery objective checks' metadata and logic
// for a policy without objectives: for listing and documentation.
func ObjectiveChecks() []check.Check { return (&Policy{Source: "-"}).objectiveChecks(true) }

// objectiveChecks are the checks of the policy's objectives. Every data
// store needs a declared objective once the team declares any: a
// configuration that declares none (the starter 'readiness init' writes)
// changes no result. With all, every check is listed.
func (p *Policy) objectiveChecks(all bool) []check.Check {
	out := []check.Check{
		{Meta: rpoMeta, Resource: p.judgeRPO},
		{Meta: rtoMeta, Resource: p.judgeRTO},
		{Meta: backupPlanMeta, Resource: p.judgeBackupPlan},
	}
	if all || p.Source != "" && len(p.Objectives) > 0 {
		out = append([]check.Check{{Meta: declaredMeta, Resource: p.judgeDeclared}}, out...)
	}
	return out
}

func (p *Policy) judgeDeclared(plan *model.Plan, r *model.Resource) check.Finding {
	o := p.objectivesFor(r)
	ev := objectiveEvidence(o)
	var missing []string
	if !o.hasRPO {
		missing = append(missing, "RPO")
	}
	if !o.hasRTO {
		missing = append(missing, "RTO")
	}
	switch {
	case o.problem != "":
		return check.Finding{Status: check.StatusFail, Message: o.problem, Evidence: ev}
	case len(missing) > 0:
		return check.Finding{Status: check.StatusFail, Evidence: ev, Message: fmt.Sprintf(
			"no %s declared for this data store: add an objective block that selects it, or readiness:rpo and readiness:rto tags",
			strings.Join(missing, " or "))}
	}
	return check.Finding{Status: check.StatusPass, Evidence: ev,
		Message: fmt.Sprintf("RPO %s and RTO %s declared", period.FormatDuration(o.rpo), period.FormatDuration(o.rto))}
}

func objectiveEvidence(o objectives) []check.Evidence {
	ev := []check.Evidence{}
	if o.hasRPO {
		ev = append(ev, check.Evidence{Attribute: "rpo", Value: period.FormatDuration(o.rpo) + " (" + o.rpoFrom + ")"})
	} else {
		ev = append(ev, check.Evidence{Attribute: "rpo", Value: "(not declared)"})
	}
	if o.hasRTO {
		ev = append(ev, check.Evidence{Attribute: "rto", Value: period.FormatDuration(o.rto) + " (" + o.rtoFrom + ")"})
	} else {
		ev = append(ev, check.Evidence{Attribute: "rto", Value: "(not declared)"})
	}
	return ev
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

func (p *Policy) judgeRPO(plan *model.Plan, r *model.Resource) check.Finding {
	o := p.objectivesFor(r)
	if !o.hasRPO {
		return check.Skip
	}
	points, seen := recoveryPoints(plan, r)
	ev := append([]check.Evidence{{Attribute: "rpo", Value: period.FormatDuration(o.rpo) + " (" + o.rpoFrom + ")"}}, seen...)
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
	rpo := period.FormatDuration(o.rpo)
	switch {
	case best != nil && best.interval <= o.rpo:
		return check.Finding{Status: check.StatusPass, Evidence: ev, Message: fmt.Sprintf(
			"%s (a recovery point every %s) meets the RPO of %s", best.how, period.FormatDuration(best.interval), rpo)}
	case undecided:
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: fmt.Sprintf(
			"whether the RPO of %s is met depends on values known only after apply", rpo)}
	case best == nil:
		return check.Finding{Status: check.StatusFail, Evidence: ev, Message: fmt.Sprintf(
			"no backup, point-in-time recovery or replication in the plan: the RPO of %s cannot be met", rpo)}
	}
	return check.Finding{Status: check.StatusFail, Evidence: ev, Message: fmt.Sprintf(
		"the most frequent recovery point is %s, every %s: a failure just before it loses more than the RPO of %s",
		best.how, period.FormatDuration(best.interval), rpo)}
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
		e := evAttr(plan, r, "backup_retention_period")
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
		seen = append(seen, evAttr(plan, r, "backup_retention_period"))
	case "aws_dynamodb_table":
		a := r.Attr("point_in_time_recovery", 0, "enabled")
		if on, ok := a.Bool(); a.Unknown || ok && on {
			add(recoveryPoint{how: "point-in-time recovery", interval: pitrInterval, unknown: a.Unknown})
		}
		seen = append(seen, evAttr(plan, r, "point_in_time_recovery", 0, "enabled"))
		if rep := r.Attr("replica"); rep.Unknown || len(rep.List()) > 0 {
			add(recoveryPoint{how: "global table replicas", interval: replicaInterval, unknown: rep.Unknown})
			seen = append(seen, evAttr(plan, r, "replica"))
		}
	case "aws_efs_file_system":
		for _, bp := range referrersVia(plan, r, "file_system_id", "aws_efs_backup_policy") {
			a := bp.Attr("backup_policy", 0, "status")
			if s, ok := a.Str(); a.Unknown || ok && s == "ENABLED" {
				add(recoveryPoint{how: "AWS Backup's daily EFS backup", interval: snapshotInterval, unknown: a.Unknown})
			}
			seen = append(seen, evOther(plan, bp, "backup_policy", 0, "status"))
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
		seen = append(seen, evAttr(plan, r, "snapshot_retention_limit"))
	case "aws_s3_bucket":
		// The versioning block is computed on AWS provider v4 and later:
		// unknown but not configured, it is off until something enables it;
		// a dynamic block the plan does not show may enable it.
		a := r.Attr("versioning", 0, "enabled")
		if on, _ := a.Bool(); on || a.Unknown && r.ConfiguredBlock("versioning") != model.NotSet {
			add(recoveryPoint{how: "versioning (every write kept)", unknown: a.Unknown})
		}
		seen = append(seen, evAttr(plan, r, "versioning", 0, "enabled"))
		for _, v := range referrersVia(plan, r, "bucket", "aws_s3_bucket_versioning") {
			a := v.Attr("versioning_configuration", 0, "status")
			if s, ok := a.Str(); a.Unknown || ok && s == "Enabled" {
				add(recoveryPoint{how: "versioning (every write kept)", unknown: a.Unknown})
			}
			seen = append(seen, evOther(plan, v, "versioning_configuration", 0, "status"))
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
// pick r, as internal/aws/backup judges it (the catalogue's
// aws_backup_plan_coverage asks the same): a rule of a selection that may
// pick r, depending on values known only after apply, is a recovery point
// known only after apply.
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
		return []recoveryPoint{{how: "AWS Backup plan " + bp.Address, unknown: true, backupPlan: bp, evidence: evOther(plan, bp, "rule")}}
	}
	var out []recoveryPoint
	for _, rule := range bplan.Rules {
		how := fmt.Sprintf("AWS Backup plan %s rule %q", bp.Address, rule.Name)
		if rule.Continuous && continuousBackupTypes[rtype] {
			out = append(out, recoveryPoint{how: how + " (continuous backup)", interval: pitrInterval, backupPlan: bp,
				evidence: evOther(plan, bp, rule.Path("enable_continuous_backup")...)})
			continue
		}
		e := evOther(plan, bp, rule.Path("schedule")...)
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

// strictestRPO is the strictest RPO among data stores, and whose it is.
type strictestRPO struct {
	rpo time.Duration
	who string
}

func (s *strictestRPO) add(rpo time.Duration, who string) {
	if s.who == "" || rpo < s.rpo {
		s.rpo, s.who = rpo, who
	}
}

func (p *Policy) judgeBackupPlan(plan *model.Plan, bp *model.Resource) check.Finding {
	// The strictest RPO among the data stores this plan covers that have no
	// faster way back than AWS Backup's schedules: of those its selections
	// pick, and of those they may pick (depending on values known only
	// after apply).
	var sure, maybe strictestRPO
	var maybeBy string
	for _, sel := range backup.Selections(plan) {
		if !slices.Contains(sel.Plans(plan), bp) {
			continue
		}
		for _, ds := range plan.OfType(dataStoreTypes...) {
			if !backup.Protects(ds.Type) {
				continue
			}
			v, how := sel.Selects(plan, ds)
			if v == backup.No {
				continue
			}
			o := p.objectivesFor(ds)
			if !o.hasRPO || metOtherwise(plan, ds, o.rpo) {
				continue
			}
			if v == backup.Yes {
				sure.add(o.rpo, ds.Address)
			} else if maybe.who == "" || o.rpo < maybe.rpo {
				maybe.add(o.rpo, ds.Address)
				maybeBy = sel.Resource.Address + ": its " + how
			}
		}
	}
	if sure.who == "" && maybe.who == "" {
		return check.Skip
	}
	points := planRules(plan, bp, "")
	var best *recoveryPoint
	undecided := false
	var rules []check.Evidence
	for i, pt := range points {
		rules = append(rules, pt.evidence)
		if pt.unknown {
			undecided = true
		} else if best == nil || pt.interval < best.interval {
			best = &points[i]
		}
	}
	if sure.who != "" {
		f := backupPlanFinding(sure, best, undecided, rules)
		if f.Status != check.StatusPass || maybe.who == "" || maybe.rpo >= sure.rpo {
			return f
		}
	}
	// A stricter RPO of a data store a selection may pick: met, it passes
	// whatever the selection turns out to pick; otherwise nobody can tell.
	f := backupPlanFinding(maybe, best, undecided, rules)
	if f.Status != check.StatusPass {
		f.Status = check.StatusUnknown
		f.Message = fmt.Sprintf("whether the plan must keep the RPO of %s of %s is known only after apply (%s); %s",
			period.FormatDuration(maybe.rpo), maybe.who, maybeBy, f.Message)
	}
	return f
}

// backupPlanFinding judges an AWS Backup plan's best rule against the
// strictest RPO it serves.
func backupPlanFinding(s strictestRPO, best *recoveryPoint, undecided bool, rules []check.Evidence) check.Finding {
	ev := append([]check.Evidence{{Attribute: "rpo", Value: period.FormatDuration(s.rpo) + " (" + s.who + ")"}}, rules...)
	switch {
	case best != nil && best.interval <= s.rpo:
		return check.Finding{Status: check.StatusPass, Evidence: ev, Message: fmt.Sprintf(
			"the plan backs up every %s, within the RPO of %s of %s", period.FormatDuration(best.interval), period.FormatDuration(s.rpo), s.who)}
	case undecided:
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "the plan's schedules are known only after apply or not understood"}
	case best == nil:
		return check.Finding{Status: check.StatusFail, Evidence: ev, Message: fmt.Sprintf(
			"the plan has no rule, so it cannot keep the RPO of %s of %s", period.FormatDuration(s.rpo), s.who)}
	}
	return check.Finding{Status: check.StatusFail, Evidence: ev, Message: fmt.Sprintf(
		"the most frequent rule runs every %s: it cannot keep the RPO of %s of %s", period.FormatDuration(best.interval), period.FormatDuration(s.rpo), s.who)}
}

// metOtherwise reports whether r meets rpo without AWS Backup's schedules.
func metOtherwise(plan *model.Plan, r *model.Resource, rpo time.Duration) bool {
	points, _ := recoveryPoints(plan, r)
	for _, pt := range points {
		if pt.backupPlan == nil && !pt.unknown && pt.interval <= rpo {
			return true
		}
	}
	return false
}

func (p *Policy) judgeRTO(plan *model.Plan, r *model.Resource) check.Finding {
	o := p.objectivesFor(r)
	if !o.hasRTO {
		return check.Skip
	}
	ev := []check.Evidence{{Attribute: "rto", Value: period.FormatDuration(o.rto) + " (" + o.rtoFrom + ")"}}
	how, unknown, sev := standby(plan, r)
	ev = append(ev, sev...)
	rto := period.FormatDuration(o.rto)
	switch {
	case how != "":
		return check.Finding{Status: check.StatusPass, Evidence: ev, Message: fmt.Sprintf("%s can take over within the RTO of %s", how, rto)}
	case unknown:
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "whether a standby exists is known only after apply"}
	case o.rto < standbyRTO:
		return check.Finding{Status: check.StatusFail, Evidence: ev, Message: fmt.Sprintf(
			"no standby: recovery means restoring a backup, which rarely completes within the RTO of %s", rto)}
	}
	return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: fmt.Sprintf(
		"no standby: recovery means restoring a backup; whether that completes within the RTO of %s depends on the data's size (rehearse it: attest \"restore_drills\")", rto)}
}

// standby returns what takes over when r fails, or "" with unknown set when
// that is known only after apply.
func standby(plan *model.Plan, r *model.Resource) (how string, unknown bool, ev []check.Evidence) {
	switch r.Type {
	case "aws_db_instance":
		a := r.Attr("multi_az")
		ev = append(ev, evAttr(plan, r, "multi_az"))
		if on, _ := a.Bool(); on {
			return "the Multi-AZ standby", false, ev
		}
		if reps := referrersVia(plan, r, "replicate_source_db", "aws_db_instance"); len(reps) > 0 {
			return "read replica " + reps[0].Address, false, ev
		}
		return "", a.Unknown, ev
	case "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster":
		members := referrersVia(plan, r, "cluster_identifier", clusterTypes[r.Type])
		ev = append(ev, check.Evidence{Attribute: clusterTypes[r.Type], Value: fmt.Sprintf("%d in the plan", len(members))})
		if len(members) >= 2 {
			return "a second cluster instance", false, ev
		}
		return "", false, ev
	case "aws_elasticache_replication_group":
		a := r.Attr("automatic_failover_enabled")
		ev = append(ev, evAttr(plan, r, "automatic_failover_enabled"))
		if on, _ := a.Bool(); on {
			return "automatic failover to a replica", false, ev
		}
		return "", a.Unknown, ev
	}
	return "", false, ev
}

// referrersVia returns the resources of the given types whose attribute
// attr refers to r.
func referrersVia(plan *model.Plan, r *model.Resource, attr string, types ...string) []*model.Resource {
	var out []*model.Resource
	for _, from := range plan.Referrers(r, types...) {
		if refersTo(plan, from, attr, r) {
			out = append(out, from)
		}
	}
	return out
}

func refersTo(plan *model.Plan, from *model.Resource, attr string, to *model.Resource) bool {
	for _, t := range plan.Refs(from, attr) {
		if t == to {
			return true
		}
	}
	return false
}

func evAttr(plan *model.Plan, r *model.Resource, path ...model.Step) check.Evidence {
	return check.Evidence{Attribute: model.Path(path).String(), Value: plan.Show(r, r.Attr(path...))}
}

func evOther(plan *model.Plan, r *model.Resource, path ...model.Step) check.Evidence {
	return check.Evidence{Attribute: r.Address + "." + model.Path(path).String(), Value: plan.Show(r, r.Attr(path...))}
}
