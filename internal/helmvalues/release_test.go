package helmvalues

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// release decodes one helm_release of a plan from its after,
// after_unknown and after_sensitive JSON.
func release(t *testing.T, after, unknown, sensitive string) *model.Resource {
	t.Helper()
	plan := fmt.Sprintf(`{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[`+
		`{"address":"helm_release.api","mode":"managed","type":"helm_release","name":"api",`+
		`"change":{"actions":["create"],"after":%s,"after_unknown":%s,"after_sensitive":%s}}]}`, after, unknown, sensitive)
	p, err := model.Decode("plan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	return p.OfType("helm_release")[0]
}

func TestOfRelease(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		after, unknown, sensitive string
		path                      []any
		want                      Result
	}{
		"a values document": {
			after: `{"values":["replicaCount: 3\n"]}`,
			path:  []any{"replicaCount"},
			want:  Result{Found: true, Value: 3.0, Source: Source{Attr: "values"}},
		},
		"later documents win": {
			after: `{"values":["replicaCount: 3\n","replicaCount: 2\n"]}`,
			path:  []any{"replicaCount"},
			want:  Result{Found: true, Value: 2.0, Source: Source{Attr: "values", Index: 1}},
		},
		"set overrides values": {
			after: `{"values":["replicaCount: 3\n"],"set":[{"name":"replicaCount","value":"1","type":""}]}`,
			path:  []any{"replicaCount"},
			want:  Result{Found: true, Value: 1.0, Source: Source{Attr: "set", Name: "replicaCount"}},
		},
		"a string-typed set entry stays a string": {
			after: `{"set":[{"name":"enabled","value":"true","type":"string"}]}`,
			path:  []any{"enabled"},
			want:  Result{Found: true, Value: "true", Source: Source{Attr: "set", Name: "enabled"}},
		},
		"set_list": {
			after: `{"set_list":[{"name":"args","value":["a","b"]}]}`,
			path:  []any{"args"},
			want:  Result{Found: true, Value: []any{"a", "b"}, Source: Source{Attr: "set_list", Name: "args"}},
		},
		"set_sensitive is sensitive and wins": {
			after: `{"set":[{"name":"token","value":"x","type":""}],"set_sensitive":[{"name":"token","value":"y","type":""}]}`,
			path:  []any{"token"},
			want:  Result{Found: true, Value: "y", Source: Source{Attr: "set_sensitive", Name: "token", Sensitive: true}, Sensitive: true},
		},
		"a document the plan marks sensitive": {
			after:     `{"values":["password: hunter2\n"]}`,
			sensitive: `{"values":[true]}`,
			path:      []any{"password"},
			want:      Result{Found: true, Value: "hunter2", Source: Source{Attr: "values", Sensitive: true}, Sensitive: true},
		},
		"no layer sets it": {
			after: `{"values":["image: {tag: v1}\n"]}`,
			path:  []any{"replicaCount"},
			want:  Result{},
		},
		"values known only after apply": {
			after:   `{}`,
			unknown: `{"values":true}`,
			path:    []any{"replicaCount"},
			want:    Result{Unknown: true, Reason: "values[0] cannot be read: known only after apply"},
		},
		"one document known only after apply": {
			after:   `{"values":["replicaCount: 3\n",null]}`,
			unknown: `{"values":[false,true]}`,
			path:    []any{"replicaCount"},
			want:    Result{Found: true, Unknown: true, Reason: "values[1] cannot be read: known only after apply", Source: Source{Attr: "values"}},
		},
		"a set value known only after apply": {
			after:   `{"set":[{"name":"replicaCount","value":null,"type":""}]}`,
			unknown: `{"set":[{"value":true}]}`,
			path:    []any{"replicaCount"},
			want:    Result{Found: true, Unknown: true, Reason: "set[0] (replicaCount) is known only after apply", Source: Source{Attr: "set", Name: "replicaCount"}},
		},
		"a set name known only after apply": {
			after:   `{"values":["replicaCount: 3\n"],"set":[{"name":null,"value":"1","type":""}]}`,
			unknown: `{"set":[{"name":true}]}`,
			path:    []any{"replicaCount"},
			want:    Result{Found: true, Unknown: true, Reason: "set[0] cannot be read: its name is known only after apply", Source: Source{Attr: "values"}},
		},
		"an invalid document is opaque": {
			after: `{"values":["replicaCount: [\n"]}`,
			path:  []any{"replicaCount"},
			want:  Result{Unknown: true},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			unknown, sensitive := tc.unknown, tc.sensitive
			if unknown == "" {
				unknown = "{}"
			}
			if sensitive == "" {
				sensitive = "{}"
			}
			got := OfRelease(release(t, tc.after, unknown, sensitive)).Lookup(tc.path...)
			if tc.want.Unknown && tc.want.Reason == "" && got.Unknown {
				got.Reason = "" // the parser's message is not ours to pin
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Lookup(%v) (-want +got):\n%s", tc.path, diff)
			}
		})
	}
}

func TestBool(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		layers     []layer
		dflt       bool
		val, known bool
	}{
		"not set: the chart's default": {nil, true, true, true},
		"not set, default false":       {[]layer{{yaml: "other: 1\n"}}, false, false, true},
		"a boolean":                    {[]layer{{yaml: "a:\n  enabled: false\n"}}, true, false, true},
		"set typed as a boolean":       {[]layer{{set: [3]string{"a.enabled", "true", ""}}}, false, true, true},
		"a string ParseBool reads":     {[]layer{{set: [3]string{"a.enabled", "false", "string"}}}, true, false, true},
		"any other string":             {[]layer{{set: [3]string{"a.enabled", "yes please", "string"}}}, true, true, false},
		"an explicit null":             {[]layer{{yaml: "a:\n  enabled: null\n"}}, true, true, false},
		"a number":                     {[]layer{{yaml: "a:\n  enabled: 1\n"}}, false, false, false},
		"known only after apply":       {[]layer{{set: [3]string{"a.enabled", "", ""}, unknown: true}}, false, false, false},
		"an opaque layer may set it":   {[]layer{{yaml: "a:\n  enabled: true\n"}, {unknown: true}}, false, false, false},
		"an opaque layer before it":    {[]layer{{unknown: true}, {set: [3]string{"a.enabled", "true", ""}}}, false, true, true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			val, known := build(t, tc.layers).Bool(tc.dflt, "a", "enabled")
			if val != tc.val || known != tc.known {
				t.Errorf("Bool(%t) = %t, %t; want %t, %t", tc.dflt, val, known, tc.val, tc.known)
			}
		})
	}
}
