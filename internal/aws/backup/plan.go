package backup

import (
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// Plan is what the plan says of one aws_backup_plan: its rules, unless
// they are known only after apply.
type Plan struct {
	Resource     *model.Resource
	Rules        []Rule
	RulesUnknown bool
}

// Rule is one rule of an AWS Backup plan.
type Rule struct {
	Index int // its place in the plan's rule list
	Name  string
	// Continuous: enable_continuous_backup is true (RDS, Aurora and S3
	// only; other types get the schedule's snapshots).
	Continuous bool
	// Schedule is the rule's cron or rate expression: period's
	// DefaultBackupSchedule when the rule sets none (ScheduleUnset), empty
	// when it is known only after apply (ScheduleUnknown).
	Schedule        string
	ScheduleUnset   bool
	ScheduleUnknown bool
	// DeleteAfter is how many days the rule keeps its recovery points; 0
	// when it keeps them until they are deleted by hand (no lifecycle, or
	// delete_after unset or 0). RetentionUnknown: the lifecycle is known
	// only after apply.
	DeleteAfter      float64
	RetentionUnknown bool
	// Copies are the rule's copy actions; CopiesUnknown: they are known
	// only after apply.
	Copies        []Copy
	CopiesUnknown bool
}

// Copy is one copy action of a rule.
type Copy struct {
	Index int // its place in the rule's copy_action list
	// DestinationVaultARN is the ARN of the vault the copies go to; empty
	// when unset or known only after apply (DestinationUnknown).
	DestinationVaultARN string
	DestinationUnknown  bool
	// Region is the destination vault's region, read from its ARN.
	Region      string
	RegionKnown bool
}

// PlanOf reads an aws_backup_plan.
func PlanOf(r *model.Resource) Plan {
	out := Plan{Resource: r}
	rules := r.Attr("rule")
	if rules.Unknown {
		out.RulesUnknown = true
		return out
	}
	for i := range rules.List() {
		out.Rules = append(out.Rules, ruleOf(r, i))
	}
	return out
}

func ruleOf(r *model.Resource, i int) Rule {
	rule := Rule{Index: i}
	rule.Name, _ = r.Attr(rule.Path("rule_name")...).Str()
	rule.Continuous, _ = r.Attr(rule.Path("enable_continuous_backup")...).Bool()

	sched := r.Attr(rule.Path("schedule")...)
	rule.Schedule, _ = sched.Str()
	switch {
	case sched.Unknown:
		rule.ScheduleUnknown, rule.Schedule = true, ""
	case rule.Schedule == "":
		rule.ScheduleUnset, rule.Schedule = true, period.DefaultBackupSchedule
	}

	lc := r.Attr(rule.Path("lifecycle")...)
	days := r.Attr(rule.Path("lifecycle", 0, "delete_after")...)
	n, ok := days.Number()
	switch {
	case lc.Unknown || days.Unknown:
		rule.RetentionUnknown = true
	case len(lc.List()) > 0 && ok:
		rule.DeleteAfter = n
	}

	ca := r.Attr(rule.Path("copy_action")...)
	if ca.Unknown {
		rule.CopiesUnknown = true
		return rule
	}
	for j := range ca.List() {
		dest := r.Attr(rule.Path("copy_action", j, "destination_vault_arn")...)
		c := Copy{Index: j, DestinationUnknown: dest.Unknown}
		c.DestinationVaultARN, _ = dest.Str()
		c.Region, c.RegionKnown = ARNRegion(c.DestinationVaultARN)
		rule.Copies = append(rule.Copies, c)
	}
	return rule
}

// Path is the path of an attribute of the rule in its plan.
func (r Rule) Path(steps ...model.Step) model.Path {
	return append(model.Path{"rule", r.Index}, steps...)
}

// CopyPath is the path of a copy action's destination_vault_arn.
func (r Rule) CopyPath(c Copy) model.Path {
	return r.Path("copy_action", c.Index, "destination_vault_arn")
}

// Interval is the longest time between two runs of the rule's schedule;
// an error for a schedule known only after apply or not understood.
func (r Rule) Interval() (time.Duration, error) {
	if r.ScheduleUnknown {
		return 0, errUnknownSchedule
	}
	return period.ScheduleInterval(r.Schedule)
}

type scheduleError string

func (e scheduleError) Error() string { return string(e) }

const errUnknownSchedule = scheduleError("the schedule is known only after apply")

// KeptDays is how many days the rule keeps its recovery points, with
// forever for a rule that keeps them until deleted by hand; ok is false
// when that is known only after apply.
func (r Rule) KeptDays() (days float64, forever, ok bool) {
	if r.RetentionUnknown {
		return 0, false, false
	}
	return r.DeleteAfter, r.DeleteAfter == 0, true
}
