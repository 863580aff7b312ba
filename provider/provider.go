// Package provider is the Terraform provider face of the readiness scanner:
// the same checks the CLI runs, offered to Terraform configurations.
package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

// TypeName is the provider's name in configurations: provider "readiness" {}.
const TypeName = "readiness"

// DefaultFailOn is the fail_on level used when the attribute is unset.
const DefaultFailOn = "high"

var (
	_ provider.Provider                   = (*readinessProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*readinessProvider)(nil)
	_ provider.ProviderWithFunctions      = (*readinessProvider)(nil)
)

// New returns a constructor of the provider, as providerserver expects.
// version is the release version, set by GoReleaser; "dev" or "test" elsewhere.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &readinessProvider{version: version}
	}
}

type readinessProvider struct {
	version string
}

// providerModel is the provider block as written.
type providerModel struct {
	Profile        types.String `tfsdk:"profile"`
	FailOn         types.String `tfsdk:"fail_on"`
	DisabledChecks types.List   `tfsdk:"disabled_checks"`
	ConfigFile     types.String `tfsdk:"config_file"`
}

// settings is the provider block after validation and defaults; Configure
// hands it to data sources.
type settings struct {
	Profile        profile.Profile
	FailOn         check.Threshold
	DisabledChecks []string
	// Gate is readiness_plan's default gate: the configuration file's, or
	// all.
	Gate engine.Gate
	// ConfigFile is the configuration file read (config_file, or the
	// .readiness.hcl found from the working directory), "" for none.
	ConfigFile string
	// Policy is what the configuration file declares; nil without one.
	Policy *policy.Policy
}

func (p *readinessProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *readinessProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The readiness provider checks Terraform plans against a production-readiness checklist. " +
			"Its settings apply to every readiness data source in the configuration; all of them are optional.",
		Attributes: map[string]schema.Attribute{
			"profile": schema.StringAttribute{
				Description: fmt.Sprintf("The readiness profile that decides which checks run and at what severity. "+
					"Allowed values are %s, or their short forms %s. Defaults to `%s`.",
					joinList(profile.Names(), "and", "`"), joinList(profile.Aliases(), "and", "`"), profile.Default),
				Optional: true,
			},
			"fail_on": schema.StringAttribute{
				Description: "The lowest severity whose failed checks make a plan not ready. " +
					"Allowed values are `critical`, `high`, `medium`, `low` and `none`; `none` never fails. " +
					"Defaults to `" + DefaultFailOn + "`.",
				Optional: true,
			},
			"disabled_checks": schema.ListAttribute{
				Description: "IDs of checks that never run, whatever the profile says. " +
					"Defaults to an empty list, which runs every check the profile selects.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"config_file": schema.StringAttribute{
				Description: "Path to a readiness configuration file (`" + config.FileName + "`: checks enabled and disabled, " +
					"severities, tiers, recovery objectives, attestations, waivers and custom checks), relative to the " +
					"directory Terraform runs in, as `readiness scan --config` reads it. Its `profile` and `fail_on` are the " +
					"defaults of this block's, and its `gate` the default of `readiness_plan`'s. Defaults to the `" + config.FileName + "` in the directory Terraform runs in or " +
					"the nearest parent, up to the root of the repository, as `readiness scan` finds it; without one, no file. " +
					"A custom check whose condition cannot be evaluated (an attribute the resource does not have, a type error, " +
					"a runaway expression) makes `readiness_plan` and `readiness_config` fail with an Invalid Custom Check error, " +
					"as it makes `readiness scan` exit 1.",
				Optional: true,
			},
		},
	}
}

// ValidateConfig rejects profile and fail_on values that no scan could use,
// so the mistake shows up in terraform validate rather than at the first read.
// Unknown values are left for Configure.
func (p *readinessProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if known(cfg.Profile) {
		_, d := parseProfile(cfg.Profile.ValueString())
		resp.Diagnostics.Append(d...)
	}
	if known(cfg.FailOn) {
		_, d := parseFailOn(cfg.FailOn.ValueString())
		resp.Diagnostics.Append(d...)
	}
}

func (p *readinessProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s, diags := newSettings(ctx, cfg)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.DataSourceData = s
}

func (p *readinessProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newPlanDataSource,
		newConfigDataSource,
		newChecksDataSource,
		newInstanceTypeDataSource,
	}
}

func (p *readinessProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{}
}

func (p *readinessProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		newCheckFunction,
		newReadyFunction,
		newInstanceTypeFunction,
	}
}

