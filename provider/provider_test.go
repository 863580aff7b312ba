package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

// testProviderFactories serves the provider in-process for terraform-plugin-testing.
var testProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	TypeName: providerserver.NewProtocol6WithError(&testProvider{readinessProvider{version: "test"}}),
}

func TestProtocol6Server(t *testing.T) {
	t.Parallel()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatalf("new protocol 6 server: %v", err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatalf("get provider schema: %v", err)
	}
	if diags := diagSummaries(resp.Diagnostics); len(diags) > 0 {
		t.Fatalf("get provider schema: unexpected diagnostics %v", diags)
	}
	var got []string
	for _, a := range resp.Provider.Block.Attributes {
		if !a.Optional || a.Description == "" {
			t.Errorf("attribute %s: want optional with a description, got optional=%t description=%q", a.Name, a.Optional, a.Description)
		}
		got = append(got, a.Name)
	}
	want := []string{"config_file", "disabled_checks", "fail_on", "profile"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("provider attributes (-want +got):\n%s", diff)
	}
}

func TestValidateConfig(t *testing.T) {
	t.Parallel()
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	tests := map[string]struct {
		attrs map[string]tftypes.Value
		want  []string
	}{
		"empty":            {},
		"production":       {attrs: map[string]tftypes.Value{"profile": str("production")}},
		"staging any case": {attrs: map[string]tftypes.Value{"profile": str("Staging")}},
		"unknown profile":  {attrs: map[string]tftypes.Value{"profile": unknown}},
		"alias prod":       {attrs: map[string]tftypes.Value{"profile": str("prod")}},
		"alias dev":        {attrs: map[string]tftypes.Value{"profile": str("DEV")}},
		"invalid profile": {
			attrs: map[string]tftypes.Value{"profile": str("beta")},
			want:  []string{"Invalid Readiness Profile"},
		},
		"fail_on none":     {attrs: map[string]tftypes.Value{"fail_on": str("none")}},
		"fail_on critical": {attrs: map[string]tftypes.Value{"fail_on": str("critical")}},
		"unknown fail_on":  {attrs: map[string]tftypes.Value{"fail_on": unknown}},
		"invalid fail_on": {
			attrs: map[string]tftypes.Value{"fail_on": str("severe")},
			want:  []string{"Invalid Fail-On Level"},
		},
		"both invalid": {
			attrs: map[string]tftypes.Value{"profile": str(""), "fail_on": str("")},
			want:  []string{"Invalid Readiness Profile", "Invalid Fail-On Level"},
		},
		"every attribute": {attrs: map[string]tftypes.Value{
			"profile":         str("development"),
			"fail_on":         str("low"),
			"disabled_checks": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("AWS001")}),
			"config_file":     str("testdata/readiness.hcl"),
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server, err := providerserver.NewProtocol6WithError(New("test")())()
			if err != nil {
				t.Fatalf("new protocol 6 server: %v", err)
			}
			cfg := configValue(t, tc.attrs)
			resp, err := server.ValidateProviderConfig(context.Background(), &tfprotov6.ValidateProviderConfigRequest{Config: &cfg})
			if err != nil {
				t.Fatalf("validate provider config: %v", err)
			}
			if diff := cmp.Diff(tc.want, diagSummaries(resp.Diagnostics)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewSettings(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		cfg         providerModel
		wantProfile string
		wantFailOn  string
		wantIDs     []string
		wantFile    string
		wantErrors  []string
	}{
		"defaults": {
			cfg:         nullModel(),
			wantProfile: "production",
			wantFailOn:  "high",
			wantIDs:     []string{},
		},
		"explicit": {
			cfg: providerModel{
				Profile:        types.StringValue("STAGING"),
				FailOn:         types.StringValue("none"),
				DisabledChecks: types.ListValueMust(types.StringType, []attr.Value{types.StringValue("A"), types.StringValue("B")}),
				ConfigFile:     types.StringValue("testdata/readiness.hcl"),
			},
			wantProfile: "staging",
			wantFailOn:  "none",
			wantIDs:     []string{"A", "B"},
			wantFile:    "testdata/readiness.hcl",
		},
		// The file's profile and fail_on are the defaults of the block's.
		"config file": {
			cfg: func() providerModel {
				m := nullModel()
				m.ConfigFile = types.StringValue("testdata/readiness.hcl")
				return m
			}(),
			wantProfile: "staging",
			wantFailOn:  "critical",
			wantIDs:     []string{},
			wantFile:    "testdata/readiness.hcl",
		},
		"invalid config file": {
			cfg: func() providerModel {
				m := nullModel()
				m.ConfigFile = types.StringValue("testdata/bad_config/readiness.hcl")
				return m
			}(),
			wantErrors: []string{"Invalid Readiness Configuration"},
		},
		"missing config file": {
			cfg: func() providerModel {
				m := nullModel()
				m.ConfigFile = types.StringValue("testdata/none.hcl")
				return m
			}(),
			wantErrors: []string{"Invalid Readiness Configuration"},
		},
		"unknown": {
			cfg: func() providerModel {
				m := nullModel()
				m.Profile = types.StringUnknown()
				m.DisabledChecks = types.ListUnknown(types.StringType)
				return m
			}(),
			wantErrors: []string{"Unknown Provider Setting", "Unknown Provider Setting"},
		},
		"invalid": {
			cfg: func() providerModel {
				m := nullModel()
				m.FailOn = types.StringValue("urgent")
				return m
			}(),
			wantErrors: []string{"Invalid Fail-On Level"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s, diags := newSettings(context.Background(), tc.cfg)
			var gotErrors []string
			for _, d := range diags.Errors() {
				gotErrors = append(gotErrors, d.Summary())
			}
			if diff := cmp.Diff(tc.wantErrors, gotErrors); diff != "" {
				t.Fatalf("errors (-want +got):\n%s", diff)
			}
			if tc.wantErrors != nil {
				if s != nil {
					t.Errorf("settings: want nil with errors, got %+v", s)
				}
				return
			}
			got := []any{s.Profile.Name, s.FailOn.String(), s.DisabledChecks, s.ConfigFile}
			want := []any{tc.wantProfile, tc.wantFailOn, tc.wantIDs, tc.wantFile}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
	// The fail_on default must be a level the engine understands.
	if _, err := check.ParseThreshold(DefaultFailOn); err != nil {
		t.Errorf("DefaultFailOn: %v", err)
	}
}

// The acceptance tests run real Terraform (TF_ACC_TERRAFORM_PATH, set by
// `make test`) against only this provider and the built-in terraform_data, so
// they need no registry. Terraform validates and configures a provider only
// when something in the configuration uses it, so until the provider ships
// data sources the tests add one of their own: readiness_test_settings,
// which reports the settings Configure hands to data sources.

func TestAccProviderSettings(t *testing.T) {
	configFile := testdataPath(t, "readiness.hcl")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "readiness" {
  profile         = "staging"
  fail_on         = "critical"
  disabled_checks = ["AWS001", "AWS002"]
  config_file     = "` + configFile + `"
}

resource "terraform_data" "x" {
  input = "a"
}

data "readiness_test_settings" "s" {}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("terraform_data.x", "output", "a"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "profile", "staging"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "fail_on", "critical"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "disabled_checks.#", "2"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "disabled_checks.1", "AWS002"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "config_file", configFile),
				),
			},
		},
	})
}

