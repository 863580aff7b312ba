package model

import (
	"fmt"

	tfjson "github.com/hashicorp/terraform-json"
)

// The configuration a plan records (its "configuration" member) is read
// here, so that checks ask for what they need and never walk
// terraform-json's tree themselves.

// Expr is one argument, or one block type, of a configuration as the plan
// records it. The zero Expr is one the configuration does not set.
type Expr struct{ e *tfjson.Expression }

// Block is one block of a configuration: a resource's body, or one nested
// block of it.
type Block struct{ exprs map[string]*tfjson.Expression }

// Set reports whether the configuration sets it.
func (x Expr) Set() bool { return x.e != nil && x.e.ExpressionData != nil }

// Refs returns the references of the expression and of the blocks nested
// in it, as written (aws_subnet.a[0].id, var.subnets), the most specific
// only: Terraform lists every prefix of a reference beside it
// (aws_subnet.a[0], aws_subnet.a), which Refs leaves out, as Plan.Refs
// does.
func (x Expr) Refs() []string { return exprRefs(x.e) }

// Constant returns the expression's constant value; ok is false when the
// configuration does not set it, or sets it to anything but a constant
// (references, blocks, a function call).
func (x Expr) Constant() (v any, ok bool) {
	if !x.Set() || len(x.e.References) > 0 || x.e.NestedBlocks != nil || x.e.ConstantValue == tfjson.UnknownConstantValue {
		return nil, false
	}
	return x.e.ConstantValue, true
}

// Blocks returns the blocks of a block type as the configuration spells
// them out; dynamic blocks are not among them.
func (x Expr) Blocks() []Block {
	if !x.Set() || len(x.e.NestedBlocks) == 0 {
		return nil
	}
	out := make([]Block, len(x.e.NestedBlocks))
	for i, b := range x.e.NestedBlocks {
		out[i] = Block{b}
	}
	return out
}

// Expr returns the argument or block type name of the block.
func (b Block) Expr(name string) Expr { return Expr{b.exprs[name]} }

// At returns the expression at path inside the block: argument and block
// type names, each block type followed by the index of one of its blocks
// (the first when left out), as in network_configuration, 0, subnets.
// Anything else, or a path the configuration does not spell out (a key
// inside an argument's value, a dynamic block), gives the zero Expr.
func (b Block) At(path ...Step) Expr {
	var x Expr
	for i := 0; i < len(path); i++ {
		name, ok := path[i].(string)
		if !ok || b.exprs == nil {
			return Expr{}
		}
		x = b.Expr(name)
		if !x.Set() {
			return Expr{}
		}
		if i == len(path)-1 {
			return x
		}
		idx, indexed := path[i+1].(int)
		if indexed {
			i++
			if i == len(path)-1 {
				return Expr{} // a block, not an expression
			}
		}
		if idx < 0 || idx >= len(x.e.NestedBlocks) {
			return Expr{}
		}
		b = Block{x.e.NestedBlocks[idx]}
	}
	return x
}

// ConfigBody returns the body of r's resource block in the configuration;
// ok is false when the plan holds none for r.
func (r *Resource) ConfigBody() (b Block, ok bool) {
	if r.Config == nil {
		return Block{}, false
	}
	return Block{r.Config.Expressions}, true
}

// ConfigExpr returns the expression at path in r's configuration (see
// Block.At): ConfigExpr("subnet_ids"), ConfigExpr("vpc_config", 0,
// "subnet_ids").
func (r *Resource) ConfigExpr(path ...Step) Expr {
	b, _ := r.ConfigBody()
	return b.At(path...)
}

// ModuleCallArg returns the argument name of the module call that
// instantiates the module instance in (its keys aside); called is false
// for the root module, or a call the configuration does not hold.
func (p *Plan) ModuleCallArg(in ModuleInstance, name string) (x Expr, called bool) {
	if len(in) == 0 {
		return Expr{}, false
	}
	call := p.calls[in.Path()]
	if call == nil {
		return Expr{}, false
	}
	return Expr{call.Expressions[name]}, true
}

// ModuleOutput returns the output name of the module instance in; ok is
// false when the configuration holds no such module or output.
func (p *Plan) ModuleOutput(in ModuleInstance, name string) (x Expr, ok bool) {
	m := p.modules[in.Path()]
	if m == nil || m.Outputs[name] == nil {
		return Expr{}, false
	}
	return Expr{m.Outputs[name].Expression}, true
}

// ResourceConfig returns the body of the resource block at a
// configuration address (module.a.data.aws_iam_policy_document.p), whether
// the plan has instances of it or not.
func (p *Plan) ResourceConfig(configAddress string) (b Block, ok bool) {
	cr := p.configs[configAddress]
	if cr == nil {
		return Block{}, false
	}
	return Block{cr.Expressions}, true
}

// RefsOf resolves references written in from's configuration (some of an
// expression's, say) as Refs resolves an attribute's: the instances they
// name, through module variables and outputs.
func (p *Plan) RefsOf(from *Resource, refs []string) []*Resource {
	p.reach.Add(1)
	if from.Config == nil || len(refs) == 0 {
		return nil
	}
	return p.resolve(from.Addr().Module(), p.keyedBy(from, refs), mostSpecific(refs))
}

// ExprTargets resolves the references of one expression of from's
// configuration, and of the blocks nested in it, as Refs resolves an
// attribute's.
func (p *Plan) ExprTargets(from *Resource, x Expr) []*Resource {
	p.reach.Add(1)
	return p.visitExpr(from, x.e, map[*Resource]bool{}, nil)
}

// ParsePath reads an attribute path as users write it,
// network_configuration[0].subnets or tags["Name"].
func ParsePath(text string) (Path, error) {
	steps, err := readTraversal(text)
	if err != nil {
		return nil, fmt.Errorf("read path %q: %w", text, err)
	}
	path := make(Path, 0, len(steps))
	for _, s := range steps {
		switch {
		case !s.index:
			path = append(path, s.name)
		case s.key.Known():
			if n, ok := s.key.Int(); ok {
				path = append(path, n)
			} else {
				path = append(path, s.key.Text())
			}
		default:
			return nil, fmt.Errorf("read path %q: [*] is not a step", text)
		}
	}
	return path, nil
}
