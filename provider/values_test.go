package provider

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestFromTerraform(t *testing.T) {
	t.Parallel()
	obj := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"multi_az": tftypes.Bool,
		"class":    tftypes.String,
		"size":     tftypes.Number,
		"zones":    tftypes.List{ElementType: tftypes.String},
		"tags":     tftypes.Map{ElementType: tftypes.String},
	}}
	tests := map[string]struct {
		in          tftypes.Value
		wantValue   any
		wantUnknown any
	}{
		"known": {
			in: tftypes.NewValue(obj, map[string]tftypes.Value{
				"multi_az": tftypes.NewValue(tftypes.Bool, true),
				"class":    tftypes.NewValue(tftypes.String, "db.m6g.large"),
				"size":     tftypes.NewValue(tftypes.Number, 100),
				"zones":    tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{tftypes.NewValue(tftypes.String, "a")}),
				"tags":     tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"team": tftypes.NewValue(tftypes.String, "x")}),
			}),
			wantValue: model.Object{
				{Name: "class", Value: "db.m6g.large"},
				{Name: "multi_az", Value: true},
				{Name: "size", Value: float64(100)},
				{Name: "tags", Value: model.Object{{Name: "team", Value: "x"}}},
				{Name: "zones", Value: []any{"a"}},
			},
		},
		// Unknown attributes are left out and marked, as plans do; unknown
		// list elements are null and marked.
		"partly unknown": {
			in: tftypes.NewValue(obj, map[string]tftypes.Value{
				"multi_az": tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue),
				"class":    tftypes.NewValue(tftypes.String, nil),
				"size":     tftypes.NewValue(tftypes.Number, 1.5),
				"zones": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{
					tftypes.NewValue(tftypes.String, "a"), tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
				}),
				"tags": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, tftypes.UnknownValue),
			}),
			wantValue: model.Object{
				{Name: "class", Value: nil},
				{Name: "size", Value: 1.5},
				{Name: "zones", Value: []any{"a", nil}},
			},
			wantUnknown: model.Object{
				{Name: "multi_az", Value: true},
				{Name: "tags", Value: true},
				{Name: "zones", Value: []any{false, true}},
			},
		},
		"unknown": {in: tftypes.NewValue(obj, tftypes.UnknownValue), wantUnknown: true},
		"null":    {in: tftypes.NewValue(obj, nil)},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			v, u := fromTerraform(tc.in)
			if diff := cmp.Diff(tc.wantValue, v); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantUnknown, u); diff != "" {
				t.Errorf("unknown (-want +got):\n%s", diff)
			}
		})
	}
}
