package engine

import (
	"fmt"
	"slices"
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

func TestPermute(t *testing.T) {
	t.Parallel()
	tests := map[string][]int32{
		"empty":          {},
		"identity":       {0, 1, 2, 3},
		"one swap":       {1, 0, 2},
		"one cycle":      {1, 2, 3, 0},
		"reversed":       {4, 3, 2, 1, 0},
		"several cycles": {2, 0, 1, 3, 5, 4, 7, 6},
	}
	for name, order := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := make([]string, len(order))
			want := make([]string, len(order))
			for i := range s {
				s[i] = fmt.Sprint("v", i)
			}
			for k, from := range order {
				want[k] = s[from]
			}
			permute(s, slices.Clone(order))
			if diff := cmp.Diff(want, s); diff != "" {
				t.Errorf("permute(%v) (-want +got):\n%s", order, diff)
			}
		})
	}
}
