package nesting

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// scanner reads HCL's native syntax a byte at a time and hands the tokens
// that nest to a counter. It tells code from quoted strings, heredocs,
// comments and template sequences by the rules of HCL's own scanner
// (hclsyntax's scan_tokens.rl: the same call stack of modes, brace counts
// and heredoc markers), which FuzzScanner holds it to; unlike that scanner
// it keeps no tokens, so that a file of any size costs a few bytes per
// open level.
//
// Those rules are exact for ASCII. Outside strings, heredocs and comments,
// HCL's scanner reads identifiers by Unicode tables whose byte ranges are
// looser than UTF-8 (a lead byte may swallow a quote or a newline that
// follows it), so a byte above 0x7F there makes the scanner unsure: it
// stops, and measure counts the file by HCL's own tokens instead.
type scanner struct {
	src       []byte
	p         int
	c         *counter
	modes     []mode
	braces    int
	retBraces []int // brace counts at which "}" ends a template sequence
	// noCommentEnd is an offset from which no "*/" follows (-1: none
	// known), so that unterminated "/*" cost one search in all.
	noCommentEnd int
	// stopped: HCL's scanner gives up here (a lone CR in a template), and
	// the parser sees nothing further.
	stopped bool
	// unsure: a byte above 0x7F in code, where only HCL's tables tell what
	// it is.
	unsure bool
}

type mode struct {
	kind        byte
	marker      []byte // a heredoc's
	startOfLine bool   // a heredoc's: its closing marker may follow
}

const (
	inCode byte = iota
	inQuote
	inHeredoc
	inTemplate // a bare template: a string of HCL's JSON syntax
)

// measure feeds src's tokens to c, reading from the start in mode start
// (inCode or inTemplate), and reports false once they nest deeper than
// c.max.
func measure(src []byte, start byte, c *counter) bool {
	fresh := *c
	s := &scanner{src: src, c: c, modes: []mode{{kind: start}}, noCommentEnd: -1}
	ok := s.run()
	if !s.unsure {
		return ok
	}
	*c = fresh
	var toks hclsyntax.Tokens
	if start == inTemplate {
		toks, _ = hclsyntax.LexTemplate(src, "", hcl.InitialPos)
	} else {
		toks, _ = hclsyntax.LexConfig(src, "", hcl.InitialPos)
	}
	for _, t := range toks {
		if !c.token(t.Type, t.Bytes, t.Range.Start.Byte) {
			return false
		}
	}
	return true
}

func (s *scanner) run() bool {
	for s.p < len(s.src) && !s.stopped && !s.unsure {
		var ok bool
		switch m := &s.modes[len(s.modes)-1]; m.kind {
		case inCode:
			ok = s.code()
		case inQuote:
			ok = s.quoted()
		default:
			ok = s.template(m)
		}
		if !ok {
			return false
		}
	}
	return true
}

func (s *scanner) at(i int) byte {
	if s.p+i < len(s.src) {
		return s.src[s.p+i]
	}
	return 0
}

// emit passes the token of n bytes at p to the counter.
func (s *scanner) emit(typ hclsyntax.TokenType, n int) bool {
	at := s.p
	s.p += n
	return s.c.token(typ, s.src[at:s.p], at)
}

func (s *scanner) push(m mode) { s.modes = append(s.modes, m) }

func (s *scanner) pop() {
	if len(s.modes) > 1 {
		s.modes = s.modes[:len(s.modes)-1]
	}
}

var twoByte = map[[2]byte]hclsyntax.TokenType{
	{'=', '='}: hclsyntax.TokenEqualOp, {'!', '='}: hclsyntax.TokenNotEqual,
	{'>', '='}: hclsyntax.TokenGreaterThanEq, {'<', '='}: hclsyntax.TokenLessThanEq,
	{'&', '&'}: hclsyntax.TokenAnd, {'|', '|'}: hclsyntax.TokenOr,
	{':', ':'}: hclsyntax.TokenDoubleColon, {'=', '>'}: hclsyntax.TokenFatArrow,
}

