package checks

import (
	"fmt"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// standbyRTO: below this, recovery cannot wait for a restore from backup;
// it needs a standby that takes over.
const standbyRTO = time.Hour

// objectiveClusterTypes have continuous backups that cannot be switched
// off (backup_retention_period is at least 1), and member instances.
var objectiveClusterTypes = map[string]string{
	"aws_rds_cluster":     "aws_rds_cluster_instance",
	"aws_docdb_cluster":   "aws_docdb_cluster_instance",
	"aws_neptune_cluster": "aws_neptune_cluster_instance",
}

// RecoveryObjectivesRTO asks for a standby where the RTO is too short for
// a restore from backup.
var RecoveryObjectivesRTO = recoveryObjectivesRTO(check.Settings{})

// recoveryObjectivesRTO is the check with a team's objectives.
func recoveryObjectivesRTO(s check.Settings) check.Check {
	return check.Check{
		Meta: check.Meta{
			ID:            "recovery_objectives_rto",
			Title:         "A standby can meet the RTO",
			Section:       "disaster_recovery",
			Category:      "recovery_objectives",
			Severity:      check.SeverityHigh,
			Cloud:         "aws",
			ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_elasticache_replication_group"},
			Description: "Restoring a database from a backup takes time that grows with its size, often hours. A recovery time " +
				"objective under an hour needs a standby that takes over: a Multi-AZ standby, a second cluster " +
				"instance, a replica to promote, or automatic failover. Above an hour the plan cannot show whether " +
				"a restore is fast enough: a restore drill can. " +
				"The objectives come from the objective blocks of .readiness.hcl or the resource's readiness:rpo and readiness:rto tags (docs/configuration.md, Recovery objectives).",
			Remediation: "Set multi_az = true, add a second cluster instance or a replica, or enable automatic_failover_enabled; " +
				"otherwise rehearse a restore and record the drill with attest \"restore_drills\".",
		},
		Configure: recoveryObjectivesRTO,
		Resource: func(plan *model.Plan, r *model.Resource) check.Finding {
			o, ok := s.ObjectivesOf(r)
			if !ok || !o.HasRTO {
				return check.Skip
			}
			return judgeRTO(plan, r, o)
		},
	}
}

func judgeRTO(plan *model.Plan, r *model.Resource, o check.Objectives) check.Finding {
	how, unknown, sev := standby(plan, r)
	evs := append([]check.Evidence{rtoEvidence(o)}, sev...)
	rto := period.FormatDuration(o.RTO)
	switch {
	case how != "":
		return check.Finding{Status: check.StatusPass, Evidence: evs, Message: fmt.Sprintf("%s can take over within the RTO of %s", how, rto)}
	case unknown:
		return check.Finding{Status: check.StatusUnknown, Evidence: evs, Message: "whether a standby exists is known only after apply"}
	case o.RTO < standbyRTO:
		return check.Finding{Status: check.StatusFail, Evidence: evs, Message: fmt.Sprintf(
			"no standby: recovery means restoring a backup, which rarely completes within the RTO of %s", rto)}
	}
	return check.Finding{Status: check.StatusUnknown, Evidence: evs, Message: fmt.Sprintf(
		"no standby: recovery means restoring a backup; whether that completes within the RTO of %s depends on the data's size (rehearse it: attest \"restore_drills\")", rto)}
}

// standby returns what takes over when r fails, or "" with unknown set when
// that is known only after apply.
func standby(plan *model.Plan, r *model.Resource) (how string, unknown bool, e []check.Evidence) {
	switch r.Type {
	case "aws_db_instance":
		a := r.Attr("multi_az")
		e = append(e, ev(plan, r, "multi_az"))
		if on, _ := a.Bool(); on {
			return "the Multi-AZ standby", false, e
		}
		if reps := referrersVia(plan, r, "replicate_source_db", "aws_db_instance"); len(reps) > 0 {
			return "read replica " + reps[0].Address, false, e
		}
		return "", a.Unknown, e
	case "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster":
		members := referrersVia(plan, r, "cluster_identifier", objectiveClusterTypes[r.Type])
		e = append(e, check.Evidence{Attribute: objectiveClusterTypes[r.Type], Value: fmt.Sprintf("%d in the plan", len(members))})
		if len(members) >= 2 {
			return "a second cluster instance", false, e
		}
		return "", false, e
	case "aws_elasticache_replication_group":
		a := r.Attr("automatic_failover_enabled")
		e = append(e, ev(plan, r, "automatic_failover_enabled"))
		if on, _ := a.Bool(); on {
			return "automatic failover to a replica", false, e
		}
		return "", a.Unknown, e
	}
	return "", false, e
}
