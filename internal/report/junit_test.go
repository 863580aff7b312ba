package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// TestJUnitWellFormed reads each report back as JUnit XML and checks that
// every count agrees with the test cases, as GitLab and Jenkins add them up.
func TestJUnitWellFormed(t *testing.T) {
	t.Parallel()
	tests := map[string]*engine.Report{
		"empty":              emptyReport(),
		"mixed":              mixedReport(),
		"ready":              readyReport(),
		"ci":                 ciReport(),
		"huge":               hugeReport(500),
		"control characters": withMessage(ciReport(), "nul \x00 bell \x07 ]]> </failure> & done"),
	}
	for name, rep := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := (junitFormat{opts: Options{Locate: locateCI}}).Write(&buf, rep); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`) {
				t.Errorf("no XML declaration:\n%.200s", buf.String())
			}
			var doc junitSuites
			dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
			dec.Strict = true
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("not well-formed XML: %v\n%s", err, buf.String())
			}
			var tests, failures, errors, skipped int
			for _, s := range doc.Suites {
				var f, e, sk int
				for _, c := range s.Cases {
					if c.Classname == "" || c.Name == "" {
						t.Errorf("suite %s: test case without classname or name: %+v", s.Name, c)
					}
					switch {
					case c.Failure != nil:
						f++
					case c.Error != nil:
						e++
					case c.Skipped != nil:
						sk++
					}
				}
				if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
					t.Errorf("suite %s says tests %d failures %d errors %d skipped %d; its cases count %d %d %d %d",
						s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
				}
				tests += s.Tests
				failures += s.Failures
				errors += s.Errors
				skipped += s.Skipped
			}
			if doc.Tests != tests || doc.Failures != failures || doc.Errors != errors || doc.Skipped != skipped {
				t.Errorf("testsuites says %d/%d/%d/%d, suites add up to %d/%d/%d/%d",
					doc.Tests, doc.Failures, doc.Errors, doc.Skipped, tests, failures, errors, skipped)
			}
			if want := len(rep.Results) + len(rep.Errors); tests != want {
				t.Errorf("%d test cases, want one per result and error: %d", tests, want)
			}
			if failures != rep.Summary.Fail {
				t.Errorf("%d failures, want the report's %d", failures, rep.Summary.Fail)
			}
		})
	}
}

func TestJUnitCases(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (junitFormat{opts: Options{Locate: locateCI}}).Write(&buf, ciReport()); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			line := s.Name + " | " + c.Classname + " | " + c.Name + " | "
			switch {
			case c.Failure != nil:
				line += "failure " + c.Failure.Type
			case c.Skipped != nil:
				line += "skipped " + strings.SplitN(c.Skipped.Message, ":", 2)[0]
			case c.Error != nil:
				line += "error"
			default:
				line += "pass"
			}
			got = append(got, line)
		}
	}
	want := []string{
		`deployment | aws_rds_multi_az | module.app["blue"].aws_db_instance.main[0] | failure high`,
		`deployment | aws_asg_multi_az | aws_autoscaling_group.web | skipped unknown`,
		`deployment | aws_rds_multi_az | module.app["green"].aws_db_instance.main[0] | pass`,
		`disaster_recovery | plan_destroys_data | (plan) | failure critical`,
		`security | aws_s3_encryption_at_rest | aws_s3_bucket.logs | failure low`,
		`security | aws_s3_encryption_at_rest | aws_s3_bucket.public_assets | skipped waived`,
		`security | aws_rds_public_access | module.app["blue"].aws_db_instance.main[0] | pass`,
		`errors | readiness | error 1 | error`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("test cases (-want +got):\n%s", diff)
	}
	first := doc.Suites[0].Cases[0]
	for _, part := range []string{"multi_az = false", "How to fix: Set multi_az = true.", "declared at infra/modules/db/main.tf:5"} {
		if !strings.Contains(first.Failure.Body, part) {
			t.Errorf("failure body lacks %q:\n%s", part, first.Failure.Body)
		}
	}
	if first.File != "infra/modules/db/main.tf" || first.Line != 5 {
		t.Errorf("first case at %s:%d, want infra/modules/db/main.tf:5", first.File, first.Line)
	}
}
