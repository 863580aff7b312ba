package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

// addrParts is what a test expects of an Address.
type addrParts struct {
	Module         string // module instance, as ModuleInstance.String writes it
	Data           bool
	Type, Name     string
	Key            Key
	Config, Parsed string
}

func partsOf(a Address) addrParts {
	p := addrParts{Module: a.Module().String(), Data: a.Mode() == tfjson.DataResourceMode, Type: a.Type(), Name: a.Name(), Key: a.Key(), Config: a.ConfigAddress()}
	if a.Parsed() {
		p.Parsed = "yes"
	}
	return p
}

func TestParseAddress(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("k.[]\"", 2000)
	tests := map[string]struct {
		text string
		want addrParts
	}{
		"root":                       {`aws_s3_bucket.b`, addrParts{Type: "aws_s3_bucket", Name: "b", Config: "aws_s3_bucket.b", Parsed: "yes"}},
		"count":                      {`aws_s3_bucket.b[0]`, addrParts{Type: "aws_s3_bucket", Name: "b", Key: IntKey(0), Config: "aws_s3_bucket.b", Parsed: "yes"}},
		"data source":                {`data.aws_subnet.s["a"]`, addrParts{Data: true, Type: "aws_subnet", Name: "s", Key: StringKey("a"), Config: "data.aws_subnet.s", Parsed: "yes"}},
		"nested modules":             {`module.a[0].module.b["q"].data.aws_subnet.s`, addrParts{Module: `module.a[0].module.b["q"]`, Data: true, Type: "aws_subnet", Name: "s", Config: "module.a.module.b.data.aws_subnet.s", Parsed: "yes"}},
		"module named module":        {"module.module.aws_s3_bucket.b", addrParts{Module: "module.module", Type: "aws_s3_bucket", Name: "b", Config: "module.module.aws_s3_bucket.b", Parsed: "yes"}},
		"dots and brackets in a key": {`module.a["x.y[1]"].aws_s3_bucket.b["k]"]`, addrParts{Module: `module.a["x.y[1]"]`, Type: "aws_s3_bucket", Name: "b", Key: StringKey("k]"), Config: "module.a.aws_s3_bucket.b", Parsed: "yes"}},
		"escaped quote":              {`module.a["x\"]"].aws_s3_bucket.b`, addrParts{Module: `module.a["x\"]"]`, Type: "aws_s3_bucket", Name: "b", Config: "module.a.aws_s3_bucket.b", Parsed: "yes"}},
		"escapes":                    {`aws_s3_bucket.b["a\\b\n\t\u00e9$${x}%%{y}"]`, addrParts{Type: "aws_s3_bucket", Name: "b", Key: StringKey("a\\b\n\té${x}%{y}"), Config: "aws_s3_bucket.b", Parsed: "yes"}},
		"unicode":                    {`aws_s3_bucket.b["zürich-東京-🚀"]`, addrParts{Type: "aws_s3_bucket", Name: "b", Key: StringKey("zürich-東京-🚀"), Config: "aws_s3_bucket.b", Parsed: "yes"}},
		"unknown count":              {`module.a["y"].module.b[*].aws_s3_bucket.b[*]`, addrParts{Module: `module.a["y"].module.b[*]`, Type: "aws_s3_bucket", Name: "b", Key: UnknownKey, Config: "module.a.module.b.aws_s3_bucket.b", Parsed: "yes"}},
		"empty key":                  {`aws_s3_bucket.b[""]`, addrParts{Type: "aws_s3_bucket", Name: "b", Key: StringKey(""), Config: "aws_s3_bucket.b", Parsed: "yes"}},
		"very long key":              {`aws_s3_bucket.b[` + quoteHCL(long) + `]`, addrParts{Type: "aws_s3_bucket", Name: "b", Key: StringKey(long), Config: "aws_s3_bucket.b", Parsed: "yes"}},
		"dashes in names":            {`module.my-app.aws_s3_bucket.my-bucket`, addrParts{Module: "module.my-app", Type: "aws_s3_bucket", Name: "my-bucket", Config: "module.my-app.aws_s3_bucket.my-bucket", Parsed: "yes"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a, err := ParseAddress(tc.text)
			if err != nil {
				t.Fatalf("ParseAddress(%q): %v", tc.text, err)
			}
			if a.String() != tc.text {
				t.Errorf("String() = %q, want the text as written", a.String())
			}
			if diff := cmp.Diff(tc.want, partsOf(a), cmp.AllowUnexported(Key{})); diff != "" {
				t.Errorf("ParseAddress(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func quoteHCL(s string) string {
	var b strings.Builder
	writeHCLString(&b, s)
	return b.String()
}

func TestParseAddressErrors(t *testing.T) {
	t.Parallel()
	for name, text := range map[string]string{
		"empty":               ``,
		"one step":            `aws_s3_bucket`,
		"module only":         `module.a["x"]`,
		"module without name": `module[0].aws_s3_bucket.b`,
		"two keys":            `aws_s3_bucket.b[0][1]`,
		"attribute after":     `aws_s3_bucket.b.id`,
		"unterminated key":    `aws_s3_bucket.b["x`,
		"unclosed bracket":    `aws_s3_bucket.b[0`,
		"text after key":      `aws_s3_bucket.b[0]x`,
		"fractional key":      `aws_s3_bucket.b[1.5]`,
		"attribute splat":     `aws_s3_bucket.b.*`,
		"interpolation":       `aws_s3_bucket.b["${var.x}"]`,
		"rendered object":     `helm_release.x (rendered Deployment "web")`,
		"invalid UTF-8":       "aws_s3_bucket.b[\"\xff\"]",
		"overlong UTF-8":      "aws_s3_bucket.b[\"\\u0041\xc1\x8d\"]", // HCL read it as it is
		"NUL":                 "aws_s3_bucket.b\x00",
		"comment":             `aws_s3_bucket.b # rendered`,
		"spaces":              `aws_s3_bucket . b`,
		"leading space":       ` aws_s3_bucket.b`,
		"trailing newline":    "aws_s3_bucket.b\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a, err := ParseAddress(text)
			if err == nil {
				t.Fatalf("ParseAddress(%q) = %+v, want an error", text, partsOf(a))
			}
			if a.String() != text || a.Parsed() {
				t.Errorf("on error: String() = %q, Parsed() = %v; want the text, false", a.String(), a.Parsed())
			}
			if !strings.Contains(err.Error(), "read address") {
				t.Errorf("error %q does not say what it read", err)
			}
		})
	}
}

// A resource whose address cannot be read is still indexed and judged:
// its parts come from the plan's own fields.
func TestUnreadableAddressFallsBackOnFields(t *testing.T) {
	t.Parallel()
	odd := &Resource{Address: `module.a["x"].aws_s3_bucket.b (copy)`, ModuleAddress: `module.a["x"]`, Type: "aws_s3_bucket", Name: "b", Index: "k"}
	worse := &Resource{Address: `a b c`, ModuleAddress: `module.[`, Type: "aws_s3_bucket", Name: "c"}
	plain := &Resource{Address: `aws_s3_bucket.d`, Type: "aws_s3_bucket", Name: "d"}
	p := NewPlan("p.json", KindPlan, []*Resource{odd, worse, plain}, nil, nil)
	for _, tc := range []struct {
		r    *Resource
		want addrParts
	}{
		{odd, addrParts{Module: `module.a["x"]`, Type: "aws_s3_bucket", Name: "b", Key: StringKey("k"), Config: "module.a.aws_s3_bucket.b"}},
		{worse, addrParts{Type: "aws_s3_bucket", Name: "c", Config: "aws_s3_bucket.c"}},
		{plain, addrParts{Type: "aws_s3_bucket", Name: "d", Config: "aws_s3_bucket.d", Parsed: "yes"}},
	} {
		a := tc.r.Addr()
		if a.String() != tc.r.Address {
			t.Errorf("String() = %q, want %q", a.String(), tc.r.Address)
		}
		if diff := cmp.Diff(tc.want, partsOf(a), cmp.AllowUnexported(Key{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.r.Address, diff)
		}
		if p.Lookup(tc.r.Address) != tc.r {
			t.Errorf("Lookup(%q) misses it", tc.r.Address)
		}
		if got := p.OfType("aws_s3_bucket"); len(got) != 3 {
			t.Errorf("OfType = %d resources, want all 3 judged", len(got))
		}
	}
	// A module address that cannot be read either stays as it is: the
	// configuration address names no block, rather than the root's.
	if got := worse.ConfigAddress(); got != "module.[.aws_s3_bucket.c" {
		t.Errorf("ConfigAddress = %q", got)
	}
	if got := p.Instances("module.a.aws_s3_bucket.b"); len(got) != 1 || got[0] != odd {
		t.Errorf("Instances(module.a.aws_s3_bucket.b) = %v", got)
	}
}

// Addresses Terraform writes: parts rendered as Terraform renders them read
// back to the same parts, and the text to itself.
func TestAddressRoundTrip(t *testing.T) {
	t.Parallel()
	mod := ModuleInstance{{Name: "a", Key: StringKey(`x"].y`)}, {Name: "b", Key: IntKey(3)}}
	tests := map[string]struct {
		a    Address
		text string
	}{
		"root":            {NewAddress(nil, tfjson.ManagedResourceMode, "aws_s3_bucket", "b", NoKey), `aws_s3_bucket.b`},
		"module and key":  {NewAddress(mod, tfjson.DataResourceMode, "aws_subnet", "s", StringKey("a\nb")), `module.a["x\"].y"].module.b[3].data.aws_subnet.s["a\nb"]`},
		"template marks":  {NewAddress(nil, tfjson.ManagedResourceMode, "t", "n", StringKey("${a}%{b}$c%")), `t.n["$${a}%%{b}$c%"]`},
		"unprintable":     {NewAddress(nil, tfjson.ManagedResourceMode, "t", "n", StringKey("\x00\u2028\U000E0001")), `t.n["\u0000\u2028\U000e0001"]`},
		"html characters": {NewAddress(nil, tfjson.ManagedResourceMode, "t", "n", StringKey("<a&b>")), `t.n["<a&b>"]`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if tc.a.String() != tc.text {
				t.Errorf("NewAddress(...).String() = %s, want %s", tc.a.String(), tc.text)
			}
			back, err := ParseAddress(tc.a.String())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(partsOf(tc.a), partsOf(back), cmp.AllowUnexported(Key{})); diff != "" {
				t.Errorf("read back (-written +read):\n%s", diff)
			}
		})
	}
}

func TestModuleInstance(t *testing.T) {
	t.Parallel()
	m, err := ParseModuleInstance(`module.a["k"].module.b[2]`)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.String(); got != `module.a["k"].module.b[2]` {
		t.Errorf("String = %s", got)
	}
	if got := m.Path(); got != "module.a.module.b" {
		t.Errorf("Path = %s", got)
	}
	if got := m.Parent().String(); got != `module.a["k"]` {
		t.Errorf("Parent = %s", got)
	}
	if m.Parent().Parent() != nil || ModuleInstance(nil).Parent() != nil {
		t.Error("the root has no parent")
	}
	if got := m.Parent().Child("c", NoKey).String(); got != `module.a["k"].module.c` || m.String() != `module.a["k"].module.b[2]` {
		t.Errorf("Child = %s, and m is now %s", got, m)
	}
	pattern := ModuleInstance{{Name: "a"}, {Name: "b", Key: IntKey(2)}}
	if !m.Within(pattern) || m.Within(ModuleInstance{{Name: "a", Key: StringKey("j")}, {Name: "b"}}) || m.Within(pattern[:1]) {
		t.Error("Within")
	}
	if m.Equal(pattern) || !m.Equal(m.Parent().Child("b", IntKey(2))) {
		t.Error("Equal")
	}
	for _, bad := range []string{`aws_s3_bucket.b`, `module.a.aws_s3_bucket.b`, `module`, `module.a[`} {
		if _, err := ParseModuleInstance(bad); err == nil {
			t.Errorf("ParseModuleInstance(%q) succeeded", bad)
		}
	}
}

func TestSplitAddressAndStripKeys(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		text     string
		steps    []AddressStep
		stripped string
	}{
		"resource":         {`module.a["x.y"].aws_s3_bucket.b[0]`, []AddressStep{{"module", NoKey}, {"a", StringKey("x.y")}, {"aws_s3_bucket", NoKey}, {"b", IntKey(0)}}, "module.a.aws_s3_bucket.b"},
		"module call":      {`module.a[1]`, []AddressStep{{"module", NoKey}, {"a", IntKey(1)}}, "module.a"},
		"check block":      {`check.health`, []AddressStep{{"check", NoKey}, {"health", NoKey}}, "check.health"},
		"output in module": {`module.a["k"].output.url`, []AddressStep{{"module", NoKey}, {"a", StringKey("k")}, {"output", NoKey}, {"url", NoKey}}, "module.a.output.url"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			steps, err := SplitAddress(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.steps, steps, cmp.AllowUnexported(Key{})); diff != "" {
				t.Errorf("SplitAddress (-want +got):\n%s", diff)
			}
			if got := StripKeys(tc.text); got != tc.stripped {
				t.Errorf("StripKeys = %q, want %q", got, tc.stripped)
			}
		})
	}
	if _, err := SplitAddress(`a.b[0][1]`); err == nil {
		t.Error("two keys on one step read")
	}
	if got := StripKeys(`not an address!`); got != `not an address!` {
		t.Errorf("StripKeys of unreadable text = %q, want it as it is", got)
	}
}

func TestKey(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		index      any
		key        Key
		text, addr string
	}{
		"none":     {nil, NoKey, "", ""},
		"count":    {float64(3), IntKey(3), "3", "[3]"},
		"int":      {7, IntKey(7), "7", "[7]"},
		"for_each": {"a\"b", StringKey("a\"b"), "a\"b", `["a\"b"]`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			k, ok := KeyOf(tc.index)
			if !ok || k != tc.key {
				t.Fatalf("KeyOf(%v) = %v, %v", tc.index, k, ok)
			}
			if k.Text() != tc.text || k.String() != tc.addr {
				t.Errorf("Text = %q, String = %q; want %q, %q", k.Text(), k.String(), tc.text, tc.addr)
			}
			if back, _ := KeyOf(k.Value()); back != k {
				t.Errorf("KeyOf(Value()) = %v", back)
			}
		})
	}
	for _, bad := range []any{1.5, true, []any{}, 1e300} {
		if _, ok := KeyOf(bad); ok {
			t.Errorf("KeyOf(%v) accepted", bad)
		}
	}
}
