package model

import (
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
)

// scrubPlan holds sensitive values in every place the scrubber reads them
// from, and one resource whose short marked values are found as words.
func scrubPlan(t *testing.T) (*Plan, *Resource) {
	t.Helper()
	db := &Resource{
		Address: "aws_db_instance.main", Type: "aws_db_instance", Name: "main",
		After: Object{
			{Name: "password", Value: "Hunter2Hunter2"},
			{Name: "engine", Value: "pg"},
			{Name: "port", Value: 5432.0},
			{Name: "multi_az", Value: false},
			{Name: "tags", Value: Object{{Name: "Quote", Value: `say "hi" & <bye>`}}},
			{Name: "public", Value: "not marked"},
		},
		AfterSensitive: Object{
			{Name: "password", Value: true}, {Name: "engine", Value: true},
			{Name: "port", Value: true}, {Name: "multi_az", Value: true},
			{Name: "tags", Value: true},
		},
		Before:          Object{{Name: "password", Value: "OldPassw0rd"}},
		BeforeSensitive: Object{{Name: "password", Value: true}},
	}
	other := &Resource{Address: "aws_s3_bucket.logs", Type: "aws_s3_bucket", Name: "logs", After: Object{{Name: "bucket", Value: "logs"}}}
	data := &Resource{
		Address: "data.aws_secretsmanager_secret_version.x", Type: "aws_secretsmanager_secret_version", Name: "x", Mode: tfjson.DataResourceMode,
		After: Object{{Name: "secret_string", Value: "prior-state-secret"}}, AfterSensitive: Object{{Name: "secret_string", Value: true}},
	}
	cfg := &tfjson.Config{RootModule: &tfjson.ConfigModule{
		Variables: map[string]*tfjson.ConfigVariable{"token": {Sensitive: true}, "env": {Sensitive: true}, "open": {}},
		Outputs: map[string]*tfjson.ConfigOutput{
			"dsn": {Sensitive: true, Expression: &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{ConstantValue: "output-constant-secret"}}},
		},
		ModuleCalls: map[string]*tfjson.ModuleCall{"app": {
			Expressions: map[string]*tfjson.Expression{"api_key": {ExpressionData: &tfjson.ExpressionData{ConstantValue: "module-input-secret"}}},
			Module: &tfjson.ConfigModule{Variables: map[string]*tfjson.ConfigVariable{
				"api_key": {Sensitive: true},
				"salt":    {Sensitive: true, Default: "module-default-secret"},
			}},
		}},
	}}
	vars := map[string]any{"token": []any{"variable-secret"}, "env": "dev", "open": "visible-value"}
	p := NewPlan("plan.json", KindPlan, []*Resource{db, other, data}, cfg, vars)
	p.AddSecret(Object{{Name: "x", Value: "added-by-reader"}})
	return p, db
}

