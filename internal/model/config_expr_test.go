package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// configPlan has a root resource with nested blocks, a module called with
// for_each whose output names a counted subnet, and a policy-document data
// block without instances.
const configPlan = `{
  "format_version": "1.2",
  "resource_changes": [
    {"address": "aws_ecs_service.api", "type": "aws_ecs_service", "name": "api",
     "change": {"actions": ["create"], "after": {"network_configuration": [{"subnets": ["a", "b"]}]}}},
    {"address": "module.net[\"eu\"].aws_subnet.s[0]", "module_address": "module.net[\"eu\"]", "type": "aws_subnet", "name": "s", "index": 0,
     "change": {"actions": ["create"], "after": {}}},
    {"address": "module.net[\"eu\"].aws_subnet.s[1]", "module_address": "module.net[\"eu\"]", "type": "aws_subnet", "name": "s", "index": 1,
     "change": {"actions": ["create"], "after": {}}},
    {"address": "module.net[\"us\"].aws_subnet.s[0]", "module_address": "module.net[\"us\"]", "type": "aws_subnet", "name": "s", "index": 0,
     "change": {"actions": ["create"], "after": {}}},
    {"address": "aws_subnet.own[0]", "type": "aws_subnet", "name": "own", "index": 0, "change": {"actions": ["create"], "after": {}}},
    {"address": "aws_subnet.own[1]", "type": "aws_subnet", "name": "own", "index": 1, "change": {"actions": ["create"], "after": {}}},
    {"address": "aws_instance.w[1]", "type": "aws_instance", "name": "w", "index": 1, "change": {"actions": ["create"], "after": {}}}
  ],
  "configuration": {"root_module": {
    "resources": [
      {"address": "aws_ecs_service.api", "mode": "managed", "type": "aws_ecs_service", "name": "api", "expressions": {
        "name": {"constant_value": "api"},
        "cluster": {"references": ["aws_ecs_cluster.c.id", "aws_ecs_cluster.c"]},
        "network_configuration": [{"subnets": {"references": ["module.net[\"eu\"].ids", "module.net[\"eu\"]", "module.net"]}}]
      }},
      {"address": "aws_subnet.own", "mode": "managed", "type": "aws_subnet", "name": "own", "expressions": {}},
      {"address": "aws_instance.w", "mode": "managed", "type": "aws_instance", "name": "w", "expressions": {
        "subnet_id": {"references": ["aws_subnet.own", "count.index"]}
      }},
      {"address": "data.aws_iam_policy_document.p", "mode": "data", "type": "aws_iam_policy_document", "name": "p", "expressions": {
        "statement": [{"effect": {"constant_value": "Allow"}}, {"effect": {"references": ["var.effect"]}}]
      }}
    ],
    "module_calls": {"net": {"source": "./net", "expressions": {"cidr": {"references": ["var.cidr"]}},
      "module": {
        "outputs": {"ids": {"expression": {"references": ["aws_subnet.s"]}}},
        "resources": [{"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "expressions": {}}]
      }}}
  }}
}`

func TestConfigExpr(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(configPlan))
	if err != nil {
		t.Fatal(err)
	}
	api := p.Lookup("aws_ecs_service.api")
	tests := map[string]struct {
		path     []Step
		set      bool
		refs     []string
		constant any
		isConst  bool
		blocks   int
	}{
		"constant":                  {path: []Step{"name"}, set: true, constant: "api", isConst: true},
		"references, most specific": {path: []Step{"cluster"}, set: true, refs: []string{"aws_ecs_cluster.c.id"}},
		"not set":                   {path: []Step{"desired_count"}},
		"block type":                {path: []Step{"network_configuration"}, set: true, refs: []string{`module.net["eu"].ids`}, blocks: 1},
		"inside a block":            {path: []Step{"network_configuration", 0, "subnets"}, set: true, refs: []string{`module.net["eu"].ids`}},
		"first block by default":    {path: []Step{"network_configuration", "subnets"}, set: true, refs: []string{`module.net["eu"].ids`}},
		"no such block":             {path: []Step{"network_configuration", 1, "subnets"}},
		"a block is no expression":  {path: []Step{"network_configuration", 0}},
		"inside a value":            {path: []Step{"name", "x"}},
		"not a name":                {path: []Step{0}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			x := api.ConfigExpr(tc.path...)
			v, isConst := x.Constant()
			got := struct {
				Set, IsConst bool
				Refs         []string
				Constant     any
				Blocks       int
			}{x.Set(), isConst, x.Refs(), v, len(x.Blocks())}
			want := struct {
				Set, IsConst bool
				Refs         []string
				Constant     any
				Blocks       int
			}{tc.set, tc.isConst, tc.refs, tc.constant, tc.blocks}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ConfigExpr(%v) (-want +got):\n%s", tc.path, diff)
			}
		})
	}
	if (&Resource{}).ConfigExpr("x").Set() {
		t.Error("a resource without configuration sets nothing")
	}
}

