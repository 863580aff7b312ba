package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// notEnforcedReport is mixedReport under --fail-on none: failures, a
// critical one among them, and summary.ready true (the exit code is 0).
func notEnforcedReport() *engine.Report {
	rep := mixedReport()
	rep.FailOn = check.ThresholdNone
	rep.Summary.Ready = true
	return rep
}

// baselineReport is ciReport scanned with a baseline that records its
// three failures, and a waiver for one more result.
func baselineReport() *engine.Report {
	rep := ciReport()
	for i := range rep.Results {
		r := &rep.Results[i]
		if r.Status == check.StatusFail {
			r.Status, r.InBaseline = check.StatusWaived, true
			r.Message = "in baseline readiness-baseline.json: a failure recorded before; finding: " + r.Message
		}
	}
	rep.Summary = engine.Summary{
		Ready: true, Score: 100, Pass: 2, Unknown: 1, Waived: 4,
		Sections: []engine.SectionSummary{
			{Section: "deployment", Pass: 1, Unknown: 1, Score: 100},
			{Section: "security", Pass: 1, Score: 100},
		},
	}
	rep.Errors = nil
	return rep
}

// TestVerdictWords: the verdict the human formats show. --fail-on none over
// failures is not called ready; baselined and waived failures are counted
// next to the score.
func TestVerdictWords(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		rep  *engine.Report
		want map[string][]string // format: substrings
		not  []string            // in no human format
	}{
		"not ready": {
			rep: mixedReport(),
			want: map[string][]string{
				"text":     {"NOT READY  score 43/100  (fail-on high, profile production)\n"},
				"markdown": {"## ❌ **NOT READY** · score 43/100\n"},
				"html":     {`<span class="verdict not-ready">NOT READY</span>`, "<title>NOT READY · readiness score 43/100</title>"},
			},
			not: []string{"not enforced"},
		},
		"fail-on none with failures": {
			rep: notEnforcedReport(),
			want: map[string][]string{
				"text":     {"NOT READY (not enforced)  score 43/100  (fail-on none, profile production)\n"},
				"markdown": {"## ⚠️ **NOT READY (not enforced)** · score 43/100\n"},
				"html":     {`<span class="verdict not-enforced">NOT READY (not enforced)</span>`, "<title>NOT READY (not enforced) · readiness score 43/100</title>"},
			},
			not: []string{"### Blocking", `id="h-blocking"`, "blocking (", "✅"},
		},
		"fail-on none without failures": {
			rep: func() *engine.Report {
				rep := readyReport()
				rep.FailOn = check.ThresholdNone
				rep.Results = rep.Results[1:]
				rep.Summary.Fail, rep.Summary.Score = 0, 100
				return rep
			}(),
			want: map[string][]string{
				"text":     {"READY  score 100/100  (fail-on none, profile staging)\n"},
				"markdown": {"## ✅ **READY** · score 100/100\n"},
				"html":     {`<span class="verdict ready">READY</span>`},
			},
			not: []string{"NOT READY"},
		},
		// Nothing blocks, but part of the plan was not judged: the exit
		// code is 1, and the words do not say ready either.
		"errors without blocking failures": {
			rep: undecidedReport(),
			want: map[string][]string{
				"text":     {"UNDECIDED  score 50/100  (fail-on high, profile staging)\n", "errors (1)\n"},
				"markdown": {"## ⚠️ **UNDECIDED** · score 50/100\n"},
				"html":     {`<span class="verdict undecided">UNDECIDED</span>`, "<title>UNDECIDED · readiness score 50/100</title>"},
			},
			not: []string{"READY  score", "**READY**", "✅", `class="verdict ready"`},
		},
		"baselined and waived": {
			rep: baselineReport(),
			want: map[string][]string{
				"text": {
					"READY  score 100/100 (3 baselined, 1 waived)  (fail-on high, profile production)\n",
					"fail 0 (critical 0, high 0, medium 0, low 0)  unknown 1  waived 1  baselined 3  pass 2\n",
				},
				"markdown": {
					"## ✅ **READY** · score 100/100 (3 baselined, 1 waived)\n",
					"· waived **1** · baselined **3** ·",
				},
				"html": {
					`<p class="score" id="score">100/100 <span class="muted score-note">(3 baselined, 1 waived)</span></p>`,
					"<span>waived <strong>1</strong></span><span>baselined <strong>3</strong></span>",
				},
			},
			not: []string{"NOT READY"},
		},
		"waived only": {
			rep: policyReport(),
			want: map[string][]string{
				"text":     {"READY  score 100/100 (1 waived)  (fail-on high, profile production)\n"},
				"markdown": {"## ✅ **READY** · score 100/100 (1 waived)\n"},
				"html":     {`100/100 <span class="muted score-note">(1 waived)</span>`},
			},
		},
	}
	for name, tt := range tests {
		for _, format := range []string{"text", "markdown", "html"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				t.Parallel()
				out := write(t, format, Options{ToolVersion: "1.2.3"}, tt.rep)
				for _, want := range tt.want[format] {
					if !strings.Contains(out, want) {
						t.Errorf("output lacks %q:\n%s", want, out)
					}
				}
				for _, not := range tt.not {
					if strings.Contains(out, not) {
						t.Errorf("output holds %q:\n%s", not, out)
					}
				}
			})
		}
	}
}

