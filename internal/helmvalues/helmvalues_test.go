package helmvalues

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// layer is one input of a release, in the provider's order.
type layer struct {
	yaml      string
	set       [3]string // name, value, type
	list      []string  // set_list items (set[0] is the name)
	sensitive bool
	unknown   bool // the value (or document) is known only after apply
}

func build(t *testing.T, layers []layer) *Values {
	t.Helper()
	v := New()
	for i, l := range layers {
		switch {
		case l.set[0] == "" && l.unknown:
			v.AddUnknown(Source{Attr: "values", Index: i}, "known only after apply")
		case l.set[0] == "":
			_ = v.AddYAML(l.yaml, Source{Attr: "values", Index: i, Sensitive: l.sensitive})
		case l.list != nil:
			_ = v.SetList(l.set[0], l.list, l.unknown, Source{Attr: "set_list", Index: i, Name: l.set[0]})
		default:
			_ = v.Set(l.set[0], l.set[1], l.set[2], l.unknown, Source{Attr: "set", Index: i, Name: l.set[0], Sensitive: l.sensitive})
		}
	}
	return v
}

func TestLookup(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		layers []layer
		path   []any
		want   Result
	}{
		"absent: the chart decides": {
			[]layer{{yaml: "image:\n  tag: 1.2.3\n"}},
			[]any{"replicaCount"},
			Result{},
		},
		"a values document": {
			[]layer{{yaml: "replicaCount: 3\n"}},
			[]any{"replicaCount"},
			Result{Found: true, Value: 3.0, Source: Source{Attr: "values", Index: 0}},
		},
		"later documents win": {
			[]layer{{yaml: "replicaCount: 3\n"}, {yaml: "replicaCount: 1\n"}},
			[]any{"replicaCount"},
			Result{Found: true, Value: 1.0, Source: Source{Attr: "values", Index: 1}},
		},
		"documents deep-merge mappings": {
			[]layer{{yaml: "resources:\n  requests: {cpu: 100m}\n"}, {yaml: "resources:\n  limits: {memory: 1Gi}\n"}},
			[]any{"resources"},
			Result{Found: true, Value: map[string]any{
				"requests": map[string]any{"cpu": "100m"},
				"limits":   map[string]any{"memory": "1Gi"},
			}, Source: Source{Attr: "values", Index: 1}},
		},
		"lists replace": {
			[]layer{{yaml: "tolerations: [a, b]\n"}, {yaml: "tolerations: [c]\n"}},
			[]any{"tolerations"},
			Result{Found: true, Value: []any{"c"}, Source: Source{Attr: "values", Index: 1}},
		},
		"set overrides values": {
			[]layer{{yaml: "autoscaling:\n  enabled: false\n"}, {set: [3]string{"autoscaling.enabled", "true", ""}}},
			[]any{"autoscaling", "enabled"},
			Result{Found: true, Value: true, Source: Source{Attr: "set", Index: 1, Name: "autoscaling.enabled"}},
		},
		"set keeps the mapping's other keys": {
			[]layer{{yaml: "autoscaling:\n  enabled: true\n  minReplicas: 3\n"}, {set: [3]string{"autoscaling.enabled", "true", ""}}},
			[]any{"autoscaling", "minReplicas"},
			Result{Found: true, Value: 3.0, Source: Source{Attr: "values", Index: 0}},
		},
		"set types integers": {
			[]layer{{set: [3]string{"replicaCount", "2", ""}}},
			[]any{"replicaCount"},
			Result{Found: true, Value: 2.0, Source: Source{Attr: "set", Index: 0, Name: "replicaCount"}},
		},
		"set leaves a leading zero and floats as strings": {
			[]layer{{set: [3]string{"a", "007", ""}}},
			[]any{"a"},
			Result{Found: true, Value: "007", Source: Source{Attr: "set", Index: 0, Name: "a"}},
		},
		"type string keeps true a string": {
			[]layer{{set: [3]string{"autoscaling.enabled", "true", "string"}}},
			[]any{"autoscaling", "enabled"},
			Result{Found: true, Value: "true", Source: Source{Attr: "set", Index: 0, Name: "autoscaling.enabled"}},
		},
		"escaped dots are one key": {
			[]layer{{set: [3]string{`podAnnotations.prometheus\.io/scrape`, "true", "string"}}},
			[]any{"podAnnotations", "prometheus.io/scrape"},
			Result{Found: true, Value: "true", Source: Source{Attr: "set", Index: 0, Name: `podAnnotations.prometheus\.io/scrape`}},
		},
		"list indexes": {
			[]layer{{set: [3]string{"topologySpreadConstraints[0].topologyKey", "topology.kubernetes.io/zone", ""}}},
			[]any{"topologySpreadConstraints", 0, "topologyKey"},
			Result{Found: true, Value: "topology.kubernetes.io/zone", Source: Source{Attr: "set", Index: 0, Name: "topologySpreadConstraints[0].topologyKey"}},
		},
		"braces make a list": {
			[]layer{{set: [3]string{"args", "{a,b}", ""}}},
			[]any{"args"},
			Result{Found: true, Value: []any{"a", "b"}, Source: Source{Attr: "set", Index: 0, Name: "args"}},
		},
		"an unescaped comma starts another assignment": {
			[]layer{{set: [3]string{"a", "1,replicaCount=4", ""}}},
			[]any{"replicaCount"},
			Result{Found: true, Value: 4.0, Source: Source{Attr: "set", Index: 0, Name: "a"}},
		},
		"set_list": {
			[]layer{{set: [3]string{"zones"}, list: []string{"a", "b"}}},
			[]any{"zones"},
			Result{Found: true, Value: []any{"a", "b"}, Source: Source{Attr: "set_list", Index: 0, Name: "zones"}},
		},
		"null removes the chart's mapping": {
			[]layer{{yaml: "resources: null\n"}},
			[]any{"resources", "limits"},
			Result{Found: true, Source: Source{Attr: "values", Index: 0}},
		},
		"YAML 1.1 booleans, as Helm reads them": {
			[]layer{{yaml: "autoscaling:\n  enabled: yes\n"}},
			[]any{"autoscaling", "enabled"},
			Result{Found: true, Value: true, Source: Source{Attr: "values", Index: 0}},
		},
		"a sensitive value is marked": {
			[]layer{{set: [3]string{"replicaCount", "3", ""}, sensitive: true}},
			[]any{"replicaCount"},
			Result{Found: true, Value: 3.0, Source: Source{Attr: "set", Index: 0, Name: "replicaCount", Sensitive: true}, Sensitive: true},
		},
		"a mapping with a sensitive part is sensitive": {
			[]layer{{yaml: "resources:\n  limits: {memory: 1Gi}\n"}, {set: [3]string{"resources.requests.cpu", "1", ""}, sensitive: true}},
			[]any{"resources"},
			Result{Found: true, Value: map[string]any{
				"limits":   map[string]any{"memory": "1Gi"},
				"requests": map[string]any{"cpu": 1.0},
			}, Source: Source{Attr: "set", Index: 1, Name: "resources.requests.cpu", Sensitive: true}, Sensitive: true},
		},
		"a set value known only after apply": {
			[]layer{{set: [3]string{"replicaCount", "", ""}, unknown: true}},
			[]any{"replicaCount"},
			Result{Found: true, Unknown: true, Reason: "set[0] (replicaCount) is known only after apply", Source: Source{Attr: "set", Index: 0, Name: "replicaCount"}},
		},
		"an unknown document may set anything": {
			[]layer{{unknown: true}},
			[]any{"replicaCount"},
			Result{Unknown: true, Reason: "values[0] cannot be read: known only after apply"},
		},
		"an unknown document before a set does not hide it": {
			[]layer{{unknown: true}, {set: [3]string{"replicaCount", "2", ""}}},
			[]any{"replicaCount"},
			Result{Found: true, Value: 2.0, Source: Source{Attr: "set", Index: 1, Name: "replicaCount"}},
		},
		"an unknown document after a value may replace it": {
			[]layer{{yaml: "replicaCount: 2\n"}, {unknown: true}},
			[]any{"replicaCount"},
			Result{Found: true, Unknown: true, Reason: "values[1] cannot be read: known only after apply", Source: Source{Attr: "values", Index: 0}},
		},
		"invalid YAML is opaque": {
			[]layer{{yaml: "a: [b\n"}},
			[]any{"replicaCount"},
			Result{Unknown: true, Reason: "values[0] cannot be read: not valid YAML: on line 1, column 1"},
		},
		"a document that is not a mapping is opaque": {
			[]layer{{yaml: "- a\n"}},
			[]any{"replicaCount"},
			Result{Unknown: true, Reason: "values[0] cannot be read: the document is not a mapping of values"},
		},
		"an empty document sets nothing": {
			[]layer{{yaml: "---\n# nothing\n"}},
			[]any{"replicaCount"},
			Result{},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := build(t, tc.layers).Lookup(tc.path...)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Lookup(%v) (-want +got):\n%s", tc.path, diff)
			}
		})
	}
}

