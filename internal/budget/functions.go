package budget

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// rule says how a function that builds values is charged: estimate, from
// the arguments, bounds what its result could be, checked against what is
// left before it runs (nil when the result cannot outgrow the arguments
// much); deep charges the whole result afterwards (a value built anew, as
// jsondecode's), else only its top level (elements arranged from the
// arguments, as reverse's).
type rule struct {
	// refuse rejects arguments no budget makes safe, before the function
	// even works out its result's type (jsondecode decodes then).
	refuse   func(args []cty.Value) error
	estimate func(args []cty.Value, left size) size
	deep     bool
	// nullable: the function may return null, so an unknown result is
	// not refined as not null (every other one is, as in cty's stdlib).
	nullable bool
}

// maxNumberText bounds the strings tonumber and parseint read: converting
// text to a number takes time that grows with the square of its length.
const maxNumberText = 1000

// rules are the functions, by Terraform's names, whose results grow with
// their arguments. Functions not listed return a scalar or one of their
// arguments (length, contains, lookup, element, coalesce, can, try).
var rules = map[string]rule{
	"setproduct": {estimate: product},
	"concat":     {estimate: total},
	"flatten":    {estimate: flattened},
	"format":     {estimate: formatted},
	"formatlist": {estimate: formattedList},
	"join":       {estimate: joined},
	"indent":     {estimate: indented},
	"replace":    {estimate: replaced},
	"regexall":   {estimate: matches},
	"split":      {estimate: pieces},
	"distinct":   {estimate: comparisons},
	"range":      {},
	"jsondecode": {refuse: jsonData, estimate: decoded(",:[{"), deep: true, nullable: true},
	"csvdecode":  {estimate: decoded(",\n"), deep: true},
	"tolist":     {deep: true, nullable: true},
	"toset":      {deep: true, nullable: true},
	"tomap":      {deep: true, nullable: true},
	"tostring":   {nullable: true},
	"tonumber":   {refuse: numberText, nullable: true},
	"parseint":   {refuse: numberText},
	"chunklist":  {}, "coalescelist": {}, "compact": {}, "keys": {}, "values": {}, "merge": {}, "reverse": {},
	"slice": {}, "sort": {}, "setintersection": {}, "setsubtract": {}, "setunion": {}, "zipmap": {},
	"jsonencode": {}, "lower": {}, "upper": {}, "title": {}, "trim": {}, "trimprefix": {}, "trimsuffix": {},
	"trimspace": {}, "chomp": {}, "strrev": {}, "substr": {}, "regex": {}, "formatdate": {},
	// Terraform's encodings, at most a few times their text's bytes.
	"base64encode": {estimate: grown(2)}, "base64gzip": {estimate: grown(2)}, "urlencode": {estimate: grown(3)},
	"textencodebase64": {estimate: grown(6)}, "textdecodebase64": {estimate: grown(2)},
	"base64decode": {}, "yamlencode": {}, "rsadecrypt": {},
	"yamldecode": {estimate: decoded(",:[{-\n"), deep: true, nullable: true},
	"transpose":  {deep: true},
	"matchkeys":  {}, "cidrsubnets": {}, "abspath": {}, "pathexpand": {}, "basename": {}, "dirname": {},
	// Files (read up to a few MiB each) and templates, whose own loops and
	// parts are charged as they are evaluated.
	"file": {}, "filebase64": {}, "fileset": {}, "templatefile": {nullable: true},
}

// grown bounds a function whose result is at most factor times its first
// argument's bytes.
func grown(factor int) func(args []cty.Value, _ size) size {
	return func(args []cty.Value, _ size) size {
		return size{bytes: mul(factor, text(args[0]))}
	}
}

// wrap returns f charging b by r: the estimate must fit before f runs,
// and the result is charged after.
func (b *Budget) wrap(f function.Function, r rule) function.Function {
	spec := &function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			if r.refuse != nil {
				if err := r.refuse(args); err != nil {
					return cty.NilType, err
				}
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			var est size
			if r.estimate != nil {
				est = r.estimate(args, b.remaining())
			}
			// Even with nothing to estimate: once the budget is spent, or
			// the time is up, nothing more runs.
			if err := b.fits(est.steps, est.bytes); err != nil {
				return cty.NilVal, err
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			s := shallow(v)
			if r.deep {
				s = deep(v, b.remaining())
			}
			return v, b.charge(s.steps, s.bytes)
		},
	}
	if !r.nullable {
		spec.RefineResult = func(rb *cty.RefinementBuilder) *cty.RefinementBuilder { return rb.NotNull() }
	}
	return function.New(spec)
}

func product(args []cty.Value, _ size) size {
	n := 1
	for _, a := range args {
		n = mul(n, count(a))
	}
	return size{steps: mul(n, len(args)+1)}
}

func total(args []cty.Value, _ size) size {
	var n int
	for _, a := range args {
		n = add(n, count(a))
	}
	return size{steps: n}
}

func flattened(args []cty.Value, left size) size {
	return size{steps: leaves(args[0], left.steps)}
}