func TestAccProviderDefaults(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "readiness" {}

resource "terraform_data" "x" {
  input = "a"
}

data "readiness_test_settings" "s" {}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "profile", "production"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "fail_on", "high"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "disabled_checks.#", "0"),
					resource.TestCheckResourceAttr("data.readiness_test_settings.s", "config_file", ""),
				),
			},
		},
	})
}

func TestAccProviderInvalidConfig(t *testing.T) {
	tests := map[string]struct {
		block string
		want  *regexp.Regexp
	}{
		"fail_on":          {block: `fail_on = "sometimes"`, want: regexp.MustCompile(`Invalid Fail-On Level`)},
		"profile":          {block: `profile = "beta"`, want: regexp.MustCompile(`Invalid Readiness Profile`)},
		"misspelt profile": {block: `profile = "stagin"`, want: regexp.MustCompile(`(?s)Invalid Readiness Profile.*` + words(`Did you mean "staging"?`))},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: `
provider "readiness" {
  ` + tc.block + `
}

resource "terraform_data" "x" {
  input = "a"
}

data "readiness_test_settings" "s" {}
`,
						ExpectError: tc.want,
					},
				},
			})
		})
	}
}

// testProvider is the provider plus the test-only settings data source.
type testProvider struct {
	readinessProvider
}

func (p *testProvider) DataSources(ctx context.Context) []func() datasource.DataSource {
	return append(p.readinessProvider.DataSources(ctx), newSettingsDataSource)
}

type settingsDataSource struct {
	settings *settings
}

func newSettingsDataSource() datasource.DataSource { return &settingsDataSource{} }

func (d *settingsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_test_settings"
}

func (d *settingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{
		Attributes: map[string]dsschema.Attribute{
			"profile":         dsschema.StringAttribute{Computed: true},
			"fail_on":         dsschema.StringAttribute{Computed: true},
			"disabled_checks": dsschema.ListAttribute{Computed: true, ElementType: types.StringType},
			"config_file":     dsschema.StringAttribute{Computed: true},
		},
	}
}

func (d *settingsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // Terraform may call Configure before the provider is configured.
	}
	s, ok := req.ProviderData.(*settings)
	if !ok {
		resp.Diagnostics.AddError("Unexpected Provider Data", fmt.Sprintf("want *settings, got %T", req.ProviderData))
		return
	}
	d.settings = s
}

func (d *settingsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.settings == nil {
		resp.Diagnostics.AddError("Provider Not Configured", "The data source was read before the provider was configured.")
		return
	}
	ids, diags := types.ListValueFrom(ctx, types.StringType, d.settings.DisabledChecks)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, struct {
		Profile        string     `tfsdk:"profile"`
		FailOn         string     `tfsdk:"fail_on"`
		DisabledChecks types.List `tfsdk:"disabled_checks"`
		ConfigFile     string     `tfsdk:"config_file"`
	}{d.settings.Profile.Name, d.settings.FailOn.String(), ids, d.settings.ConfigFile})...)
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func nullModel() providerModel {
	return providerModel{
		Profile:        types.StringNull(),
		FailOn:         types.StringNull(),
		DisabledChecks: types.ListNull(types.StringType),
		ConfigFile:     types.StringNull(),
	}
}

// configValue builds a provider config from attrs, the rest null.
func configValue(t *testing.T, attrs map[string]tftypes.Value) tfprotov6.DynamicValue {
	t.Helper()
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"profile":         tftypes.String,
		"fail_on":         tftypes.String,
		"disabled_checks": tftypes.List{ElementType: tftypes.String},
		"config_file":     tftypes.String,
	}}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if v, ok := attrs[name]; ok {
			vals[name] = v
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatalf("new dynamic value: %v", err)
	}
	return dv
}

func diagSummaries(diags []*tfprotov6.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Summary)
	}
	return out
}
