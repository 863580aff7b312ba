package policy

import (
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestToCty(t *testing.T) {
	t.Parallel()
	after := model.Object{
		{Name: "name", Value: "db"},
		{Name: "port", Value: 5432.0},
		{Name: "multi_az", Value: true},
		{Name: "password", Value: "hunter22"},
		{Name: "subnets", Value: []any{"a", 1.0}},
		{Name: "nothing", Value: nil},
		{Name: "block", Value: []any{model.Object{{Name: "x", Value: "y"}}}},
	}
	unknown := model.Object{{Name: "arn", Value: true}, {Name: "block", Value: []any{model.Object{{Name: "z", Value: true}}}}}
	sens := model.Object{{Name: "password", Value: true}}
	v := ToCty(after, unknown, sens)

	get := func(v cty.Value, path ...any) cty.Value {
		for _, s := range path {
			switch s := s.(type) {
			case string:
				v = v.GetAttr(s)
			case int:
				v = v.Index(cty.NumberIntVal(int64(s)))
			}
		}
		return v
	}
	if got := get(v, "name"); !got.RawEquals(cty.StringVal("db")) {
		t.Errorf("name = %#v", got)
	}
	if got := get(v, "port"); !got.RawEquals(cty.NumberFloatVal(5432)) {
		t.Errorf("port = %#v", got)
	}
	if got := get(v, "multi_az"); !got.RawEquals(cty.True) {
		t.Errorf("multi_az = %#v", got)
	}
	if got := get(v, "password"); !got.IsMarked() || !got.HasMark(sensitive) {
		t.Errorf("password is not marked sensitive: %#v", got)
	}
	if got := get(v, "arn"); got.IsKnown() {
		t.Errorf("arn, absent from after and unknown, = %#v, want unknown", got)
	}
	if got := get(v, "block", 0, "z"); got.IsKnown() {
		t.Errorf("block[0].z = %#v, want unknown", got)
	}
	if got := get(v, "block", 0, "x"); !got.RawEquals(cty.StringVal("y")) {
		t.Errorf("block[0].x = %#v", got)
	}
	if got := get(v, "subnets", 1); !got.RawEquals(cty.NumberFloatVal(1)) {
		t.Errorf("subnets[1] = %#v", got)
	}
	if got := get(v, "nothing"); !got.IsNull() {
		t.Errorf("nothing = %#v, want null", got)
	}
	if got := ToCty(nil, true, nil); got.IsKnown() {
		t.Errorf("wholly unknown = %#v", got)
	}
}