// formatted bounds format's result: the format's own text and the widths
// it asks for, and each verb writing the longest argument.
func formatted(args []cty.Value, left size) size {
	longest := 0
	for _, a := range args[1:] {
		longest = max(longest, asText(a, left))
	}
	return size{bytes: formatBytes(args[0], longest)}
}

// formattedList bounds formatlist's result: as many strings as the longest
// list, each as format's would be with the longest element or argument.
func formattedList(args []cty.Value, left size) size {
	n, longest := 1, 0
	for _, a := range args[1:] {
		a, _ = a.Unmark()
		if ty := a.Type(); a.IsKnown() && !a.IsNull() && (ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
			n = max(n, count(a))
			for it := a.ElementIterator(); it.Next(); {
				_, e := it.Element()
				longest = max(longest, asText(e, left))
			}
			continue
		}
		longest = max(longest, asText(a, left))
	}
	return size{steps: n, bytes: mul(n, formatBytes(args[0], longest))}
}

// asText bounds a value's length as format writes it (%v writes
// collections as JSON).
func asText(v cty.Value, left size) int {
	s := deep(v, left)
	return add(s.bytes, mul(8, s.steps))
}

var digits = regexp.MustCompile(`[0-9]+`)

func formatBytes(format cty.Value, longest int) int {
	f, _ := format.Unmark()
	if !f.IsKnown() || f.IsNull() || f.Type() != cty.String {
		return 0
	}
	s := f.AsString()
	n := add(len(s), mul(strings.Count(s, "%"), longest))
	for _, d := range digits.FindAllString(s, -1) {
		w := maxInt
		if len(d) < 10 {
			fmt.Sscan(d, &w)
		}
		n = add(n, w)
	}
	return n
}

func joined(args []cty.Value, _ size) size {
	sep := text(args[0])
	var s size
	for _, l := range args[1:] {
		sh := shallow(l)
		s = s.plus(size{steps: sh.steps, bytes: add(sh.bytes, mul(sh.steps, sep))})
	}
	return s
}

func indented(args []cty.Value, _ size) size {
	spaces := 0
	if n, _ := args[0].Unmark(); n.IsKnown() && !n.IsNull() && n.Type() == cty.Number {
		f, _ := n.AsBigFloat().Float64()
		spaces = int(min(max(f, 0), float64(maxInt/2)))
	}
	lines := 1
	if s, _ := args[1].Unmark(); s.IsKnown() && !s.IsNull() && s.Type() == cty.String {
		lines += strings.Count(s.AsString(), "\n")
	}
	return size{bytes: add(text(args[1]), mul(lines, spaces))}
}

func replaced(args []cty.Value, _ size) size {
	n, search, repl := text(args[0]), text(args[1]), text(args[2])
	return size{bytes: add(n, mul(n/max(search, 1)+1, repl))}
}

// matches counts regexall's matches (at most one more than left allows),
// each a string or a group of them.
func matches(args []cty.Value, left size) size {
	p, _ := args[0].Unmark()
	s, _ := args[1].Unmark()
	if !p.IsKnown() || p.IsNull() || !s.IsKnown() || s.IsNull() || p.Type() != cty.String || s.Type() != cty.String {
		return size{}
	}
	re, err := regexp.Compile(p.AsString())
	if err != nil {
		return size{} // regexall says why
	}
	n := len(re.FindAllStringIndex(s.AsString(), left.steps+1))
	return size{steps: mul(n, re.NumSubexp()+1)}
}

func pieces(args []cty.Value, _ size) size {
	sep, _ := args[0].Unmark()
	s, _ := args[1].Unmark()
	if !sep.IsKnown() || sep.IsNull() || !s.IsKnown() || s.IsNull() || sep.Type() != cty.String || s.Type() != cty.String {
		return size{}
	}
	return size{steps: strings.Count(s.AsString(), sep.AsString()) + 1}
}

// comparisons bounds distinct's time: it compares each element with those
// kept before it, and four comparisons take about as long as a step.
func comparisons(args []cty.Value, _ size) size {
	n := count(args[0])
	return size{steps: mul(n, n) / 8}
}

// decoded bounds what decoding a text builds: a value per separator (a
// JSON value follows a comma, a colon or an opening bracket; a CSV field a
// comma or a newline), and the text's bytes.
func decoded(separators string) func(args []cty.Value, _ size) size {
	return func(args []cty.Value, _ size) size {
		s, _ := args[0].Unmark()
		if !s.IsKnown() || s.IsNull() || s.Type() != cty.String {
			return size{}
		}
		text := s.AsString()
		n := 1
		for i := 0; i < len(text); i++ {
			if strings.IndexByte(separators, text[i]) >= 0 {
				n++
			}
		}
		return size{steps: n, bytes: len(text)}
	}
}

func jsonData(args []cty.Value) error {
	s, _ := args[0].Unmark()
	if !s.IsKnown() || s.IsNull() || s.Type() != cty.String {
		return nil
	}
	return nesting.Data([]byte(s.AsString()))
}

func numberText(args []cty.Value) error {
	if n := text(args[0]); n > maxNumberText {
		return fmt.Errorf("a number written in %s characters is longer than the %s this function reads", thousands(n), thousands(maxNumberText))
	}
	return nil
}
