package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 1000

// internMax is the longest string value that is interned: attribute names
// and short repeated values ("ELB", "us-east-1a", provider names, the
// addresses references name) are shared between the thousands of resources
// of a large plan. 64 keeps 7 MB more of a 50,000-resource plan shared
// than 32; 128 saves no more.
const internMax = 64

// SyntaxError is a JSON error at a position in the input.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// parser reads plan JSON with jsontext, which validates it strictly (RFC
// 8259: no leading zeros, no duplicate member names, UTF-8 strings) and
// streams it through a small buffer. The parser builds the compact values
// of value.go, interns short strings, and skips values token by token
// without building them.
type parser struct {
	dec   *jsontext.Decoder
	data  []byte      // the whole input, when it was given as bytes
	lines *lineReader // the input, when it is streamed

	// depth counts the lists and objects open in the value being read;
	// the document's own structure (members, elements) is not counted.
	depth  int
	intern map[string]any // short strings, boxed
	fields []Field        // stack of object members being read
	elems  []any          // stack of list elements being read
	marked sharedMarks
}

func newParser(data []byte) *parser {
	return &parser{
		// A bytes.Buffer is read in place, without copying.
		dec:    jsontext.NewDecoder(bytes.NewBuffer(data)),
		data:   data,
		intern: make(map[string]any, 4096),
	}
}

func newStreamParser(r io.Reader) *parser {
	lines := &lineReader{r: r, lastNL: -1}
	p := &parser{dec: jsontext.NewDecoder(lines), lines: lines, intern: make(map[string]any, 4096)}
	lines.dec = p.dec
	return p
}

// lineReader counts the lines of a stream, so that an error at a byte
// offset can name its line and column. It keeps the offsets of the
// newlines only past what the decoder has read already: errors are
// never before that.
type lineReader struct {
	r       io.Reader
	dec     *jsontext.Decoder
	pending []byte // the start of a character a read split, for the next read
	err     error  // the first read error other than io.EOF
	off     int64  // bytes read
	lines   int    // newlines before the offsets in nl
	lastNL  int64  // offset of the last newline counted in lines, or -1
	nl      []int64
}

func (l *lineReader) Read(b []byte) (int, error) {
	if l.dec != nil {
		l.fold(l.dec.InputOffset())
	}
	n, err := l.read(b)
	for i := 0; i < n; {
		j := bytes.IndexByte(b[i:n], '\n')
		if j < 0 {
			break
		}
		l.nl = append(l.nl, l.off+int64(i+j))
		i += j + 1
	}
	l.off += int64(n)
	if err != nil && err != io.EOF && l.err == nil {
		l.err = err
	}
	return n, err
}

// read reads from r into b, never ending in the middle of a UTF-8
// character while r has the rest: an error about the character there then
// quotes it whole, as when the input is given as bytes, however the stream
// arrives (a pipe delivers what it has).
func (l *lineReader) read(b []byte) (int, error) {
	if len(l.pending) > 0 {
		n := copy(b, l.pending)
		l.pending = l.pending[n:]
		return n, nil
	}
	n, err := l.r.Read(b)
	for tries := 0; err == nil && n > 0 && n < len(b) && tries < utf8.UTFMax && !utf8.FullRune(b[lastRuneStart(b[:n]):n]); tries++ {
		var m int
		m, err = l.r.Read(b[n : n+1])
		n += m
	}
	if err == nil && n > 0 && !utf8.FullRune(b[lastRuneStart(b[:n]):n]) {
		if start := lastRuneStart(b[:n]); start > 0 {
			l.pending = append(l.pending[:0], b[start:n]...)
			n = start
		}
	}
	return n, err
}

// lastRuneStart is where the last UTF-8 character of b starts (len(b)
// minus at most UTFMax-1), or 0.
func lastRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			return i
		}
	}
	return max(len(b)-1, 0)
}

// fold counts the newlines before off.
func (l *lineReader) fold(off int64) {
	i := 0
	for i < len(l.nl) && l.nl[i] < off {
		i++
	}
	if i > 0 {
		l.lines += i
		l.lastNL = l.nl[i-1]
		l.nl = l.nl[:copy(l.nl, l.nl[i:])]
	}
}