// code reads one token of expressions and bodies.
func (s *scanner) code() bool {
	b := s.src[s.p]
	if t, ok := twoByte[[2]byte{b, s.at(1)}]; ok {
		return s.emit(t, 2)
	}
	switch {
	case b == ' ' || b == '\t':
		s.p++
		return true
	case b == '\n':
		return s.emit(hclsyntax.TokenNewline, 1)
	case b == '\r' && s.at(1) == '\n':
		return s.emit(hclsyntax.TokenNewline, 2)
	case b == '#' || b == '/' && s.at(1) == '/':
		n := len(s.src) - s.p
		if i := bytes.IndexByte(s.src[s.p:], '\n'); i >= 0 {
			n = i + 1
		}
		return s.emit(hclsyntax.TokenComment, n)
	case b == '/' && s.at(1) == '*':
		if end := s.commentEnd(); end >= 0 {
			return s.emit(hclsyntax.TokenComment, end-s.p)
		}
	case b == '"':
		s.push(mode{kind: inQuote})
		return s.emit(hclsyntax.TokenOQuote, 1)
	case b == '<' && s.at(1) == '<':
		if marker, n, ok := s.heredoc(); ok {
			s.push(mode{kind: inHeredoc, marker: marker, startOfLine: true})
			return s.emit(hclsyntax.TokenOHeredoc, n)
		}
	case b == '.' && s.at(1) == '.' && s.at(2) == '.':
		return s.emit(hclsyntax.TokenEllipsis, 3)
	case b == '{':
		s.braces++
		return s.emit(hclsyntax.TokenOBrace, 1)
	case b == '}':
		return s.closeBrace(1)
	case b == '~' && s.at(1) == '}':
		return s.closeBrace(2)
	case isDigit(b):
		return s.emit(hclsyntax.TokenNumberLit, s.number())
	case b >= 0x80:
		s.unsure = true
		return true
	case isIdentStart(b):
		n := 1
		for s.p+n < len(s.src) && isIdentPart(s.src[s.p+n]) {
			n++
		}
		if s.at(n) >= 0x80 {
			s.unsure = true
			return true
		}
		return s.emit(hclsyntax.TokenIdent, n)
	}
	if t, ok := oneByte[b]; ok {
		return s.emit(t, 1)
	}
	return s.emit(hclsyntax.TokenInvalid, 1)
}

var oneByte = map[byte]hclsyntax.TokenType{
	'[': hclsyntax.TokenOBrack, ']': hclsyntax.TokenCBrack, '(': hclsyntax.TokenOParen, ')': hclsyntax.TokenCParen,
	'.': hclsyntax.TokenDot, ',': hclsyntax.TokenComma, '*': hclsyntax.TokenStar, '/': hclsyntax.TokenSlash,
	'%': hclsyntax.TokenPercent, '+': hclsyntax.TokenPlus, '-': hclsyntax.TokenMinus, '=': hclsyntax.TokenEqual,
	'<': hclsyntax.TokenLessThan, '>': hclsyntax.TokenGreaterThan, '!': hclsyntax.TokenBang,
	'?': hclsyntax.TokenQuestion, ':': hclsyntax.TokenColon,
}

// closeBrace reads "}" or "~}": the end of a template sequence when the
// brace count is the one the sequence opened at, else a closing brace
// ("~}" is a sequence end either way, as in HCL).
func (s *scanner) closeBrace(n int) bool {
	s.braces--
	if k := len(s.retBraces); k > 0 && s.retBraces[k-1] == s.braces+1 {
		s.retBraces = s.retBraces[:k-1]
		s.pop()
		return s.emit(hclsyntax.TokenTemplateSeqEnd, n)
	}
	if n == 2 {
		return s.emit(hclsyntax.TokenTemplateSeqEnd, n)
	}
	return s.emit(hclsyntax.TokenCBrace, n)
}

// commentEnd is the offset after the "*/" that closes the comment at p,
// or -1 when none does (then "/" and "*" are operators).
func (s *scanner) commentEnd() int {
	from := s.p + 2
	if s.noCommentEnd >= 0 && from >= s.noCommentEnd {
		return -1
	}
	i := bytes.Index(s.src[from:], []byte("*/"))
	if i < 0 {
		s.noCommentEnd = from
		return -1
	}
	return from + i + 2
}

// heredoc reads "<<MARKER" or "<<-MARKER" and its newline at p.
func (s *scanner) heredoc() (marker []byte, n int, ok bool) {
	i := s.p + 2
	if i < len(s.src) && s.src[i] == '-' {
		i++
	}
	start := i
	for i < len(s.src) && isIdentPart(s.src[i]) {
		i++
	}
	if i < len(s.src) && s.src[i] >= 0x80 {
		s.unsure = true
		return nil, 0, false
	}
	if i == start || !isIdentStart(s.src[start]) {
		return nil, 0, false
	}
	end := i
	if i < len(s.src) && s.src[i] == '\r' {
		i++
	}
	if i >= len(s.src) || s.src[i] != '\n' {
		return nil, 0, false
	}
	return s.src[start:end], i + 1 - s.p, true
}

func (s *scanner) number() int {
	n, end := 1, 1
	for s.p+n < len(s.src) {
		switch c := s.src[s.p+n]; {
		case isDigit(c):
			n++
			end = n
		case c == '.':
			n++
		case c == 'e' || c == 'E':
			j := n + 1
			if c := s.at(j); c == '+' || c == '-' {
				j++
			}
			if !isDigit(s.at(j)) {
				return end
			}
			n = j + 1
			end = n
		default:
			return end
		}
	}
	return end
}

