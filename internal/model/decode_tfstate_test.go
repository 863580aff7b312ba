package model

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

// testdata/tfstate_v4 holds a state Terraform 1.8.5 wrote (terraform apply
// of main.tf there: count, for_each, a module instance, a data source,
// sensitive values in nested attributes and in a list, a sensitive output)
// and `terraform show -json` of it. Both must give one model.

// TestTfstateMatchesShowJSON decodes terraform.tfstate and the show -json of
// the same state, and compares what checks read: addresses, modules, modes,
// types, names, keys, providers, values and what is marked sensitive.
func TestTfstateMatchesShowJSON(t *testing.T) {
	t.Parallel()
	raw := decodeFile(t, "testdata/tfstate_v4/terraform.tfstate")
	shown := decodeFile(t, "testdata/tfstate_v4/show.json")
	if raw.Kind != KindState || raw.TerraformVersion != "1.8.5" {
		t.Errorf("kind %q, terraform %q; want state, 1.8.5", raw.Kind, raw.TerraformVersion)
	}
	if diff := cmp.Diff(summarise(shown), summarise(raw)); diff != "" {
		t.Errorf("terraform.tfstate and show -json give different models (-show +tfstate):\n%s", diff)
	}
	for _, addr := range []string{`module.db["primary"].terraform_data.db[0]`, "terraform_data.single"} {
		r := raw.Lookup(addr)
		if r == nil {
			t.Fatalf("no %s", addr)
		}
		if got := raw.Show(r, r.Attr("input")); strings.Contains(got, "s3cr3t-canary") {
			t.Errorf("Show(%s.input) = %s: the sensitive value shows", addr, got)
		}
	}
	if got := raw.Scrub("the output is s3cr3t-canary"); strings.Contains(got, "canary") {
		t.Errorf("Scrub left a sensitive output's value: %s", got)
	}
}

// resourceSummary is what TestTfstateMatchesShowJSON compares of a resource.
type resourceSummary struct {
	Address, Module, Mode, Type, Name, Index, Provider string
	Exists                                             bool
	After                                              string
	Sensitive                                          []string
}

