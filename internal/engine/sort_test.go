package engine

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSortedResults(t *testing.T) {
	t.Parallel()
	r := func(input, section, address, id, message string) Result {
		return Result{Input: input, Section: section, Address: address, CheckID: id, Message: message}
	}
	tests := map[string]struct {
		parts [][]Result
		want  []Result
	}{
		"none": {parts: nil, want: []Result{}},
		"empty parts": {
			parts: [][]Result{{}, nil},
			want:  []Result{},
		},
		"by input, section, address, check": {
			parts: [][]Result{{
				r("b.json", "disaster_recovery", "aws_db_instance.a", "x", ""),
				r("a.json", "alerts_metrics", "aws_db_instance.a", "x", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.b", "x", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "y", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "x", ""),
			}},
			want: []Result{
				r("a.json", "alerts_metrics", "aws_db_instance.a", "x", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "x", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "y", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.b", "x", ""),
				r("b.json", "disaster_recovery", "aws_db_instance.a", "x", ""),
			},
		},
		"sections in checklist order, not by name": {
			parts: [][]Result{{
				r("a.json", "deployment", "", "x", ""),
				r("a.json", "sop", "", "x", ""),
			}},
			want: []Result{
				r("a.json", "sop", "", "x", ""),
				r("a.json", "deployment", "", "x", ""),
			},
		},
		"alike results keep the parts' order": {
			parts: [][]Result{
				{r("a.json", "disaster_recovery", "aws_db_instance.a", "x", "second part first"), r("a.json", "disaster_recovery", "aws_db_instance.a", "x", "first")},
				{r("a.json", "disaster_recovery", "aws_db_instance.a", "x", "second"), r("a.json", "alerts_metrics", "", "x", "")},
			},
			want: []Result{
				r("a.json", "alerts_metrics", "", "x", ""),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "x", "second part first"),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "x", "first"),
				r("a.json", "disaster_recovery", "aws_db_instance.a", "x", "second"),
			},
		},
	}
	// Many alike results, among others: past the few an unstable sort
	// would happen to keep in order.
	var many, manyWant []Result
	for i := range 60 {
		many = append(many, r("a.json", "sop", "aws_s3_bucket.z", "x", fmt.Sprint(i)), r("a.json", "sop", "", "x", fmt.Sprint(i)))
	}
	for _, address := range []string{"", "aws_s3_bucket.z"} {
		for i := range 60 {
			manyWant = append(manyWant, r("a.json", "sop", address, "x", fmt.Sprint(i)))
		}
	}
	tests["many alike results keep their order"] = struct {
		parts [][]Result
		want  []Result
	}{parts: [][]Result{many}, want: manyWant}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := sortedResults(tc.parts)
			if got == nil {
				t.Fatal("sortedResults returned nil: the JSON report would print null")
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("sortedResults (-want +got):\n%s", diff)
			}
		})
	}
}
