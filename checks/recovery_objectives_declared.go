package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// The recovery objective checks compare what the plan shows of backups,
// point-in-time recovery, replication and standbys with the objectives a
// team declared in .readiness.hcl or by tag, which they read through
// check.Settings.Recovery: without a configuration they judge nothing.

// objectiveDataStoreTypes are the AWS resources that hold data a disaster
// can lose.
var objectiveDataStoreTypes = []string{
	"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
	"aws_dynamodb_table", "aws_efs_file_system", "aws_elasticache_replication_group",
	"aws_s3_bucket", "aws_ebs_volume",
}

// RecoveryObjectivesDeclared asks every data store for an RPO and an RTO
// once the configuration declares an objective block.
var RecoveryObjectivesDeclared = recoveryObjectivesDeclared(check.Settings{})

// recoveryObjectivesDeclared is the check with a team's objectives: a
// configuration that declares none (the starter 'readiness init' writes)
// changes no result.
func recoveryObjectivesDeclared(s check.Settings) check.Check {
	return check.Check{
		Meta: check.Meta{
			ID:            "recovery_objectives_declared",
			Title:         "Data store has a declared RPO and RTO",
			Section:       "disaster_recovery",
			Category:      "recovery_objectives",
			Severity:      check.SeverityMedium,
			Cloud:         "aws",
			ResourceTypes: objectiveDataStoreTypes,
			Description: "Backups and replicas are only as good as the objective they serve: without a recovery point objective " +
				"(how much data may be lost) and a recovery time objective (how long the service may be down) nobody " +
				"can say whether they are enough. Runs once .readiness.hcl declares an objective block.",
			Remediation: "Declare the objectives in an objective block of .readiness.hcl, or tag the resource with " +
				"readiness:rpo and readiness:rto (durations such as 1h or 15m).",
		},
		Configure: recoveryObjectivesDeclared,
		Resource: func(plan *model.Plan, r *model.Resource) check.Finding {
			o, ok := s.ObjectivesOf(r)
			if !ok || !s.DeclaresObjectives {
				return check.Skip
			}
			evs := objectiveEvidence(o)
			var missing []string
			if !o.HasRPO {
				missing = append(missing, "RPO")
			}
			if !o.HasRTO {
				missing = append(missing, "RTO")
			}
			switch {
			case o.Problem != "":
				return check.Finding{Status: check.StatusFail, Message: o.Problem, Evidence: evs}
			case len(missing) > 0:
				return check.Finding{Status: check.StatusFail, Evidence: evs, Message: fmt.Sprintf(
					"no %s declared for this data store: add an objective block that selects it, or readiness:rpo and readiness:rto tags",
					strings.Join(missing, " or "))}
			}
			return check.Finding{Status: check.StatusPass, Evidence: evs,
				Message: fmt.Sprintf("RPO %s and RTO %s declared", period.FormatDuration(o.RPO), period.FormatDuration(o.RTO))}
		},
	}
}

// objectiveEvidence is a resource's objectives and who declared them.
func objectiveEvidence(o check.Objectives) []check.Evidence {
	return []check.Evidence{rpoEvidence(o), rtoEvidence(o)}
}

func rpoEvidence(o check.Objectives) check.Evidence {
	if !o.HasRPO {
		return check.Evidence{Attribute: "rpo", Value: "(not declared)"}
	}
	return check.Evidence{Attribute: "rpo", Value: period.FormatDuration(o.RPO) + " (" + o.RPOFrom + ")"}
}

func rtoEvidence(o check.Objectives) check.Evidence {
	if !o.HasRTO {
		return check.Evidence{Attribute: "rto", Value: "(not declared)"}
	}
	return check.Evidence{Attribute: "rto", Value: period.FormatDuration(o.RTO) + " (" + o.RTOFrom + ")"}
}