func summarise(p *Plan) []resourceSummary {
	var out []resourceSummary
	for _, r := range p.Resources {
		out = append(out, resourceSummary{
			Address: r.Address, Module: r.ModuleAddress, Mode: string(r.Mode), Type: r.Type, Name: r.Name,
			Index: fmt.Sprint(r.Index), Provider: r.ProviderName, Exists: r.Exists(),
			After: Render(r.After), Sensitive: markedPaths(r.AfterSensitive, nil),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address < out[j].Address })
	return out
}

// markedPaths lists the paths a marks tree marks.
func markedPaths(marks any, prefix Path) []string {
	switch m := marks.(type) {
	case bool:
		if m {
			return []string{prefix.String()}
		}
	case Object:
		var out []string
		for _, f := range m {
			out = append(out, markedPaths(f.Value, append(prefix[:len(prefix):len(prefix)], f.Name))...)
		}
		return out
	case []any:
		var out []string
		for i, e := range m {
			out = append(out, markedPaths(e, append(prefix[:len(prefix):len(prefix)], i))...)
		}
		return out
	}
	return nil
}

func decodeFile(t *testing.T, path string) *Plan {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Decode(path, data)
	if err != nil {
		t.Fatalf("Decode(%s): %v", path, err)
	}
	return p
}

func TestTfstate(t *testing.T) {
	t.Parallel()
	const head = `"version": 4, "terraform_version": "1.9.0", "serial": 3, "lineage": "l", `
	tests := map[string]struct {
		doc           string
		wantAddresses []string
		wantDeposed   []string
		wantWarnings  int
		check         func(t *testing.T, p *Plan)
	}{
		"empty state": {doc: `{` + head + `"outputs": {}, "resources": [], "check_results": null}`},
		"members in any order": {
			doc: `{"resources": [{"instances": [{"attributes": {"multi_az": false}}], "name": "main", "type": "aws_db_instance", "mode": "managed",
				"provider": "provider[\"registry.terraform.io/hashicorp/aws\"].west"}], "lineage": "l", "version": 4}`,
			wantAddresses: []string{"aws_db_instance.main"},
			check: func(t *testing.T, p *Plan) {
				r := p.Lookup("aws_db_instance.main")
				if r.ProviderName != "registry.terraform.io/hashicorp/aws" {
					t.Errorf("provider %q", r.ProviderName)
				}
				if a := r.Attr("multi_az"); !a.Present || a.Value != false {
					t.Errorf("multi_az = %+v", a)
				}
				if !r.Exists() || r.Destroyed() || r.Mode != tfjson.ManagedResourceMode {
					t.Errorf("a resource in state exists, unchanged: %+v", r)
				}
			},
		},
		"module, keys and data source": {
			doc: `{` + head + `"resources": [
				{"module": "module.app[\"blue\"].module.db[0]", "mode": "data", "type": "aws_subnet", "name": "a",
				 "provider": "module.app.provider[\"registry.terraform.io/hashicorp/aws\"]", "instances": [{"attributes": {"id": "subnet-1"}}]},
				{"module": "module.app[\"blue\"]", "mode": "managed", "type": "aws_instance", "name": "web", "each": "map",
				 "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
				 "instances": [{"index_key": "a b\"c", "attributes": {}}, {"index_key": "x", "deposed": "0000abcd", "attributes": {}}]},
				{"mode": "managed", "type": "aws_instance", "name": "n", "each": "list", "provider": "provider.aws",
				 "instances": [{"index_key": 0, "attributes": {}}, {"index_key": 1, "attributes": {}}]}]}`,
			wantAddresses: []string{
				`module.app["blue"].module.db[0].data.aws_subnet.a`,
				`module.app["blue"].aws_instance.web["a b\"c"]`,
				"aws_instance.n[0]", "aws_instance.n[1]",
			},
			wantDeposed: []string{`module.app["blue"].aws_instance.web["x"]`},
			check: func(t *testing.T, p *Plan) {
				r := p.Lookup(`module.app["blue"].module.db[0].data.aws_subnet.a`)
				if r.ModuleAddress != `module.app["blue"].module.db[0]` || r.Managed() || r.ConfigAddress() != "module.app.module.db.data.aws_subnet.a" {
					t.Errorf("data source: module %q, config address %q", r.ModuleAddress, r.ConfigAddress())
				}
				if got := p.Lookup("aws_instance.n[1]"); got.Index != 1.0 || got.ProviderName != "aws" {
					t.Errorf("aws_instance.n[1]: index %v, provider %q", got.Index, got.ProviderName)
				}
			},
		},
		"sensitive paths": {
			doc: `{` + head + `"resources": [{"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider[\"x\"]",
				"instances": [{"attributes": {"password": "p", "tags": {"secret": "s", "team": "t"}, "rules": [{"a": 1}, {"a": 2}], "set": ["x"]},
				 "sensitive_attributes": [
				   [{"type": "get_attr", "value": "password"}],
				   [{"type": "get_attr", "value": "tags"}, {"type": "index", "value": {"value": "secret", "type": "string"}}],
				   [{"type": "get_attr", "value": "rules"}, {"type": "index", "value": {"value": 1, "type": "number"}}, {"type": "get_attr", "value": "a"}],
				   [{"type": "get_attr", "value": "set"}, {"type": "index", "value": {"value": ["x"], "type": ["set", "string"]}}],
				   [{"type": "get_attr", "value": "huge"}, {"type": "index", "value": {"value": 1e12, "type": "number"}}]]}]}]}`,
			wantAddresses: []string{"aws_db_instance.main"},
			check: func(t *testing.T, p *Plan) {
				r := p.Lookup("aws_db_instance.main")
				got := markedPaths(r.AfterSensitive, nil)
				want := []string{"password", "tags.secret", "rules[1].a", "set", "huge"}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("marked paths (-want +got):\n%s", diff)
				}
				if r.Attr("tags", "team").Sensitive || r.Attr("rules", 0, "a").Sensitive {
					t.Error("an unmarked value is sensitive")
				}
			},
		},
		"dynamic attributes": {
			doc: `{` + head + `"resources": [{"mode": "managed", "type": "kubernetes_manifest", "name": "m", "provider": "provider[\"x\"]",
				"instances": [{"attributes": {
				  "manifest": {"value": {"kind": "Deployment", "spec": {"replicas": 3}}, "type": ["object", {"kind": "string", "spec": ["object", {"replicas": "number"}]}]},
				  "object": {"value": null, "type": "dynamic"},
				  "wait": [{"fields": {"value": "x", "type": "a label"}}]}}]}]}`,
			wantAddresses: []string{"kubernetes_manifest.m"},
			check: func(t *testing.T, p *Plan) {
				r := p.Lookup("kubernetes_manifest.m")
				if v := r.Attr("manifest", "spec", "replicas").Value; v != 3.0 {
					t.Errorf("manifest.spec.replicas = %v, want 3", v)
				}
				if a := r.Attr("object"); !a.Present || a.Value != nil {
					t.Errorf("object = %+v, want present and null", a)
				}
				if v := r.Attr("wait", 0, "fields", "type").Value; v != "a label" {
					t.Errorf("an object that is not a dynamic value was unwrapped: %v", v)
				}
			},
		},
		"Terraform 0.11 values": {
			doc:           `{` + head + `"resources": [{"mode": "managed", "type": "aws_instance", "name": "old", "provider": "provider.aws", "instances": [{"attributes_flat": {"id": "i-1"}}]}]}`,
			wantAddresses: []string{"aws_instance.old"},
			wantWarnings:  1,
			check: func(t *testing.T, p *Plan) {
				if a := p.Lookup("aws_instance.old").Attr("id"); a.Present {
					t.Errorf("id = %+v: flat attributes are not read", a)
				}
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Decode("terraform.tfstate", []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != KindState {
				t.Errorf("kind %q, want state", p.Kind)
			}
			var live, deposed []string
			for _, r := range p.Resources {
				if r.DeposedKey != "" {
					deposed = append(deposed, r.Address)
				} else {
					live = append(live, r.Address)
				}
			}
			if diff := cmp.Diff(tt.wantAddresses, live); diff != "" {
				t.Errorf("addresses (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDeposed, deposed); diff != "" {
				t.Errorf("deposed (-want +got):\n%s", diff)
			}
			if len(p.Warnings) != tt.wantWarnings {
				t.Errorf("warnings %q, want %d", p.Warnings, tt.wantWarnings)
			}
			if tt.check != nil {
				tt.check(t, p)
			}
		})
	}
}

func TestTfstateErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		doc     string
		want    string
		notTerr bool // wraps ErrNotTerraform
	}{
		"version 3": {
			doc:  `{"version": 3, "terraform_version": "0.11.14", "serial": 1, "lineage": "l", "modules": []}`,
			want: "state format version 3 (Terraform 0.11 or earlier) is not read",
		},
		"version 5": {
			doc:  `{"version": 5, "serial": 1, "lineage": "l", "resources": []}`,
			want: "state format version 5 is newer than this version of readiness reads (4)",
		},
		"bad mode": {
			doc:  `{"version": 4, "serial": 1, "lineage": "l", "resources": [{"mode": "ephemeral", "type": "a", "name": "b", "instances": []}]}`,
			want: `resource a.b has mode "ephemeral", neither managed nor data`,
		},
		"bad index key": {
			doc:  `{"version": 4, "serial": 1, "lineage": "l", "resources": [{"mode": "managed", "type": "a", "name": "b", "instances": [{"index_key": 1.5}]}]}`,
			want: "index_key 1.5 is not a count index",
		},
		"a package.json": {
			doc: `{"name": "x", "version": "1.0.0", "resources": ["a"]}`, notTerr: true,
			want: "not a Terraform JSON plan or state: no format_version, resource_changes or values, nor a state file's version and resources",
		},
		"version alone": {doc: `{"version": 4, "resources": [{"x": 1}]}`, notTerr: true, want: "not a Terraform JSON plan or state"},
		"an array":      {doc: `[1]`, notTerr: true, want: "not a Terraform JSON plan or state: the document is not a JSON object"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Decode("x.json", []byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if got := errors.Is(err, ErrNotTerraform); got != tt.notTerr {
				t.Errorf("errors.Is(ErrNotTerraform) = %v, want %v", got, tt.notTerr)
			}
		})
	}
}