// position returns the line and column (of bytes, from 1) of an offset.
func (p *parser) position(off int64) (line, col int) {
	if p.lines == nil {
		off = min(max(off, 0), int64(len(p.data)))
		before := p.data[:off]
		line = 1 + bytes.Count(before, []byte{'\n'})
		return line, int(off) - bytes.LastIndexByte(before, '\n')
	}
	l := p.lines
	line, last := 1+l.lines, l.lastNL
	for _, nl := range l.nl {
		if nl >= off {
			break
		}
		line, last = line+1, nl
	}
	return line, int(off - last)
}

func (p *parser) errorAt(off int64, format string, args ...any) error {
	if p.lines != nil && p.lines.err != nil {
		return p.lines.err
	}
	line, col := p.position(off)
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// errorf reports an error at the end of what has been read.
func (p *parser) errorf(format string, args ...any) error {
	return p.errorAt(p.dec.InputOffset(), format, args...)
}

// wrap turns the decoder's errors into SyntaxErrors, and read errors into
// themselves.
func (p *parser) wrap(err error) error {
	if err == nil {
		return nil
	}
	if p.lines != nil && p.lines.err != nil {
		return p.lines.err
	}
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		msg := strings.TrimPrefix(se.Err.Error(), "jsontext: ")
		// A quoted excerpt of the input depends on what the buffer held:
		// a string's or a bad escape's (the line and column say where).
		if i, j := strings.IndexByte(msg, '`'), strings.LastIndexByte(msg, '`'); i >= 0 && j > i {
			msg = strings.TrimSpace(msg[:i]) + msg[j+1:]
		}
		for _, bad := range []string{"invalid escape sequence ", "invalid surrogate pair "} {
			if rest, ok := strings.CutPrefix(msg, bad); ok {
				if i := strings.LastIndex(rest, " in string"); i >= 0 {
					msg = bad + rest[i+1:]
				}
			}
		}
		if errors.Is(se.Err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of input"
		}
		if errors.Is(se.Err, jsontext.ErrDuplicateName) {
			msg = "duplicate member name" + strings.TrimPrefix(msg, jsontext.ErrDuplicateName.Error())
		}
		return p.errorAt(se.ByteOffset, "%s", msg)
	case err == io.EOF:
		return p.errorf("unexpected end of input")
	}
	return err
}

// peek returns the kind of the next token: '{', '[', '"', '0' (a number),
// 't', 'f', 'n', '}', ']', or 0 at the end of input or at an error, which
// the next read reports.
func (p *parser) peek() byte {
	return byte(p.dec.PeekKind())
}

// empty explains why there is no value to read: the input is empty (or
// cannot be read), or it does not start with a JSON value.
func (p *parser) empty() error {
	if _, err := p.dec.ReadToken(); err == io.EOF {
		if p.lines != nil && p.lines.err != nil {
			return p.lines.err
		}
		return ErrEmpty
	}
	if p.lines != nil && p.lines.err != nil {
		return p.lines.err
	}
	return fmt.Errorf("%w: the document is not a JSON object", ErrNotTerraform)
}

// end checks that only white space follows the top-level value.
func (p *parser) end() error {
	if p.dec.PeekKind() != 0 {
		return p.errorf("unexpected data after the top-level value")
	}
	if _, err := p.dec.ReadToken(); err != io.EOF {
		if p.lines != nil && p.lines.err != nil {
			return p.lines.err
		}
		var se *jsontext.SyntacticError
		if errors.As(err, &se) {
			return p.errorAt(se.ByteOffset, "unexpected data after the top-level value")
		}
		return p.wrap(err)
	}
	return nil
}

// open reads the delimiter that starts an object or a list ('{' or '['),
// within maxDepth.
func (p *parser) open(want jsontext.Kind) error {
	if k := p.dec.PeekKind(); k != want {
		if k == 0 {
			_, err := p.dec.ReadToken()
			return p.wrap(err)
		}
		return p.errorAt(p.dec.InputOffset(), "unexpected %s, want %q", k, byte(want))
	}
	if _, err := p.dec.ReadToken(); err != nil {
		return p.wrap(err)
	}
	return nil
}

