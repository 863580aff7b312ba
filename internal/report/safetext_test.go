package report

import (
	"strings"
	"testing"
)

func TestSafeText(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in, text, line string
	}{
		"empty":          {in: "", text: "", line: ""},
		"plain":          {in: "multi_az = false", text: "multi_az = false", line: "multi_az = false"},
		"unicode":        {in: "zone é 😀 日本", text: "zone é 😀 日本", line: "zone é 😀 日本"},
		"ipv6":           {in: "::/0", text: "::/0", line: "::/0"},
		"newline":        {in: "a\nb", text: "a\nb", line: `a\nb`},
		"tab":            {in: "a\tb", text: `a\tb`, line: `a\tb`},
		"carriage":       {in: "a\r\nb", text: "a\\r\nb", line: `a\r\nb`},
		"escape":         {in: "\x1b[2J", text: `\x1b[2J`, line: `\x1b[2J`},
		"osc hyperlink":  {in: "\x1b]8;;http://x\x07y", text: `\x1b]8;;http://x\x07y`, line: `\x1b]8;;http://x\x07y`},
		"nul":            {in: "a\x00b", text: `a\x00b`, line: `a\x00b`},
		"del":            {in: "a\x7fb", text: `a\x7fb`, line: `a\x7fb`},
		"c1 csi":         {in: "a\u009b31mb", text: `a\u009b31mb`, line: `a\u009b31mb`},
		"c1 nel":         {in: "a\u0085b", text: `a\u0085b`, line: `a\u0085b`},
		"invalid utf8":   {in: "a\xffb\xc3", text: `a\xffb\xc3`, line: `a\xffb\xc3`},
		"encoded fffd":   {in: "a\uFFFDb", text: "a\uFFFDb", line: "a\uFFFDb"},
		"bidi override":  {in: "a\u202eb", text: `a\u202eb`, line: `a\u202eb`},
		"bidi isolates":  {in: "\u2066\u2067\u2068\u2069", text: `\u2066\u2067\u2068\u2069`, line: `\u2066\u2067\u2068\u2069`},
		"bidi marks":     {in: "\u200e\u200f\u061c", text: `\u200e\u200f\u061c`, line: `\u200e\u200f\u061c`},
		"separators":     {in: "a\u2028b\u2029c", text: `a\u2028b\u2029c`, line: `a\u2028b\u2029c`},
		"no-break space": {in: "a\u202fb", text: "a\u202fb", line: "a\u202fb"},
		"legacy command": {in: "x ##[add-mask]y", text: `x ##\x5badd-mask]y`, line: `x ##\x5badd-mask]y`},
		"azure command":  {in: "##vso[task.setvariable]x ##VSO[y", text: `##vso\x5btask.setvariable]x ##VSO\x5by`, line: `##vso\x5btask.setvariable]x ##VSO\x5by`},
		"hashes":         {in: "## heading #[ ##", text: "## heading #[ ##", line: "## heading #[ ##"},
		"workflow":       {in: "x\n::add-mask::leak", text: "x\n::add-mask::leak", line: `x\n::add-mask::leak`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := safeText(tt.in); got != tt.text {
				t.Errorf("safeText(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := safeLine(tt.in); got != tt.line {
				t.Errorf("safeLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
		})
	}
}

// TestSafeTextEscapesEveryControl runs over every C0 and C1 control.
func TestSafeTextEscapesEveryControl(t *testing.T) {
	t.Parallel()
	for r := rune(0); r <= 0x9f; r++ {
		if r >= 0x20 && r < 0x7f || r == '\n' {
			continue
		}
		got := safeText(string(r))
		if !strings.HasPrefix(got, `\`) || len(got) < 2 {
			t.Errorf("safeText(%q) = %q, want a visible escape", string(r), got)
		}
	}
}

// TestSafeTextDoesNotAllocate is not parallel: AllocsPerRun refuses to be.
func TestSafeTextDoesNotAllocate(t *testing.T) {
	s := strings.Repeat(`module.app["blue"].aws_db_instance.main[0] = "db.r6g.large" é ::/0 `, 20)
	allocs := testing.AllocsPerRun(100, func() {
		_ = safeText(s)
		_ = safeLine(s)
	})
	if allocs != 0 {
		t.Errorf("safeText of clean text allocates %v times", allocs)
	}
}

func TestGuardLines(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in, want string
	}{
		"none":          {in: "a\nb::c\n", want: "a\nb::c\n"},
		"first line":    {in: "::error::x\n", want: `\x3a:error::x` + "\n"},
		"indented":      {in: "ok\n      ::add-mask::leak\n", want: "ok\n      \\x3a:add-mask::leak\n"},
		"tab and nbsp":  {in: "\t\u00a0::x", want: "\t\u00a0\\x3a:x"},
		"after colour":  {in: "\x1b[1m::x\x1b[0m\n", want: "\x1b[1m\\x3a:x\x1b[0m\n"},
		"single colon":  {in: ":root {\n", want: ":root {\n"},
		"empty lines":   {in: "\n\n::\n", want: "\n\n\\x3a:\n"},
		"two on a line": {in: " :: ::\n::", want: " \\x3a: ::\n\\x3a:"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := string(guardLines([]byte(tt.in), `\x3a`)); got != tt.want {
				t.Errorf("guardLines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkSafeText(b *testing.B) {
	clean := strings.Repeat(`{"team":"core","note":"x"} `, 40)
	dirty := strings.Repeat("x\x1b[2J\u202e ", 40)
	b.Run("clean", func(b *testing.B) {
		for b.Loop() {
			_ = safeText(clean)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		for b.Loop() {
			_ = safeText(dirty)
		}
	})
}
