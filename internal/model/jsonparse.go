package model

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 1000

// internMax is the longest string value that is interned: attribute names
// and short repeated values ("ELB", "us-east-1a") are shared between the
// thousands of resources of a large plan.
const internMax = 32

// SyntaxError is a JSON error at a position in the input.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// parser is a small JSON reader tuned for plan files: it decodes values into
// the compact form of value.go, interns short strings, and can skip a value
// without building it. It never reads past data.
type parser struct {
	data   []byte
	pos    int
	depth  int
	intern map[string]string
}

func newParser(data []byte) *parser {
	return &parser{data: data, intern: make(map[string]string, 4096)}
}

func (p *parser) errorf(format string, args ...any) error {
	line, col := 1, 1
	end := min(p.pos, len(p.data))
	for _, c := range p.data[:end] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (p *parser) peek() byte {
	p.ws()
	if p.pos >= len(p.data) {
		return 0
	}
	return p.data[p.pos]
}

func (p *parser) expect(c byte) error {
	if p.peek() != c {
		if p.pos >= len(p.data) {
			return p.errorf("unexpected end of input, want %q", c)
		}
		return p.errorf("unexpected %q, want %q", p.data[p.pos], c)
	}
	p.pos++
	return nil
}

// end checks that only white space follows the top-level value.
func (p *parser) end() error {
	if p.peek() != 0 {
		return p.errorf("unexpected data after the top-level value")
	}
	return nil
}

// members calls fn for each member of an object; fn must consume the value.
func (p *parser) members(fn func(key string) error) error {
	if err := p.expect('{'); err != nil {
		return err
	}
	if p.peek() == '}' {
		p.pos++
		return nil
	}
	for {
		if p.peek() != '"' {
			return p.errorf("want an object key")
		}
		key, err := p.str()
		if err != nil {
			return err
		}
		if err := p.expect(':'); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return nil
		default:
			return p.errorf("want ',' or '}' in object")
		}
	}
}

// elements calls fn for each element of an array; fn must consume it.
func (p *parser) elements(fn func() error) error {
	if err := p.expect('['); err != nil {
		return err
	}
	if p.peek() == ']' {
		p.pos++
		return nil
	}
	for {
		if err := fn(); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return nil
		default:
			return p.errorf("want ',' or ']' in array")
		}
	}
}

// value decodes the next value.
func (p *parser) value() (any, error) {
	switch c := p.peek(); c {
	case '{':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		var obj Object
		err := p.members(func(key string) error {
			v, err := p.value()
			obj = append(obj, Field{Name: key, Value: v})
			return err
		})
		p.depth--
		if obj == nil && err == nil {
			obj = Object{}
		}
		return obj, err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		list := []any{}
		err := p.elements(func() error {
			v, err := p.value()
			list = append(list, v)
			return err
		})
		p.depth--
		return list, err
	case '"':
		return p.str()
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case 'n':
		return nil, p.literal("null")
	case 0:
		return nil, p.errorf("unexpected end of input")
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			return p.number()
		}
		return nil, p.errorf("unexpected %q", c)
	}
}

// skip consumes the next value without building it, checking its syntax.
func (p *parser) skip() error {
	switch c := p.peek(); c {
	case '{':
		if p.depth++; p.depth > maxDepth {
			return p.errorf("nesting deeper than %d", maxDepth)
		}
		err := p.members(func(string) error { return p.skip() })
		p.depth--
		return err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return p.errorf("nesting deeper than %d", maxDepth)
		}
		err := p.elements(p.skip)
		p.depth--
		return err
	case '"':
		_, _, err := p.strSpan()
		return err
	default:
		_, err := p.value()
		return err
	}
}

// span skips the next value and returns its bytes, for decoding with
// encoding/json into terraform-json's types.
func (p *parser) span() ([]byte, error) {
	p.ws()
	start := p.pos
	if err := p.skip(); err != nil {
		return nil, err
	}
	return p.data[start:p.pos], nil
}

func (p *parser) literal(word string) error {
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return p.errorf("invalid literal, want %s", word)
	}
	p.pos += len(word)
	return nil
}

func (p *parser) number() (any, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	digits := p.pos
	isInt := true
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		if c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
			isInt = false
			p.pos++
			continue
		}
		break
	}
	if p.pos == digits {
		return nil, p.errorf("invalid number")
	}
	text := p.data[start:p.pos]
	if isInt && len(text) < 16 {
		var n int64
		for _, c := range p.data[digits:p.pos] {
			n = n*10 + int64(c-'0')
		}
		if start != digits {
			n = -n
		}
		return float64(n), nil
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		return nil, p.errorf("invalid number %q", text)
	}
	return f, nil
}

// strSpan consumes a string and returns its raw content and whether it has
// escapes.
func (p *parser) strSpan() ([]byte, bool, error) {
	if p.peek() != '"' {
		return nil, false, p.errorf("want a string")
	}
	p.pos++
	start := p.pos
	escaped := false
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			raw := p.data[start:p.pos]
			p.pos++
			return raw, escaped, nil
		case c == '\\':
			escaped = true
			p.pos += 2
		case c < 0x20:
			return nil, false, p.errorf("control character in string")
		default:
			p.pos++
		}
	}
	return nil, false, p.errorf("unterminated string")
}

func (p *parser) str() (string, error) {
	raw, escaped, err := p.strSpan()
	if err != nil {
		return "", err
	}
	if escaped {
		s, err := unescape(raw)
		if err != nil {
			return "", p.errorf("%v", err)
		}
		return s, nil
	}
	if len(raw) <= internMax {
		if s, ok := p.intern[string(raw)]; ok {
			return s, nil
		}
		s := string(raw)
		p.intern[s] = s
		return s, nil
	}
	return string(raw), nil
}

func unescape(raw []byte) (string, error) {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", fmt.Errorf("invalid escape at end of string")
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(raw[i+1:])
			if !ok {
				return "", fmt.Errorf("invalid \\u escape")
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(raw[min(i+3, len(raw)):]); ok && i+2 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", fmt.Errorf("invalid escape \\%c", raw[i])
		}
	}
	return string(out), nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
