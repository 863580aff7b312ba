package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
)

var (
	_ datasource.DataSource                   = (*configDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*configDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*configDataSource)(nil)
)

// configDataSource is readiness_config: a configuration directory read
// statically and judged as a plan would be.
type configDataSource struct {
	settings *settings
}

func newConfigDataSource() datasource.DataSource { return &configDataSource{} }

type configModel struct {
	Dir     types.String `tfsdk:"dir"`
	Profile types.String `tfsdk:"profile"`
	FailOn  types.String `tfsdk:"fail_on"`
	reportModel
}

func (d *configDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_config"
}

func (d *configDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Judges a Terraform configuration directory against the production-readiness checklist without a plan, " +
			"as `readiness scan DIR` does. The `.tf` and `.tf.json` files are read statically: variables take their values " +
			"from `terraform.tfvars` and `*.auto.tfvars`, else their defaults; locals, literals and expressions over them are " +
			"evaluated; `count` and `for_each` are expanded when their values are known; modules with a local source " +
			"(`./modules/x`) or installed by `terraform init` are followed. What only a provider or an apply would know " +
			"(resource attributes, data sources, variables without a value) is unknown, so the checks that need it report " +
			"`unknown` rather than guess; attributes the configuration leaves unset are unknown too, since their defaults " +
			"belong to the provider.",
		Attributes: mergeAttributes(map[string]schema.Attribute{
			"dir": schema.StringAttribute{
				Required: true,
				Description: "The configuration directory to read, relative to the directory Terraform runs in " +
					"(`path.module` and `path.root` help).",
			},
		}, scanArguments(), reportAttributes()),
	}
}

func (d *configDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.settings = providerSettings(req, resp)
}

func (d *configDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var cfg configModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateScanArguments(cfg.Profile, cfg.FailOn)...)
	if known(cfg.Dir) && strings.TrimSpace(cfg.Dir.ValueString()) == "" {
		resp.Diagnostics.AddAttributeError(path.Root("dir"), "Invalid Configuration Directory",
			"dir is empty. Set it to a directory of .tf files, for example path.module.")
	}
}

func (d *configDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg configModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dir := cfg.Dir.ValueString()
	res, err := hclconfig.Load(dir)
	if err != nil {
		readError(&resp.Diagnostics, "dir", "Unreadable Configuration",
			"readiness_config could not read the configuration in "+dir+". Check that dir names a directory of .tf or .tf.json "+
				"files that terraform validate accepts.", err)
		return
	}
	for _, w := range res.Warnings {
		resp.Diagnostics.AddAttributeWarning(path.Root("dir"), "Configuration Partly Read",
			"Part of the configuration could not be read, so the checks do not see it. Run terraform init to install "+
				"remote modules, or judge a plan with readiness_plan instead.\n\n"+w)
	}
	resp.Diagnostics.Append(scan(ctx, d.settings, res.Plan, cfg.Profile, cfg.FailOn, &cfg.reportModel)...)
	if cfg.Results.IsNull() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
