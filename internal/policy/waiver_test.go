package policy

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseInlineWaiver(t *testing.T) {
	t.Parallel()
	dec31 := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		value   string
		want    Waiver
		wantErr string
	}{
		"semicolons": {
			value: "check_id=aws_rds_multi_az;reason=legacy, migrating in Q3;owner=db-team;expires=2026-12-31",
			want:  Waiver{Check: "aws_rds_multi_az", Reason: "legacy, migrating in Q3", Owner: "db-team", Expires: dec31},
		},
		"semicolons with spaces and trailing": {
			value: " check_id = aws_rds_multi_az ; owner=db-team; expires=2026-12-31; reason=a=b ;",
			want:  Waiver{Check: "aws_rds_multi_az", Reason: "a=b", Owner: "db-team", Expires: dec31},
		},
		"spaces, for tags without semicolons": {
			value: "check_id=aws_rds_multi_az owner=db-team expires=2026-12-31 reason=legacy: migrating in Q3",
			want:  Waiver{Check: "aws_rds_multi_az", Reason: "legacy: migrating in Q3", Owner: "db-team", Expires: dec31},
		},
		"check is a synonym": {
			value: "check=multi_az;reason=r;owner=o;expires=2026-12-31",
			want:  Waiver{Check: "multi_az", Reason: "r", Owner: "o", Expires: dec31},
		},
		"missing fields":   {value: "check_id=aws_rds_multi_az;reason=legacy", wantErr: "missing owner, expires"},
		"unknown key":      {value: "check_id=x;reason=r;owner=o;expires=2026-12-31;until=never", wantErr: `unexpected "until=never"`},
		"bad date":         {value: "check_id=x;reason=r;owner=o;expires=31/12/2026", wantErr: "expires: invalid date"},
		"free text":        {value: "please ignore", wantErr: "want check_id"},
		"text before keys": {value: "ignore check_id=x reason=r owner=o expires=2026-12-31", wantErr: "want check_id"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseInlineWaiver(tt.value)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreUnexported(Pattern{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestWaiverExpiry(t *testing.T) {
	t.Parallel()
	w := Waiver{Expires: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	tests := map[string]struct {
		now  time.Time
		want bool
	}{
		"before":              {time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), false},
		"on the day, late":    {time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC), false},
		"the day after":       {time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), true},
		"on the day, in UTC+": {time.Date(2027, 1, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600)), false},
	}
	for name, tt := range tests {
		if got := w.Expired(tt.now); got != tt.want {
			t.Errorf("%s: Expired(%v) = %v, want %v", name, tt.now, got, tt.want)
		}
	}
}

func TestBaselineEncode(t *testing.T) {
	t.Parallel()
	entries := []BaselineEntry{
		{Input: "ci/prod/plan.json", CheckID: "b_check", Address: "aws_s3_bucket.z"},
		{Input: "plan.json", CheckID: "a_check", Address: `module.m["x"].aws_s3_bucket.a`},
		{Input: "other/plan.json", CheckID: "b_check", Address: "aws_s3_bucket.z"},
		{Input: "edge.json", CheckID: "a_check", Address: ""},
	}
	want := `{
  "version": 1,
  "failures": [
    {
      "input": "edge.json",
      "check_id": "a_check",
      "address": ""
    },
    {
      "input": "plan.json",
      "check_id": "a_check",
      "address": "module.m[\"x\"].aws_s3_bucket.a"
    },
    {
      "input": "plan.json",
      "check_id": "b_check",
      "address": "aws_s3_bucket.z"
    }
  ]
}
`
	if diff := cmp.Diff(want, string(EncodeBaseline(entries))); diff != "" {
		t.Errorf("sorted, by file name, without duplicates (-want +got):\n%s", diff)
	}
	if got := string(EncodeBaseline(nil)); got != "{\n  \"version\": 1,\n  \"failures\": []\n}\n" {
		t.Errorf("empty baseline = %q", got)
	}
}
