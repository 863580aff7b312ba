package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// changePlan has one resource of each action, and a data source read
// before the plan.
const changePlan = `{"format_version":"1.2","terraform_version":"1.8.5",
 "resource_changes":[
  {"address":"aws_db_instance.off","mode":"managed","type":"aws_db_instance","name":"off",
   "change":{"actions":["update"],"before":{"multi_az":true,"password":"old-secret-1"},"after":{"multi_az":false,"password":"new-secret-2"},
     "after_unknown":{},"before_sensitive":{"password":true},"after_sensitive":{"password":true}}},
  {"address":"aws_db_instance.same","mode":"managed","type":"aws_db_instance","name":"same",
   "change":{"actions":["no-op"],"before":{"multi_az":false},"after":{"multi_az":false},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}},
  {"address":"aws_db_instance.new","mode":"managed","type":"aws_db_instance","name":"new",
   "change":{"actions":["create"],"before":null,"after":{"multi_az":true},"after_unknown":{"id":true},"before_sensitive":false,"after_sensitive":{}}},
  {"address":"aws_db_instance.gone","mode":"managed","type":"aws_db_instance","name":"gone",
   "change":{"actions":["delete"],"before":{"multi_az":false},"after":null,"after_unknown":{},"before_sensitive":{},"after_sensitive":false}},
  {"address":"aws_db_instance.swap","mode":"managed","type":"aws_db_instance","name":"swap",
   "change":{"actions":["delete","create"],"before":{"multi_az":false,"engine":"mysql"},"after":{"multi_az":true,"engine":"postgres"},
     "after_unknown":{"id":true},"before_sensitive":{},"after_sensitive":{}}},
  {"address":"aws_db_instance.swap","deposed":"00000001","mode":"managed","type":"aws_db_instance","name":"swap",
   "change":{"actions":["delete"],"before":{"multi_az":false},"after":null,"after_unknown":{},"before_sensitive":{},"after_sensitive":false}},
  {"address":"aws_db_instance.secret","mode":"managed","type":"aws_db_instance","name":"secret",
   "change":{"actions":["update"],"before":{"tags":{"k":"v"}},"after":{"tags":{"k":"only-after-secret"}},"after_unknown":{},"before_sensitive":{},"after_sensitive":{"tags":{"k":true}}}}
 ],
 "prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[
  {"address":"data.aws_subnet.a","mode":"data","type":"aws_subnet","name":"a","values":{"availability_zone":"eu-west-1a"},"sensitive_values":{}}]}}}}`

func TestPrior(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(changePlan))
	if err != nil {
		t.Fatal(err)
	}
	if !p.HasPrior() {
		t.Fatal("a plan has a prior world")
	}
	q, ok := p.Prior()
	if !ok || q == nil {
		t.Fatal("no prior world")
	}
	if again, _ := p.Prior(); again != q {
		t.Error("the prior world is built twice")
	}
	if _, ok := q.Prior(); ok {
		t.Error("a prior world has a prior world of its own")
	}

	type row struct {
		Address  string
		MultiAZ  any
		Unknown  bool
		Exists   bool
		Changed  bool
		Password string
	}
	var got []row
	for _, r := range q.Resources {
		a := r.Attr("multi_az")
		pw, _ := r.Attr("password").Str()
		if r.Attr("password").Sensitive {
			pw = "(marked)"
		}
		got = append(got, row{r.Address, a.Value, r.HasUnknown(), r.Exists(), !r.Actions.NoOp() && r.Managed(), pw})
	}
	want := []row{
		// Updated: its before value, as it stands, with its before marks.
		{Address: "aws_db_instance.off", MultiAZ: true, Exists: true, Password: "(marked)"},
		{Address: "aws_db_instance.same", MultiAZ: false, Exists: true},
		// Created: absent. Deleted and replaced: present as they are now.
		{Address: "aws_db_instance.gone", MultiAZ: false, Exists: true},
		{Address: "aws_db_instance.swap", MultiAZ: false, Exists: true},
		// The deposed object is a leftover, not the live resource: absent.
		{Address: "aws_db_instance.secret", Exists: true},
		{Address: "data.aws_subnet.a", Exists: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("prior world (-want +got):\n%s", diff)
	}
	if r := q.Lookup("aws_db_instance.off"); r == nil || !cmp.Equal(r.Before, r.After) {
		t.Error("in the prior world before and after are the same value")
	}
	if p.Lookup("aws_db_instance.off").Attr("multi_az").Value != false {
		t.Error("building the prior world changed the plan")
	}
	if got := len(q.OfType("aws_db_instance")); got != 5 {
		t.Errorf("OfType in the prior world: %d instances, want 5", got)
	}

	// What the plan marks sensitive only after apply is secret in the
	// prior world's text too.
	if s := q.Scrub("tag only-after-secret, password new-secret-2 and old-secret-1"); strings.Contains(s, "secret-") {
		t.Errorf("prior world Scrub = %q", s)
	}
}

