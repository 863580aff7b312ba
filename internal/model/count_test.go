package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCount(t *testing.T) {
	t.Parallel()
	type want struct {
		Known  bool
		Reason string
	}
	for name, tc := range map[string]struct {
		count Count
		want  want
	}{
		"a plan's instance": {
			count: Count{},
			want:  want{Known: true},
		},
		"its own count": {
			count: UnknownCount("count", "module.db.aws_rds_cluster_instance.this"),
			want:  want{Reason: "the count of module.db.aws_rds_cluster_instance.this is known only after apply"},
		},
		"its own for_each": {
			count: UnknownCount("for_each", "aws_security_group.web"),
			want:  want{Reason: "the for_each of aws_security_group.web is known only after apply"},
		},
		"a module call's": {
			count: UnknownCount("count", "module.replica"),
			want:  want{Reason: "the count of module.replica is known only after apply"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := want{Known: tc.count.Known(), Reason: tc.count.Reason()}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestCountOfDecodedPlans holds that a plan never leaves a count unknown:
// Terraform expands count and for_each before it writes one.
func TestCountOfDecodedPlans(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(`{"format_version":"1.2","resource_changes":[
 {"address":"aws_instance.web[0]","mode":"managed","type":"aws_instance","name":"web","index":0,"change":{"actions":["create"],"after":{},"after_unknown":{}}},
 {"address":"aws_instance.web[1]","mode":"managed","type":"aws_instance","name":"web","index":1,"change":{"actions":["create"],"after":{},"after_unknown":{}}}
]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Resources {
		if !r.Count.Known() {
			t.Errorf("%s: count unknown in a plan: %+v", r.Address, r.Count)
		}
	}
}
