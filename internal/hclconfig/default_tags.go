package hclconfig

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
)

// The AWS provider merges its configuration's default_tags into the
// tags_all of every resource that has it, as a plan shows. A directory read
// without a plan computes the same: tags_all is default_tags, then the
// resource's own tags over them.

const awsSource = "registry.terraform.io/hashicorp/aws"

var defaultTagsSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "default_tags"}}}
var tagsSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "tags"}}}

// withTagsAll sets tags_all on a managed AWS resource's value when its type
// has it: the type's schema has tags_all (awsTagsAll), or the type is not
// known to lack it and the resource sets tags.
func (s *scope) withTagsAll(rb *resourceBlock, v cty.Value) cty.Value {
	if rb.mode != tfjson.ManagedResourceMode || s.providerSource(rb) != awsSource ||
		v.IsMarked() || !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() {
		return v
	}
	attrs := v.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	tags, setsTags := attrs["tags"]
	if !awsTagsAll[rb.typ] && (awsUntagged[rb.typ] || !setsTags || tags.IsNull()) {
		return v
	}
	if _, own := attrs["tags_all"]; own {
		return v // not an argument: a configuration that sets it is wrong, and left alone
	}
	name, alias, _ := strings.Cut(rb.provider, ".")
	if name == "" {
		name = "aws"
	}
	attrs["tags_all"] = mergeTags(s.defaultTags(name, alias), tags)
	return cty.ObjectVal(attrs)
}

// defaultTags evaluates the default_tags of the provider configuration a
// resource of this module uses under the name and alias, following
// providers passed into modules; null without any.
func (s *scope) defaultTags(name, alias string) cty.Value {
	ps, pb, _ := s.resolveProvider(name, alias)
	if pb == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	content, _, _ := pb.body.PartialContent(defaultTagsSchema)
	if content == nil || len(content.Blocks) == 0 {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	inner, _, _ := content.Blocks[0].Body.PartialContent(tagsSchema)
	if inner == nil || inner.Attributes["tags"] == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return ps.eval(inner.Attributes["tags"].Expr, nil)
}

// mergeTags is default tags with a resource's own over them, as the AWS
// provider computes tags_all: unknown when either is, the other when one
// is null.
func mergeTags(defaults, own cty.Value) cty.Value {
	if defaults.ContainsMarked() || own.ContainsMarked() {
		// A sensitive tag makes the whole map sensitive, as in Terraform.
		defaults, _ = defaults.UnmarkDeep()
		own, _ = own.UnmarkDeep()
		return mergeTags(defaults, own).Mark(sensitiveMark)
	}
	switch {
	case defaults.IsNull():
		return own
	case own.IsNull():
		return defaults
	case !defaults.IsWhollyKnown() || !own.IsWhollyKnown():
		return cty.DynamicVal
	case !defaults.CanIterateElements() || !own.CanIterateElements():
		return cty.DynamicVal
	}
	out := map[string]cty.Value{}
	for _, m := range []cty.Value{defaults, own} {
		for it := m.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if k.IsMarked() || k.Type() != cty.String {
				return cty.DynamicVal
			}
			out[k.AsString()] = e
		}
	}
	return cty.ObjectVal(out)
}
