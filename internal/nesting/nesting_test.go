package nesting

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func wrap(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

func chain(head, step string, n int) string { return head + strings.Repeat(step, n) }

// TestHCL: each construct that makes HCL recurse is refused one level past
// Max (at the place it goes too deep) and accepted at Max; what only looks
// like nesting (in strings, heredocs and comments, or side by side) is not
// counted.
func TestHCL(t *testing.T) {
	t.Parallel()
	at := func(line, col int) *hcl.Pos { return &hcl.Pos{Line: line, Column: col} }
	tests := map[string]struct {
		src  string
		want *hcl.Pos // nil: accepted
	}{
		"tuples at max":       {src: "a = " + wrap("[", "1", "]", Max) + "\n"},
		"tuples past max":     {src: "a = " + wrap("[", "1", "]", Max+1) + "\n", want: at(1, 5+Max)},
		"objects past max":    {src: "a = " + wrap("{x = ", "1", "}", Max+1) + "\n", want: at(1, 5+5*Max)},
		"parentheses":         {src: "a = " + wrap("(", "1", ")", Max+1), want: at(1, 5+Max)},
		"function calls":      {src: "a = " + wrap("f(", "1", ")", Max+1), want: at(1, 6+2*Max)},
		"blocks":              {src: wrap("b {\n", "", "}\n", Max+1), want: at(Max+1, 3)},
		"blocks at max":       {src: wrap("b {\n", "", "}\n", Max)},
		"labelled blocks":     {src: wrap("b \"x\" {\n", "", "}\n", Max) + "\n"},
		"interpolations":      {src: "a = " + wrap(`"${`, "1", `}"`, Max/2+1), want: at(1, 5+3*(Max/2))},
		"heredoc":             {src: "a = <<EOT\n" + wrap("${[", "1", "]}", Max/2) + "\nEOT\n", want: at(2, 3*(Max/2))},
		"template directives": {src: "a = \"" + wrap("%{ if true }", "x", "%{ endif }", Max) + "\"\n", want: at(1, 6+12*(Max-1))},
		"sums":                {src: "a = " + chain("1", " + 1", Max+1), want: at(1, 7+4*Max)},
		"sums at max":         {src: "a = " + chain("1", " + 1", Max)},
		"negations":           {src: "a = " + chain("", "!", Max+1) + "true", want: at(1, 5+Max)},
		"minus signs":         {src: "a = " + chain("", "-", Max+1) + "1", want: at(1, 5+Max)},
		"conditionals":        {src: "a = " + chain("", "true ? 1 : ", Max+1) + "1", want: at(1, 10+11*Max)},
		"index steps":         {src: "a = x" + chain("", "[k]", Max), want: at(1, 6+3*(Max-1))},
		"splats":              {src: "a = x" + chain("", "[*]", Max), want: at(1, 7+3*(Max-2))},
		"sums over lines in a for": {src: "a = {for k, v in x : k =>\n" + chain("1", "\n+ 1", Max+1) + "}",
			want: at(Max+2, 1)},
		"sums in parentheses over lines": {src: "a = (\n" + chain("1", "\n+ 1", Max+1) + ")", want: at(Max+2, 1)},

		"brackets in a string":  {src: "a = \"" + strings.Repeat("[", 10*Max) + "\"\n"},
		"brackets in a heredoc": {src: "a = <<EOT\n" + strings.Repeat("[{(", 10*Max) + "\nEOT\n"},
		"escaped interpolation": {src: "a = \"" + strings.Repeat("$${[", 10*Max) + "\"\n"},
		"hash comment":          {src: "# " + strings.Repeat("[", 10*Max) + "\na = 1\n"},
		"slash comment":         {src: "// " + strings.Repeat("[", 10*Max) + "\na = 1\n"},
		"block comment":         {src: "/* " + strings.Repeat("[\n", 10*Max) + "*/\na = 1\n"},
		"long tuple":            {src: "a = [" + strings.Repeat("[1], ", 10*Max) + "]\n"},
		"long template":         {src: "a = \"" + strings.Repeat("${x}-", 10*Max) + "\"\n"},
		"many blocks":           {src: strings.Repeat("b {\n  c {\n    x = 1 + 1\n  }\n}\n", 10*Max)},
		"many attributes":       {src: strings.Repeat("x = a + b * c\n", 10*Max)},
		"many object items":     {src: "a = {\n" + strings.Repeat("  x = a + b\n", 10*Max) + "}\n"},
		"many arguments":        {src: "a = f(" + strings.Repeat("a + b, ", 10*Max) + ")\n"},
		"many directives":       {src: "a = \"" + strings.Repeat("%{ if x }y%{ endif }", 10*Max) + "\"\n"},
		"stray closers":         {src: strings.Repeat("]", 10*Max) + "\na = 1\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := HCL([]byte(tt.src), "main.tf")
			if tt.want == nil {
				if diags.HasErrors() {
					t.Fatalf("refused: %v", diags)
				}
				if _, d := hclsyntax.ParseConfig([]byte(tt.src), "main.tf", hcl.InitialPos); strings.Contains(name, "at max") && d.HasErrors() {
					t.Fatalf("the case does not parse: %v", d)
				}
				return
			}
			if !diags.HasErrors() || !TooDeep(diags) {
				t.Fatalf("accepted; want an error at %d,%d", tt.want.Line, tt.want.Column)
			}
			got := hcl.Pos{Line: diags[0].Subject.Start.Line, Column: diags[0].Subject.Start.Column}
			if diff := cmp.Diff(*tt.want, got); diff != "" {
				t.Errorf("position (-want +got):\n%s\n%s", diff, diags[0].Error())
			}
			if diags[0].Subject.Filename != "main.tf" || diags[0].Summary != "Nesting too deep" {
				t.Errorf("diagnostic = %v", diags[0])
			}
		})
	}
}

