package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// echoCheck repeats a resource's raw tags, as a careless check might
// format plan strings into its message and evidence.
var echoCheck = check.Check{
	Meta: check.Meta{
		ID: "test_echo_tags", Title: "Echo", Section: "security", Category: "access_control",
		Severity: check.SeverityHigh, ResourceTypes: []string{"aws_s3_bucket", "aws_db_instance"},
		Description: "d", Remediation: "r",
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		tags, _ := r.Attr("tags").Value.(model.Object)
		var msg []string
		var ev []check.Evidence
		for _, f := range tags {
			s, _ := f.Value.(string)
			msg = append(msg, s)
			ev = append(ev, check.Evidence{Attribute: "tags." + f.Name, Value: s})
		}
		return check.Finding{Status: check.StatusFail, Message: "tags say " + strings.Join(msg, "; "), Evidence: ev}
	},
}

// hostileConfig is a team's configuration whose texts carry control
// characters and workflow commands.
const hostileConfig = `
attest "load_tests" {
  by   = "alice\u001b[2J\u202e"
  on   = "2026-01-31"
  note = "k6\n::add-mask::note"
}
check "team_echo" {
  title          = "Team \u001b]8;;http://x\u0007check\u001b]8;;\u0007\n::error::title"
  remediation    = "Tag it.\n::add-mask::remedy \u009b"
  resource_types = ["aws_s3_bucket", "aws_db_instance"]
  condition      = false
  message        = "${self.address} is ${self.index}"
}
`

// TestControlCharactersInEveryFormat scans a plan whose for_each key,
// attribute strings, tags and file name carry terminal escapes (ESC, OSC
// hyperlinks, BEL, NUL, CR, C1, bidi overrides) and GitHub workflow
// commands, with a configuration that carries them too, and writes each
// format to standard output: no raw control character, no bidi rune and no
// line that starts a workflow command may reach it, except the github
// format's own annotations, one per failure and error. The escaped forms
// must appear, so that nothing passes by dropping the text.
func TestControlCharactersInEveryFormat(t *testing.T) {
	t.Parallel()
	plan := hostilePlanPath(t)
	conf := writeConfig(t, hostileConfig)
	cat := catalogue{
		all:  func() []check.Check { return append(checks.All(), echoCheck, testPanics) },
		byID: checks.ByID,
	}
	scan := func(format string) string {
		var stdout, stderr bytes.Buffer
		args := []string{"scan", "--fail-on", "none", "--config", conf, "--format", format, plan}
		if code := runWith(args, &stdout, &stderr, cat); code != ExitError && code != ExitReady {
			t.Fatalf("%s: exit %d: %s", format, code, stderr.String())
		}
		return stdout.String()
	}
	commands := wantCommands(t, scan("json"))
	for _, format := range report.Names() {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			out := scan(format)
			if !strings.Contains(out, "team_echo") || !strings.Contains(out, "test_echo_tags") {
				t.Fatalf("the echoing checks are missing: the test would prove nothing\n%s", out)
			}
			assertNoRawControls(t, out)
			assertOwnCommandsOnly(t, format, out, commands)
			for _, escaped := range escapedForms(format) {
				if !strings.Contains(out, escaped) {
					t.Errorf("output lacks %s: the hostile text was dropped, not escaped", escaped)
				}
			}
		})
	}
}

// hostilePlanPath copies the fixture to a file whose name holds escapes.
func hostilePlanPath(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/control_characters.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan\x1b[31m\u202e.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantCommands is how many annotations the github format owes: one per
// failure and one per error.
func wantCommands(t *testing.T, jsonReport string) int {
	t.Helper()
	var doc struct {
		Summary struct {
			Fail int `json:"fail"`
		} `json:"summary"`
		Errors []string `json:"errors"`
	}
	if err := json.Unmarshal([]byte(jsonReport), &doc); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	if len(doc.Errors) == 0 {
		t.Fatal("the panicking check left no error: the test would prove nothing")
	}
	return doc.Summary.Fail + len(doc.Errors)
}

func assertNoRawControls(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Error("output is not valid UTF-8")
	}
	for i, r := range out {
		bad := r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069
		if bad {
			t.Errorf("raw %U at byte %d: ...%q...", r, i, out[max(0, i-40):min(len(out), i+40)])
		}
	}
	for _, legacy := range []string{"##[", "##vso["} {
		if strings.Contains(out, legacy) {
			t.Errorf("output holds a legacy workflow command %q", legacy)
		}
	}
}

// ownCommand is an annotation the github format writes: a command, its
// properties and the data separator.
var ownCommand = regexp.MustCompile(`^::(error|warning|notice) [^:]*::`)

func assertOwnCommandsOnly(t *testing.T, format, out string, want int) {
	t.Helper()
	got := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") {
			continue
		}
		if format == "github" && ownCommand.MatchString(line) {
			got++
			continue
		}
		t.Errorf("a line starts a workflow command: %q", line)
	}
	if format == "github" && got != want {
		t.Errorf("%d annotations, want one per failure and error: %d\n%s", got, want, out)
	}
}

// escapedForms are what the hostile texts become in a format.
func escapedForms(format string) []string {
	switch format {
	case "json", "sarif":
		return []string{`\u001b`, `\u202e`, `\u009b`}
	case "markdown":
		return []string{`\\x1b`, `\\u202e`, `\\u009b`}
	}
	return []string{`\x1b`, `\u202e`, `\u009b`}
}