func TestParseName(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		in      string
		want    []any
		wantErr bool
	}{
		"dotted":       {"autoscaling.enabled", []any{"autoscaling", "enabled"}, false},
		"escaped dot":  {`a\.b.c`, []any{"a.b", "c"}, false},
		"index":        {"a[0].b", []any{"a", 0, "b"}, false},
		"nested index": {"a[1][2]", []any{"a", 1, 2}, false},
		"empty":        {"", nil, true},
		"empty part":   {"a..b", nil, true},
		"bad index":    {"a[x]", nil, true},
		"unclosed":     {"a[0", nil, true},
		"huge index":   {"a[99999999]", nil, true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseName(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ParseName(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseName(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestHostileDocuments(t *testing.T) {
	t.Parallel()
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	for name, doc := range map[string]string{
		"deep flow":     strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		"deep indent":   deepIndent(3000),
		"alias bomb":    bomb,
		"secret in bad": "password: hunter2\n  bad: [",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			v := New()
			err := v.AddYAML(doc, Source{Attr: "values"})
			if err == nil {
				t.Fatal("AddYAML accepted a hostile document")
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error quotes the document: %v", err)
			}
			if r := v.Lookup("replicaCount"); !r.Unknown {
				t.Errorf("Lookup after a hostile document = %+v, want unknown", r)
			}
		})
	}
}

func deepIndent(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("k:\n")
	}
	return b.String()
}

func FuzzValues(f *testing.F) {
	f.Add("replicaCount: 2\nresources:\n  limits: {memory: 1Gi}\n", "a.b[0].c", "x,y=1")
	f.Add("a: &x {b: 1}\nc: *x\n", `a\.b`, "{1,2}")
	f.Fuzz(func(t *testing.T, doc, name, value string) {
		v := New()
		_ = v.AddYAML(doc, Source{Attr: "values"})
		_ = v.Set(name, value, "", false, Source{Attr: "set", Name: name})
		_ = v.SetList(name, []string{value}, false, Source{Attr: "set_list", Name: name})
		for _, p := range [][]any{{"replicaCount"}, {"resources", "limits"}, {"a", 0}} {
			_ = v.Lookup(p...)
		}
		if path, err := ParseName(name); err == nil {
			_ = v.Lookup(path...)
		}
	})
}

func TestOneLineJSON(t *testing.T) {
	t.Parallel()
	// jsonencode writes a values document on one line, with many more
	// brackets than levels.
	var b strings.Builder
	b.WriteString(`{"replicaCount":3,"env":[`)
	for i := 0; i < 300; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"name":"A","value":"b"}`)
	}
	b.WriteString(`]}`)
	v := New()
	if err := v.AddYAML(b.String(), Source{Attr: "values"}); err != nil {
		t.Fatalf("AddYAML(one-line JSON) = %v", err)
	}
	if r := v.Lookup("replicaCount"); r.Value != 3.0 {
		t.Errorf("replicaCount = %+v, want 3", r)
	}
}
