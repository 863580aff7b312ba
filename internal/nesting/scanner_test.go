package nesting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// oracle is how deep src nests by HCL's own scanner's tokens: what scan
// must find without keeping them.
func oracle(src []byte, start byte) int {
	var toks hclsyntax.Tokens
	if start == inTemplate {
		toks, _ = hclsyntax.LexTemplate(src, "", hcl.InitialPos)
	} else {
		toks, _ = hclsyntax.LexConfig(src, "", hcl.InitialPos)
	}
	c := counter{max: maxInt}
	for _, t := range toks {
		c.token(t.Type, t.Bytes, t.Range.Start.Byte)
	}
	return c.deepest
}

func scanned(src []byte, start byte) int {
	c := counter{max: maxInt}
	measure(src, start, &c)
	return c.deepest
}

const maxInt = int(^uint(0) >> 1)

// scannerCases are the corners of HCL's scanner: where strings, heredocs,
// comments and template sequences begin and end.
var scannerCases = []string{
	"a = <<EOT\n$\nEOT\n[",
	"a = <<EOT\nx$\nEOT\n[",
	"a = <<EOT\n$EOT\nEOT\n[",
	"a = <<EOT\n%\nEOT\n[",
	"a = <<EOT\n${x}EOT\nEOT\n[",
	"a = <<EOT\n${\nx}EOT\nEOT\n[",
	"a = <<EOT\n  EOT \t\nb = [",
	"a = <<EOT\nEOT\r\nb = [",
	"a = <<EOT\nE\rOT\nEOT\nb = [",
	"a = <<EOT\nx\ry\nEOT\nb = [",
	"a = <<-EOT\n  EOT\nb = [",
	"a = <<EOT \nEOT\nb = [",
	"a = <<EOT\n$${x}\nEOT\nb = [",
	"a = <<EOT\n$$${x}\nEOT\nb = [",
	"a = <<EOT\n\xffEOT\nb = [",
	"a = <<EOT\n\xff  EOT\nb = [",
	"a = <<EOT\nx\xffEOT\nEOT\nb = [",
	"a = <<EOT\n[[[\nEOT",
	"a = <<EOT\n<<X\nEOT\nb = [",
	"a = <<EOT\n${<<X\ny\nX\n}\nEOT\nb = [",
	"a = <<é\nx\né\nb = [",
	"a = <<☃\nx\n☃\nb = [",
	"a = \"x\ry\" [",
	"a = \"x\\\ny\" [",
	"a = \"\\${x}\" [",
	"a = \"\\\\${[x]}\" [",
	"a = \"$$${[x]}\" [",
	"a = \"%%{x}\" [",
	"a = \"${~x~}\" [",
	"a = \"${ { }\" [ \"",
	"a = \"${ ~} \" [",
	"a = \"%{ if a }${[b]}%{ else }c%{ endif }\"",
	"a = \"%{ for x in y ~}[%{~ endfor }\"",
	"a = 1..2[",
	"a = 1.e5[x]",
	"a = x-1[",
	"a = /*x [",
	"a = /*/ [",
	"a = /**/ [",
	"a = /* [ */ [",
	"# [\na = [",
	"// [\r\na = [",
	"a = \r [",
	"a = é[",
	"a = {\n for k in x : k => 1 +\n 1 }",
	"a = {\n # c\n for k in x : k => 1 +\n 1 }",
	"a = f(1 +\n 1, 2 * 3) ? !x : -y",
	"a = x[0][y][*].z[*]",
	"a = x.*.y",
	"\xef\xbb\xbfa = [1]",
	"00<<\xcb 0\n0\n[[[",
	"a = \xcb\"[[[\"",
	"a = x\xcb\"[[[\"",
	"a = <<X\xcb\nY\n[[[\nX\xcb\nY\n",
}

// TestScannerAgreesWithHCL: scan and HCL's scanner find the same depth on
// the corners above and on every configuration file in the repository.
func TestScannerAgreesWithHCL(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../checks/testdata/*/*.tf")
	more, _ := filepath.Glob("../../examples/*/*/*.tf")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found %d .tf files", len(files))
	}
	cases := map[string][]byte{}
	for _, src := range scannerCases {
		cases[src] = []byte(src)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases[f] = data
	}
	for name, src := range cases {
		for _, start := range []byte{inCode, inTemplate} {
			if got, want := scanned(src, start), oracle(src, start); got != want {
				t.Errorf("%q (mode %d): depth %d, HCL's scanner %d", name, start, got, want)
			}
		}
	}
}

// FuzzScanner holds scan to HCL's scanner on any bytes.
func FuzzScanner(f *testing.F) {
	for _, src := range scannerCases {
		f.Add([]byte(src))
	}
	f.Add([]byte(strings.Repeat("a = [\"${b(<<X\n%{if c}\nX\n)}\"]\n", 3)))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, start := range []byte{inCode, inTemplate} {
			if got, want := scanned(src, start), oracle(src, start); got != want {
				t.Fatalf("%q (mode %d): depth %d, HCL's scanner %d", src, start, got, want)
			}
		}
	})
}
