package policy

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Pattern matches resource instance addresses. It is written like an
// address, step by step (module.app["blue"].aws_db_instance.main[0]), where
//
//   - * in a name or key matches any run of characters, ? any one character;
//   - a step without an instance key matches the step with any key or none,
//     so aws_db_instance.main matches aws_db_instance.main[0] and
//     module.app.aws_db_instance.main matches module.app["blue"].aws_db_instance.main;
//   - [*] and ["*"] match any key, and a step ** matches any number of steps
//     (none included): **.aws_db_instance.* is every RDS instance, in any module;
//   - keys may be written with or without quotes: [blue] is ["blue"]; quoted
//     keys are HCL strings, escapes included, as addresses write them.
//
// Patterns are read with HCL's own lexer (hclsyntax), and addresses with
// model's address reader: a key reads the same on both sides.
type Pattern struct {
	text  string
	steps []patternStep
}

// patternStep is a glob for a step's name and, when hasKey, one for its key.
type patternStep struct {
	name   string
	key    string
	hasKey bool
	// number is a bare key's value as a number key reads it ("0" for
	// [00] or [0.0], as Terraform reads them), or "".
	number string
}

// ParsePattern reads an address pattern. "" and "*" are not special: use
// ** to match everything.
func ParsePattern(text string) (Pattern, error) {
	steps, err := readPattern(text)
	if err != nil {
		return Pattern{}, fmt.Errorf("%w in %q", err, text)
	}
	for _, s := range steps {
		if strings.Contains(s.name, "**") && s.name != "**" {
			return Pattern{}, fmt.Errorf("** must be a whole step in %q", text)
		}
	}
	return Pattern{text: text, steps: steps}, nil
}

// globTokens are the tokens a name or a bare key is made of: identifiers,
// numbers, dashes and the wildcards.
var globTokens = map[hclsyntax.TokenType]bool{
	hclsyntax.TokenIdent: true, hclsyntax.TokenNumberLit: true, hclsyntax.TokenMinus: true,
	hclsyntax.TokenStar: true, hclsyntax.TokenQuestion: true,
}

// patternLexer walks the HCL tokens of a pattern.
type patternLexer struct {
	src    []byte
	tokens hclsyntax.Tokens
	i      int
}

func (l *patternLexer) peek() hclsyntax.Token { return l.tokens[l.i] }

func (l *patternLexer) next() hclsyntax.Token {
	t := l.tokens[l.i]
	if t.Type != hclsyntax.TokenEOF {
		l.i++
	}
	return t
}

// unexpected says what stands where it should not.
func (l *patternLexer) unexpected(t hclsyntax.Token, want string) error {
	if t.Type == hclsyntax.TokenEOF {
		return fmt.Errorf("missing %s", want)
	}
	return fmt.Errorf("unexpected %q at column %d (%s expected)", t.Bytes, t.Range.Start.Column, want)
}

func readPattern(text string) ([]patternStep, error) {
	tokens, diags := hclsyntax.LexExpression([]byte(text), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, errors.New(diags.Errs()[0].Error())
	}
	l := &patternLexer{src: []byte(text), tokens: tokens}
	var steps []patternStep
	for {
		name, ok := l.glob()
		if !ok {
			return nil, l.unexpected(l.peek(), "a name")
		}
		s := patternStep{name: name}
		if l.peek().Type == hclsyntax.TokenOBrack {
			l.next()
			key, bare, err := l.key()
			if err != nil {
				return nil, err
			}
			if t := l.next(); t.Type != hclsyntax.TokenCBrack {
				return nil, l.unexpected(t, "]")
			}
			s.key, s.hasKey = key, true
			if bare {
				s.number = wholeNumber(key)
			}
		}
		steps = append(steps, s)
		switch t := l.next(); t.Type {
		case hclsyntax.TokenEOF:
			return steps, nil
		case hclsyntax.TokenDot:
		case hclsyntax.TokenOBrack:
			return nil, errors.New("two instance keys in one step")
		default:
			return nil, l.unexpected(t, ". or the end")
		}
	}
}

// glob reads the adjacent glob tokens that make a name or a bare key.
func (l *patternLexer) glob() (string, bool) {
	start := l.peek().Range.Start.Byte
	end := start
	for t := l.peek(); globTokens[t.Type] && t.Range.Start.Byte == end; t = l.peek() {
		end = l.next().Range.End.Byte
	}
	return string(l.src[start:end]), end > start
}

// key reads a key: a bare glob (bare is true) or an HCL quoted string.
func (l *patternLexer) key() (key string, bare bool, err error) {
	if l.peek().Type != hclsyntax.TokenOQuote {
		k, ok := l.glob()
		if !ok {
			return "", false, l.unexpected(l.peek(), "a key")
		}
		return k, true, nil
	}
	open := l.next()
	for t := l.peek(); t.Type == hclsyntax.TokenQuotedLit; t = l.peek() {
		l.next()
	}
	closing := l.next()
	if closing.Type != hclsyntax.TokenCQuote {
		return "", false, l.unexpected(closing, `a closing "`)
	}
	literal := l.src[open.Range.Start.Byte:closing.Range.End.Byte]
	expr, diags := hclsyntax.ParseExpression(literal, "", open.Range.Start)
	if diags.HasErrors() {
		return "", false, errors.New(diags.Errs()[0].Error())
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() {
		return "", false, fmt.Errorf("the key %s is not a plain string", literal)
	}
	return v.AsString(), false, nil
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.text }

// Match reports whether the instance address matches the pattern. An empty
// address (a finding about a whole plan) matches only **, and so does an
// address that cannot be read as one.
func (p Pattern) Match(address string) bool {
	if address != "" {
		if steps, err := model.SplitAddress(address); err == nil {
			return matchSteps(p.steps, steps)
		}
	}
	return len(p.steps) == 1 && p.steps[0].name == "**"
}

func matchSteps(pat []patternStep, addr []model.AddressStep) bool {
	for len(pat) > 0 {
		if pat[0].name == "**" {
			for i := 0; i <= len(addr); i++ {
				if matchSteps(pat[1:], addr[i:]) {
					return true
				}
			}
			return false
		}
		if len(addr) == 0 || !matchStep(pat[0], addr[0]) {
			return false
		}
		pat, addr = pat[1:], addr[1:]
	}
	return len(addr) == 0
}

func matchStep(pat patternStep, addr model.AddressStep) bool {
	if !glob(pat.name, addr.Name) {
		return false
	}
	if !pat.hasKey {
		return true
	}
	if addr.Key.None() {
		return false
	}
	text := addr.Key.Text()
	return glob(pat.key, text) || pat.number != "" && pat.number == text
}

// wholeNumber is the whole number a bare key without wildcards stands for,
// written as number keys are, or "".
func wholeNumber(key string) string {
	if strings.ContainsAny(key, "*?") {
		return ""
	}
	f, err := strconv.ParseFloat(key, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return ""
	}
	return strconv.Itoa(int(f))
}

// glob matches s against a pattern where * is any run of characters and ?
// any one character.
func glob(pattern, s string) bool {
	px, sx := 0, 0
	nextPx, nextSx := -1, -1
	for px < len(pattern) || sx < len(s) {
		if px < len(pattern) {
			switch c := pattern[px]; c {
			case '*':
				nextPx, nextSx = px, sx+1
				px++
				continue
			case '?':
				if sx < len(s) {
					px++
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if nextPx >= 0 && nextSx <= len(s) {
			px, sx = nextPx, nextSx
			continue
		}
		return false
	}
	return true
}