func TestPriorOnlyForPlans(t *testing.T) {
	t.Parallel()
	state, err := Decode("state.json", []byte(`{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{"resources":[
  {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","values":{"multi_az":false}}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := state.Prior(); ok || state.HasPrior() {
		t.Error("a state has no prior world")
	}
	plan, err := Decode("plan.json", []byte(changePlan))
	if err != nil {
		t.Fatal(err)
	}
	if pool := Pool([]*Plan{plan, state}); pool.HasPrior() {
		t.Error("a pool with a state among its members has no prior world")
	}
	first, err := Decode("first.json", []byte(`{"format_version":"1.2","resource_changes":[
  {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a",
   "change":{"actions":["create"],"before":null,"after":{"multi_az":false},"after_unknown":{}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if q, ok := first.Prior(); !ok || len(q.Resources) != 0 {
		t.Errorf("a first apply's prior world is empty: %v, %v", ok, q)
	}
}

// TestDecodePriorState: the prior state completes what resource_changes
// leaves out, whatever the order of the document's members: a change
// without a before value, a resource the plan does not list, and Terraform
// 0.12's child-module addresses written without their module.
func TestDecodePriorState(t *testing.T) {
	t.Parallel()
	changes := `"resource_changes":[
  {"address":"module.db.aws_db_instance.a","module_address":"module.db","mode":"managed","type":"aws_db_instance","name":"a",
   "change":{"actions":["update"],"before":null,"after":{"multi_az":false},"after_unknown":{}}},
  {"address":"aws_sns_topic.new","mode":"managed","type":"aws_sns_topic","name":"new",
   "change":{"actions":["create"],"before":null,"after":{"name":"t"},"after_unknown":{}}}]`
	prior := `"prior_state":{"format_version":"0.1","values":{"root_module":{
  "resources":[{"address":"aws_cloudwatch_metric_alarm.kept","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"kept","values":{"alarm_name":"cpu"}},
    {"address":"aws_sns_topic.new","mode":"managed","type":"aws_sns_topic","name":"new","values":{"name":"stale"}}],
  "child_modules":[{"resources":[
    {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","values":{"multi_az":true}},
    {"address":"data.aws_vpc.v","mode":"data","type":"aws_vpc","name":"v","values":{"id":"vpc-1"}},
    {"address":"data.aws_subnet.s","mode":"data","type":"aws_subnet","name":"s","index":0,"values":{"id":"subnet-0"}},
    {"address":"data.aws_subnet.s","mode":"data","type":"aws_subnet","name":"s","index":1,"values":{"id":"subnet-1"}}],
   "address":"module.db"}]}}}`
	for name, doc := range map[string]string{
		"changes first": `{"format_version":"0.1",` + changes + `,` + prior + `}`,
		"prior first":   `{"format_version":"0.1",` + prior + `,` + changes + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Decode("plan.json", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			db := p.Lookup("module.db.aws_db_instance.a")
			if db == nil || !cmp.Equal(db.Before, Object{{Name: "multi_az", Value: true}}) {
				t.Errorf("the change's before value comes from the prior state: %+v", db)
			}
			if r := p.Lookup("aws_cloudwatch_metric_alarm.kept"); r == nil || !r.Actions.NoOp() || !r.Exists() {
				t.Errorf("a resource resource_changes leaves out is unchanged: %+v", r)
			}
			if r := p.Lookup("aws_sns_topic.new"); r == nil || r.Before != nil {
				t.Errorf("a created resource keeps no before value: %+v", r)
			}
			if r := p.Lookup("module.db.data.aws_vpc.v"); r == nil || r.ModuleAddress != "module.db" {
				t.Errorf("a 0.12 child module's data source is addressed in its module: %+v", r)
			}
			for i, want := range []string{"subnet-0", "subnet-1"} {
				addr := fmt.Sprintf("module.db.data.aws_subnet.s[%d]", i)
				r := p.Lookup(addr)
				if r == nil {
					t.Errorf("no %s: 0.12 writes the index apart from the address", addr)
					continue
				}
				if got, _ := r.Attr("id").Str(); got != want {
					t.Errorf("%s: id %q, want %q", addr, got, want)
				}
			}
			q, _ := p.Prior()
			if r := q.Lookup("module.db.aws_db_instance.a"); r == nil || r.Attr("multi_az").Value != true {
				t.Errorf("prior world: %+v", r)
			}
		})
	}
}

// TestPriorStateValuesSkipped: from Terraform 0.13 on, a prior state
// resource whose change says everything is skipped unread; what the plan
// holds is the same as when everything is read.
func TestPriorStateValuesSkipped(t *testing.T) { // not parallel: it counts allocations
	doc := func(version string, bucketAttrs int) string {
		var values strings.Builder
		values.WriteString(`{"bucket":"stale"`)
		for i := range bucketAttrs {
			fmt.Fprintf(&values, `,"attr_%d":"v%d"`, i, i)
		}
		values.WriteString(`}`)
		return `{"format_version":"1.2","terraform_version":"` + version + `","resource_changes":[
  {"address":"module.db.aws_db_instance.a","module_address":"module.db","mode":"managed","type":"aws_db_instance","name":"a",
   "change":{"actions":["update"],"before":null,"after":{"multi_az":false},"after_unknown":{}}},
  {"address":"aws_sns_topic.new","mode":"managed","type":"aws_sns_topic","name":"new",
   "change":{"actions":["create"],"before":null,"after":{"name":"t"},"after_unknown":{}}},
  {"address":"aws_s3_bucket.same","mode":"managed","type":"aws_s3_bucket","name":"same",
   "change":{"actions":["no-op"],"before":{"bucket":"logs"},"after":{"bucket":"logs"},"after_unknown":{}}},
  {"address":"data.aws_region.r","mode":"data","type":"aws_region","name":"r",
   "change":{"actions":["read"],"before":null,"after":{"name":"eu-west-1"},"after_unknown":{}}}],
"prior_state":{"format_version":"1.0","values":{"root_module":{
  "resources":[
    {"address":"aws_cloudwatch_metric_alarm.kept","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"kept","values":{"alarm_name":"cpu"},"sensitive_values":{}},
    {"address":"aws_sns_topic.new","mode":"managed","type":"aws_sns_topic","name":"new","values":{"name":"stale"},"sensitive_values":{}},
    {"address":"aws_s3_bucket.same","mode":"managed","type":"aws_s3_bucket","name":"same","values":` + values.String() + `,"sensitive_values":{}},
    {"address":"data.aws_region.r","mode":"data","type":"aws_region","name":"r","values":{"name":"stale"},"sensitive_values":{}},
    {"address":"data.aws_vpc.v","mode":"data","type":"aws_vpc","name":"v","values":{"id":"vpc-1"},"sensitive_values":{}}],
  "child_modules":[{"resources":[
    {"address":"module.db.aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","values":{"multi_az":true},"sensitive_values":{}}],
   "address":"module.db"}]}}}}`
	}
	p, err := Decode("plan.json", []byte(doc("1.8.5", 3)))
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Lookup("module.db.aws_db_instance.a"); r == nil || !cmp.Equal(r.Before, Object{{Name: "multi_az", Value: true}}) {
		t.Errorf("a change without a before value takes the prior state's: %+v", r)
	}
	if r := p.Lookup("aws_s3_bucket.same"); r == nil || !cmp.Equal(r.Before, Object{{Name: "bucket", Value: "logs"}}) {
		t.Errorf("a change's own before value stands: %+v", r)
	}
	if r := p.Lookup("aws_sns_topic.new"); r == nil || r.Before != nil {
		t.Errorf("a created resource keeps no before value: %+v", r)
	}
	if r := p.Lookup("aws_cloudwatch_metric_alarm.kept"); r == nil || !r.Actions.NoOp() {
		t.Errorf("a resource resource_changes leaves out is kept unchanged: %+v", r)
	}
	if r := p.Lookup("data.aws_vpc.v"); r == nil {
		t.Error("a data source the plan does not read again is kept")
	}
	if r := p.Lookup("data.aws_region.r"); r == nil || !cmp.Equal(r.After, Object{{Name: "name", Value: "eu-west-1"}}) {
		t.Errorf("a data source the plan reads again is its change: %+v", r)
	}
	if n := len(p.Resources); n != 6 {
		t.Errorf("%d resources, want 6", n)
	}

	// What skipping saves: the bucket's prior values, never built,
	// whatever their size; Terraform 0.12's are read.
	allocs := func(version string, attrs int) float64 {
		data := []byte(doc(version, attrs))
		return testing.AllocsPerRun(5, func() {
			if _, err := Decode("plan.json", data); err != nil {
				t.Fatal(err)
			}
		})
	}
	skipped := allocs("1.8.5", 2000) - allocs("1.8.5", 3)
	read := allocs("0.12.31", 2000) - allocs("0.12.31", 3)
	if read < 2000 {
		t.Errorf("Terraform 0.12: 2,000 more prior attributes cost %v more allocations: the prior values were skipped, though 0.12's addresses are not whole", read)
	}
	// Skipping still costs jsontext's check for duplicate names (a string
	// per name in an object of more than 64), but nothing is built.
	if skipped > read/3 {
		t.Errorf("Terraform 1.8: 2,000 more prior attributes cost %v more allocations, against %v when read: the prior values were read", skipped, read)
	}
}