// newSettings applies defaults to a validated provider block. Values unknown
// at plan time are errors: the provider has nothing to defer to.
func newSettings(ctx context.Context, cfg providerModel) (*settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	for _, a := range []struct {
		name  string
		value interface{ IsUnknown() bool }
	}{
		{"profile", cfg.Profile},
		{"fail_on", cfg.FailOn},
		{"disabled_checks", cfg.DisabledChecks},
		{"config_file", cfg.ConfigFile},
	} {
		if name := a.name; a.value.IsUnknown() {
			diags.AddAttributeError(path.Root(name), "Unknown Provider Setting",
				fmt.Sprintf("The readiness provider's %s is not known until apply, but the provider needs it to plan. "+
					"Set %s to a literal, a variable or a local value instead of a resource attribute.", name, name))
		}
	}
	if diags.HasError() {
		return nil, diags
	}

	s := &settings{
		ConfigFile:     cfg.ConfigFile.ValueString(),
		DisabledChecks: []string{},
		Gate:           engine.GateAll,
	}
	conf, d := loadConfigFile(cfg.ConfigFile)
	diags.Append(d...)
	if diags.HasError() {
		return nil, diags
	}
	prof, failOn := profile.Default, DefaultFailOn
	if conf != nil {
		s.ConfigFile, s.Policy = conf.Path, conf.Policy
		if conf.Profile != "" {
			prof = conf.Profile
		}
		if conf.FailOn != "" {
			failOn = conf.FailOn
		}
		if conf.Gate != "" {
			s.Gate = engine.Gate(conf.Gate) // valid: the file was checked
		}
	}
	if !cfg.Profile.IsNull() {
		prof = cfg.Profile.ValueString()
	}
	s.Profile, d = parseProfile(prof)
	diags.Append(d...)
	if !cfg.FailOn.IsNull() {
		failOn = cfg.FailOn.ValueString()
	}
	s.FailOn, d = parseFailOn(failOn)
	diags.Append(d...)
	if !cfg.DisabledChecks.IsNull() {
		var ids []types.String
		diags.Append(cfg.DisabledChecks.ElementsAs(ctx, &ids, false)...)
		for i, id := range ids {
			if !known(id) {
				continue
			}
			s.DisabledChecks = append(s.DisabledChecks, id.ValueString())
			if _, ok := checks.ByID(id.ValueString()); !ok {
				diags.AddAttributeWarning(path.Root("disabled_checks").AtListIndex(i), "Unknown Check ID",
					fmt.Sprintf("disabled_checks names a check that does not exist, so it disables nothing. "+
						"Check the spelling against data.readiness_checks or `readiness checks`.\n\nGot: %q", id.ValueString()))
			}
		}
	}
	if diags.HasError() {
		return nil, diags
	}
	return s, diags
}

// loadConfigFile reads the configuration file config_file names, or the
// .readiness.hcl found from the working directory as the CLI finds it. It
// returns nil without a file. Every problem in the file is an error naming
// its place, as the CLI reports it.
func loadConfigFile(file types.String) (*config.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	cfgPath, name := file.ValueString(), file.ValueString()
	if file.IsNull() {
		wd, err := os.Getwd()
		if err == nil {
			cfgPath, err = config.Find(wd)
		}
		if err != nil {
			diags.AddAttributeError(path.Root("config_file"), "Unreadable Readiness Configuration",
				"The provider looked for "+config.FileName+" from the directory Terraform runs in and could not read it. "+
					"Fix the file's permissions, or set config_file.\n\n"+err.Error())
			return nil, diags
		}
		if cfgPath == "" {
			return nil, diags
		}
		name = cfgPath
		if rel, err := filepath.Rel(wd, cfgPath); err == nil {
			name = rel
		}
	}
	conf, hd := config.Load(cfgPath, name)
	if conf != nil {
		hd = append(hd, conf.Validate(checks.All())...)
	}
	if hd.HasErrors() {
		var lines []string
		for _, d := range hd {
			if d.Severity == hcl.DiagError {
				lines = append(lines, config.Format(d))
			}
		}
		diags.AddAttributeError(path.Root("config_file"), "Invalid Readiness Configuration",
			"The readiness configuration file could not be used. Fix each problem below, or point config_file at "+
				"another file.\n\n"+strings.Join(lines, "\n"))
		return nil, diags
	}
	conf.Policy.Now = time.Now
	return conf, diags
}

func parseProfile(name string) (profile.Profile, diag.Diagnostics) {
	var diags diag.Diagnostics
	p, err := profile.Lookup(name)
	if err != nil {
		diags.AddAttributeError(path.Root("profile"), "Invalid Readiness Profile",
			fmt.Sprintf("The provider's profile names a profile that does not exist. "+
				"Set profile to one of %s (or %s), or remove it to use %s.%s\n\nGot: %q",
				joinList(profile.Names(), "or", ""), joinList(profile.Aliases(), "or", ""), profile.Default,
				suggest.DidYouMean(name, profile.AcceptedNames()), name))
	}
	return p, diags
}

func parseFailOn(level string) (check.Threshold, diag.Diagnostics) {
	var diags diag.Diagnostics
	t, err := check.ParseThreshold(level)
	if err != nil {
		diags.AddAttributeError(path.Root("fail_on"), "Invalid Fail-On Level",
			fmt.Sprintf("The provider's fail_on is not a severity level. "+
				"Set fail_on to critical, high, medium, low or none, or remove it to use %s.\n\nGot: %q",
				DefaultFailOn, level))
	}
	return t, diags
}

// parseGate reads readiness_plan's gate, with the gate probably meant.
func parseGate(name string) (engine.Gate, diag.Diagnostics) {
	var diags diag.Diagnostics
	g, err := engine.ParseGate(name)
	if err != nil {
		names := make([]string, len(engine.Gates))
		for i, g := range engine.Gates {
			names[i] = string(g)
		}
		diags.AddAttributeError(path.Root("gate"), "Invalid Gate",
			fmt.Sprintf("The data source's gate does not name a gate. Set gate to all (every failure at or above fail_on "+
				"makes the plan not ready) or introduced (only the failures the plan introduces do), or remove it to use "+
				"all.%s\n\nGot: %q", suggest.DidYouMean(name, names), name))
	}
	return g, diags
}

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

// joinList joins names for a sentence, each wrapped in quote:
// joinList({"a", "b", "c"}, "or", "`") is "`a`, `b` or `c`".
func joinList(names []string, conj, quote string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote + n + quote
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + conj + " " + q[len(q)-1]
}