func TestModuleAndResourceConfig(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(configPlan))
	if err != nil {
		t.Fatal(err)
	}
	eu := ModuleInstance{{Name: "net", Key: StringKey("eu")}}
	if x, called := p.ModuleCallArg(eu, "cidr"); !called || !cmp.Equal(x.Refs(), []string{"var.cidr"}) {
		t.Errorf("ModuleCallArg(cidr) = %v, %v", x.Refs(), called)
	}
	if x, called := p.ModuleCallArg(eu, "other"); !called || x.Set() {
		t.Errorf("ModuleCallArg(other) = %v, %v; want called, not set", x.Set(), called)
	}
	if _, called := p.ModuleCallArg(nil, "cidr"); called {
		t.Error("the root module has no call")
	}
	if _, called := p.ModuleCallArg(ModuleInstance{{Name: "nope"}}, "cidr"); called {
		t.Error("module.nope has no call")
	}
	if x, ok := p.ModuleOutput(eu, "ids"); !ok || !cmp.Equal(x.Refs(), []string{"aws_subnet.s"}) {
		t.Errorf("ModuleOutput(ids) = %v, %v", x.Refs(), ok)
	}
	if _, ok := p.ModuleOutput(eu, "names"); ok {
		t.Error("ModuleOutput(names) found")
	}
	body, ok := p.ResourceConfig("data.aws_iam_policy_document.p")
	if !ok {
		t.Fatal("ResourceConfig misses the data block")
	}
	statements := body.Expr("statement").Blocks()
	if len(statements) != 2 {
		t.Fatalf("statements = %d", len(statements))
	}
	if v, ok := statements[0].Expr("effect").Constant(); !ok || v != "Allow" {
		t.Errorf("effect = %v, %v", v, ok)
	}
	if _, ok := statements[1].Expr("effect").Constant(); ok {
		t.Error("a referenced effect is a constant")
	}
	if _, ok := p.ResourceConfig("data.aws_iam_policy_document.q"); ok {
		t.Error("ResourceConfig found a block the configuration lacks")
	}
}

func TestRefsOfAndExprTargets(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(configPlan))
	if err != nil {
		t.Fatal(err)
	}
	addresses := func(rs []*Resource) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Address)
		}
		return out
	}
	api := p.Lookup("aws_ecs_service.api")
	w := p.Lookup("aws_instance.w[1]")
	tests := map[string]struct {
		got  []*Resource
		want []string
	}{
		"through a keyed module's output": {p.ExprTargets(api, api.ConfigExpr("network_configuration")),
			[]string{`module.net["eu"].aws_subnet.s[0]`, `module.net["eu"].aws_subnet.s[1]`}},
		"prefixes left out": {p.RefsOf(api, []string{`module.net["eu"].ids`, `module.net["eu"]`, "module.net"}),
			[]string{`module.net["eu"].aws_subnet.s[0]`, `module.net["eu"].aws_subnet.s[1]`}},
		"own key by count.index": {p.RefsOf(w, w.ExprRefs("subnet_id")), []string{"aws_subnet.own[1]"}},
		"a key named":            {p.RefsOf(w, []string{"aws_subnet.own[0].id"}), []string{"aws_subnet.own[0]"}},
		"none":                   {p.RefsOf(api, nil), nil},
		"unreadable":             {p.RefsOf(api, []string{"not a reference"}), nil},
	}
	for name, tc := range tests {
		if diff := cmp.Diff(tc.want, addresses(tc.got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

func TestParsePath(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]Path{
		"subnet_ids":                       {"subnet_ids"},
		"network_configuration[0].subnets": {"network_configuration", 0, "subnets"},
		`tags["Name"]`:                     {"tags", "Name"},
	} {
		got, err := ParsePath(text)
		if err != nil || !cmp.Equal(got, want) {
			t.Errorf("ParsePath(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
	for _, bad := range []string{"", "a[*]", "a.", "a b"} {
		if _, err := ParsePath(bad); err == nil {
			t.Errorf("ParsePath(%q) read", bad)
		}
	}
}
