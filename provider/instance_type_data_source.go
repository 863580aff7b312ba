package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/internal/instancetypes"
)

var _ datasource.DataSource = (*instanceTypeDataSource)(nil)

// instanceTypeDataSource is readiness_instance_type: what the catalogue knows
// of one instance type, machine type or VM size.
type instanceTypeDataSource struct{}

func newInstanceTypeDataSource() datasource.DataSource { return &instanceTypeDataSource{} }

// instanceTypeModel is one instance type, in the data source and in
// provider::readiness::instance_type.
type instanceTypeModel struct {
	Name         string  `tfsdk:"name"`
	Cloud        string  `tfsdk:"cloud"`
	Family       string  `tfsdk:"family"`
	VCPUs        int64   `tfsdk:"vcpus"`
	MemoryGiB    float64 `tfsdk:"memory_gib"`
	GPUs         int64   `tfsdk:"gpus"`
	GPUModel     string  `tfsdk:"gpu_model"`
	Accelerator  string  `tfsdk:"accelerator"`
	Generation   string  `tfsdk:"generation"`
	Burstable    bool    `tfsdk:"burstable"`
	Architecture string  `tfsdk:"architecture"`
}

var instanceTypeAttrTypes = map[string]attr.Type{
	"name":         types.StringType,
	"cloud":        types.StringType,
	"family":       types.StringType,
	"vcpus":        types.Int64Type,
	"memory_gib":   types.Float64Type,
	"gpus":         types.Int64Type,
	"gpu_model":    types.StringType,
	"accelerator":  types.StringType,
	"generation":   types.StringType,
	"burstable":    types.BoolType,
	"architecture": types.StringType,
}

// instanceTypeDescriptions describe the attributes, in the data source's
// schema and the function's documentation.
var instanceTypeDescriptions = map[string]string{
	"name":         "The name as the cloud spells it, for example `m7g.large`, `db.r6g.xlarge`, `n2-standard-4` or `Standard_D4s_v5`.",
	"cloud":        "`aws`, `google` or `azure`.",
	"family":       "The instance family (`m7g`), machine series (`n2`) or VM size series (`Dsv5`); service classes such as `db.` keep the family of the type they run on.",
	"vcpus":        "The number of vCPUs (for shared-core types, the vCPUs they may burst to).",
	"memory_gib":   "The memory in GiB.",
	"gpus":         "The number of GPUs; 0 for types without one.",
	"gpu_model":    "The GPU model, such as `NVIDIA A10G`; empty without GPUs.",
	"accelerator":  "The kind of accelerator: `gpu`, `inferentia`, `trainium`, `gaudi`, or empty for none.",
	"generation":   "`current`, or `previous` when the cloud lists the family among its previous-generation types.",
	"burstable":    "Whether the type earns CPU credits below a baseline and spends them above it (AWS T, Azure B, GCE shared-core).",
	"architecture": "`x86_64` or `arm64`; empty when the service does not say.",
}

func (d *instanceTypeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_instance_type"
}

func (d *instanceTypeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required: true,
			Description: "The instance type, machine type or VM size: an EC2 type or an RDS, ElastiCache, OpenSearch, MSK or " +
				"Amazon MQ class; a Compute Engine machine type (custom ones too) or Cloud SQL tier; an Azure VM size or " +
				"flexible-server SKU. Matched without regard to case. A name the catalogue does not hold is an error.",
		},
	}
	for name, desc := range instanceTypeDescriptions {
		if name == "name" {
			continue
		}
		switch instanceTypeAttrTypes[name] {
		case types.Int64Type:
			attrs[name] = schema.Int64Attribute{Computed: true, Description: desc}
		case types.Float64Type:
			attrs[name] = schema.Float64Attribute{Computed: true, Description: desc}
		case types.BoolType:
			attrs[name] = schema.BoolAttribute{Computed: true, Description: desc}
		default:
			attrs[name] = schema.StringAttribute{Computed: true, Description: desc}
		}
	}
	resp.Schema = schema.Schema{
		Description: "Looks up an instance type, machine type or VM size in the catalogue the instance checks use: " +
			"vCPUs, memory, GPUs and other accelerators, generation, whether it is burstable, and CPU architecture.",
		Attributes: attrs,
	}
}

func (d *instanceTypeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, ok := lookupInstanceType(name.ValueString())
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Unknown Instance Type", unknownInstanceTypeDetail(name.ValueString()))
		return
	}
	m.Name = name.ValueString() // as written: Terraform requires arguments unchanged
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func lookupInstanceType(name string) (instanceTypeModel, bool) {
	t, ok := instancetypes.Lookup(name)
	if !ok {
		return instanceTypeModel{}, false
	}
	return instanceTypeModel{
		Name: t.Name, Cloud: t.Cloud, Family: t.Family, VCPUs: int64(t.VCPUs), MemoryGiB: t.MemoryGiB,
		GPUs: int64(t.GPUs), GPUModel: t.GPUModel, Accelerator: t.Accelerator, Generation: t.Generation,
		Burstable: t.Burstable, Architecture: t.Architecture,
	}, true
}

func unknownInstanceTypeDetail(name string) string {
	meant := ""
	if s, ok := instancetypes.Suggest(name); ok {
		meant = fmt.Sprintf(" Did you mean %q?", s)
	}
	return fmt.Sprintf("The catalogue holds no instance type called %q.%s Check the spelling against the cloud's list "+
		"of types (AWS m7g.large or db.r6g.xlarge, Google n2-standard-4, Azure Standard_D4s_v5); a type the catalogue "+
		"lacks cannot be described.\n\nGot: %q", name, meant, name)
}