// quoted reads a quoted string's text up to its end or its next template
// sequence.
func (s *scanner) quoted() bool {
	switch b := s.src[s.p]; b {
	case '"':
		s.pop()
		return s.emit(hclsyntax.TokenCQuote, 1)
	case '$', '%':
		return s.sequence(b)
	case '\\':
		// An escape takes the next character, unless it ends the line.
		if s.p+1 < len(s.src) && s.src[s.p+1] != '\r' && s.src[s.p+1] != '\n' {
			s.p += 2
		} else {
			s.p++
		}
	default:
		s.p++
		if i := bytes.IndexAny(s.src[s.p:], "\"$%\\"); i >= 0 {
			s.p += i
		} else {
			s.p = len(s.src)
		}
	}
	return true
}

// template reads a heredoc's or a bare template's text up to its end or
// its next template sequence.
func (s *scanner) template(m *mode) bool {
	if m.kind == inHeredoc && m.startOfLine {
		if n, ok := s.closingMarker(m.marker); ok {
			if !s.emit(hclsyntax.TokenCHeredoc, n) {
				return false
			}
			s.pop()
			if s.src[s.p] == '\r' {
				return s.emit(hclsyntax.TokenNewline, 2)
			}
			return s.emit(hclsyntax.TokenNewline, 1)
		}
	}
	switch b := s.src[s.p]; b {
	case '$', '%':
		return s.sequence(b)
	case '\n':
		s.p++
		m.startOfLine = true
	case '\r':
		if s.at(1) != '\n' {
			s.stopped = true
			return true
		}
		s.p += 2
		m.startOfLine = true
	default:
		s.p++
		if i := bytes.IndexAny(s.src[s.p:], "$%\r\n"); i >= 0 {
			s.p += i
		} else {
			s.p = len(s.src)
		}
	}
	return true
}

// closingMarker reports whether the line at p closes a heredoc: bytes that
// are not UTF-8 aside (HCL's scanner passes over them), it holds the
// marker and white space only. n is its length without the newline.
func (s *scanner) closingMarker(marker []byte) (n int, ok bool) {
	i := s.p
	for i < len(s.src) && utf8Len(s.src[i:]) == 0 {
		i++
	}
	nl := bytes.IndexByte(s.src[i:], '\n')
	if nl < 0 {
		return 0, false
	}
	line := s.src[i : i+nl+1]
	for j := 0; j < len(line)-1; {
		k := utf8Len(line[j:])
		if k == 0 || line[j] == '$' || line[j] == '%' || line[j] == '\r' && j < len(line)-2 {
			return 0, false
		}
		j += k
	}
	if !bytes.Equal(bytes.TrimSpace(line), marker) {
		return 0, false
	}
	n = i + nl - s.p
	if len(line) >= 2 && line[len(line)-2] == '\r' {
		n--
	}
	return n, true
}

// sequence reads "${" or "%{" (with "~"), which opens a template sequence,
// or the escapes "$${" and "%%{", or a lone "$" or "%".
func (s *scanner) sequence(b byte) bool {
	switch {
	case s.at(1) == '{':
		n := 2
		if s.at(2) == '~' {
			n = 3
		}
		s.braces++
		s.retBraces = append(s.retBraces, s.braces)
		for i := len(s.modes) - 1; i >= 0; i-- {
			if s.modes[i].kind == inHeredoc {
				s.modes[i].startOfLine = false
				break
			}
		}
		s.push(mode{kind: inCode})
		if b == '$' {
			return s.emit(hclsyntax.TokenTemplateInterp, n)
		}
		return s.emit(hclsyntax.TokenTemplateControl, n)
	case s.at(1) == b && s.at(2) == '{':
		s.p += 3
	default:
		s.p++
	}
	if m := &s.modes[len(s.modes)-1]; m.kind == inHeredoc {
		m.startOfLine = false
	}
	return true
}

// utf8Len is the length of the UTF-8 sequence at the start of b as HCL's
// scanner reads it (lead and continuation bytes only), 0 when broken.
func utf8Len(b []byte) int {
	n := 0
	switch c := b[0]; {
	case c < 0x80:
		return 1
	case c >= 0xC0 && c <= 0xDF:
		n = 2
	case c >= 0xE0 && c <= 0xEF:
		n = 3
	case c >= 0xF0 && c <= 0xF7:
		n = 4
	default:
		return 0
	}
	if len(b) < n {
		return 0
	}
	for _, c := range b[1:n] {
		if c < 0x80 || c > 0xBF {
			return 0
		}
	}
	return n
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isIdentStart and isIdentPart are HCL's rules for ASCII.
func isIdentStart(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' }

func isIdentPart(b byte) bool { return isIdentStart(b) || isDigit(b) || b == '-' }