// TestBlockingFirst: in the human formats, the failures at or above
// --fail-on come before everything else a report lists, most severe
// first; the text report does not repeat their messages in the sections.
func TestBlockingFirst(t *testing.T) {
	t.Parallel()
	rep := ciReport()
	// In the report's order: the high failure (deployment), then the
	// critical one (disaster_recovery); the low failure does not block.
	tests := map[string]struct {
		format string
		// want appear in this order, the first before any section.
		want []string
		// once appear exactly once.
		once []string
	}{
		"text": {
			format: "text",
			want: []string{
				"\nblocking (2): failures at or above --fail-on high\n" +
					"  critical  (whole plan) — The plan replaces 1 database, 0 buckets.\n" +
					"            plan_destroys_data  fix: Add lifecycle { prevent_destroy = true } and plan the migration.\n" +
					"  high      module.app[\"blue\"].aws_db_instance.main[0] — 100% of the load sits in one AZ: eu-west-1a, then nothing\n" +
					"            second line | with a pipe, `ticks` and <b>tags</b> for @oncall\n" +
					"            aws_rds_multi_az  at infra/modules/db/main.tf:5  fix: Set multi_az = true.\n",
				"\ndeployment  score 50/100",
				"  FAIL     high      aws_rds_multi_az  module.app[\"blue\"].aws_db_instance.main[0]  at infra/modules/db/main.tf:5  (blocking, above)\n" +
					"                     multi_az = false\n",
				"\ndisaster_recovery  score 0/100",
				"  FAIL     critical  plan_destroys_data  (whole plan)  (blocking, above)\n",
				"\nsecurity  score 50/100",
				// Not blocking: listed in full in its section.
				"  FAIL     low       aws_s3_encryption_at_rest  aws_s3_bucket.logs  at infra/storage, logs.tf:3\n" +
					"                     No server-side encryption configuration names this bucket.\n",
			},
			once: []string{"The plan replaces 1 database", "100% of the load sits", "No server-side encryption"},
		},
		"markdown": {
			format: "markdown",
			want: []string{
				"\n### Blocking (2)\n",
				"| critical | [`plan_destroys_data`]",
				"| high | [`aws_rds_multi_az`]",
				"| Section | Score |",
				"\n### Other failures (1)\n",
				"| low | [`aws_s3_encryption_at_rest`]",
			},
			once: []string{"The plan replaces 1 database", "100% of the load sits", "No server-side encryption"},
		},
		"html": {
			format: "html",
			want: []string{
				`<h2 id="h-blocking">Blocking (2)</h2>`,
				`<code>plan_destroys_data</code>`,
				`<div class="fix">fix: Add lifecycle { prevent_destroy = true } and plan the migration.</div>`,
				`<code>aws_rds_multi_az</code>`,
				`<h2 id="h-sections">`,
				`<h2 id="h-findings">`,
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := write(t, tt.format, Options{ToolVersion: "1.2.3", Locate: locateCI}, rep)
			at := 0
			for _, want := range tt.want {
				i := strings.Index(out[at:], want)
				if i < 0 {
					t.Fatalf("after byte %d, output lacks %q:\n%s", at, want, out)
				}
				at += i + len(want)
			}
			for _, s := range tt.once {
				if n := strings.Count(out, s); n != 1 {
					t.Errorf("%q appears %d times, want once:\n%s", s, n, out)
				}
			}
		})
	}
}

