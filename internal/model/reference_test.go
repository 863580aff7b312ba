package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseRef(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		text string
		want Ref
	}{
		"resource attribute":    {`aws_subnet.a[0].id`, Ref{Kind: RefResource, Type: "aws_subnet", Name: "a", Key: IntKey(0), Rest: 1, Last: "id"}},
		"resource":              {`aws_subnet.a`, Ref{Kind: RefResource, Type: "aws_subnet", Name: "a", Last: "a"}},
		"data source":           {`data.aws_subnet.this["x"].id`, Ref{Kind: RefData, Type: "aws_subnet", Name: "this", Key: StringKey("x"), Rest: 1, Last: "id"}},
		"module output":         {`module.x["a.b[c]"].out`, Ref{Kind: RefModule, Name: "x", Key: StringKey("a.b[c]"), Output: "out", Last: "out"}},
		"element of an output":  {`module.vpc.private_subnets[0]`, Ref{Kind: RefModule, Name: "vpc", Output: "private_subnets", Rest: 1}},
		"module call":           {`module.vpc`, Ref{Kind: RefModule, Name: "vpc", Last: "vpc"}},
		"variable":              {`var.subnets`, Ref{Kind: RefVar, Name: "subnets", Last: "subnets"}},
		"element of a variable": {`var.subnets[1].id`, Ref{Kind: RefVar, Name: "subnets", Rest: 2, Last: "id"}},
		"each":                  {`each.value.id`, Ref{Kind: RefEach, Name: "value", Rest: 1, Last: "id"}},
		"count":                 {`count.index`, Ref{Kind: RefCount, Name: "index", Last: "index"}},
		"local":                 {`local.x`, Ref{Kind: RefLocal, Name: "x", Last: "x"}},
		"path":                  {`path.module`, Ref{Kind: RefPath, Name: "module", Last: "module"}},
		"terraform":             {`terraform.workspace`, Ref{Kind: RefTerraform, Name: "workspace", Last: "workspace"}},
		"self":                  {`self.id`, Ref{Kind: RefSelf, Rest: 1, Last: "id"}},
		"escaped key":           {`aws_s3_bucket.b["a\"]"]`, Ref{Kind: RefResource, Type: "aws_s3_bucket", Name: "b", Key: StringKey(`a"]`)}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseRef(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(Key{})); diff != "" {
				t.Errorf("ParseRef(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
	for _, bad := range []string{``, `var`, `aws_subnet`, `data.aws_subnet`, `module`, `module[0]`, `aws_subnet.a b`, `local[0]`} {
		if r, err := ParseRef(bad); err == nil || r.Kind != RefUnreadable {
			t.Errorf("ParseRef(%q) = %+v, %v; want unreadable", bad, r, err)
		}
	}
	in := ModuleInstance{{Name: "a", Key: IntKey(1)}}
	if got := (Ref{Kind: RefData, Type: "aws_subnet", Name: "s", Key: IntKey(2)}).ConfigAddress(in); got != "module.a.data.aws_subnet.s" {
		t.Errorf("ConfigAddress = %s", got)
	}
}
