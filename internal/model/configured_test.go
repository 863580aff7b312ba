package model

import (
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
)

func TestConfigured(t *testing.T) {
	t.Parallel()
	expr := func(nested ...map[string]*tfjson.Expression) *tfjson.Expression {
		return &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{ConstantValue: "x", NestedBlocks: nested}}
	}
	config := &tfjson.ConfigResource{Expressions: map[string]*tfjson.Expression{
		"name": expr(),
		"tags": expr(),
		"rule": expr(map[string]*tfjson.Expression{"status": expr()}),
	}}
	after := Object{
		{Name: "name", Value: "a"},
		{Name: "arn", Value: "arn:aws:s3:::a"},
		{Name: "zones", Value: []any{"us-east-1a"}},
		{Name: "versioning", Value: []any{}},
		{Name: "logging", Value: nil},
		{Name: "ingress", Value: []any{Object{{Name: "from_port", Value: 22.0}}}},
		{Name: "rule", Value: []any{Object{{Name: "status", Value: "Enabled"}, {Name: "filter", Value: []any{}}}, Object{}}},
	}
	unknown := Object{{Name: "replication_configuration", Value: true}}
	tests := map[string]struct {
		config   *tfjson.ConfigResource
		complete bool
		block    bool
		path     []Step
		want     Setting
	}{
		"a constant":                                 {config: config, path: []Step{"name"}, want: Set},
		"a key inside an attribute":                  {config: config, path: []Step{"tags", "Owner"}, want: Set},
		"an attribute of the first block":            {config: config, path: []Step{"rule", "status"}, want: Set},
		"an attribute of a block by index":           {config: config, path: []Step{"rule", 0, "status"}, want: Set},
		"a block":                                    {config: config, block: true, path: []Step{"rule"}, want: Set},
		"a block by index":                           {config: config, block: true, path: []Step{"rule", 0}, want: Set},
		"an empty block inside a block":              {config: config, block: true, path: []Step{"rule", 0, "filter"}, want: NotSet},
		"a computed attribute":                       {config: config, path: []Step{"arn"}, want: NotSet},
		"an attribute known only after apply":        {config: config, path: []Step{"replication_configuration"}, want: NotSet},
		"an empty block list":                        {config: config, block: true, path: []Step{"versioning"}, want: NotSet},
		"a null block":                               {config: config, block: true, path: []Step{"logging"}, want: NotSet},
		"a block absent from the plan":               {config: config, block: true, path: []Step{"nothing"}, want: NotSet},
		"planned blocks the configuration lacks":     {config: config, block: true, path: []Step{"ingress"}, want: CannotTell},
		"an attribute inside such blocks":            {config: config, path: []Step{"ingress", 0, "from_port"}, want: CannotTell},
		"blocks known only after apply":              {config: config, block: true, path: []Step{"replication_configuration"}, want: CannotTell},
		"more blocks than the configuration spells":  {config: config, path: []Step{"rule", 1, "status"}, want: CannotTell},
		"no configuration in the plan":               {path: []Step{"name"}, want: CannotTell},
		"no configuration in the plan, a block":      {block: true, path: []Step{"rule"}, want: CannotTell},
		"the .tf source read: missing blocks":        {config: config, complete: true, block: true, path: []Step{"ingress"}, want: NotSet},
		"the .tf source read: unknown missing block": {config: config, complete: true, block: true, path: []Step{"replication_configuration"}, want: NotSet},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := &Resource{After: after, AfterUnknown: unknown, Config: tc.config, ConfigComplete: tc.complete}
			got, fn := r.Configured(tc.path...), "Configured"
			if tc.block {
				got, fn = r.ConfiguredBlock(tc.path...), "ConfiguredBlock"
			}
			if got != tc.want {
				t.Errorf("%s(%v) = %s, want %s", fn, tc.path, got, tc.want)
			}
		})
	}
}
