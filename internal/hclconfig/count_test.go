package hclconfig

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// TestUnknownCount reads blocks whose count or for_each has no value as
// one [*] instance each whose number is unknown, naming the block (or the
// module call) that decides it; blocks with known counts, and everything
// in a module whose count is known, keep a known count.
func TestUnknownCount(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/unknown_count").Plan
	want := map[string]model.Count{
		"aws_rds_cluster.orders":                             {},
		"aws_rds_cluster_instance.orders[*]":                 model.UnknownCount("count", "aws_rds_cluster_instance.orders"),
		"aws_rds_cluster.ledger":                             {},
		"aws_rds_cluster_instance.ledger[0]":                 {},
		"aws_db_instance.reporting[*]":                       model.UnknownCount("count", "aws_db_instance.reporting"),
		"aws_security_group.service[*]":                      model.UnknownCount("for_each", "aws_security_group.service"),
		"module.replica[*].aws_rds_cluster.this":             model.UnknownCount("count", "module.replica"),
		"module.replica[*].aws_rds_cluster_instance.this[0]": model.UnknownCount("count", "module.replica"),
		"module.replica[*].aws_rds_cluster_instance.this[1]": model.UnknownCount("count", "module.replica"),
	}
	got := map[string]model.Count{}
	for _, r := range p.Resources {
		got[r.Address] = r.Count
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("counts by address (-want +got):\n%s", diff)
	}
}

// TestUnknownCountFindings judges those instances: a verdict that depends
// on how many instances there are is unknown and says why; every other
// finding on an instance whose number is unknown says "if created: " and
// blocks as it would on a known one, since it holds for every instance
// that is created.
func TestUnknownCountFindings(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/unknown_count").Plan
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	rep := engine.Run([]*model.Plan{p}, checks.All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	type result struct {
		Status  check.Status
		Message string
		Blocks  bool
	}
	blocking := map[string]bool{}
	for _, r := range rep.Blocking() {
		blocking[r.CheckID+" "+r.Address] = true
	}
	got := map[string]result{}
	for _, r := range rep.Results {
		got[r.CheckID+" "+r.Address] = result{r.Status, r.Message, blocking[r.CheckID+" "+r.Address]}
	}
	for key, want := range map[string]result{
		"aws_rds_cluster_multi_az aws_rds_cluster.orders": {
			Status:  check.StatusUnknown,
			Message: "the count of aws_rds_cluster_instance.orders is known only after apply",
		},
		"aws_rds_cluster_multi_az aws_rds_cluster.ledger": {
			Status:  check.StatusFail,
			Message: "only 1 aws_rds_cluster_instance (aws_rds_cluster_instance.ledger[0]) in the cluster: no failover replica",
			Blocks:  true,
		},
		"aws_rds_cluster_multi_az module.replica[*].aws_rds_cluster.this": {
			Status: check.StatusPass,
			Message: "if created: 2 instances in the cluster; RDS places instances without a pinned availability_zone " +
				"in the subnet group's zones, normally apart",
		},
		"aws_rds_public_access aws_db_instance.reporting[*]": {
			Status:  check.StatusFail,
			Message: "if created: the instance is reachable from the internet",
			Blocks:  true,
		},
		"aws_security_group_world_ingress aws_security_group.service[*]": {
			Status:  check.StatusFail,
			Message: "if created: open to the whole internet: 22 (SSH)",
			Blocks:  true,
		},
	} {
		if diff := cmp.Diff(want, got[key]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", key, diff)
		}
	}
	for _, r := range rep.Results {
		res := p.Lookup(r.Address)
		prefixed := strings.HasPrefix(r.Message, engine.IfCreated)
		if res != nil && res.Count.Known() && prefixed {
			t.Errorf("%s %s: known count, yet: %s", r.CheckID, r.Address, r.Message)
		}
	}
	if rep.Summary.Ready {
		t.Errorf("ready, although a public database and a group open on SSH fail for any count")
	}
}
