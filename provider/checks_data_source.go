package provider

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

var (
	_ datasource.DataSource                   = (*checksDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*checksDataSource)(nil)
)

// clouds are the values of a check's cloud, besides "" for any cloud.
var clouds = []string{"aws", "azure", "google", "kubernetes"}

// checksDataSource is readiness_checks: the catalogue, as `readiness checks`
// lists it.
type checksDataSource struct{}

func newChecksDataSource() datasource.DataSource { return &checksDataSource{} }

type checksModel struct {
	Section  types.String `tfsdk:"section"`
	Category types.String `tfsdk:"category"`
	Cloud    types.String `tfsdk:"cloud"`
	// ResourceType lists the checks that judge one resource type.
	ResourceType types.String `tfsdk:"resource_type"`
	Checks       types.List   `tfsdk:"checks"`
}

type checkModel struct {
	ID            string   `tfsdk:"id"`
	Title         string   `tfsdk:"title"`
	Section       string   `tfsdk:"section"`
	Category      string   `tfsdk:"category"`
	Severity      string   `tfsdk:"severity"`
	Cloud         string   `tfsdk:"cloud"`
	ResourceTypes []string `tfsdk:"resource_types"`
	Description   string   `tfsdk:"description"`
	Remediation   string   `tfsdk:"remediation"`
	Docs          string   `tfsdk:"docs"`
}

var checkAttrTypes = map[string]attr.Type{
	"id":             types.StringType,
	"title":          types.StringType,
	"section":        types.StringType,
	"category":       types.StringType,
	"severity":       types.StringType,
	"cloud":          types.StringType,
	"resource_types": types.ListType{ElemType: types.StringType},
	"description":    types.StringType,
	"remediation":    types.StringType,
	"docs":           types.StringType,
}

func (d *checksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_checks"
}

func (d *checksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the catalogue of readiness checks, as `readiness checks` does, optionally filtered by checklist " +
			"section, category, cloud and resource type. Filters combine: a check is listed when it matches every filter set. " +
			"A filter value that matches no check is an error naming the nearest valid value: a misspelled filter must " +
			"not look like a type that nothing needs.",
		Attributes: map[string]schema.Attribute{
			"section": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("List only the checks in this checklist section: one of %s. Defaults to every section.",
					joinList(check.Sections, "or", "`")),
			},
			"category": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("List only the checks of this checklist category: one of %s. Defaults to every category.",
					joinList(check.Categories, "or", "`")),
			},
			"cloud": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("List only the checks for this cloud: one of %s. Checks that apply to any cloud "+
					"(whole-plan checks) have an empty cloud and are listed only without this filter. Defaults to every cloud.",
					joinList(clouds, "or", "`")),
			},
			"resource_type": schema.StringAttribute{
				Optional: true,
				Description: "List only the checks that judge this resource type, such as `aws_db_instance` (in the checks' " +
					"`resource_types`). A type that no check judges is an error. Defaults to every type.",
			},
			"checks": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The matching checks, sorted by ID.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":             schema.StringAttribute{Computed: true, Description: "The check's ID."},
					"title":          schema.StringAttribute{Computed: true, Description: "What the check requires, in one line."},
					"section":        schema.StringAttribute{Computed: true, Description: "The checklist section."},
					"category":       schema.StringAttribute{Computed: true, Description: "The checklist category."},
					"severity":       schema.StringAttribute{Computed: true, Description: "The severity the check declares (the `production` profile's)."},
					"cloud":          schema.StringAttribute{Computed: true, Description: "`aws`, `azure`, `google`, `kubernetes`, or empty for any cloud."},
					"resource_types": schema.ListAttribute{Computed: true, ElementType: types.StringType, Description: "The resource types the check judges; empty for whole-plan checks."},
					"description":    schema.StringAttribute{Computed: true, Description: "Why the check matters."},
					"remediation":    schema.StringAttribute{Computed: true, Description: "How to fix a failure."},
					"docs":           schema.StringAttribute{Computed: true, Description: "The URL of the check's documentation page."},
				}},
			},
		},
	}
}

func (d *checksDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var cfg checksModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateFilter("section", cfg.Section, check.Sections)...)
	resp.Diagnostics.Append(validateFilter("category", cfg.Category, check.Categories)...)
	resp.Diagnostics.Append(validateFilter("cloud", cfg.Cloud, clouds)...)
	resp.Diagnostics.Append(validateFilter("resource_type", cfg.ResourceType, catalogueTypes(false))...)
}

// catalogueTypes lists every resource type the checks name, sorted; with
// alone, only those a check judges one resource at a time.
func catalogueTypes(alone bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range checks.All() {
		if alone && (c.Resource == nil || c.Transition) {
			continue
		}
		for _, t := range c.ResourceTypes {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Strings(out)
	return out
}

func validateFilter(name string, v types.String, allowed []string) diag.Diagnostics {
	var diags diag.Diagnostics
	if !known(v) {
		return diags
	}
	for _, a := range allowed {
		if v.ValueString() == a {
			return diags
		}
	}
	detail := fmt.Sprintf("The %s filter matches no check.%s Set it to one of %s, or remove it.\n\nGot: %q",
		name, suggest.DidYouMean(v.ValueString(), allowed), joinList(allowed, "or", ""), v.ValueString())
	if len(allowed) > 20 {
		detail = fmt.Sprintf("The %s filter matches no check.%s `readiness checks` lists the checks and what they judge.\n\nGot: %q",
			name, suggest.DidYouMean(v.ValueString(), allowed), v.ValueString())
	}
	diags.AddAttributeError(path.Root(name), "Invalid Filter", detail)
	return diags
}

func (d *checksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg checksModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all := checks.All()
	sort.SliceStable(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	out := []checkModel{}
	for _, c := range all {
		if (known(cfg.Section) && c.Section != cfg.Section.ValueString()) ||
			(known(cfg.Category) && c.Category != cfg.Category.ValueString()) ||
			(known(cfg.Cloud) && c.Cloud != cfg.Cloud.ValueString()) ||
			(known(cfg.ResourceType) && !slices.Contains(c.ResourceTypes, cfg.ResourceType.ValueString())) {
			continue
		}
		rt := append([]string{}, c.ResourceTypes...)
		out = append(out, checkModel{
			ID: c.ID, Title: c.Title, Section: c.Section, Category: c.Category, Severity: c.Severity.String(),
			Cloud: c.Cloud, ResourceTypes: rt, Description: c.Description, Remediation: c.Remediation, Docs: c.DocsURL(),
		})
	}
	var diags diag.Diagnostics
	cfg.Checks, diags = types.ListValueFrom(ctx, types.ObjectType{AttrTypes: checkAttrTypes}, out)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