// enter opens a list or an object of a value, within maxDepth; leave
// closes it.
func (p *parser) enter(want jsontext.Kind) error {
	if p.depth++; p.depth > maxDepth {
		return p.errorAt(p.dec.InputOffset()+p.leadingSpace(), "nesting deeper than %d", maxDepth)
	}
	return p.open(want)
}

func (p *parser) leave() error {
	p.depth--
	return p.close()
}

// leadingSpace is the number of bytes before the next token.
func (p *parser) leadingSpace() int64 {
	b := p.dec.UnreadBuffer()
	return int64(len(b) - len(bytes.TrimLeft(b, " \t\r\n,:")))
}

// close reads the delimiter that ends an object or a list.
func (p *parser) close() error {
	_, err := p.dec.ReadToken()
	return p.wrap(err)
}

// members calls fn for each member of an object; fn must consume the value.
func (p *parser) members(fn func(key string) error) error {
	if err := p.open('{'); err != nil {
		return err
	}
	for p.dec.PeekKind() != '}' {
		key, err := p.str()
		if err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
	}
	return p.close()
}

// elements calls fn for each element of an array; fn must consume it.
func (p *parser) elements(fn func() error) error {
	if err := p.open('['); err != nil {
		return err
	}
	for p.dec.PeekKind() != ']' {
		if err := fn(); err != nil {
			return err
		}
	}
	return p.close()
}

// emptyObject and emptyList are every empty object and list a plan
// holds: boxed once, as an empty value has nothing to change and an append
// to it makes a new one.
var (
	emptyObject any = Object{}
	emptyList   any = []any{}
)

// value decodes the next value.
func (p *parser) value() (any, error) {
	switch p.dec.PeekKind() {
	case '{':
		if err := p.enter('{'); err != nil {
			return nil, err
		}
		// Members gather on a shared stack and are copied out at their
		// exact size: growing each object's slice would leave as much
		// garbage as the plan is large.
		mark := len(p.fields)
		var err error
		for p.dec.PeekKind() != '}' {
			var key string
			if key, err = p.str(); err != nil {
				break
			}
			var v any
			v, err = p.value()
			p.fields = append(p.fields, Field{Name: key, Value: v})
			if err != nil {
				break
			}
		}
		if err == nil {
			err = p.leave()
		}
		if len(p.fields) == mark {
			return emptyObject, err
		}
		obj := make(Object, len(p.fields)-mark)
		copy(obj, p.fields[mark:])
		clear(p.fields[mark:])
		p.fields = p.fields[:mark]
		return obj, err
	case '[':
		if err := p.enter('['); err != nil {
			return nil, err
		}
		mark := len(p.elems)
		var err error
		for p.dec.PeekKind() != ']' {
			var v any
			v, err = p.value()
			p.elems = append(p.elems, v)
			if err != nil {
				break
			}
		}
		if err == nil {
			err = p.leave()
		}
		if len(p.elems) == mark {
			return emptyList, err
		}
		list := make([]any, len(p.elems)-mark)
		copy(list, p.elems[mark:])
		clear(p.elems[mark:])
		p.elems = p.elems[:mark]
		return list, err
	case '"':
		return p.strValue()
	case '0':
		return p.number()
	}
	tok, err := p.dec.ReadToken()
	if err != nil {
		return nil, p.wrap(err)
	}
	switch tok.Kind() {
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case 'n':
		return nil, nil
	}
	return nil, p.errorf("unexpected %s", tok.Kind())
}

// skip consumes the next value without building it, token by token, so
// that the decoder's buffer holds no more than one token of it.
func (p *parser) skip() error {
	switch p.dec.PeekKind() {
	case '{', '[':
		base := p.dec.StackDepth()
		for {
			if k := p.dec.PeekKind(); (k == '{' || k == '[') && p.depth+p.dec.StackDepth()-base >= maxDepth {
				return p.errorAt(p.dec.InputOffset()+p.leadingSpace(), "nesting deeper than %d", maxDepth)
			}
			if _, err := p.dec.ReadToken(); err != nil {
				return p.wrap(err)
			}
			if p.dec.StackDepth() == base {
				return nil
			}
		}
	case '0':
		_, err := p.number()
		return err
	default:
		return p.wrap(p.dec.SkipValue())
	}
}

