package policy

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

const tieredPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_s3_bucket.ledger","mode":"managed","type":"aws_s3_bucket","name":"ledger","change":{"actions":["create"],"after":{"tags":{"Tier":"Critical"}},"after_unknown":{}}},
 {"address":"aws_s3_bucket.orders","mode":"managed","type":"aws_s3_bucket","name":"orders","change":{"actions":["create"],"after":{"tags":{"environment":"prod","criticality":"mission_critical"}},"after_unknown":{}}},
 {"address":"aws_s3_bucket.tier1","mode":"managed","type":"aws_s3_bucket","name":"tier1","change":{"actions":["create"],"after":{"tags":{"tier":"Tier-1"}},"after_unknown":{}}},
 {"address":"aws_s3_bucket.scratch","mode":"managed","type":"aws_s3_bucket","name":"scratch","change":{"actions":["create"],"after":{"tags":{"tier":"dev"}},"after_unknown":{}}},
 {"address":"aws_autoscaling_group.workers","mode":"managed","type":"aws_autoscaling_group","name":"workers","change":{"actions":["create"],"after":{"tag":[],"tags":[{"key":"tier","value":"critical","propagate_at_launch":"true"}]},"after_unknown":{"tag":[],"tags":[{}]}}},
 {"address":"aws_s3_bucket.untagged","mode":"managed","type":"aws_s3_bucket","name":"untagged","change":{"actions":["create"],"after":{"tags":null},"after_unknown":{}}}
]}`

func TestCritical(t *testing.T) {
	t.Parallel()
	p, err := model.Decode("plan.json", []byte(tieredPlan))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		tierTags []string
		want     []string
	}{
		"no tier tags: nothing is critical": {},
		// An Auto Scaling group's tags list of maps (AWS provider v4) counts.
		"tier": {tierTags: []string{"tier"}, want: []string{"aws_s3_bucket.ledger", "aws_s3_bucket.tier1", "aws_autoscaling_group.workers"}},
		// Any tier tag may say critical, not only the first one found.
		"environment, then criticality": {tierTags: []string{"environment", "criticality"}, want: []string{"aws_s3_bucket.orders"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			pol := &Policy{TierTags: tc.tierTags}
			s := pol.Settings()
			var got []string
			for _, r := range p.Resources {
				if pol.Critical(r) {
					got = append(got, r.Address)
				}
				if s.IsCritical(r) != pol.Critical(r) {
					t.Errorf("%s: Settings().IsCritical disagrees with Critical", r.Address)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("critical resources (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSettings(t *testing.T) {
	t.Parallel()
	var none *Policy
	if s := none.Settings(); s.OwnerTags != nil || s.Critical != nil {
		t.Errorf("a nil policy's settings = %+v, want the zero value", s)
	}
	s := (&Policy{OwnerTags: []string{"owner", "squad"}}).Settings()
	if diff := cmp.Diff([]string{"owner", "squad"}, s.OwnerTags); diff != "" {
		t.Errorf("OwnerTags (-want +got):\n%s", diff)
	}
	if s.Critical != nil {
		t.Error("without tier tags, Critical should be nil")
	}
}
