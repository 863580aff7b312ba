package runtask_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
)

// dumpCheck is as careless as a check can be: it fails every resource with
// its whole planned value, and some attributes, as evidence. Redaction
// must still hold in what the server posts and logs.
var dumpCheck = check.Check{
	Meta: check.Meta{
		ID: "test_dump_everything", Title: "Dump <b>everything</b>", Section: "security", Category: "access_control",
		Severity: check.SeverityCritical, ResourceTypes: []string{"aws_db_instance"},
		Description: "d", Remediation: "r",
	},
	Plan: func(p *model.Plan) []check.Finding {
		var out []check.Finding
		for _, r := range p.Resources {
			ev := []check.Evidence{{Attribute: "(all)", Value: p.Show(r, r.Attr())}}
			for _, name := range []string{"password", "tags", "master_user_secret"} {
				ev = append(ev, check.Evidence{Attribute: name, Value: p.Show(r, r.Attr(name))})
			}
			out = append(out, check.Finding{Address: r.Address, Status: check.StatusFail, Message: "dumped " + p.Show(r, r.Attr()), Evidence: ev})
		}
		return out
	},
}

// TestRunTaskNoSensitiveOrHostileTextPosted judges plans holding canary secrets
// (values marked sensitive in after_sensitive and before_sensitive, a
// whole-object mark, a sensitive variable's value in a plan without marks)
// and an address and values made of terminal escapes, bidi overrides,
// line breaks, workflow commands, HTML, links and mentions. No canary may
// reach the callback or the log; the one-line fields hold one safe line;
// the Markdown body shows the hostile text as text.
func TestRunTaskNoSensitiveOrHostileTextPosted(t *testing.T) {
	t.Parallel()
	for name, plan := range map[string]string{
		"canaries":           "../cli/testdata/canaries.json",
		"hostile, sensitive": "testdata/hostile_sensitive.json",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, func(o *runtask.Options) {
				o.Scan = scanWith(func() []check.Check { return append(checks.All(), dumpCheck) })
			})
			r := h.run("run-redact", readFile(t, plan))
			h.post(t, r)
			cb := h.callback(t, r.ID)
			if !strings.Contains(string(cb.Body), "test_dump_everything") || !strings.Contains(string(cb.Body), model.Redacted) {
				t.Fatalf("the dump check's outcome is missing: the test would prove nothing:\n%s", cb.Body)
			}
			for where, text := range map[string]string{"callback": string(cb.Body), "log": h.logs.String()} {
				if i := strings.Index(text, "CANARY-"); i >= 0 {
					t.Errorf("the %s leaks a sensitive value: ...%s...", where, text[max(0, i-60):min(len(text), i+60)])
				}
			}
			d := cb.Document.Data
			oneLine := map[string]string{"message": d.Attributes.Message}
			for i, o := range d.Relationships.Outcomes.Data {
				oneLine[fmt.Sprintf("outcome %d: outcome-id", i)] = o.Attributes.OutcomeID
				oneLine[fmt.Sprintf("outcome %d: description", i)] = o.Attributes.Description
				for key, tags := range o.Attributes.Tags {
					for j, tag := range tags {
						oneLine[fmt.Sprintf("outcome %d: tag %q %d", i, key, j)] = tag.Label
					}
				}
				if bad := unsafeMarkdown(o.Attributes.Body); bad != "" {
					t.Errorf("outcome %d: the body %s: %q", i, bad, o.Attributes.Body)
				}
			}
			for field, s := range oneLine {
				if i := strings.IndexFunc(s, hiding); i >= 0 {
					t.Errorf("%s holds %q at %d: %q", field, s[i:i+1], i, s)
				}
			}
		})
	}
}

// hiding reports whether r drives a terminal or a log, or hides text:
// controls, line breaks and bidi marks.
func hiding(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// withoutCodeSpans removes the code spans of s: a run of backticks to the
// next run of the same length.
func withoutCodeSpans(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '`' {
			b.WriteByte(s[i])
			i++
			continue
		}
		n := i
		for n < len(s) && s[n] == '`' {
			n++
		}
		ticks := s[i:n]
		end := -1
		for j := n; j < len(s); {
			k := strings.Index(s[j:], ticks)
			if k < 0 {
				break
			}
			k += j
			e := k + len(ticks)
			if (k == 0 || s[k-1] != '`') && (e == len(s) || s[e] != '`') {
				end = e
				break
			}
			j = e
			for j < len(s) && s[j] == '`' {
				j++
			}
		}
		if end < 0 {
			b.WriteString(ticks)
			i = n
			continue
		}
		i = end
	}
	return b.String()
}

// unsafeMarkdown says what in body, outside code spans (which Markdown
// shows as they are), could render as markup, HTML, a link or a mention, or
// drive a log; "" when nothing does.
func unsafeMarkdown(body string) string {
	if strings.ContainsFunc(body, func(r rune) bool { return r != '\n' && hiding(r) }) {
		return "holds a control or bidi character"
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			return "starts a line with a workflow command"
		}
	}
	text := withoutCodeSpans(body)
	for _, bad := range []string{"<script", "<b>", "@here", "@team", "](http://evil", "##["} {
		if strings.Contains(text, bad) {
			return "holds " + bad + " outside code"
		}
	}
	return ""
}
