package checks

import (
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestIAMParseJSON(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		doc                  string
		grantsAll, trustsAny tri
		statements           int
		err                  bool
	}{
		"statement object":    {doc: `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`, grantsAll: triYes, statements: 1},
		"service wildcard":    {doc: `{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","kms:*"],"Resource":["*"]}]}`, grantsAll: triYes, statements: 1},
		"prefix wildcard":     {doc: `{"Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}`, statements: 1},
		"named resource":      {doc: `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/*"}]}`, statements: 1},
		"not resource":        {doc: `{"Statement":[{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b"}]}`, grantsAll: triYes, statements: 1},
		"conditioned":         {doc: `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":true}}}]}`, statements: 1},
		"deny":                {doc: `{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`, statements: 1},
		"principal star":      {doc: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}`, trustsAny: triYes, statements: 1},
		"not principal":       {doc: `{"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},"Action":"sts:AssumeRole"}]}`, trustsAny: triYes, statements: 1},
		"service principal":   {doc: `{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, statements: 1},
		"no statement":        {doc: `{"Version":"2012-10-17"}`},
		"not a document":      {doc: `arn:aws:iam::aws:policy/ReadOnlyAccess`, err: true},
		"statement of a list": {doc: `{"Statement":[1]}`, err: true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			stmts, err := iamParseJSON(tc.doc)
			if (err != nil) != tc.err || len(stmts) != tc.statements {
				t.Fatalf("iamParseJSON = %d statements, %v", len(stmts), err)
			}
			for _, s := range stmts {
				if got := iamGrantsAll(s); got != tc.grantsAll {
					t.Errorf("iamGrantsAll = %d, want %d (%s)", got, tc.grantsAll, s.describe())
				}
				if got := iamTrustsAnyone(s); got != tc.trustsAny {
					t.Errorf("iamTrustsAnyone = %d, want %d (%s)", got, tc.trustsAny, s.describe())
				}
			}
		})
	}
}

func TestIAMManagedPolicyName(t *testing.T) {
	t.Parallel()
	for arn, want := range map[string]string{
		"arn:aws:iam::aws:policy/AdministratorAccess":                      "AdministratorAccess",
		"arn:aws-us-gov:iam::aws:policy/AdministratorAccess":               "AdministratorAccess",
		"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole": "AWSLambdaBasicExecutionRole",
		"arn:aws:iam::123456789012:policy/AdministratorAccess":             "",
		"AdministratorAccess":                       "",
		"arn:aws:iam::aws:role/AdministratorAccess": "",
	} {
		if got, _ := iamManagedPolicyName(arn); got != want {
			t.Errorf("iamManagedPolicyName(%q) = %q, want %q", arn, got, want)
		}
	}
}

// A policy document with no instance in the plan (none of its module's
// instances was planned) is judged from its configuration.
func TestIAMPolicyFromConfiguration(t *testing.T) {
	t.Parallel()
	ref := func(refs ...string) *tfjson.Expression {
		return &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{References: refs, ConstantValue: tfjson.UnknownConstantValue}}
	}
	constant := func(v any) *tfjson.Expression {
		return &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{ConstantValue: v}}
	}
	blocks := func(bs ...map[string]*tfjson.Expression) *tfjson.Expression {
		return &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{NestedBlocks: bs}}
	}
	for name, tc := range map[string]struct {
		statement map[string]*tfjson.Expression
		want      check.Status
	}{
		"all actions on all resources": {map[string]*tfjson.Expression{
			"actions": constant([]any{"*"}), "resources": constant([]any{"*"})}, check.StatusFail},
		"named actions": {map[string]*tfjson.Expression{
			"actions": constant([]any{"s3:GetObject"}), "resources": constant([]any{"*"})}, check.StatusPass},
		"resources from a reference": {map[string]*tfjson.Expression{
			"actions": constant([]any{"s3:*"}), "resources": ref("aws_s3_bucket.b.arn", "aws_s3_bucket.b")}, check.StatusUnknown},
		"a Deny": {map[string]*tfjson.Expression{
			"effect": constant("Deny"), "actions": constant([]any{"*"}), "resources": constant([]any{"*"})}, check.StatusPass},
		"a condition": {map[string]*tfjson.Expression{
			"actions": constant([]any{"*"}), "resources": constant([]any{"*"}),
			"condition": blocks(map[string]*tfjson.Expression{"test": constant("Bool"), "variable": constant("aws:MultiFactorAuthPresent"), "values": constant([]any{"true"})}),
		}, check.StatusPass},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cfg := &tfjson.Config{RootModule: &tfjson.ConfigModule{Resources: []*tfjson.ConfigResource{
				{Address: "aws_iam_role_policy.app", Mode: tfjson.ManagedResourceMode, Type: "aws_iam_role_policy", Name: "app",
					Expressions: map[string]*tfjson.Expression{"policy": ref("data.aws_iam_policy_document.app.json", "data.aws_iam_policy_document.app")}},
				{Address: "data.aws_iam_policy_document.app", Mode: tfjson.DataResourceMode, Type: "aws_iam_policy_document", Name: "app",
					Expressions: map[string]*tfjson.Expression{"statement": blocks(tc.statement)}},
			}}}
			r := &model.Resource{Address: "aws_iam_role_policy.app", Type: "aws_iam_role_policy", Name: "app",
				Mode: tfjson.ManagedResourceMode, Actions: tfjson.Actions{tfjson.ActionCreate},
				After: model.Object{{Name: "name", Value: "app"}}, AfterUnknown: model.Object{{Name: "policy", Value: true}}}
			p := model.NewPlan("test", model.KindPlan, []*model.Resource{r}, cfg, nil)
			got := AWSIAMPolicyWildcard.Resource(p, r)
			if got.Status != tc.want || len(got.Evidence) == 0 {
				t.Errorf("status = %s, want %s (%s, %v)", got.Status, tc.want, got.Message, got.Evidence)
			}
		})
	}
}

// Blocks a plan holds as empty lists (older providers, state) are off;
// blocks known only after apply are unknown.
func TestEncBlock(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		after, unknown model.Object
		want           check.Status
	}{
		"empty block":   {model.Object{{Name: "encrypt_at_rest", Value: []any{}}}, nil, check.StatusFail},
		"unknown block": {model.Object{}, model.Object{{Name: "encrypt_at_rest", Value: true}}, check.StatusUnknown},
		"absent block":  {model.Object{}, nil, check.StatusUnknown},
		"enabled":       {model.Object{{Name: "encrypt_at_rest", Value: []any{model.Object{{Name: "enabled", Value: true}}}}}, nil, check.StatusPass},
		"enabled null":  {model.Object{{Name: "encrypt_at_rest", Value: []any{model.Object{{Name: "enabled", Value: nil}}}}}, nil, check.StatusFail},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := &model.Resource{Address: "aws_opensearch_domain.d", Type: "aws_opensearch_domain", Name: "d",
				Mode: tfjson.ManagedResourceMode, Actions: tfjson.Actions{tfjson.ActionCreate}, After: tc.after, AfterUnknown: tc.unknown}
			p := model.NewPlan("test", model.KindPlan, []*model.Resource{r}, nil, nil)
			if got := AWSOpenSearchEncryptionAtRest.Resource(p, r); got.Status != tc.want {
				t.Errorf("status = %s, want %s (%s)", got.Status, tc.want, got.Message)
			}
		})
	}
}
