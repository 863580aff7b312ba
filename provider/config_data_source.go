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
	Dir               types.String `tfsdk:"dir"`
	VarFiles          types.List   `tfsdk:"var_files"`
	Variables         types.Map    `tfsdk:"variables"`
	Workspace         types.String `tfsdk:"workspace"`
	SkipUnreadModules types.Bool   `tfsdk:"skip_unread_modules"`
	Profile           types.String `tfsdk:"profile"`
	FailOn            types.String `tfsdk:"fail_on"`
	reportModel
}

func (d *configDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_config"
}

func (d *configDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Judges a Terraform configuration directory against the production-readiness checklist without a plan, " +
			"as `readiness scan DIR` does. The `.tf` and `.tf.json` files are read statically: variables take their defaults, " +
			"then the values of `terraform.tfvars`, `terraform.tfvars.json` and `*.auto.tfvars(.json)`, then `var_files` and " +
			"`variables`; locals, literals and expressions over them are evaluated; `count` and `for_each` are expanded when " +
			"their values are known; modules with a local source (`./modules/x`) or installed by `terraform init` are followed. " +
			"A module call that cannot be read (a registry or Git module `terraform init` has not installed, a local source " +
			"that is not there, errors in the module's files) is an error, unless `skip_unread_modules` is true. What only a " +
			"provider or an apply would know (resource attributes, data sources, variables without a value) is unknown, so " +
			"the checks that need it report `unknown` rather than guess. An argument the configuration leaves out is null, as " +
			"Terraform would plan it, so the provider's default decides, as on a plan; the AWS provider's `default_tags` merge " +
			"into each resource's `tags_all`. A block whose `count` or `for_each` is unknown may create any number of " +
			"instances: its findings begin `if created: `, and verdicts that count instances are unknown. Each module call " +
			"not read and each root variable without a value is a warning: the verdict covers only what was read and known.",
		Attributes: mergeAttributes(map[string]schema.Attribute{
			"dir": schema.StringAttribute{
				Required: true,
				Description: "The configuration directory to read, relative to the directory Terraform runs in " +
					"(`path.module` and `path.root` help).",
			},
			"var_files": schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Description: "Variable definitions files (`.tfvars`, or `.tfvars.json` for JSON) for the root module, as " +
					"`terraform plan -var-file` reads them, relative to the directory Terraform runs in. They apply in order " +
					"after the directory's own `terraform.tfvars` and `*.auto.tfvars` files: a later file wins. A file that " +
					"cannot be read or parsed, or a value of the wrong type, is an error naming the file and line.",
			},
			"variables": schema.MapAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Description: "Values of root variables, as `terraform plan -var NAME=VALUE` gives them: each value is a string, " +
					"read as an HCL expression when the variable's type is a list, set, map, object, tuple or `any` " +
					"(`\"{ team = \\\"web\\\" }\"`, or `jsonencode(...)` of a Terraform value, which is valid HCL too), and as " +
					"plain text otherwise (converted to the variable's `number` or `bool` type). They apply after `var_files` " +
					"and win over every file. A variable the configuration does not declare is an error.",
			},
			"workspace": schema.StringAttribute{
				Optional: true,
				Description: "The value of `terraform.workspace` in the configuration. Without it, `terraform.workspace` is " +
					"unknown, and so is whatever depends on it.",
			},
			"skip_unread_modules": schema.BoolAttribute{
				Optional: true,
				Description: "Whether to judge the configuration without the module calls that cannot be read (a registry or " +
					"Git module `terraform init` has not installed in `dir`, a local `source` that is not there, errors in the " +
					"module's files). Each such call is then a warning diagnostic naming its file, line and source, and `ready` " +
					"covers only what was read. Defaults to `false`: each such call is an error diagnostic, so that a verdict " +
					"never claims what nobody read.",
			},
		}, scanArguments(), reportAttributes(false)),
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
	opts, diags := cfg.options(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	res, err := hclconfig.LoadWith(dir, opts)
	if err != nil {
		configError(&resp.Diagnostics, dir, err)
		return
	}
	configWarnings(&resp.Diagnostics, res)
	resp.Diagnostics.Append(scan(ctx, d.settings, res.Plan, cfg.Profile, cfg.FailOn, types.StringNull(), &cfg.reportModel)...)
	if cfg.Results.IsNull() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
