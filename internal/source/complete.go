package source

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// What the .tf files say that a plan's configuration leaves out. Plan JSON
// records a resource's arguments and static blocks but drops its `dynamic`
// blocks, so from a plan alone a block missing from the configuration may
// be unset or set dynamically (model.CannotTell). Reading the resource's
// block in the .tf files decides: its dynamic blocks are added to the
// plan's configuration, and whatever is still missing is not set.

// blockBody is a resource or data block as its .tf file writes it.
type blockBody struct {
	body hcl.Body
	// clean is set when the file parsed without errors, so that the body
	// holds every block the file declares.
	clean bool
}

// recordBody keeps the body of the first declaration of addr.
func (ix *indexer) recordBody(addr string, body hcl.Body, clean bool) {
	if ix.locs.bodies == nil {
		ix.locs.bodies = map[string]blockBody{}
	}
	if _, seen := ix.locs.bodies[addr]; !seen {
		ix.locs.bodies[addr] = blockBody{body: body, clean: clean}
	}
}

// Complete adds to the configuration of each of p's resources that the
// input's .tf files declare (in a file that parses cleanly) the dynamic
// blocks its plan leaves out, and marks it complete (model.Resource
// ConfigComplete): an argument still missing is not set.
func (s *Set) Complete(input string, p *model.Plan) {
	if s == nil {
		return
	}
	s.byInput[input].Complete(p)
}

// Complete is Set.Complete for one configuration.
func (l *Locations) Complete(p *model.Plan) {
	if l == nil || len(l.bodies) == 0 {
		return
	}
	merged := map[*tfjson.ConfigResource]bool{}
	for _, r := range p.Resources {
		b, ok := l.bodies[r.ConfigAddress()]
		if !ok || !b.clean || r.Config == nil {
			continue
		}
		if !merged[r.Config] {
			merged[r.Config] = true
			if r.Config.Expressions == nil {
				r.Config.Expressions = map[string]*tfjson.Expression{}
			}
			mergeDynamic(r.Config.Expressions, b.body)
		}
		r.ConfigComplete = true
	}
}

var dynamicSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "dynamic", LabelNames: []string{"type"}}}}

// mergeDynamic adds body's dynamic blocks to exprs, the expressions of the
// same block in a plan's configuration, following static nested blocks in
// order. A body in JSON syntax is read for its top-level dynamic blocks.
func mergeDynamic(exprs map[string]*tfjson.Expression, body hcl.Body) {
	syn, ok := body.(*hclsyntax.Body)
	if !ok {
		content, _, _ := body.PartialContent(dynamicSchema)
		if content != nil {
			for _, b := range content.Blocks {
				addDynamic(exprs, b.Labels[0], nil)
			}
		}
		return
	}
	static := map[string]int{}
	for _, b := range syn.Blocks {
		if b.Type == "dynamic" && len(b.Labels) == 1 {
			addDynamic(exprs, b.Labels[0], dynamicContent(b.Body))
			continue
		}
		i := static[b.Type]
		static[b.Type]++
		if e := exprs[b.Type]; e != nil && e.ExpressionData != nil && i < len(e.NestedBlocks) {
			mergeDynamic(e.NestedBlocks[i], b.Body)
		}
	}
}

// addDynamic records a dynamic block of type name whose content is body
// (nil when it cannot be read): the block is set, and its content's
// arguments are set to values the configuration alone does not give.
//
// The expression is replaced, never edited: a plan's resources may share
// one (model's sharedExpressions).
func addDynamic(exprs map[string]*tfjson.Expression, name string, body *hclsyntax.Body) {
	data := &tfjson.ExpressionData{}
	if e := exprs[name]; e != nil && e.ExpressionData != nil {
		*data = *e.ExpressionData
		data.NestedBlocks = slices.Clip(data.NestedBlocks) // appended to below: a copy
	}
	data.NestedBlocks = append(data.NestedBlocks, expressionsOf(body))
	exprs[name] = &tfjson.Expression{ExpressionData: data}
}

// dynamicContent is the body of a dynamic block's content block.
func dynamicContent(body *hclsyntax.Body) *hclsyntax.Body {
	for _, b := range body.Blocks {
		if b.Type == "content" {
			return b.Body
		}
	}
	return nil
}

// expressionsOf describes a block's arguments and nested blocks, static and
// dynamic, as set to values the configuration alone does not give.
func expressionsOf(body *hclsyntax.Body) map[string]*tfjson.Expression {
	out := map[string]*tfjson.Expression{}
	if body == nil {
		return out
	}
	for name := range body.Attributes {
		out[name] = &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{ConstantValue: tfjson.UnknownConstantValue}}
	}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "dynamic" && len(b.Labels) == 1:
			addDynamic(out, b.Labels[0], dynamicContent(b.Body))
		default:
			e := out[b.Type]
			if e == nil {
				e = &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{}}
				out[b.Type] = e
			}
			e.NestedBlocks = append(e.NestedBlocks, expressionsOf(b.Body))
		}
	}
	return out
}
