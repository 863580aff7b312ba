package model

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
	"golang.org/x/text/unicode/norm"
)

// FuzzTraversal holds the direct reading of plain traversals to
// hclsyntax: whatever text the direct reading accepts, hclsyntax reads
// the same steps; neither panics on any text.
func FuzzTraversal(f *testing.F) {
	for _, s := range []string{
		"aws_s3_bucket.b", "module.a[0].aws_instance.web[3]", `module.a["x.y"].data.aws_iam_policy_document.p["k"]`,
		"a-b.c_d", "_x.y", "a.0", "a[01]", "a[1.5]", `a["${x}"]`, `a["\n"]`, "a[0][1].b", "a .b", "a.b[", `a["x"`, "é.b",
		"a[9999999999999999]", "a[123456789012345]", "a.b # c", "a . b", " a", "a[*]", "a[*].b", "a.*", "-a.b", "a.-b", "a.b-", "null.x", "true", "a[\"%{\"]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		hclSteps, hclErr := readHCLTraversal(text)
		plain, ok := readPlainTraversal(nil, text)
		if !ok {
			return
		}
		if hclErr != nil {
			t.Fatalf("%q: read directly as %v, hclsyntax refuses it: %v", text, plain, hclErr)
		}
		if diff := cmp.Diff(hclSteps, plain, cmp.AllowUnexported(tStep{}, Key{})); diff != "" {
			t.Fatalf("%q: direct reading differs from hclsyntax (-hcl +direct):\n%s", text, diff)
		}
	})
}

// FuzzAddress writes addresses as Terraform writes them, from fuzzed
// parts, and reads them back: the same parts, and String() the text
// written. Names are HCL identifiers, as Terraform requires; string keys
// are valid UTF-8 in Unicode normal form C, since HCL normalises the
// string literals it reads (Terraform's own addresses read back so too).
func FuzzAddress(f *testing.F) {
	f.Add("app", "blue", 0, false, "aws_db_instance", "main", "k.[]\"\\${", 3, true, false)
	f.Add("a-b", "", 1, true, "aws_subnet", "s", "zürich\n\t\x01", 0, false, true)
	f.Fuzz(func(t *testing.T, module, moduleKey string, moduleCount int, moduleCounted bool, typ, name, key string, count int, counted, data bool) {
		// Terraform reserves data and module, which open addresses. Its
		// names are Unicode: hclsyntax.ValidIdentifier lets bytes that are
		// not UTF-8 through, and an address holding them is refused.
		reserved := typ == "data" || typ == "module"
		if reserved || !hclsyntax.ValidIdentifier(typ) || !hclsyntax.ValidIdentifier(name) || !validKey(key) || !validKey(moduleKey) ||
			!utf8.ValidString(typ+name+module) {
			t.Skip()
		}
		var mod ModuleInstance
		if hclsyntax.ValidIdentifier(module) {
			mk := StringKey(moduleKey)
			if moduleCounted {
				mk = IntKey(abs(moduleCount))
			}
			mod = ModuleInstance{{Name: module, Key: mk}, {Name: module}}
		}
		k := StringKey(key)
		if counted {
			k = IntKey(abs(count))
		}
		mode := tfjson.ManagedResourceMode
		if data {
			mode = tfjson.DataResourceMode
		}
		written := NewAddress(mod, mode, typ, name, k)
		read, err := ParseAddress(written.String())
		if err != nil {
			t.Fatalf("%s does not read back: %v", written, err)
		}
		if read.String() != written.String() {
			t.Fatalf("String() = %q, want %q", read.String(), written.String())
		}
		if diff := cmp.Diff(partsOf(written), partsOf(read), cmp.AllowUnexported(Key{})); diff != "" {
			t.Fatalf("%s read back (-written +read):\n%s", written, diff)
		}
	})
}

// FuzzParseAddress reads any text: never a panic; an address read is one
// whose parts, written again, read back the same, and its String() is the
// text read.
func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{`module.a["x.y[1]"].aws_s3_bucket.b["k]"]`, `data.a.b`, `a.b[0]`, `a b`, `module.a`, `a.b["\u00e9"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseAddress(text)
		if a.String() != text {
			t.Fatalf("String() = %q, want %q", a.String(), text)
		}
		if err != nil {
			return
		}
		again, err := ParseAddress(NewAddress(a.Module(), a.Mode(), a.Type(), a.Name(), a.Key()).String())
		if err != nil {
			t.Fatalf("%q read, written again does not read: %v", text, err)
		}
		if diff := cmp.Diff(partsOf(a), partsOf(again), cmp.AllowUnexported(Key{})); diff != "" {
			t.Fatalf("%q (-read +written and read again):\n%s", text, diff)
		}
	})
}

func validKey(s string) bool { return utf8.ValidString(s) && norm.NFC.IsNormalString(s) }

func abs(n int) int {
	if n < 0 {
		n = -n
	}
	return n % 1_000_000
}
