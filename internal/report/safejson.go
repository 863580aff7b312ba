package report

import (
	"io"
	"unicode/utf8"
)

// safeJSON rewrites encoded JSON so that it holds nothing a terminal or a
// CI log acts on. encoding/json escapes C0 controls, U+2028 and U+2029, and
// replaces bytes that are not UTF-8; safeJSON also escapes DEL, C1 controls
// and bidi marks (\u007f, \u009b, \u202e) and the [ of a legacy workflow
// command (##\u005b). These characters stand only inside strings, whose
// decoded values do not change. b itself is returned when nothing needs
// escaping.
func safeJSON(b []byte) []byte {
	i := firstUnsafeJSON(b)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		if n := jsonCommandBracket(b[i:]); n > 0 {
			out = append(out, b[i:i+n-1]...)
			out = append(out, `\u005b`...)
			i += n
			continue
		}
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if jsonUnsafeRune(r) {
			out = append(out, '\\', 'u', lowerHex[r>>12&0xf], lowerHex[r>>8&0xf], lowerHex[r>>4&0xf], lowerHex[r&0xf])
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

func firstUnsafeJSON(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0x7f || c == '#' && jsonCommandBracket(b[i:]) > 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if jsonUnsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

func jsonUnsafeRune(r rune) bool { return r >= 0x7f && r <= 0x9f || isHidingRune(r) }

func jsonCommandBracket(b []byte) int {
	return commandBracket(string(b[:min(len(b), 6)]))
}

// safeJSONWriter passes what it writes through safeJSON. Each Write must
// hold whole strings, as json.Encoder's does: one per encoded value.
type safeJSONWriter struct{ w io.Writer }

func (s safeJSONWriter) Write(p []byte) (int, error) {
	if _, err := s.w.Write(safeJSON(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}
