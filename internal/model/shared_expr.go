package model

import (
	"strconv"

	tfjson "github.com/hashicorp/terraform-json"
)

// sharedExpressions keeps one copy of each simple expression a plan's
// configuration repeats: a constant that is null, a boolean, a number or a
// string, or references alone. These are most of a configuration's
// expressions and few are distinct (on the 10,000-resource benchmark plan,
// 71,000 expressions and 10,700 distinct: `true`, `var.environment`,
// `aws_sns_topic.ops.arn`), so resources share them. Shared expressions
// must not be changed: whatever adds to a plan's configuration (the
// dynamic blocks of source.Complete) replaces an expression, never edits
// it.
type sharedExpressions struct {
	kept map[string]*tfjson.Expression
	key  []byte
}

// maxSharedString is the longest constant string an expression is shared
// by.
const maxSharedString = 256

// share returns the kept copy of the expression data, keeping data when it
// is the first of its kind. An expression with a list or object constant
// is returned as it is.
func (s *sharedExpressions) share(data *tfjson.ExpressionData) *tfjson.Expression {
	if !s.keyOf(data) {
		return &tfjson.Expression{ExpressionData: data}
	}
	if e, ok := s.kept[string(s.key)]; ok {
		return e
	}
	if s.kept == nil {
		s.kept = map[string]*tfjson.Expression{}
	}
	e := &tfjson.Expression{ExpressionData: data}
	s.kept[string(s.key)] = e
	return e
}

// keyOf sets key to a text that only equal simple expressions share, or
// returns false for an expression that is not simple.
func (s *sharedExpressions) keyOf(data *tfjson.ExpressionData) bool {
	if data.NestedBlocks != nil {
		return false
	}
	k := s.key[:0]
	switch v := data.ConstantValue.(type) {
	case nil:
		k = append(k, 'n')
	case bool:
		k = strconv.AppendBool(k, v)
	case float64:
		k = append(k, 'f')
		k = strconv.AppendFloat(k, v, 'g', -1, 64)
	case string:
		if len(v) > maxSharedString {
			return false // a long text is rarely repeated, and its key would copy it
		}
		k = append(k, 's')
		k = strconv.AppendInt(k, int64(len(v)), 10)
		k = append(k, ':')
		k = append(k, v...)
	default:
		if v != tfjson.UnknownConstantValue {
			return false
		}
		k = append(k, 'u')
	}
	for _, ref := range data.References {
		k = append(k, ' ')
		k = strconv.AppendInt(k, int64(len(ref)), 10)
		k = append(k, ':')
		k = append(k, ref...)
	}
	s.key = k
	return true
}
