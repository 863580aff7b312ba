package model

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// tStep is one step of a traversal (an address, a reference or an attribute
// path): a name, or an index key.
type tStep struct {
	name  string
	key   Key
	index bool
}

// readTraversal reads text as an HCL traversal, as Terraform reads
// addresses and references (hclsyntax.ParseTraversalAbs): a root name, then
// attribute names and [index] keys; [*] (a splat, which
// hclsyntax.ParseTraversalPartial allows) is UnknownKey, the key of an
// instance whose block's count a directory read cannot know. Text made only of ASCII identifiers,
// dots, whole-number keys and quoted keys without escapes (nearly every
// address a plan holds) is read directly; the rest goes through hclsyntax.
// Both give the same steps for any text the direct reading accepts
// (FuzzTraversal holds them to that).
func readTraversal(text string) ([]tStep, error) { return readTraversalInto(nil, text) }

// readTraversalInto is readTraversal appending to buf.
func readTraversalInto(buf []tStep, text string) ([]tStep, error) {
	if steps, ok := readPlainTraversal(buf, text); ok {
		return steps, nil
	}
	return readHCLTraversal(text)
}

// readHCLTraversal reads text with hclsyntax. The text must be the
// traversal alone: hclsyntax skips the spaces and comments that no
// address holds (aws_s3_bucket.b # x reads as aws_s3_bucket.b), and the
// text is what String gives back.
func readHCLTraversal(text string) ([]tStep, error) {
	// Terraform writes addresses in UTF-8; HCL would read bytes that are not
	// as they are, and a key written back would not be the key read.
	if !utf8.ValidString(text) {
		return nil, errors.New("not UTF-8")
	}
	src := []byte(text)
	tokens, _ := hclsyntax.LexExpression(src, "", hcl.InitialPos)
	end := 0
	for _, t := range tokens {
		if t.Range.Start.Byte != end || t.Type == hclsyntax.TokenComment || t.Type == hclsyntax.TokenNewline {
			return nil, fmt.Errorf("unexpected space or comment before column %d", t.Range.Start.Column)
		}
		end = t.Range.End.Byte
	}
	tr, diags := hclsyntax.ParseTraversalPartial(src, "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, traversalError(diags)
	}
	steps := make([]tStep, 0, len(tr))
	for _, t := range tr {
		switch t := t.(type) {
		case hcl.TraverseRoot:
			steps = append(steps, tStep{name: t.Name})
		case hcl.TraverseAttr:
			steps = append(steps, tStep{name: t.Name})
		case hcl.TraverseIndex:
			k, err := keyOfValue(t.Key)
			if err != nil {
				return nil, fmt.Errorf("%w at column %d", err, t.SrcRange.Start.Column)
			}
			steps = append(steps, tStep{key: k, index: true})
		case hcl.TraverseSplat:
			steps = append(steps, tStep{key: UnknownKey, index: true})
		default:
			return nil, fmt.Errorf("unexpected %T", t)
		}
	}
	return steps, nil
}

// traversalError says what hclsyntax found wrong, and where.
func traversalError(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := lowerFirst(d.Summary)
		if d.Subject != nil {
			msg += fmt.Sprintf(" at column %d", d.Subject.Start.Column)
		}
		if d.Detail != "" {
			msg += " (" + lowerFirst(strings.TrimSuffix(d.Detail, ".")) + ")"
		}
		return errors.New(msg)
	}
	return errors.New("not a traversal")
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// keyOfValue reads an index key as Terraform's addrs.ParseInstanceKey does:
// a string, or a number that is a whole int.
func keyOfValue(v cty.Value) (Key, error) {
	if v.IsKnown() && !v.IsNull() {
		switch v.Type() {
		case cty.String:
			return StringKey(v.AsString()), nil
		case cty.Number:
			if n, acc := v.AsBigFloat().Int64(); acc == big.Exact && n >= -1<<53 && n <= 1<<53 {
				return IntKey(int(n)), nil
			}
		}
	}
	return NoKey, errors.New("an index key must be a whole number or a string")
}

// readPlainTraversal reads the plain form of a traversal: ASCII
// identifiers separated by dots, each followed by any number of keys, a
// whole number without leading zeros, a quoted string of printable ASCII
// without backslashes, $ or %, or *. ok is false for anything else.
func readPlainTraversal(buf []tStep, s string) (steps []tStep, ok bool) {
	steps = buf[:0]
	i := 0
	for {
		j := i
		for j < len(s) && (isIdentByte(s[j]) && (j > i || !isDigitOrDash(s[j]))) {
			j++
		}
		if j == i {
			return nil, false
		}
		steps = append(steps, tStep{name: s[i:j]})
		i = j
		for i < len(s) && s[i] == '[' {
			k, n, ok := plainKey(s[i:])
			if !ok {
				return nil, false
			}
			steps = append(steps, tStep{key: k, index: true})
			i += n
		}
		if i == len(s) {
			return steps, true
		}
		if s[i] != '.' {
			return nil, false
		}
		i++
	}
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || isDigitOrDash(c)
}

func isDigitOrDash(c byte) bool { return c >= '0' && c <= '9' || c == '-' }

// plainKey reads [123], ["text"] or [*] at the start of s.
func plainKey(s string) (Key, int, bool) {
	if strings.HasPrefix(s, "[*]") {
		return UnknownKey, 3, true
	}
	if len(s) > 2 && s[1] == '"' {
		for i := 2; i < len(s); i++ {
			switch c := s[i]; {
			case c == '"':
				if i+1 < len(s) && s[i+1] == ']' {
					return StringKey(s[2:i]), i + 2, true
				}
				return NoKey, 0, false
			case c < 0x20 || c > 0x7e || c == '\\' || c == '$' || c == '%':
				return NoKey, 0, false
			}
		}
		return NoKey, 0, false
	}
	n := 0
	i := 1
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9' && i <= 15; i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 1 || i >= len(s) || s[i] != ']' || (s[1] == '0' && i > 2) {
		return NoKey, 0, false
	}
	return IntKey(n), i + 1, true
}
