package checks

import (
	"fmt"
	"slices"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// RecoveryObjectivesBackupPlan asks an AWS Backup plan to run as often as
// the strictest RPO of the data stores that rely on it.
var RecoveryObjectivesBackupPlan = recoveryObjectivesBackupPlan(check.Settings{})

// recoveryObjectivesBackupPlan is the check with a team's objectives.
func recoveryObjectivesBackupPlan(s check.Settings) check.Check {
	return check.Check{
		Meta: check.Meta{
			ID:            "recovery_objectives_backup_plan",
			Title:         "AWS Backup plan runs as often as the RPO it serves",
			Section:       "disaster_recovery",
			Category:      "recovery_objectives",
			Severity:      check.SeverityMedium,
			Cloud:         "aws",
			ResourceTypes: []string{"aws_backup_plan"},
			Description: "An AWS Backup plan that runs daily cannot keep a one-hour RPO for the resources that rely on it. " +
				"The RPO a plan must keep is the strictest of the data stores its selections pick that have no faster " +
				"way back (point-in-time recovery, replication); the objectives come from the objective blocks of " +
				".readiness.hcl or the resources' readiness:rpo and readiness:rto tags (docs/configuration.md, Recovery objectives).",
			Remediation: "Add a rule whose schedule runs at least once per RPO, e.g. cron(0 * ? * * *) for hourly, or enable " +
				"continuous backup where the resource supports it.",
		},
		Configure: recoveryObjectivesBackupPlan,
		Resource: func(plan *model.Plan, bp *model.Resource) check.Finding {
			if s.Recovery == nil {
				return check.Skip
			}
			return judgeBackupPlan(plan, bp, s)
		},
	}
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

func judgeBackupPlan(plan *model.Plan, bp *model.Resource, s check.Settings) check.Finding {
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
		for _, ds := range plan.OfType(objectiveDataStoreTypes...) {
			if !backup.Protects(ds.Type) {
				continue
			}
			v, how := sel.Selects(plan, ds)
			if v == backup.No {
				continue
			}
			o, _ := s.ObjectivesOf(ds)
			if !o.HasRPO || metOtherwise(plan, ds, o.RPO) {
				continue
			}
			if v == backup.Yes {
				sure.add(o.RPO, ds.Address)
			} else if maybe.who == "" || o.RPO < maybe.rpo {
				maybe.add(o.RPO, ds.Address)
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
	evs := append([]check.Evidence{{Attribute: "rpo", Value: period.FormatDuration(s.rpo) + " (" + s.who + ")"}}, rules...)
	switch {
	case best != nil && best.interval <= s.rpo:
		return check.Finding{Status: check.StatusPass, Evidence: evs, Message: fmt.Sprintf(
			"the plan backs up every %s, within the RPO of %s of %s", period.FormatDuration(best.interval), period.FormatDuration(s.rpo), s.who)}
	case undecided:
		return check.Finding{Status: check.StatusUnknown, Evidence: evs, Message: "the plan's schedules are known only after apply or not understood"}
	case best == nil:
		return check.Finding{Status: check.StatusFail, Evidence: evs, Message: fmt.Sprintf(
			"the plan has no rule, so it cannot keep the RPO of %s of %s", period.FormatDuration(s.rpo), s.who)}
	}
	return check.Finding{Status: check.StatusFail, Evidence: evs, Message: fmt.Sprintf(
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
