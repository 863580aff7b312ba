package model

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Redaction at one boundary: every message, evidence value and error the
// engine reports passes through Plan.Scrub or Plan.ScrubFor, which know every
// value the plan marks sensitive, so that no check has to remember.
//
//   - Plan-wide, a sensitive string of minSecret or more bytes is replaced
//     wherever it appears, in any ASCII letter case and in its JSON-escaped
//     form (as evidence renders it). These are the marked leaves of every
//     resource's after and before values and of prior-state data sources,
//     sensitive root variables, sensitive module inputs given as constants,
//     and values a configuration reader marks (sensitive() in a directory).
//   - For a finding on a resource, the marked leaves of that resource's
//     values, and of the resources it refers to or that refer to it, that
//     are too short to replace everywhere (strings under minSecret bytes,
//     numbers, booleans) are replaced where they stand as whole words.

// minSecret is the shortest sensitive string replaced wherever it appears:
// shorter ones would also match inside ordinary words.
const minSecret = 4

// secretIndex finds sensitive strings in text in one pass: candidates are
// looked up by their first minSecret bytes, ASCII-folded, behind a bitset
// that rejects most positions with one test.
type secretIndex struct {
	byPrefix map[uint32][]string
	filter   [1 << 10]uint64
	// words are short sensitive strings of variables, matched as words.
	words []string
	// near are the short marked values a finding on a resource looks for
	// too, by resource (see Plan.wordsNear).
	near map[*Resource][]string
}

func (ix *secretIndex) empty() bool { return len(ix.byPrefix) == 0 && len(ix.words) == 0 }

// add indexes every string inside v (a value in the model's compact form).
func (ix *secretIndex) add(v any) {
	walkStrings(v, func(s string) {
		if len(s) < minSecret {
			if s != "" {
				ix.words = append(ix.words, s)
			}
			return
		}
		ix.addLong(s)
		if esc := jsonEscaped(s); esc != s {
			ix.addLong(esc)
		}
	})
}

func (ix *secretIndex) addLong(s string) {
	if ix.byPrefix == nil {
		ix.byPrefix = map[uint32][]string{}
	}
	k := prefixKey(s)
	for _, have := range ix.byPrefix[k] {
		if have == s {
			return
		}
	}
	ix.byPrefix[k] = append(ix.byPrefix[k], s)
	h := filterHash(k)
	ix.filter[h>>6] |= 1 << (h & 63)
}

// spans returns the byte ranges of text that hold an indexed string.
func (ix *secretIndex) spans(text string, out []span) []span {
	if len(ix.byPrefix) > 0 && len(text) >= minSecret {
		k := prefixKey(text) >> 8 // rolled forward one byte at a time
		for i := 0; i+minSecret <= len(text); i++ {
			k = k<<8 | uint32(lowerByte(text[i+minSecret-1]))
			h := filterHash(k)
			if ix.filter[h>>6]&(1<<(h&63)) == 0 {
				continue
			}
			for _, s := range ix.byPrefix[k] {
				if i+len(s) <= len(text) && strings.EqualFold(text[i:i+len(s)], s) {
					out = append(out, span{i, i + len(s)})
				}
			}
		}
	}
	return wordSpans(text, ix.words, out)
}

// prefixKey is the first minSecret bytes of s, ASCII-folded to lower case.
func prefixKey(s string) uint32 {
	var k uint32
	for i := 0; i < minSecret; i++ {
		k = k<<8 | uint32(lowerByte(s[i]))
	}
	return k
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func filterHash(k uint32) uint32 { return (k * 2654435761) >> 16 }

// span is a half-open byte range of text.
type span struct{ start, end int }

// wordSpans finds each of words in text where it stands as a whole word:
// not preceded or followed by a letter, digit or underscore.
func wordSpans(text string, words []string, out []span) []span {
	if len(words) == 0 || text == "" {
		return out
	}
	lower := asciiLower(text)
	for _, w := range words {
		w = asciiLower(w)
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(w)
			if (start == 0 || !isWordByte(lower[start-1])) && (end == len(lower) || !isWordByte(lower[end])) {
				out = append(out, span{start, end})
			}
			from = start + 1
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// asciiLower lowers ASCII letters only, so byte offsets stay those of s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// replaceSpans writes text with every span replaced by Redacted; spans
// that overlap or touch become one.
func replaceSpans(text string, spans []span) string {
	if len(spans) == 0 {
		return text
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	last := 0
	for i := 0; i < len(spans); {
		start, end := spans[i].start, spans[i].end
		for i++; i < len(spans) && spans[i].start <= end; i++ {
			end = max(end, spans[i].end)
		}
		b.WriteString(text[last:start])
		b.WriteString(Redacted)
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// walkStrings calls fn with every string inside v.
func walkStrings(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, e := range v {
			walkStrings(e, fn)
		}
	case Object:
		for _, f := range v {
			walkStrings(f.Value, fn)
		}
	}
}

// walkMarked calls fn with every leaf of v that marks (a sensitive-marks
// tree) flags, or inside a flagged subtree.
func walkMarked(v, marks any, fn func(any)) {
	switch m := marks.(type) {
	case bool:
		if m {
			walkLeaves(v, fn)
		}
	case []any:
		l, _ := v.([]any)
		for i, sub := range m {
			if i < len(l) {
				walkMarked(l[i], sub, fn)
			}
		}
	case Object:
		o, _ := v.(Object)
		for _, f := range m {
			if e, ok := o.Get(f.Name); ok {
				walkMarked(e, f.Value, fn)
			}
		}
	}
}

func walkLeaves(v any, fn func(any)) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			walkLeaves(e, fn)
		}
	case Object:
		for _, f := range v {
			walkLeaves(f.Value, fn)
		}
	case nil:
	default:
		fn(v)
	}
}

// leafWords renders a marked leaf as the words a message would print it as.
func leafWords(v any) []string {
	switch v := v.(type) {
	case string:
		if v != "" && len(v) < minSecret {
			return []string{v}
		}
	case bool:
		return []string{strconv.FormatBool(v)}
	case float64:
		return []string{strconv.FormatFloat(v, 'f', -1, 64)}
	}
	return nil
}

// jsonEscaped is s as it appears inside a JSON string.
func jsonEscaped(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return s
	}
	out := strings.TrimSuffix(b.String(), "\n")
	return out[1 : len(out)-1]
}
