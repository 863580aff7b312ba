package hclconfig

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Override files (override.tf, *_override.tf and their JSON forms) change
// blocks the other files declare, as Terraform merges them
// (configs.Module.mergeFile): a block of an override file is merged into
// the block of the same kind and name, its arguments replacing the same
// arguments, and its nested blocks of a type replacing every nested block
// of that type. Local values are replaced one by one. A block an override file
// names that no other file declares is an error, as in Terraform.

// applyOverrides merges the top-level blocks of an override file into
// blocks, the primary files' blocks, in place, and returns them with the
// blocks read after them (terraform, locals).
func applyOverrides(blocks []*hcl.Block, overrides []*hcl.Block) ([]*hcl.Block, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	for _, o := range overrides {
		if !mergedBlocks[o.Type] {
			if o.Type == "locals" {
				diags = append(diags, missingLocals(blocks, o)...)
			}
			// Read after the primary files' blocks, a terraform block's
			// provider requirements and a locals block's values replace
			// theirs one by one; the reader does not judge the rest
			// (check, moved, import, removed).
			blocks = append(blocks, o)
			continue
		}
		if base := overridden(blocks, o); base != nil {
			base.Body = mergedBody{base: base.Body, override: o.Body}
		} else {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Missing base " + o.Type + " to override",
				Detail:  "There is no " + o.Type + " block of this name in the other files, for this override file to change.",
				Subject: o.DefRange.Ptr(),
			})
		}
	}
	return blocks, diags
}

// mergedBlocks are the block types an override merges into the block of
// the same name.
var mergedBlocks = map[string]bool{
	"resource": true, "data": true, "module": true, "variable": true, "output": true, "provider": true,
}

// overridden finds the block o overrides: of its type and labels (a
// provider by its name and alias), or nil.
func overridden(blocks []*hcl.Block, o *hcl.Block) *hcl.Block {
	for _, b := range blocks {
		if b.Type != o.Type || len(b.Labels) != len(o.Labels) {
			continue
		}
		same := true
		for i := range b.Labels {
			same = same && b.Labels[i] == o.Labels[i]
		}
		if same && (b.Type != "provider" || providerAlias(b.Body) == providerAlias(o.Body)) {
			return b
		}
	}
	return nil
}

// missingLocals reports each local value o sets that no primary file
// declares.
func missingLocals(blocks []*hcl.Block, o *hcl.Block) hcl.Diagnostics {
	declared := map[string]bool{}
	for _, b := range blocks {
		if b.Type == "locals" {
			attrs, _ := b.Body.JustAttributes()
			for name := range attrs {
				declared[name] = true
			}
		}
	}
	attrs, diags := o.Body.JustAttributes()
	for name, a := range attrs {
		if !declared[name] {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Missing base local value definition to override",
				Detail:  "There is no local value named " + name + " in the other files, for this override file to change.",
				Subject: a.NameRange.Ptr(),
			})
		}
	}
	return diags
}

// providerAlias is a provider block's alias, or "".
func providerAlias(body hcl.Body) string {
	attrs, _ := body.JustAttributes()
	if a := attrs["alias"]; a != nil {
		if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			return v.AsString()
		}
	}
	return ""
}

// mergedBody is a block's body with an override file's body over it.
type mergedBody struct {
	base, override hcl.Body
}

func (b mergedBody) Content(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	content, _, diags := b.PartialContent(schema)
	return content, diags
}

func (b mergedBody) PartialContent(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	base, baseRest, diags := b.base.PartialContent(schema)
	over, overRest, d := b.override.PartialContent(optional(schema))
	diags = append(diags, d...)
	return mergeContent(base, over), mergedBody{base: baseRest, override: overRest}, diags
}

func (b mergedBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	base, diags := b.base.JustAttributes()
	over, d := b.override.JustAttributes()
	out := make(hcl.Attributes, len(base)+len(over))
	for name, a := range base {
		out[name] = a
	}
	for name, a := range over {
		out[name] = a
	}
	return out, append(diags, d...)
}

func (b mergedBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }

// mergeContent puts over's arguments in place of base's, and over's nested
// blocks of a type (written out or dynamic) in place of all of base's of
// that type.
func mergeContent(base, over *hcl.BodyContent) *hcl.BodyContent {
	out := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: base.MissingItemRange}
	for name, a := range base.Attributes {
		out.Attributes[name] = a
	}
	for name, a := range over.Attributes {
		out.Attributes[name] = a
	}
	out.Blocks = mergeBlocks(base.Blocks, over.Blocks)
	return out
}

func mergeBlocks(base, over []*hcl.Block) []*hcl.Block {
	replaced := map[string]bool{}
	for _, b := range over {
		replaced[blockKind(b)] = true
	}
	out := make([]*hcl.Block, 0, len(base)+len(over))
	for _, b := range base {
		if !replaced[blockKind(b)] {
			out = append(out, b)
		}
	}
	return append(out, over...)
}

// blockKind is the type of block b writes: a dynamic block's is its label.
func blockKind(b *hcl.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}

// optional is schema with nothing required: an override sets only what it
// changes.
func optional(schema *hcl.BodySchema) *hcl.BodySchema {
	out := &hcl.BodySchema{Blocks: schema.Blocks, Attributes: make([]hcl.AttributeSchema, len(schema.Attributes))}
	for i, a := range schema.Attributes {
		out.Attributes[i] = hcl.AttributeSchema{Name: a.Name}
	}
	return out
}
