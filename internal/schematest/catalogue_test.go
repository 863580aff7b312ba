package schematest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// checksDir holds the catalogue's source, read for the resource types its
// code compares against.
const checksDir = "../../checks"

// notHeldProviders are the providers whose types checks name but no stored
// schema covers (by the prefix of their type names), with where they come
// from: their types are listed by the tests, never judged. A check naming a
// type of a provider neither stored nor listed here fails the test.
var notHeldProviders = map[string]string{
	"datadog":      "DataDog/datadog",
	"github":       "integrations/github",
	"grafana":      "grafana/grafana",
	"kubectl":      "gavinbunney/kubectl, alekc/kubectl",
	"launchdarkly": "launchdarkly/launchdarkly",
	"newrelic":     "newrelic/newrelic",
	"opsgenie":     "opsgenie/opsgenie",
	"pagerduty":    "PagerDuty/pagerduty",
	"signalfx":     "splunk-terraform/signalfx",
	"sonarqube":    "jdamata/sonarqube",
}

// outsideStoredSchemas are real types of the stored providers that the
// stored schemas leave out (they keep only the types this project named
// when they were taken: see their README), each with where its name was
// read: the provider's type registry as lonegunmanb/terraform-*-schema
// generates it (generated/register.go), the list `terraform providers
// schema -json` gives. Add a type here only after reading its name there
// or in the provider's registry documentation; an entry the schemas now
// store, or that no check names, fails the test.
var outsideStoredSchemas = map[string]string{
	"aws_alb_listener_certificate":              awsRegister,
	"aws_alb_target_group_attachment":           awsRegister,
	"aws_api_gateway_documentation_part":        awsRegister,
	"aws_api_gateway_documentation_version":     awsRegister,
	"aws_api_gateway_rest_api":                  awsRegister,
	"aws_apigatewayv2_api":                      awsRegister,
	"aws_appautoscaling_scheduled_action":       awsRegister,
	"aws_appconfig_configuration_profile":       awsRegister,
	"aws_auditmanager_assessment":               awsRegister,
	"aws_autoscaling_traffic_source_attachment": awsRegister,
	"aws_backup_framework":                      awsRegister,
	"aws_backup_logically_air_gapped_vault":     awsRegister,
	"aws_backup_restore_testing_plan":           awsRegister,
	"aws_backup_restore_testing_selection":      awsRegister,
	"aws_cloudwatch_composite_alarm":            awsRegister,
	"aws_codebuild_project":                     awsRegister,
	"aws_codepipeline":                          awsRegister,
	"aws_config_conformance_pack":               awsRegister,
	"aws_db_subnet_group":                       awsRegister,
	"aws_default_subnet":                        awsRegister,
	"aws_docdb_subnet_group":                    awsRegister,
	"aws_ecs_capacity_provider":                 awsRegister,
	"aws_eks_addon":                             awsRegister,
	"aws_elb_attachment":                        awsRegister,
	"aws_kms_alias":                             awsRegister,
	"aws_kms_external_key":                      awsRegister,
	"aws_kms_replica_external_key":              awsRegister,
	"aws_kms_replica_key":                       awsRegister,
	"aws_lb_listener_certificate":               awsRegister,
	"aws_lb_listener_rule":                      awsRegister,
	"aws_lb_target_group_attachment":            awsRegister,
	"aws_neptune_subnet_group":                  awsRegister,
	"aws_prometheus_alert_manager_definition":   awsRegister,
	"aws_prometheus_rule_group_namespace":       awsRegister,
	"aws_prometheus_scraper":                    awsRegister,
	"aws_s3_account_public_access_block":        awsRegister,
	"aws_s3_bucket_logging":                     awsRegister,
	"aws_s3_bucket_website_configuration":       awsRegister,
	"aws_scheduler_schedule":                    awsRegister,
	"aws_securityhub_standards_subscription":    awsRegister,
	"aws_sqs_queue_redrive_policy":              awsRegister,
	"aws_ssmcontacts_contact":                   awsRegister,
	"aws_ssmcontacts_plan":                      awsRegister,
	"aws_synthetics_canary":                     awsRegister,

	"google_storage_bucket_access_control":         googleRegister,
	"google_storage_bucket_acl":                    googleRegister,
	"google_storage_default_object_access_control": googleRegister,

	"kubernetes_config_map":                        kubernetesRegister,
	"kubernetes_config_map_v1":                     kubernetesRegister,
	"kubernetes_ingress":                           kubernetesRegister,
	"kubernetes_ingress_v1":                        kubernetesRegister,
	"kubernetes_horizontal_pod_autoscaler_v1":      kubernetesRegister,
	"kubernetes_horizontal_pod_autoscaler_v2beta2": kubernetesRegister,
	"kubernetes_pod_disruption_budget":             kubernetesRegister,
}

