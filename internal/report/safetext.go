package report

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text from a plan, a state, a .tf directory or a .readiness.hcl reaches
// terminals and CI logs. safeText and safeLine write every character that
// could drive a terminal or a log, or hide text from a reader, as a visible
// escape:
//
//   - C0 controls and DEL as \x1b (tab \t, carriage return \r),
//   - bytes that are not UTF-8 as \xff,
//   - C1 controls, Unicode line and paragraph separators and the marks and
//     embeddings that reorder text (bidi) as \u009b, \u2028, \u202e,
//   - the [ of a legacy workflow command (##[ on GitHub, ##vso[ on Azure
//     Pipelines), which runners obey anywhere in a line, as \x5b.
//
// Text that needs no escape is returned as it is, without allocating.

// safeText escapes s, keeping its newlines.
func safeText(s string) string { return escapeText(s, false) }

// safeLine escapes s for a place that holds one line: newlines too.
func safeLine(s string) string { return escapeText(s, true) }

// SafeLine is safeLine for the messages the CLI writes itself (errors and
// warnings on standard error), which quote file names, configuration and
// Terraform's own output.
func SafeLine(s string) string { return safeLine(s) }

func escapeText(s string, newline bool) string {
	i := firstUnsafe(s, newline)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		if n := commandBracket(s[i:]); n > 0 {
			b.WriteString(s[i : i+n-1])
			b.WriteString(`\x5b`)
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, size, newline) {
			writeEscape(&b, s[i], r, size)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe is the index of the first byte of s that escapeText changes,
// or -1.
func firstUnsafe(s string, newline bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if printable[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if c == '\n' && !newline || c == '#' && commandBracket(s[i:]) == 0 {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, size, newline) {
			return i
		}
		i += size
	}
	return -1
}

// printable marks the bytes that never need a look: printable ASCII but #.
var printable = func() (t [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		t[c] = c != '#'
	}
	return t
}()

// unsafeRune reports whether the rune r, decoded from size bytes, must be
// escaped.
func unsafeRune(r rune, size int, newline bool) bool {
	switch {
	case r == '\n':
		return newline
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == utf8.RuneError:
		return size == 1
	}
	return isHidingRune(r)
}

// isHidingRune reports whether r reorders or breaks text without showing
// itself: bidi marks, embeddings, overrides and isolates, and the Unicode
// line and paragraph separators.
func isHidingRune(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f,
		r >= 0x2028 && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// commandBracket is the length of the legacy workflow command opening that
// s starts with ("##[" or "##vso[", case-insensitive), or 0.
func commandBracket(s string) int {
	if !strings.HasPrefix(s, "##") {
		return 0
	}
	switch {
	case len(s) > 2 && s[2] == '[':
		return 3
	case len(s) > 5 && strings.EqualFold(s[2:6], "vso["):
		return 6
	}
	return 0
}

const lowerHex = "0123456789abcdef"

// writeEscape writes the visible escape of the rune r, decoded from size
// bytes starting with the byte c.
func writeEscape(b *strings.Builder, c byte, r rune, size int) {
	switch {
	case r == '\t':
		b.WriteString(`\t`)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r < 0x80 || r == utf8.RuneError && size == 1:
		b.WriteString(`\x`)
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&0xf])
	default:
		b.WriteString(`\u`)
		for shift := 12; shift >= 0; shift -= 4 {
			b.WriteByte(lowerHex[r>>shift&0xf])
		}
	}
}

// guardLines makes sure that no line of out starts with "::", the opening
// of a GitHub workflow command, which the runner reads after any leading
// white space: the first colon of such a line becomes colon (\x3a in text,
// &#58; in HTML). Leading SGR colour sequences count as white space. Our
// own text formats never start a line with "::"; this holds even if a
// value slipped through unescaped.
func guardLines(out []byte, colon string) []byte {
	if !bytes.Contains(out, []byte("::")) {
		return out
	}
	var fixed []byte
	start := 0
	for lineStart := 0; lineStart < len(out); {
		i := skipLineIndent(out, lineStart)
		if i+1 < len(out) && out[i] == ':' && out[i+1] == ':' {
			fixed = append(fixed, out[start:i]...)
			fixed = append(fixed, colon...)
			start = i + 1
		}
		next := bytes.IndexByte(out[i:], '\n')
		if next < 0 {
			break
		}
		lineStart = i + next + 1
	}
	if fixed == nil {
		return out
	}
	return append(fixed, out[start:]...)
}

// skipLineIndent returns the index of the first byte at or after i that is
// neither white space nor part of an SGR sequence (ESC [ digits ; m).
func skipLineIndent(out []byte, i int) int {
	for i < len(out) {
		if out[i] == 0x1b && i+1 < len(out) && out[i+1] == '[' {
			j := i + 2
			for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';') {
				j++
			}
			if j < len(out) && out[j] == 'm' {
				i = j + 1
				continue
			}
			return i
		}
		r, size := utf8.DecodeRune(out[i:])
		if r == '\n' || !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}
