package nesting

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// counter follows how deep HCL's parser and evaluator recurse through a
// token stream. Every open bracket, brace, parenthesis, quote, heredoc and
// template sequence is a level until it closes, as is the body of a
// template's if or for directive. Operators are levels too: a chain of
// them (1+1+1..., !!!x, a ? b : c ? d : ...) or of index steps (x[k][k]...)
// parses into a tree as deep as the chain is long, so each counts until the
// expression it belongs to ends, at a comma or at a newline where newlines
// end expressions (in a body or an object constructor).
type counter struct {
	max   int
	depth int
	// deepest is the greatest depth seen (for tests).
	deepest int
	// ops counts operators and index steps in the current expression.
	ops   int
	stack []frame
	// operand is set after a token that ends an operand, so that a
	// following [ is an index step rather than a tuple.
	operand bool
	// at is the offset of the token that went too deep.
	at int
}

type frame struct {
	open hclsyntax.TokenType
	ops  int // the enclosing expression's, restored when this frame closes
	// lines: newlines end expressions here (a body or an object
	// constructor, not a for expression).
	lines bool
	// fresh: no token seen yet inside a brace, which may start "for".
	fresh bool
	// keyword is a template directive's (if, for, endif, ...).
	keyword string
}

// body is the frame of an if or for directive's body in a template.
const body hclsyntax.TokenType = 'B'

// token takes the next token: its type, its text when it is an
// identifier or a comment, and its offset. It reports false once the
// tokens nest deeper than max.
func (c *counter) token(typ hclsyntax.TokenType, text []byte, at int) bool {
	if n := len(c.stack); n > 0 {
		top := &c.stack[n-1]
		switch {
		case top.fresh && typ != hclsyntax.TokenNewline && typ != hclsyntax.TokenComment:
			top.fresh = false
			if typ == hclsyntax.TokenIdent && string(text) == "for" {
				top.lines = false
			}
		case top.open == hclsyntax.TokenTemplateControl && top.keyword == "" && typ == hclsyntax.TokenIdent:
			top.keyword = string(text)
		}
	}
	operand := false
	switch typ {
	case hclsyntax.TokenOBrack:
		if c.operand && !c.op(at) {
			return false
		}
		return c.push(typ, false, at)
	case hclsyntax.TokenOBrace:
		return c.push(typ, true, at)
	case hclsyntax.TokenOParen, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
		hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
		return c.push(typ, false, at)
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen,
		hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
		c.pop()
		operand = true
	case hclsyntax.TokenTemplateSeqEnd:
		if f, ok := c.pop(); ok && f.open == hclsyntax.TokenTemplateControl {
			switch f.keyword {
			case "if", "for":
				if !c.push(body, false, at) {
					return false
				}
			case "endif", "endfor":
				if n := len(c.stack); n > 0 && c.stack[n-1].open == body {
					c.pop()
				}
			}
		}
	case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
		hclsyntax.TokenPercent, hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang,
		hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan,
		hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq,
		hclsyntax.TokenQuestion:
		return c.op(at)
	case hclsyntax.TokenComma:
		c.end()
	case hclsyntax.TokenNewline:
		c.newline()
	case hclsyntax.TokenComment:
		// A line comment holds the newline that ends it, and the parser
		// reads it as one.
		if len(text) > 0 && text[len(text)-1] == '\n' {
			c.newline()
		}
	case hclsyntax.TokenIdent, hclsyntax.TokenNumberLit:
		operand = true
	}
	c.operand = operand
	return true
}

func (c *counter) push(typ hclsyntax.TokenType, lines bool, at int) bool {
	c.stack = append(c.stack, frame{open: typ, ops: c.ops, lines: lines, fresh: lines})
	c.ops = 0
	c.operand = false
	return c.deeper(at)
}

func (c *counter) pop() (frame, bool) {
	n := len(c.stack)
	if n == 0 {
		// A stray closer: the parser reports it; nothing to unwind.
		return frame{}, false
	}
	f := c.stack[n-1]
	c.stack = c.stack[:n-1]
	c.depth -= c.ops + 1
	c.ops = f.ops
	return f, true
}

func (c *counter) op(at int) bool {
	c.ops++
	c.operand = false
	return c.deeper(at)
}

// end closes the current expression: its operators no longer nest what
// follows.
func (c *counter) end() {
	c.depth -= c.ops
	c.ops = 0
}

func (c *counter) newline() {
	if n := len(c.stack); n == 0 || c.stack[n-1].lines {
		c.end()
	}
}

func (c *counter) deeper(at int) bool {
	c.depth++
	c.deepest = max(c.deepest, c.depth)
	if c.depth > c.max {
		c.at = at
		return false
	}
	return true
}
