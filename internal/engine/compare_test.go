package engine

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// changes has a database of each kind the two worlds tell apart, and an
// alarm the plan deletes: the only one watching aws_db_instance.watched.
const changes = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_db_instance.off","mode":"managed","type":"aws_db_instance","name":"off",
  "change":{"actions":["update"],"before":{"multi_az":true,"identifier":"off"},"after":{"multi_az":false,"identifier":"off"},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}},
 {"address":"aws_db_instance.on","mode":"managed","type":"aws_db_instance","name":"on",
  "change":{"actions":["update"],"before":{"multi_az":false,"identifier":"on"},"after":{"multi_az":true,"identifier":"on"},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}},
 {"address":"aws_db_instance.still","mode":"managed","type":"aws_db_instance","name":"still",
  "change":{"actions":["no-op"],"before":{"multi_az":false,"identifier":"still"},"after":{"multi_az":false,"identifier":"still"},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}},
 {"address":"aws_db_instance.watched","mode":"managed","type":"aws_db_instance","name":"watched",
  "change":{"actions":["no-op"],"before":{"multi_az":true,"identifier":"watched"},"after":{"multi_az":true,"identifier":"watched"},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}},
 {"address":"aws_db_instance.new","mode":"managed","type":"aws_db_instance","name":"new",
  "change":{"actions":["create"],"before":null,"after":{"multi_az":false,"identifier":"new"},"after_unknown":{},"before_sensitive":false,"after_sensitive":{}}},
 {"address":"aws_db_instance.gone","mode":"managed","type":"aws_db_instance","name":"gone",
  "change":{"actions":["delete"],"before":{"multi_az":false,"identifier":"gone"},"after":null,"after_unknown":{},"before_sensitive":{},"after_sensitive":false}},
 {"address":"aws_cloudwatch_metric_alarm.cpu","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"cpu",
  "change":{"actions":["delete"],"before":{"dimensions":{"DBInstanceIdentifier":"watched"}},"after":null,"after_unknown":{},"before_sensitive":{},"after_sensitive":false}}
]}`

// evidenced is multiAZ with the value it read as evidence.
var evidenced = check.Check{
	Meta: meta("t_multi_az", "deployment", "multi_az", check.SeverityHigh),
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, _ := r.Attr("multi_az").Bool()
		ev := []check.Evidence{{Attribute: "multi_az", Value: fmt.Sprint(v)}}
		if v {
			return check.Finding{Status: check.StatusPass, Message: "standby", Evidence: ev}
		}
		return check.Finding{Status: check.StatusFail, Message: "single AZ", Evidence: ev}
	},
}

// watchedByAlarm fails a database no alarm names: a check across resources.
var watchedByAlarm = check.Check{
	Meta: meta("t_alarm", "alerts_metrics", "alarm", check.SeverityHigh),
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		id, _ := r.Attr("identifier").Str()
		for _, a := range p.OfType("aws_cloudwatch_metric_alarm") {
			if got, _ := a.Attr("dimensions", "DBInstanceIdentifier").Str(); got == id {
				return check.Finding{Status: check.StatusPass, Message: "watched"}
			}
		}
		return check.Finding{Status: check.StatusFail, Message: "no alarm"}
	},
}

func changeReport(t *testing.T, opts Options) *Report {
	t.Helper()
	p, err := model.Decode("plan.json", []byte(changes))
	if err != nil {
		t.Fatal(err)
	}
	opts.Profile, _ = profile.Lookup(profile.Default)
	opts.FailOn = check.AtLeast(check.SeverityHigh)
	return Run([]*model.Plan{p}, []check.Check{evidenced, watchedByAlarm}, opts)
}

func TestChange(t *testing.T) {
	t.Parallel()
	rep := changeReport(t, Options{})
	type row struct{ Check, Address, Status, Change, Evidence string }
	var got []row
	for _, r := range rep.Results {
		ev := ""
		if len(r.Evidence) > 0 {
			ev = r.Evidence[0].Value
		}
		got = append(got, row{r.CheckID, r.Address, string(r.Status), string(r.Change), ev})
	}
	want := []row{
		{"t_alarm", "aws_db_instance.new", "fail", "introduced", ""},
		{"t_alarm", "aws_db_instance.off", "fail", "existing", ""},
		{"t_alarm", "aws_db_instance.on", "fail", "existing", ""},
		{"t_alarm", "aws_db_instance.still", "fail", "existing", ""},
		// Deleting the only alarm on an unchanged database.
		{"t_alarm", "aws_db_instance.watched", "fail", "introduced", ""},
		// Created: introduced, nothing to compare its values with.
		{"t_multi_az", "aws_db_instance.new", "fail", "introduced", "false"},
		{"t_multi_az", "aws_db_instance.off", "fail", "introduced", "true → false"},
		{"t_multi_az", "aws_db_instance.on", "pass", "resolved", "false → true"},
		{"t_multi_az", "aws_db_instance.still", "fail", "existing", "false"},
		{"t_multi_az", "aws_db_instance.watched", "pass", "unchanged", "true"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&ChangeSummary{Introduced: 4, Existing: 4, Resolved: 1}, rep.Summary.Changes); diff != "" {
		t.Errorf("summary changes (-want +got):\n%s", diff)
	}
}

func TestGate(t *testing.T) {
	t.Parallel()
	all := changeReport(t, Options{})
	introduced := changeReport(t, Options{Gate: GateIntroduced})
	if all.Gate != GateAll || introduced.Gate != GateIntroduced {
		t.Errorf("gates %q, %q", all.Gate, introduced.Gate)
	}
	if got := len(all.Blocking()); got != 8 {
		t.Errorf("gate all: %d blocking, want every failure (8)", got)
	}
	var blocking []string
	for _, r := range introduced.Blocking() {
		blocking = append(blocking, string(r.Change)+" "+r.CheckID+" "+r.Address)
	}
	want := []string{
		"introduced t_alarm aws_db_instance.new", "introduced t_alarm aws_db_instance.watched",
		"introduced t_multi_az aws_db_instance.new", "introduced t_multi_az aws_db_instance.off",
	}
	if diff := cmp.Diff(want, blocking); diff != "" {
		t.Errorf("gate introduced blocks (-want +got):\n%s", diff)
	}
	if introduced.Summary.Ready || all.Summary.Ready {
		t.Error("introduced failures at high make both not ready")
	}

}

// TestChangeUnderWaivers: a waiver applies first. The waived failure is
// still introduced (the plan introduces it) but blocks nothing and counts
// among no failures.
func TestChangeUnderWaivers(t *testing.T) {
	t.Parallel()
	waived := strings.Replace(changes, `"after":{"multi_az":false,"identifier":"off"}`,
		`"after":{"multi_az":false,"identifier":"off","tags":{"readiness:waive":"check_id=t_multi_az;reason=standby next week;owner=db;expires=2099-12-31"}}`, 1)
	p, err := model.Decode("plan.json", []byte(waived))
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := profile.Lookup(profile.Default)
	rep := Run([]*model.Plan{p}, []check.Check{evidenced}, Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Gate: GateIntroduced, Policy: &policy.Policy{}})
	for _, r := range rep.Results {
		if r.Address == "aws_db_instance.off" && (r.Status != check.StatusWaived || r.Change != ChangeIntroduced) {
			t.Errorf("waived result: %s, %s", r.Status, r.Change)
		}
	}
	if diff := cmp.Diff(&ChangeSummary{Introduced: 1, Existing: 1, Resolved: 1}, rep.Summary.Changes); diff != "" {
		t.Errorf("summary changes (-want +got):\n%s", diff)
	}
	if got := len(rep.Blocking()); got != 1 {
		t.Errorf("%d blocking, want the created database's failure only", got)
	}
}

// TestNoPriorWorld: a state has nothing to compare with: no change on its
// results, no change counts, and under the introduced gate every failure
// still blocks.
func TestNoPriorWorld(t *testing.T) {
	t.Parallel()
	p, err := model.Decode("state.json", []byte(`{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{"resources":[
  {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","values":{"multi_az":false,"identifier":"a"}}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := profile.Lookup(profile.Default)
	rep := Run([]*model.Plan{p}, []check.Check{evidenced}, Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Gate: GateIntroduced})
	if len(rep.Results) != 1 || rep.Results[0].Change != "" || rep.Summary.Changes != nil {
		t.Errorf("results %+v, changes %+v", rep.Results, rep.Summary.Changes)
	}
	if rep.Summary.Ready || len(rep.Blocking()) != 1 {
		t.Error("without a prior world, a failure blocks under the introduced gate")
	}
}

// TestPlannedOnly: without the prior world, a plan's results carry no
// change, as before prior worlds existed.
func TestPlannedOnly(t *testing.T) {
	t.Parallel()
	rep := changeReport(t, Options{PlannedOnly: true})
	for _, r := range rep.Results {
		if r.Change != "" {
			t.Errorf("%s %s: change %q", r.CheckID, r.Address, r.Change)
		}
	}
	if rep.Summary.Changes != nil || len(rep.Results) != 10 {
		t.Errorf("%d results, changes %+v", len(rep.Results), rep.Summary.Changes)
	}
}

// TestPriorWorldTakesUnchangedFindings: a finding that read nothing but a
// resource the plan leaves unchanged is not made twice; one that looked at
// other resources is, and so is any on a resource the plan changes.
func TestPriorWorldTakesUnchangedFindings(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	calls := map[string]int{}
	counting := func(c check.Check) check.Check {
		judge := c.Resource
		c.Resource = func(p *model.Plan, r *model.Resource) check.Finding {
			mu.Lock()
			calls[c.ID+" "+r.Address]++
			mu.Unlock()
			return judge(p, r)
		}
		return c
	}
	p, err := model.Decode("plan.json", []byte(changes))
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := profile.Lookup(profile.Default)
	rep := Run([]*model.Plan{p}, []check.Check{counting(evidenced), counting(watchedByAlarm)}, Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	want := map[string]int{
		// Unchanged and read alone: judged once, taken as it is before.
		"t_multi_az aws_db_instance.still": 1, "t_multi_az aws_db_instance.watched": 1,
		// Changed: judged in both worlds; created: in the planned one;
		// deleted: in the prior one.
		"t_multi_az aws_db_instance.off": 2, "t_multi_az aws_db_instance.on": 2,
		"t_multi_az aws_db_instance.new": 1, "t_multi_az aws_db_instance.gone": 1,
		// Looks at the alarms: judged in both worlds, unchanged or not.
		"t_alarm aws_db_instance.still": 2, "t_alarm aws_db_instance.watched": 2,
		"t_alarm aws_db_instance.off": 2, "t_alarm aws_db_instance.on": 2,
		"t_alarm aws_db_instance.new": 1, "t_alarm aws_db_instance.gone": 1,
	}
	if diff := cmp.Diff(want, calls); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	// What TestChange asserts holds all the same.
	changeOf := map[string]Change{}
	for _, r := range rep.Results {
		changeOf[r.CheckID+" "+r.Address] = r.Change
	}
	if changeOf["t_multi_az aws_db_instance.still"] != ChangeExisting || changeOf["t_multi_az aws_db_instance.watched"] != ChangeUnchanged ||
		changeOf["t_alarm aws_db_instance.watched"] != ChangeIntroduced {
		t.Errorf("changes: %v", changeOf)
	}
}
