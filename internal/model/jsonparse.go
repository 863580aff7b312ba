package model

import (
	"bytes"
	"fmt"
	"io"
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
// without building it. It reads either from a byte slice or from a stream
// through a window, so that a plan of hundreds of megabytes is never held
// whole in memory beside its model.
type parser struct {
	r     io.Reader // nil when data holds the whole input
	data  []byte    // the window: input bytes from offset base
	pos   int       // next byte to read, as an index into data
	base  int64     // input offset of data[0]
	pin   int64     // input offset before which nothing may be dropped; -1 for none
	eof   bool
	rdErr error

	// Position of data[0], for error messages.
	lines, col int

	depth  int
	intern map[string]string
	fields []Field // stack of object members being read
	elems  []any   // stack of list elements being read
}

// windowSize is the first size of a streaming parser's window; it grows
// only to hold one pinned value (a string, or a span being skipped).
const windowSize = 1 << 20

func newParser(data []byte) *parser {
	return &parser{data: data, pin: -1, eof: true, intern: make(map[string]string, 4096)}
}

func newStreamParser(r io.Reader, window int) *parser {
	p := newParser(make([]byte, 0, window))
	p.r, p.eof = r, false
	return p
}

// more reads further input into the window, dropping what lies before both
// the read position and the pin. It reports false at the end of input.
func (p *parser) more() bool {
	for !p.eof {
		keep := p.pos
		if p.pin >= 0 && int(p.pin-p.base) < keep {
			keep = int(p.pin - p.base)
		}
		if keep > 0 {
			p.advance(p.data[:keep])
			n := copy(p.data, p.data[keep:])
			p.data = p.data[:n]
			p.pos -= keep
			p.base += int64(keep)
		}
		if len(p.data) == cap(p.data) {
			grown := make([]byte, len(p.data), 2*cap(p.data)+1)
			copy(grown, p.data)
			p.data = grown
		}
		n, err := p.r.Read(p.data[len(p.data):cap(p.data)])
		p.data = p.data[:len(p.data)+n]
		if err != nil {
			p.eof = true
			if err != io.EOF {
				p.rdErr = err
			}
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// advance counts the lines of input dropped from the window.
func (p *parser) advance(dropped []byte) {
	if i := bytes.LastIndexByte(dropped, '\n'); i >= 0 {
		p.lines += bytes.Count(dropped, []byte{'\n'})
		p.col = len(dropped) - i - 1
		return
	}
	p.col += len(dropped)
}

// ensure makes n bytes from pos available if the input has them.
func (p *parser) ensure(n int) bool {
	for len(p.data)-p.pos < n {
		if !p.more() {
			return false
		}
	}
	return true
}

func (p *parser) errorf(format string, args ...any) error {
	if p.rdErr != nil {
		return p.rdErr
	}
	end := min(p.pos, len(p.data))
	line, col := 1+p.lines, 1+p.col+end
	if i := bytes.LastIndexByte(p.data[:end], '\n'); i >= 0 {
		line += bytes.Count(p.data[:end], []byte{'\n'})
		col = end - i
	}
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) ws() {
	for {
		for p.pos < len(p.data) {
			switch p.data[p.pos] {
			case ' ', '\t', '\n', '\r':
				p.pos++
			default:
				return
			}
		}
		if !p.more() {
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
	if p.rdErr != nil {
		return p.rdErr
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
		// Members gather on a shared stack and are copied out at their
		// exact size: growing each object's slice would leave as much
		// garbage as the plan is large.
		mark := len(p.fields)
		err := p.members(func(key string) error {
			v, err := p.value()
			p.fields = append(p.fields, Field{Name: key, Value: v})
			return err
		})
		p.depth--
		obj := make(Object, len(p.fields)-mark)
		copy(obj, p.fields[mark:])
		clear(p.fields[mark:])
		p.fields = p.fields[:mark]
		return obj, err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.elems)
		err := p.elements(func() error {
			v, err := p.value()
			p.elems = append(p.elems, v)
			return err
		})
		p.depth--
		list := make([]any, len(p.elems)-mark)
		copy(list, p.elems[mark:])
		clear(p.elems[mark:])
		p.elems = p.elems[:mark]
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

// marks reads an after_unknown or after_sensitive tree keeping only what
// leads to a true: false, empty objects and lists, and members or elements
// without a true inside become nil, so that the marks of a large plan cost
// almost nothing. Lookups of pruned paths find no mark, as before pruning.
func (p *parser) marks() (any, error) {
	switch c := p.peek(); c {
	case '{':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.fields)
		err := p.members(func(key string) error {
			v, err := p.marks()
			if v != nil {
				p.fields = append(p.fields, Field{Name: key, Value: v})
			}
			return err
		})
		p.depth--
		var obj Object
		if n := len(p.fields) - mark; n > 0 {
			obj = make(Object, n)
			copy(obj, p.fields[mark:])
		}
		clear(p.fields[mark:])
		p.fields = p.fields[:mark]
		if obj == nil {
			return nil, err
		}
		return obj, err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.elems)
		marked := false
		err := p.elements(func() error {
			v, err := p.marks()
			marked = marked || v != nil
			p.elems = append(p.elems, v)
			return err
		})
		p.depth--
		var list []any
		if marked {
			list = make([]any, len(p.elems)-mark)
			copy(list, p.elems[mark:])
		}
		clear(p.elems[mark:])
		p.elems = p.elems[:mark]
		if list == nil {
			return nil, err
		}
		return list, err
	case 't':
		return true, p.literal("true")
	default:
		return nil, p.skip()
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
	start := p.base + int64(p.pos)
	defer p.pinAt(start)()
	if err := p.skip(); err != nil {
		return nil, err
	}
	return bytes.Clone(p.data[start-p.base : p.pos]), nil
}

// pinAt keeps input from offset off in the window until the returned
// function is called.
func (p *parser) pinAt(off int64) func() {
	old := p.pin
	if old < 0 || off < old {
		p.pin = off
	}
	return func() { p.pin = old }
}

func (p *parser) literal(word string) error {
	if !p.ensure(len(word)) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return p.errorf("invalid literal, want %s", word)
	}
	p.pos += len(word)
	return nil
}

func (p *parser) number() (any, error) {
	defer p.pinAt(p.base + int64(p.pos))()
	start := p.base + int64(p.pos)
	negative := p.data[p.pos] == '-'
	if negative {
		p.pos++
	}
	digits := p.base + int64(p.pos)
	isInt := true
	for p.pos < len(p.data) || p.more() {
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
	if p.base+int64(p.pos) == digits {
		return nil, p.errorf("invalid number")
	}
	text := p.data[start-p.base : p.pos]
	if isInt && len(text) < 16 {
		var n int64
		for _, c := range p.data[digits-p.base : p.pos] {
			n = n*10 + int64(c-'0')
		}
		if negative {
			n = -n
		}
		if n >= 0 && n < int64(len(smallInts)) {
			return smallInts[n], nil
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
	start := p.base + int64(p.pos)
	defer p.pinAt(start)()
	escaped := false
	for {
		for p.pos < len(p.data) {
			switch c := p.data[p.pos]; {
			case c == '"':
				raw := p.data[start-p.base : p.pos]
				p.pos++
				return raw, escaped, nil
			case c == '\\':
				escaped = true
				p.pos++
				if !p.ensure(1) {
					return nil, false, p.errorf("unterminated string")
				}
				p.pos++
			case c < 0x20:
				return nil, false, p.errorf("control character in string")
			default:
				p.pos++
			}
		}
		if !p.more() {
			return nil, false, p.errorf("unterminated string")
		}
	}
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

// smallInts holds boxed integers 0..1023, the numbers plans are made of.
var smallInts = func() (out [1024]any) {
	for i := range out {
		out[i] = float64(i)
	}
	return out
}()

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