const (
	awsRegister        = "lonegunmanb/terraform-aws-schema generated/register.go (aws 6.x)"
	googleRegister     = "lonegunmanb/terraform-google-schema generated/register.go (google 6.x)"
	kubernetesRegister = "lonegunmanb/terraform-kubernetes-schema generated/register.go (kubernetes 2.x)"
)

// typeProvider is the provider a type name belongs to, by its prefix.
func typeProvider(typ string) string {
	p, _, _ := strings.Cut(typ, "_")
	return p
}

// versionRange names the stored versions of a provider: "aws 3.76.1-6.47.0".
func versionRange(s *Schemas, provider string) string {
	vs := s.Versions(provider)
	if len(vs) == 1 {
		return provider + " " + vs[0].Version
	}
	return provider + " " + vs[0].Version + "-" + vs[len(vs)-1].Version
}

// typeProblem says what is wrong with a type a check names, or "" when it
// exists (stored, or listed as outside the stored schemas), and whether it
// is of a provider no schema is stored for.
func typeProblem(s *Schemas, typ string) (problem string, notHeld bool) {
	p := typeProvider(typ)
	if s.Versions(p) == nil {
		if _, ok := notHeldProviders[p]; ok {
			return "", true
		}
		return fmt.Sprintf("%s is of a provider (%s) with no stored schema and not in notHeldProviders", typ, p), true
	}
	if s.Knows(p, "managed", typ) || s.Knows(p, "data", typ) {
		return "", false
	}
	if _, ok := outsideStoredSchemas[typ]; ok {
		return "", false
	}
	return fmt.Sprintf("%s is no resource type or data source of %s (nor in outsideStoredSchemas, the real types the stored schemas leave out)", typ, versionRange(s, p)), false
}

// typeLiteral matches a string that may name a type of a stored provider.
var typeLiteral = regexp.MustCompile(`^(aws|azurerm|google|kubernetes|helm)_[a-z0-9_]*[a-z0-9]$`)

// codeTypes returns the string literals of the catalogue's code (tests
// left out) that name a type of a stored provider, with where each is: a
// literal of that shape that is neither a check's ID nor an attribute or
// block name of a stored schema (kubernetes_version, aws_account_id) is
// taken for a type a check compares against (r.Type == "aws_elb", a
// switch's case, an OfType argument, a table keyed by type).
func codeTypes(t *testing.T, s *Schemas) map[string][]string {
	t.Helper()
	ids := map[string]bool{}
	for _, c := range checks.All() {
		ids[c.ID] = true
		for _, a := range c.Aliases {
			ids[a] = true
		}
	}
	names := s.names()
	files, err := filepath.Glob(filepath.Join(checksDir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && (key.Name == "ID" || key.Name == "Aliases") {
					return false // a check's ID, registered or not yet
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			v, err := strconv.Unquote(lit.Value)
			if err != nil || !typeLiteral.MatchString(v) || ids[v] || names[v] {
				return true
			}
			pos := fset.Position(lit.Pos())
			out[v] = append(out[v], fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line))
			return true
		})
	}
	return out
}

