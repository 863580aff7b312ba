package schematest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Two versions of a small provider: 2.0.0 renamed size to size_gb and
// made the rule block a set.
const (
	toyV1 = `{"format_version": "1.0", "provider_schemas": {"registry.terraform.io/hashicorp/toy": {
  "resource_schemas": {"toy_db": {"version": 0, "block": {
    "attributes": {
      "id": {"type": "string", "computed": true},
      "name": {"type": "string", "required": true},
      "size": {"type": "number", "optional": true},
      "multi_az": {"type": "bool", "optional": true},
      "password": {"type": "string", "optional": true, "sensitive": true},
      "zones": {"type": ["list", "string"], "optional": true},
      "tags": {"type": ["map", "string"], "optional": true},
      "endpoint": {"type": ["object", {"host": "string", "port": "number"}], "computed": true},
      "spec": {"nested_type": {"nesting_mode": "single", "attributes": {"mode": {"type": "string", "optional": true}}}, "optional": true}
    },
    "block_types": {
      "backup": {"nesting_mode": "list", "max_items": 1, "block": {"attributes": {"days": {"type": "number", "optional": true}}}},
      "rule": {"nesting_mode": "list", "block": {"attributes": {"port": {"type": "number", "optional": true}}}},
      "timeouts": {"nesting_mode": "single", "block": {"attributes": {"create": {"type": "string", "optional": true}}}}
    }}}},
  "data_source_schemas": {"toy_net": {"version": 0, "block": {
    "attributes": {"id": {"type": "string", "computed": true}},
    "block_types": {"filter": {"nesting_mode": "set", "block": {"attributes": {"name": {"type": "string", "required": true}}}}}}}}}}}`
)

var toyV2 = strings.NewReplacer(`"size":`, `"size_gb":`, `"rule": {"nesting_mode": "list"`, `"rule": {"nesting_mode": "set"`).Replace(toyV1)