// span reads the next value and returns it as JSON text, for decoding with
// encoding/json into terraform-json's types.
func (p *parser) span() ([]byte, error) {
	var buf bytes.Buffer
	enc := jsontext.NewEncoder(&buf)
	base := p.dec.StackDepth()
	for {
		if k := p.dec.PeekKind(); (k == '{' || k == '[') && p.depth+p.dec.StackDepth()-base >= maxDepth {
			return nil, p.errorAt(p.dec.InputOffset()+p.leadingSpace(), "nesting deeper than %d", maxDepth)
		}
		tok, err := p.dec.ReadToken()
		if err != nil {
			return nil, p.wrap(err)
		}
		if tok.Kind() == '0' {
			if _, err := strconv.ParseFloat(tok.String(), 64); err != nil {
				return nil, p.errorf("number %s is out of range", tok.String())
			}
		}
		if err := enc.WriteToken(tok); err != nil {
			return nil, p.errorf("%v", err)
		}
		if p.dec.StackDepth() == base {
			return buf.Bytes(), nil
		}
	}
}

// number decodes a number: as encoding/json does, one out of the range of
// float64 is an error.
func (p *parser) number() (any, error) {
	text, err := p.dec.ReadValue()
	if err != nil {
		return nil, p.wrap(err)
	}
	if len(text) < 16 {
		digits, negative := text, text[0] == '-'
		if negative {
			digits = digits[1:]
		}
		var n int64
		isInt := true
		for _, c := range digits {
			if c < '0' || c > '9' {
				isInt = false
				break
			}
			n = n*10 + int64(c-'0')
		}
		if isInt {
			if negative {
				n = -n
			}
			if n >= 0 && n < int64(len(smallInts)) {
				return smallInts[n], nil
			}
			return float64(n), nil
		}
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		return nil, p.errorAt(p.dec.InputOffset()-int64(len(text)), "number %s is out of range", text)
	}
	return f, nil
}

// str reads a string (or an object member's name), interned as strValue
// interns it.
func (p *parser) str() (string, error) {
	v, err := p.strValue()
	s, _ := v.(string)
	return s, err
}

// strValue reads a string as a value. Short strings are interned boxed, so
// that the values of a large plan share one copy of each, box and all.
func (p *parser) strValue() (any, error) {
	raw, quoted, err := p.rawString()
	switch {
	case err != nil:
		return "", err
	case quoted != nil:
		return p.unquote(quoted)
	case len(raw) <= internMax:
		return p.interned(raw), nil
	}
	return string(raw), nil
}

// rawString reads a string: its text when it has no escapes, else the
// quoted JSON string in quoted.
func (p *parser) rawString() (raw, quoted []byte, err error) {
	v, err := p.dec.ReadValue()
	if err != nil {
		return nil, nil, p.wrap(err)
	}
	if len(v) < 2 || v[0] != '"' {
		return nil, nil, p.errorAt(p.dec.InputOffset()-int64(len(v)), "want a string")
	}
	raw = v[1 : len(v)-1]
	if bytes.IndexByte(raw, '\\') >= 0 {
		return nil, v, nil
	}
	return raw, nil, nil
}

func (p *parser) unquote(quoted []byte) (string, error) {
	b, err := jsontext.AppendUnquote(nil, quoted)
	if err != nil {
		return "", p.errorf("%v", err)
	}
	return string(b), nil
}

// interned returns the one boxed copy of the string raw.
func (p *parser) interned(raw []byte) any {
	if s, ok := p.intern[string(raw)]; ok {
		return s
	}
	s := string(raw)
	var boxed any = s
	p.intern[s] = boxed
	return boxed
}

// smallInts holds boxed integers 0..1023, the numbers plans are made of.
var smallInts = func() (out [1024]any) {
	for i := range out {
		out[i] = float64(i)
	}
	return out
}()