// names returns every attribute and block name of every stored schema.
func (s *Schemas) names() map[string]bool {
	out := map[string]bool{}
	var walk func(b *tfjson.SchemaBlock)
	walk = func(b *tfjson.SchemaBlock) {
		for n, a := range b.Attributes {
			out[n] = true
			if a.AttributeNestedType != nil {
				walkNested(a.AttributeNestedType, out)
			}
		}
		for n, nb := range b.NestedBlocks {
			out[n] = true
			walk(nb.Block)
		}
	}
	for _, vs := range s.byProvider {
		for _, v := range vs {
			for _, sch := range v.schema.ResourceSchemas {
				walk(sch.Block)
			}
			for _, sch := range v.schema.DataSourceSchemas {
				walk(sch.Block)
			}
		}
	}
	return out
}

func walkNested(n *tfjson.SchemaNestedAttributeType, out map[string]bool) {
	for name, a := range n.Attributes {
		out[name] = true
		if a.AttributeNestedType != nil {
			walkNested(a.AttributeNestedType, out)
		}
	}
}

// TestCheckTypesExist holds every resource type the catalogue names to the
// stored schemas: each check's ResourceTypes, and each type its code
// compares against. A type must be a resource or a data source in at least
// one stored version of its provider, or be listed in outsideStoredSchemas
// (real, but left out of the pruned schemas); types of providers with no
// stored schema are listed by provider, not judged.
func TestCheckTypesExist(t *testing.T) {
	t.Parallel()
	s := loadSchemas(t)
	notHeld := map[string][]string{}
	named := map[string]bool{}
	judge := func(typ, where string) {
		named[typ] = true
		problem, other := typeProblem(s, typ)
		if problem != "" {
			t.Errorf("%s names %s", where, problem)
		}
		if other && !slices.Contains(notHeld[typeProvider(typ)], typ) {
			notHeld[typeProvider(typ)] = append(notHeld[typeProvider(typ)], typ)
		}
	}
	for _, c := range checks.All() {
		for _, typ := range c.ResourceTypes {
			judge(typ, "check "+c.ID)
		}
	}
	code := codeTypes(t, s)
	for _, typ := range slices.Sorted(maps.Keys(code)) {
		judge(typ, strings.Join(code[typ], ", "))
	}
	for _, typ := range slices.Sorted(maps.Keys(outsideStoredSchemas)) {
		p := typeProvider(typ)
		switch {
		case s.Knows(p, "managed", typ) || s.Knows(p, "data", typ):
			t.Errorf("outsideStoredSchemas lists %s, which the stored schemas now have: take it out", typ)
		case !named[typ]:
			t.Errorf("outsideStoredSchemas lists %s, which no check names: take it out", typ)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(notHeld)) {
		slices.Sort(notHeld[p])
		t.Logf("not held (no stored %s schema): %s", p, strings.Join(notHeld[p], ", "))
	}
	t.Logf("%d types named, %d of them real types the stored schemas leave out", len(named), len(outsideStoredSchemas))
}

// TestTypeProblem shows that a misspelt type fails and that the lists
// decide the rest.
func TestTypeProblem(t *testing.T) {
	t.Parallel()
	s := loadSchemas(t)
	tests := map[string]struct {
		typ     string
		problem bool
		notHeld bool
	}{
		"stored resource":                    {typ: "aws_db_instance"},
		"stored data source only":            {typ: "aws_iam_policy_document"},
		"the provider's spelling":            {typ: "aws_docdbelastic_cluster"},
		"no provider has it":                 {typ: "aws_docdb_elastic_cluster", problem: true},
		"azurerm's spelling":                 {typ: "azurerm_mssql_elasticpool"},
		"no azurerm version has it":          {typ: "azurerm_mssql_elastic_pool", problem: true},
		"real, outside the stored schemas":   {typ: "aws_lb_listener_rule"},
		"provider listed as not held":        {typ: "pagerduty_schedule", notHeld: true},
		"provider neither stored nor listed": {typ: "splunk_dashboard", problem: true, notHeld: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			problem, notHeld := typeProblem(s, tc.typ)
			if (problem != "") != tc.problem || notHeld != tc.notHeld {
				t.Errorf("typeProblem(%s) = %q, %t; want a problem: %t, not held: %t", tc.typ, problem, notHeld, tc.problem, tc.notHeld)
			}
		})
	}
}
