package report

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMarkdownFitsInAComment writes reports of growing size: each stays
// under GitHub's 65,536-character limit, keeps its verdict, its blocking
// failures first and its scorecard, balances its <details>, and counts what
// it left out.
func TestMarkdownFitsInAComment(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		results       int
		wantTruncated bool
	}{
		"small": {results: 10},
		"large": {results: 2000, wantTruncated: true},
		"huge":  {results: 50000, wantTruncated: true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := hugeReport(tt.results)
			var buf bytes.Buffer
			if err := (markdownFormat{opts: Options{ToolVersion: "1.2.3", Locate: locateCI}, limit: githubCommentLimit}).Write(&buf, rep); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if n := utf8.RuneCountInString(out); n > githubCommentLimit {
				t.Fatalf("comment has %d characters, GitHub takes at most %d", n, githubCommentLimit)
			}
			for _, want := range []string{markdownMarker, "NOT READY", "| Section | Score |", "### Blocking", "<sub>readiness 1.2.3</sub>"} {
				if !strings.Contains(out, want) {
					t.Errorf("comment lacks %q", want)
				}
			}
			if truncated := checkMarkdownCut(t, out, len(rep.Results)+len(rep.Errors)); truncated != tt.wantTruncated {
				t.Errorf("truncated = %v, want %v", truncated, tt.wantTruncated)
			}
		})
	}
}

// TestMarkdownCutAnywhere cuts one report at every budget from almost
// nothing to all of it: the output never passes the budget, <details>
// always balance and nothing is lost without being counted.
func TestMarkdownCutAnywhere(t *testing.T) {
	t.Parallel()
	rep := hugeReport(60)
	var full bytes.Buffer
	if err := (markdownFormat{limit: 1 << 30}).Write(&full, rep); err != nil {
		t.Fatal(err)
	}
	for limit := markdownReserve + 200; limit <= full.Len()+markdownReserve; limit += 97 {
		var buf bytes.Buffer
		if err := (markdownFormat{limit: limit}).Write(&buf, rep); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > limit {
			t.Fatalf("limit %d: wrote %d bytes", limit, buf.Len())
		}
		checkMarkdownCut(t, buf.String(), len(rep.Results)+len(rep.Errors))
		if t.Failed() {
			t.Fatalf("at limit %d:\n%s", limit, buf.String())
		}
	}
}

// checkMarkdownCut checks that a comment balances its <details> and that
// each of want results and errors is shown or counted in the truncation
// note. It reports whether the comment was truncated.
func checkMarkdownCut(t *testing.T, out string, want int) bool {
	t.Helper()
	if open, closed := strings.Count(out, "<details>"), strings.Count(out, "</details>"); open != closed {
		t.Errorf("%d <details> but %d </details>", open, closed)
	}
	omitted := 0
	note := regexp.MustCompile(`(\d+) more results and errors are not shown`).FindStringSubmatch(out)
	if note != nil {
		omitted, _ = strconv.Atoi(note[1])
	}
	shown := 0
	for _, line := range strings.Split(out, "\n") {
		for _, prefix := range []string{"| [`check_", "| critical |", "| high |", "| medium |", "| low |", "- check "} {
			if strings.HasPrefix(line, prefix) {
				shown++
				break
			}
		}
	}
	if shown+omitted != want {
		t.Errorf("%d shown + %d counted as left out = %d, want %d", shown, omitted, shown+omitted, want)
	}
	return note != nil
}

func TestMarkdownEscapes(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in, text, code string
	}{
		"plain":      {in: "multi_az", text: `multi\_az`, code: "`multi_az`"},
		"html":       {in: "<script>alert(1)</script>", text: "&lt;script&gt;alert(1)&lt;/script&gt;", code: "`<script>alert(1)</script>`"},
		"pipe":       {in: "a|b", text: `a\|b`, code: "`a\\|b`"},
		"backticks":  {in: "x `y` ``z``", text: "x \\`y\\` \\`\\`z\\`\\`", code: "``` x `y` ``z`` ```"},
		"edge ticks": {in: "`x`", text: "\\`x\\`", code: "`` `x` ``"},
		"mention":    {in: "@team", text: "&#64;team", code: "`@team`"},
		"newline":    {in: "a\nb", text: `a\\nb`, code: "`a b`"},
		"controls":   {in: "\x1b[2J\u009b\u202e", text: `\\x1b\[2J\\u009b\\u202e`, code: "`\\x1b[2J\\u009b\\u202e`"},
		"command":    {in: "\n::add-mask::x", text: `\\n::add-mask::x`, code: "` ::add-mask::x`"},
		"link":       {in: "[x](javascript:y)", text: `\[x\](javascript:y)`, code: "`[x](javascript:y)`"},
		"empty":      {in: "", text: "", code: "`  `"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := mdText(tt.in); got != tt.text {
				t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := mdCode(tt.in); got != tt.code {
				t.Errorf("mdCode(%q) = %q, want %q", tt.in, got, tt.code)
			}
		})
	}
	for in, want := range map[string]string{
		"one\r\ntwo|three":       `one<br>two\|three`,
		"x\n::add-mask::y\x07\r": `x<br>::add-mask::y\\x07<br>`,
	} {
		if got := mdCell(in); got != want {
			t.Errorf("mdCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncateRunes(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		n    int
		want string
	}{
		"short":   {in: "abc", n: 5, want: "abc"},
		"exact":   {in: "abcde", n: 5, want: "abcde"},
		"cut":     {in: "abcdef", n: 5, want: "abcd…"},
		"unicode": {in: "ééééééé", n: 3, want: "éé…"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := truncateRunes(tt.in, tt.n); got != tt.want {
				t.Errorf("truncateRunes(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}
