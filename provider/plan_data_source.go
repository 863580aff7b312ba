package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

var (
	_ datasource.DataSource                   = (*planDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*planDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*planDataSource)(nil)
)

// planDataSource is readiness_plan: a plan judged as `readiness scan` judges it.
type planDataSource struct {
	settings *settings
}

func newPlanDataSource() datasource.DataSource { return &planDataSource{} }

type planModel struct {
	Path    types.String `tfsdk:"path"`
	JSON    types.String `tfsdk:"json"`
	Profile types.String `tfsdk:"profile"`
	FailOn  types.String `tfsdk:"fail_on"`
	Gate    types.String `tfsdk:"gate"`
	reportModel
}

func (d *planDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_plan"
}

func (d *planDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Judges a Terraform plan against the production-readiness checklist, as `readiness scan` does, " +
			"and returns the verdict, the score and every result. Give the plan as a file (`path`) or as its JSON (`json`).",
		Attributes: mergeAttributes(map[string]schema.Attribute{
			"path": schema.StringAttribute{
				Optional: true,
				Description: "Path to a plan: the JSON that `terraform show -json` writes (UTF-8 or UTF-16), or a binary plan file " +
					"from `terraform plan -out`, which is read by running `terraform show -json` in the plan file's directory " +
					"(Terraform must be on `PATH`, or `TERRAFORM_PATH` must name it). That command starts the provider plugins of " +
					"that directory's configuration, so it runs their code: read only binary plans you trust, or convert them " +
					"yourself and give the JSON. A named pipe that no program opens for writing within 30 seconds, or a device " +
					"that delivers nothing within 30 seconds, is an error. Relative paths are relative to the directory Terraform " +
					"runs in; `path.module` helps. When the plan's directory holds the configuration's `.tf` files, they are read too, " +
					"as `readiness scan` reads them: plan JSON leaves `dynamic` blocks out of its configuration, and the `.tf` files " +
					"say whether a block missing from it is set. Exactly one of `path` and `json` must be set.",
			},
			"json": schema.StringAttribute{
				Optional: true,
				Description: "The plan's JSON, as `terraform show -json` writes it, for example from `file()`. " +
					"It is only ever read as JSON, never as a binary plan file, and nothing runs: data that is not JSON is an error. " +
					"Exactly one of `path` and `json` must be set.",
			},
			"gate": schema.StringAttribute{
				Optional: true,
				Description: "Which failures at or above `fail_on` make the plan not ready, as `readiness scan --gate` says. " +
					"`all`: every one. `introduced`: only those the plan introduces, compared with the world before it (its " +
					"prior state and each change's `before`), so that a workspace with gaps no change touched can adopt the " +
					"check; failures that were there before stay in `results` but leave `ready`, `failures` and the error " +
					"diagnostics of `fail_on` alone. A plan that creates everything introduces every failure. Allowed values are " +
					"`all` and `introduced`, in any case. Defaults to the `gate` of the provider's configuration file, whose " +
					"default is `all`.",
			},
		}, scanArguments(), reportAttributes(true)),
	}
}

func (d *planDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.settings = providerSettings(req, resp)
}

func (d *planDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var cfg planModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateScanArguments(cfg.Profile, cfg.FailOn)...)
	if known(cfg.Gate) {
		_, d := parseGate(cfg.Gate.ValueString())
		resp.Diagnostics.Append(d...)
	}
	if cfg.Path.IsUnknown() || cfg.JSON.IsUnknown() {
		return
	}
	if cfg.Path.IsNull() == cfg.JSON.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("path"), "Invalid Plan Source",
			"readiness_plan reads one plan: set exactly one of path (a plan file) and json (the plan's JSON).")
	}
}

func (d *planDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg planModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var p *model.Plan
	var err error
	if !cfg.Path.IsNull() {
		p, err = input.Read(cfg.Path.ValueString())
		if err != nil {
			readError(&resp.Diagnostics, "path", "Unreadable Plan",
				"readiness_plan could not read the plan file. Check that path names the JSON that `terraform show -json` writes, "+
					"or a binary plan file from `terraform plan -out` with Terraform on PATH.", err)
			return
		}
		// As `readiness scan` does: the .tf files beside the plan show the
		// dynamic blocks its configuration leaves out.
		if locs, err := source.ForInputs("", []string{cfg.Path.ValueString()}); err == nil {
			locs.Complete(cfg.Path.ValueString(), p)
		}
	} else {
		p, err = input.Parse("json", []byte(cfg.JSON.ValueString()))
		if err != nil {
			readError(&resp.Diagnostics, "json", "Unreadable Plan",
				"readiness_plan could not read the plan given in json. Give it the JSON that `terraform show -json` writes.", err)
			return
		}
	}
	planWarnings(&resp.Diagnostics, p)
	resp.Diagnostics.Append(scan(ctx, d.settings, p, cfg.Profile, cfg.FailOn, cfg.Gate, &cfg.reportModel)...)
	if cfg.Results.IsNull() {
		return // the arguments were invalid
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// planWarnings reports what the plan itself says the verdict does not
// cover (a plan made with -target, a state Terraform 0.11 wrote), as
// readiness scan's warnings say it.
func planWarnings(diags *diag.Diagnostics, p *model.Plan) {
	for _, w := range p.Warnings {
		diags.AddWarning("Plan Partly Judged",
			"Part of what the plan describes is not judged, so ready covers only the rest.\n\n"+p.Scrub(w))
	}
}