// TestTextQuiet: --quiet keeps the verdict and the blocking list, nothing
// else; a ready report is its verdict line.
func TestTextQuiet(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		rep  *engine.Report
		want string
	}{
		"not ready": {
			rep: ciReport(),
			want: "NOT READY  score 40/100 (1 waived)  (fail-on high, profile production)\n" +
				"\n" +
				"blocking (2): failures at or above --fail-on high\n" +
				"  critical  (whole plan) — The plan replaces 1 database, 0 buckets.\n" +
				"            plan_destroys_data  fix: Add lifecycle { prevent_destroy = true } and plan the migration.\n" +
				"  high      module.app[\"blue\"].aws_db_instance.main[0] — 100% of the load sits in one AZ: eu-west-1a, then nothing\n" +
				"            second line | with a pipe, `ticks` and <b>tags</b> for @oncall\n" +
				"            aws_rds_multi_az  at infra/modules/db/main.tf:5  fix: Set multi_az = true.\n",
		},
		"ready": {
			rep:  readyReport(),
			want: "READY  score 50/100  (fail-on high, profile staging)\n",
		},
		"not enforced": {
			rep:  notEnforcedReport(),
			want: "NOT READY (not enforced)  score 43/100  (fail-on none, profile production)\n",
		},
		"warnings are counted": {
			rep: warningsReport(),
			want: "READY  score 100/100  (fail-on high, profile production)\n" +
				"warnings (2): the verdict covers only what was read and known\n",
		},
		"several inputs": {
			rep: mixedReport(),
			want: "NOT READY  score 43/100  (fail-on high, profile production)\n" +
				"\n" +
				"blocking (3): failures at or above --fail-on high\n" +
				"  critical  module.app[\"blue\"].aws_db_instance.main[0] — Storage is not encrypted.\n" +
				"            RDY_RDS_ENCRYPTED  in testdata/prod.json  fix: Set storage_encrypted = true.\n" +
				"  high      (whole plan) — No aws_cloudwatch_metric_alarm in this plan.\n" +
				"            RDY_ALARM_PRESENT  in testdata/edge.json  fix: Add CloudWatch alarms for CPU, memory and availability.\n" +
				"  high      module.app[\"blue\"].aws_db_instance.main[0] — The instance runs in one availability zone.\n" +
				"            RDY_RDS_MULTI_AZ  in testdata/prod.json  fix: Set multi_az = true.\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := write(t, "text", Options{Quiet: true, Locate: locateCI}, tt.rep)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quiet text (-want +got):\n%s", diff)
			}
		})
	}
}

// TestQuietChangesOnlyText: the other formats ignore Options.Quiet.
func TestQuietChangesOnlyText(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		if name == "text" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			opts := Options{ToolVersion: "1.2.3", Locate: locateCI}
			loud := write(t, name, opts, ciReport())
			opts.Quiet = true
			if diff := cmp.Diff(loud, write(t, name, opts, ciReport())); diff != "" {
				t.Errorf("quiet changes %s (-loud +quiet):\n%s", name, diff)
			}
		})
	}
}

// TestQuietHostile: the quiet report escapes what the full one escapes and
// keeps plan text off the start of lines.
func TestQuietHostile(t *testing.T) {
	t.Parallel()
	out := write(t, "text", Options{Quiet: true, Locate: locateHostile}, hostileReport())
	for i, r := range out {
		if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || isHidingRune(r) {
			t.Errorf("raw %U at byte %d", r, i)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "NOT READY") || strings.HasPrefix(line, "warnings (") || strings.HasPrefix(line, "blocking (") {
			continue
		}
		if !strings.HasPrefix(line, "  ") || strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("line not indented under its finding, or a workflow command: %q", line)
		}
	}
	if !strings.Contains(out, "evil") {
		t.Errorf("hostile text dropped:\n%s", out)
	}
}

func TestFixLine(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in, want string
	}{
		"one sentence":   {in: "Set multi_az = true.", want: "Set multi_az = true."},
		"first sentence": {in: "Set multi_az = true on the aws_db_instance. Read replicas are judged the same way.", want: "Set multi_az = true on the aws_db_instance."},
		"abbreviation":   {in: "Give a rule a daily schedule, e.g. cron(0 5 ? * * *). Then more.", want: "Give a rule a daily schedule, e.g. cron(0 5 ? * * *)."},
		"lines joined":   {in: "Add a block\n  with enabled = true.\nThen apply.", want: "Add a block with enabled = true."},
		"empty":          {in: "", want: ""},
		"capped at a word": {
			in:   "Allow these ports only from known networks, security groups or prefix lists, reach instances through SSM Session Manager or a VPN instead.",
			want: "Allow these ports only from known networks, security groups or prefix lists, reach instances…",
		},
		"one long word": {in: strings.Repeat("x", 150), want: strings.Repeat("x", 99) + "…"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := fixLine(tt.in); got != tt.want {
				t.Errorf("fixLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// write is rep in format with opts.
func write(t *testing.T, format string, opts Options, rep *engine.Report) string {
	t.Helper()
	f, err := Lookup(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
