package checks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// TestNoMarkedValueInAnyReport is the leak meta-test: every fixture plan of
// the catalogue (and every real plan beside the project) is scanned by the
// whole catalogue with every leaf of every value marked sensitive, and every
// report format is written. Two variants:
//
//   - canary: every string value becomes a unique canary (KANARY…, the same
//     original string the same canary everywhere, constants in the
//     configuration too), so any canary, or part of one, in any output is a
//     leak;
//   - marked: the values stay as they are, so checks take the paths that
//     print real zones, types and ARNs; a value of six or more bytes found in
//     an output is a leak unless it is text the reports write anyway (it
//     appears in the canary variant's outputs too: addresses, attribute
//     names, wording).
//
// Correctness must not depend on each check remembering to redact: the
// engine's boundary (model.Plan.ScrubFor) has to hold for all of them.
func TestNoMarkedValueInAnyReport(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob("testdata/*/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("testdata/*/*/plan.json")
	paths = append(paths, more...)
	if real, err := filepath.Glob(filepath.Join(realFixtures, "*.json")); err == nil && len(real) > 0 {
		paths = append(paths, real...)
	} else {
		t.Logf("no real plans in %s: fixture plans only", realFixtures)
	}
	if len(paths) < 50 {
		t.Fatalf("found %d fixture plans: the test would prove little", len(paths))
	}
	for _, path := range paths {
		t.Run(strings.TrimPrefix(path, "testdata/"), func(t *testing.T) {
			t.Parallel()
			doc := readJSONDoc(t, path)

			canaries := map[string]string{}
			canaryDoc := markEverything(doc)
			replaceStrings(canaryDoc, canaries)
			canaryOut := scanAllFormats(t, canaryDoc)
			for format, out := range canaryOut {
				if i := strings.Index(strings.ToLower(out), "kanary"); i >= 0 {
					t.Errorf("%s leaks a sensitive value: …%s…", format, excerpt(out, i))
				}
			}

			markedOut := scanAllFormats(t, markEverything(doc))
			var corpus strings.Builder
			for _, out := range canaryOut {
				corpus.WriteString(strings.ToLower(out))
			}
			for _, c := range All() {
				// The catalogue's own text, examples included (SARIF help
				// carries them for the checks with a result): never values.
				fmt.Fprintf(&corpus, "%s %s %s %s %s ", c.ID, c.Title, c.Description, c.Remediation, c.Example)
			}
			for _, r := range parseDoc(t, doc).Resources {
				fmt.Fprintf(&corpus, "%s ", r.Address) // addresses are never values
			}
			known := strings.ToLower(corpus.String())
			for original := range canaries {
				if len(original) < 6 || strings.Contains(known, strings.ToLower(original)) {
					continue
				}
				for format, out := range markedOut {
					if i := strings.Index(strings.ToLower(out), strings.ToLower(original)); i >= 0 {
						t.Errorf("%s leaks the sensitive value %q: …%s…", format, original, excerpt(out, i))
					}
				}
			}
		})
	}
}

// TestLeakMetaTestCanFail makes sure the meta-test's machinery finds a leak
// when there is one: a check that prints a marked value raw, with the
// engine's boundary bypassed, must show a canary.
func TestLeakMetaTestCanFail(t *testing.T) {
	t.Parallel()
	doc := readJSONDoc(t, "testdata/aws_rds/plan.json")
	marked := markEverything(doc)
	replaceStrings(marked, map[string]string{})
	p := parseDoc(t, marked)
	var leaked bool
	for _, r := range p.OfType("aws_db_instance") {
		if s, _ := r.Attr("engine").Str(); strings.Contains(s, "KANARY") && r.Attr("engine").Sensitive {
			leaked = true
		}
	}
	if !leaked {
		t.Fatal("the canary variant does not mark and replace aws_db_instance.engine: the meta-test would prove nothing")
	}
}

// readJSONDoc reads a plan or state as generic JSON (UTF-16 plans are
// turned into UTF-8), keeping numbers exact.
func readJSONDoc(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = toUTF8(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

func toUTF8(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) < 2 || !(data[0] == 0xff && data[1] == 0xfe || data[0] == 0 || data[1] == 0) {
		return data
	}
	bigEndian := data[0] == 0xfe || data[0] == 0
	if data[0] == 0xff || data[0] == 0xfe {
		data = data[2:]
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// markEverything returns a copy of doc in which every value Terraform can
// mark is marked: each resource change's before and after, prior-state and
// state resources, output changes, and every root variable (declared
// sensitive in the configuration).
func markEverything(doc map[string]any) map[string]any {
	out := deepCopy(doc).(map[string]any)
	for _, key := range []string{"resource_changes", "resource_drift"} {
		for _, rc := range asList(out[key]) {
			change := asMap(asMap(rc)["change"])
			if change == nil {
				continue
			}
			change["before_sensitive"] = allMarked(change["before"])
			change["after_sensitive"] = allMarked(change["after"])
		}
	}
	for _, o := range asMap(out["output_changes"]) {
		if change := asMap(o); change != nil {
			change["before_sensitive"], change["after_sensitive"] = true, true
		}
	}
	for _, key := range []string{"prior_state", "planned_values"} {
		if values := asMap(asMap(out[key])["values"]); values != nil {
			markModule(asMap(values["root_module"]))
		}
		markModule(asMap(asMap(out[key])["root_module"]))
	}
	if values := asMap(out["values"]); values != nil {
		markModule(asMap(values["root_module"]))
	}
	if vars := asMap(out["variables"]); len(vars) > 0 {
		cfg := asMap(out["configuration"])
		if cfg == nil {
			cfg = map[string]any{}
			out["configuration"] = cfg
		}
		root := asMap(cfg["root_module"])
		if root == nil {
			root = map[string]any{}
			cfg["root_module"] = root
		}
		decl := asMap(root["variables"])
		if decl == nil {
			decl = map[string]any{}
			root["variables"] = decl
		}
		for name := range vars {
			v := asMap(decl[name])
			if v == nil {
				v = map[string]any{}
				decl[name] = v
			}
			v["sensitive"] = true
		}
	}
	return out
}

func markModule(m map[string]any) {
	if m == nil {
		return
	}
	for _, r := range asList(m["resources"]) {
		if r := asMap(r); r != nil {
			r["sensitive_values"] = allMarked(r["values"])
		}
	}
	for _, c := range asList(m["child_modules"]) {
		markModule(asMap(c))
	}
}

// allMarked mirrors a value with true at every leaf.
func allMarked(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = allMarked(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = allMarked(e)
		}
		return out
	}
	return true
}

// replaceStrings puts a canary in place of every string value the document
// holds (the same original, the same canary), then in place of each
// configuration constant equal to one of them.
func replaceStrings(doc map[string]any, canaries map[string]string) {
	swap := func(v any) any { return canaryValues(v, canaries, true) }
	for _, key := range []string{"resource_changes", "resource_drift"} {
		for _, rc := range asList(doc[key]) {
			if change := asMap(asMap(rc)["change"]); change != nil {
				change["before"], change["after"] = swap(change["before"]), swap(change["after"])
			}
		}
	}
	for _, o := range asMap(doc["output_changes"]) {
		if change := asMap(o); change != nil {
			change["before"], change["after"] = swap(change["before"]), swap(change["after"])
		}
	}
	for _, key := range []string{"prior_state", "planned_values"} {
		if values := asMap(asMap(doc[key])["values"]); values != nil {
			canaryModule(asMap(values["root_module"]), swap)
		}
		canaryModule(asMap(asMap(doc[key])["root_module"]), swap)
	}
	if values := asMap(doc["values"]); values != nil {
		canaryModule(asMap(values["root_module"]), swap)
	}
	for _, v := range asMap(doc["variables"]) {
		if v := asMap(v); v != nil {
			v["value"] = swap(v["value"])
		}
	}
	canaryConstants(doc["configuration"], canaries)
}

func canaryModule(m map[string]any, swap func(any) any) {
	if m == nil {
		return
	}
	for _, r := range asList(m["resources"]) {
		if r := asMap(r); r != nil {
			r["values"] = swap(r["values"])
		}
	}
	for _, c := range asList(m["child_modules"]) {
		canaryModule(asMap(c), swap)
	}
}

// canaryValues replaces strings inside v with their canaries; with add, a
// string without one gets a new one.
func canaryValues(v any, canaries map[string]string, add bool) any {
	switch v := v.(type) {
	case string:
		c, ok := canaries[v]
		if !ok && add {
			c = fmt.Sprintf("KANARY%05dX", len(canaries))
			canaries[v] = c
			ok = true
		}
		if ok {
			return c
		}
		return v
	case map[string]any:
		for k, e := range v {
			v[k] = canaryValues(e, canaries, add)
		}
	case []any:
		for i, e := range v {
			v[i] = canaryValues(e, canaries, add)
		}
	}
	return v
}

// canaryConstants replaces each configuration constant_value equal to a
// value that has a canary: a literal in the configuration is the value.
func canaryConstants(v any, canaries map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if k == "constant_value" {
				v[k] = canaryValues(e, canaries, false)
				continue
			}
			canaryConstants(e, canaries)
		}
	case []any:
		for _, e := range v {
			canaryConstants(e, canaries)
		}
	}
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }

func parseDoc(t *testing.T, doc map[string]any) *model.Plan {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := input.Parse("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// scanAllFormats judges doc with the whole catalogue and writes every
// format, returning each output by format name.
func scanAllFormats(t *testing.T, doc map[string]any) map[string]string {
	t.Helper()
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	rep := engine.Run([]*model.Plan{parseDoc(t, doc)}, All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	out := map[string]string{}
	names := report.Names()
	sort.Strings(names)
	for _, name := range names {
		f, err := report.Lookup(name, report.Options{ToolVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := f.Write(&b, rep); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.String()
	}
	return out
}

func excerpt(s string, i int) string {
	return s[max(0, i-60):min(len(s), i+40)]
}