func TestScrub(t *testing.T) {
	t.Parallel()
	p, db := scrubPlan(t)
	tests := map[string]struct {
		in, want string
		about    *Resource
	}{
		"marked after value":            {in: "password is Hunter2Hunter2", want: "password is (sensitive)"},
		"any ASCII case":                {in: "HUNTER2HUNTER2 and hunter2hunter2", want: "(sensitive) and (sensitive)"},
		"inside a longer word":          {in: "xxHunter2Hunter2yy", want: "xx(sensitive)yy"},
		"marked before value":           {in: "was OldPassw0rd", want: "was (sensitive)"},
		"JSON-escaped in evidence":      {in: `{"Quote":"say \"hi\" & <bye>"}`, want: `{"Quote":"(sensitive)"}`},
		"prior-state data source":       {in: "prior-state-secret", want: "(sensitive)"},
		"sensitive root variable":       {in: "token variable-secret", want: "token (sensitive)"},
		"short sensitive variable word": {in: "env dev, devices", want: "env (sensitive), devices"},
		"sensitive output constant":     {in: "output-constant-secret", want: "(sensitive)"},
		"sensitive module input":        {in: "module-input-secret", want: "(sensitive)"},
		"sensitive module default":      {in: "module-default-secret", want: "(sensitive)"},
		"added by a reader":             {in: "added-by-reader", want: "(sensitive)"},
		"overlapping secrets merge":     {in: "Hunter2Hunter2Hunter2", want: "(sensitive)"},
		"unmarked values stay":          {in: "not marked, visible-value, logs", want: "not marked, visible-value, logs"},
		"short marked words of the resource": {
			in: "engine pg on port 5432, multi_az false; pgsql 54321", about: db,
			want: "engine (sensitive) on port (sensitive), multi_az (sensitive); pgsql 54321",
		},
		"short words only for their resource": {in: "engine pg on port 5432", want: "engine pg on port 5432"},
		"empty":                               {in: "", want: ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := p.ScrubFor(tc.about, tc.in); got != tc.want {
				t.Errorf("ScrubFor(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestScrubWithoutSecrets(t *testing.T) {
	t.Parallel()
	r := &Resource{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Name: "b", After: Object{{Name: "bucket", Value: "b"}}}
	p := NewPlan("plan.json", KindPlan, []*Resource{r}, nil, nil)
	text := "nothing to hide: b"
	if got := p.ScrubFor(r, text); got != text {
		t.Errorf("got %q", got)
	}
}

// BenchmarkScrub measures the boundary on a message with and without a
// secret, against a plan with 2,000 sensitive strings (a 50,000-resource
// synthetic plan has about that many).
func BenchmarkScrub(b *testing.B) {
	var rs []*Resource
	for i := range 2000 {
		rs = append(rs, &Resource{
			Address: "aws_db_instance.db" + strings.Repeat("x", i%7), Type: "aws_db_instance",
			After:          Object{{Name: "password", Value: "secret-" + strings.Repeat("k", i%50) + string(rune('a'+i%26))}},
			AfterSensitive: Object{{Name: "password", Value: true}},
		})
	}
	p := NewPlan("plan.json", KindPlan, rs, nil, nil)
	clean := "aws_db_instance.main: the database runs in one availability zone (multi_az = false); evidence us-east-1a"
	dirty := clean + " secret-kkkk" + "e"
	b.Run("clean", func(b *testing.B) {
		for b.Loop() {
			_ = p.Scrub(clean)
		}
	})
	b.Run("secret", func(b *testing.B) {
		for b.Loop() {
			_ = p.Scrub(dirty)
		}
	})
}

// TestScrubNeighbourWords: a check judging a resource reads the resources
// it refers to; their short marked values are words of its findings too.
func TestScrubNeighbourWords(t *testing.T) {
	t.Parallel()
	const doc = `{"format_version":"1.2","resource_changes":[
 {"address":"aws_db_instance.db","mode":"managed","type":"aws_db_instance","name":"db","change":{"actions":["create"],
  "after":{"port":5432,"engine":"pg"},"after_unknown":{},"after_sensitive":{"port":true,"engine":true}}},
 {"address":"aws_security_group_rule.db","mode":"managed","type":"aws_security_group_rule","name":"db","change":{"actions":["create"],
  "after":{"from_port":5432},"after_unknown":{},"after_sensitive":{}}},
 {"address":"aws_s3_bucket.other","mode":"managed","type":"aws_s3_bucket","name":"other","change":{"actions":["create"],
  "after":{"bucket":"other"},"after_unknown":{},"after_sensitive":{}}}],
 "configuration":{"root_module":{"resources":[
  {"address":"aws_db_instance.db","mode":"managed","type":"aws_db_instance","name":"db","expressions":{"port":{"constant_value":5432}}},
  {"address":"aws_security_group_rule.db","mode":"managed","type":"aws_security_group_rule","name":"db",
   "expressions":{"from_port":{"references":["aws_db_instance.db.port","aws_db_instance.db"]}}},
  {"address":"aws_s3_bucket.other","mode":"managed","type":"aws_s3_bucket","name":"other","expressions":{"bucket":{"constant_value":"other"}}}]}}}`
	p, err := Decode("plan.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	text := "port 5432 of engine pg"
	tests := map[string]struct {
		addr, want string
	}{
		"the resource":                  {"aws_db_instance.db", "port (sensitive) of engine (sensitive)"},
		"one that refers to it":         {"aws_security_group_rule.db", "port (sensitive) of engine (sensitive)"},
		"one the reference graph lacks": {"aws_s3_bucket.other", text},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := p.ScrubFor(p.Lookup(tc.addr), text); got != tc.want {
				t.Errorf("ScrubFor(%s) = %q, want %q", tc.addr, got, tc.want)
			}
		})
	}
}