func toySchemas(t *testing.T) *Schemas {
	t.Helper()
	dir := t.TempDir()
	for name, doc := range map[string]string{"toy-1.0.0.json": toyV1, "toy-2.0.0.json": toyV2} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// plan wraps resource changes (JSON objects, without mode and
// provider_name) in a plan.
func plan(changes ...string) []byte {
	var rcs []string
	for _, c := range changes {
		rcs = append(rcs, `{"mode": "managed", "provider_name": "registry.terraform.io/hashicorp/toy", `+c[1:])
	}
	return []byte(`{"format_version": "1.2", "resource_changes": [` + strings.Join(rcs, ",") + `]}`)
}

func TestJudge(t *testing.T) {
	t.Parallel()
	s := toySchemas(t)
	const db = `"address": "toy_db.main", "type": "toy_db", "name": "main"`
	tests := map[string]struct {
		plan []byte
		want []string
		fits string
	}{
		"fits both versions": {
			plan: plan(`{` + db + `, "change": {"before": null,
				"after": {"name": "a", "multi_az": true, "password": null, "zones": ["a", "b"], "tags": {"x": "y"}, "backup": [{"days": 7}], "rule": [], "timeouts": null, "spec": null},
				"after_unknown": {"id": true, "endpoint": true, "zones": [false, false], "tags": {}, "backup": [{}]},
				"before_sensitive": false, "after_sensitive": {"password": true, "zones": [false, false], "tags": {}, "backup": [{}]}}}`),
			fits: "1.0.0 2.0.0",
		},
		"a typo in an attribute": {
			plan: plan(`{` + db + `, "change": {"after": {"name": "a", "multi_azz": true}, "after_unknown": {}}}`),
			want: []string{"toy_db.main: after.multi_azz: not an attribute or block of toy_db in toy 1.0.0 or 2.0.0"},
		},
		"a block written as an object where the schema says list": {
			plan: plan(`{` + db + `, "change": {"after": {"name": "a", "backup": {"days": 7}}, "after_unknown": {}}}`),
			want: []string{"toy_db.main: after.backup: an object, but a list block is a JSON array of objects in toy 1.0.0 or 2.0.0"},
		},
		"an after_unknown path the schema does not have": {
			plan: plan(`{` + db + `, "change": {"after": {"name": "a"}, "after_unknown": {"id": true, "arn": true}}}`),
			want: []string{"toy_db.main: after_unknown.arn: not an attribute or block of toy_db in toy 1.0.0 or 2.0.0"},
		},
		"an after_unknown path inside a block": {
			plan: plan(`{` + db + `, "change": {"after": {"name": "a", "backup": [{"days": 7}]}, "after_unknown": {"backup": [{"hours": true}]}}}`),
			want: []string{"toy_db.main: after_unknown.backup[0].hours: not an attribute or block of toy_db in toy 1.0.0 or 2.0.0"},
		},
		"primitive values of the wrong JSON kind": {
			plan: plan(`{` + db + `, "change": {"after": {"name": 5, "multi_az": "true", "zones": ["a", 1], "tags": {"x": false}, "endpoint": {"host": "h", "port": "80", "path": "/"}}, "after_unknown": {}}}`),
			want: []string{
				"toy_db.main: after.endpoint.path: not an attribute of this object (object) in toy 1.0.0 or 2.0.0",
				`toy_db.main: after.endpoint.port: a string ("80"), but the attribute is a number in toy 1.0.0 or 2.0.0`,
				`toy_db.main: after.multi_az: a string ("true"), but the attribute is a bool in toy 1.0.0 or 2.0.0`,
				"toy_db.main: after.name: a number (5), but the attribute is a string in toy 1.0.0 or 2.0.0",
				`toy_db.main: after.tags["x"]: a bool (false), but the attribute is a string in toy 1.0.0 or 2.0.0`,
				"toy_db.main: after.zones[1]: a number (1), but the attribute is a string in toy 1.0.0 or 2.0.0",
			},
		},
		"a list block null, a single block and a nested attribute as arrays, too many blocks": {
			plan: plan(`{` + db + `, "change": {"after": {"name": "a", "rule": null, "timeouts": [], "spec": [], "backup": [{}, {}]}, "after_unknown": {}}}`),
			want: []string{
				"toy_db.main: after.backup: 2 blocks, but the schema allows at most 1 in toy 1.0.0 or 2.0.0",
				"toy_db.main: after.rule: null, but Terraform writes a list block with no blocks as [], never null in toy 1.0.0",
				"toy_db.main: after.spec: an array of 0, not an object in toy 1.0.0 or 2.0.0",
				"toy_db.main: after.timeouts: an array of 0, not an object in toy 1.0.0 or 2.0.0",
				"toy_db.main: after.rule: null, but Terraform writes a set block with no blocks as [], never null in toy 2.0.0",
			},
		},
		"marks that do not follow the value": {
			plan: plan(`{` + db + `, "change": {"after": {"name": "a", "zones": ["a", "b"], "multi_az": true},
				"after_unknown": {"zones": [], "multi_az": true, "endpoint": [true], "name": {"x": true}},
				"after_sensitive": {"password": true}}}`),
			want: []string{
				"toy_db.main: after_unknown.endpoint: an array of 1, but a mark here is true, false or an object in toy 1.0.0 or 2.0.0",
				"toy_db.main: after_unknown.multi_az: marked unknown, but the value is known (a bool (true)): terraform show -json leaves unknown values out in toy 1.0.0 or 2.0.0",
				"toy_db.main: after_unknown.name: an object, but a mark here is true or false in toy 1.0.0 or 2.0.0",
				"toy_db.main: after_unknown.zones: 0 marks for 2 elements in toy 1.0.0 or 2.0.0",
			},
		},
		"a sensitive attribute its marks leave out": {
			plan: plan(`{` + db + `, "change": {"before": {"name": "a", "password": null}, "after": null, "before_sensitive": {}, "after_sensitive": false}}`),
			want: []string{"toy_db.main: before_sensitive.password: not marked, but the attribute is sensitive in toy 1.0.0 or 2.0.0"},
		},
		"each resource fits a version, but not the same one": {
			plan: plan(
				`{`+db+`, "change": {"after": {"name": "a", "size": 10}, "after_unknown": {}}}`,
				`{"address": "toy_db.new", "type": "toy_db", "name": "new", "change": {"after": {"name": "b", "size_gb": 10}, "after_unknown": {}}}`),
			want: []string{"no one version of toy fits every resource: toy_db.main only in 1.0.0; toy_db.new only in 2.0.0"},
		},
		"a data source may have null blocks": {
			plan: []byte(`{"format_version": "1.2", "prior_state": {"values": {"root_module": {"resources": [
				{"address": "data.toy_net.n", "mode": "data", "type": "toy_net", "name": "n", "provider_name": "registry.terraform.io/hashicorp/toy",
				 "values": {"id": "x", "filter": null}, "sensitive_values": {}}]}}}}`),
			fits: "1.0.0 2.0.0",
		},
		"addresses that do not match module, name and key": {
			plan: plan(
				`{"address": "toy_db.main[0]", "module_address": "module.m", "type": "toy_db", "name": "main", "index": 0, "change": {"after": {"name": "a"}, "after_unknown": {}}}`,
				`{"address": "toy_db.k[\"a\"]", "type": "toy_db", "name": "k", "index": "b", "change": {"after": {"name": "a"}, "after_unknown": {}}}`),
			want: []string{
				"toy_db.main[0]: address, but its module_address, mode, type, name and index make module.m.toy_db.main[0]",
				`toy_db.k["a"]: address, but its module_address, mode, type, name and index make toy_db.k["b"]`,
			},
			fits: "1.0.0 2.0.0",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := ReadFixture(tt.plan)
			if err != nil {
				t.Fatal(err)
			}
			v := s.Judge(f)
			if diff := cmp.Diff(tt.want, v.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			var fits []string
			for _, v := range v.Fits["toy"] {
				fits = append(fits, v.Version)
			}
			if got := strings.Join(fits, " "); got != tt.fits {
				t.Errorf("fits %q, want %q", got, tt.fits)
			}
		})
	}
}

// TestRealFixtureBroken breaks a fixture that fits the real schemas in the
// three ways a hand-written plan goes wrong, and expects each named.
func TestRealFixtureBroken(t *testing.T) {
	t.Parallel()
	s := loadSchemas(t)
	data, err := os.ReadFile(filepath.Join(repoRoot, "checks/testdata/aws_rds/plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := ReadFixture(data)
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Judge(f); len(v.Problems) > 0 {
		t.Fatalf("the fixture does not fit the schemas as it is: %s", v.Problems)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	change := doc["resource_changes"].([]any)[0].(map[string]any)["change"].(map[string]any)
	after := change["after"].(map[string]any)
	after["multi_azz"] = after["multi_az"]
	delete(after, "multi_az")
	after["blue_green_update"] = map[string]any{"enabled": true}
	change["after_unknown"].(map[string]any)["endpoint_arn"] = true
	broken, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if f, err = ReadFixture(broken); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"aws_db_instance.primary: after.blue_green_update: an object, but a list block is a JSON array of objects in aws 4.67.0, 5.100.0 or 6.47.0",
		"aws_db_instance.primary: after.multi_azz: not an attribute or block of aws_db_instance in aws 3.76.1, 4.67.0, 5.100.0 or 6.47.0",
		"aws_db_instance.primary: after_unknown.endpoint_arn: not an attribute or block of aws_db_instance in aws 3.76.1, 4.67.0, 5.100.0 or 6.47.0",
	}
	got := s.Judge(f).Problems
	for i := range got {
		got[i], _, _ = strings.Cut(got[i], "; of the rest")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