// TestJSON: HCL's JSON syntax nests by arrays and objects, and its strings
// are templates that nest from where they stand.
func TestJSON(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		src  string
		want *hcl.Pos
	}{
		"arrays at max":                {src: wrap("[", "1", "]", Max)},
		"arrays past max":              {src: wrap("[", "1", "]", Max+1), want: &hcl.Pos{Line: 1, Column: Max + 1}},
		"objects past max":             {src: "\n" + wrap(`{"a":`, "1", "}", Max+1), want: &hcl.Pos{Line: 2, Column: 5*Max + 1}},
		"brackets in a string":         {src: `{"a": "` + strings.Repeat("[{", 10*Max) + `"}`},
		"escaped quote in a string":    {src: `{"a": "\"[[[[[["}`},
		"template in a string":         {src: `{"a": "` + wrap("${[", "1", "]}", Max/2) + `"}`, want: &hcl.Pos{Line: 1, Column: 8 + 3*(Max/2-1) + 2}},
		"template at depth":            {src: wrap("[", `"${`+wrap("[", "1", "]", Max-10)+`}"`, "]", 10), want: &hcl.Pos{Line: 1, Column: 14 + Max - 11}},
		"escaped template in a string": {src: `{"a": "` + wrap(`\u0024{[`, "1", "]}", Max/2) + `"}`, want: &hcl.Pos{}},
		"long template":                {src: `{"a": "` + strings.Repeat("${x}", 10*Max) + `"}`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			diags := JSON([]byte(tt.src), "main.tf.json")
			switch {
			case tt.want == nil && diags.HasErrors():
				t.Fatalf("refused: %v", diags)
			case tt.want != nil && !diags.HasErrors():
				t.Fatal("accepted")
			case tt.want != nil && tt.want.Line != 0:
				got := hcl.Pos{Line: diags[0].Subject.Start.Line, Column: diags[0].Subject.Start.Column}
				if diff := cmp.Diff(*tt.want, got); diff != "" {
					t.Errorf("position (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestData(t *testing.T) {
	t.Parallel()
	if err := Data([]byte(wrap("[", "", "]", MaxData))); err != nil {
		t.Errorf("at MaxData: %v", err)
	}
	if err := Data([]byte(`["` + strings.Repeat("[", 2*MaxData) + `"]`)); err != nil {
		t.Errorf("brackets in a string: %v", err)
	}
	err := Data([]byte(wrap("[", "", "]", MaxData+1)))
	if want := "the JSON nests deeper than 1000 levels at line 1, column 1001"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestCheckBySuffix(t *testing.T) {
	t.Parallel()
	deep := []byte(wrap("[", "", "]", Max+1))
	for _, name := range []string{"main.tf", "main.tf.json", "terraform.tfvars", ".readiness.hcl"} {
		if !TooDeep(Check(deep, name)) {
			t.Errorf("%s: accepted", name)
		}
	}
}

// FuzzHCL: whatever the bytes, the check returns; what it accepts, HCL
// parses without the check's help.
func FuzzHCL(f *testing.F) {
	f.Add([]byte("a = [1, {b = \"${c[0] + 1}\"}]\n"))
	f.Add([]byte("b \"x\" {\n  c = <<EOT\n${d}%{ if e }f%{ endif }\nEOT\n}\n"))
	f.Add([]byte(`{"a": ["${b ? c : d}"]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		if !HCL(src, "f.tf").HasErrors() {
			_, _ = hclsyntax.ParseConfig(src, "f.tf", hcl.InitialPos)
		}
		_ = JSON(src, "f.tf.json")
		_ = Data(src)
	})
}
