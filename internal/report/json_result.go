package report

import (
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// appendResult writes one result exactly as encoding/json indents it at
// depth two (prefix "    ", indent "  ") with HTML escaping off. Results are
// most of a large report, and reflection plus re-indenting cost more than
// the rest of a scan; a test holds this to encoding/json's bytes.
func appendResult(b []byte, r engine.Result) []byte {
	const in1, in2, in3 = "\n      ", "\n        ", "\n          "
	b = append(b, '{')
	field := func(name, value string) {
		b = append(b, in1...)
		b = appendJSONString(b, name)
		b = append(b, ": "...)
		b = appendJSONString(b, value)
		b = append(b, ',')
	}
	field("check_id", r.CheckID)
	field("title", r.Title)
	field("section", r.Section)
	field("category", r.Category)
	field("severity", r.Severity.String())
	field("status", string(r.Status))
	field("input", r.Input)
	field("address", r.Address)
	field("resource_type", r.ResourceType)
	field("message", r.Message)
	b = append(b, in1...)
	b = append(b, `"evidence": [`...)
	for i, e := range r.Evidence {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, in2...)
		b = append(b, '{')
		b = append(b, in3...)
		b = append(b, `"attribute": `...)
		b = appendJSONString(b, e.Attribute)
		b = append(b, ',')
		b = append(b, in3...)
		b = append(b, `"value": `...)
		b = appendJSONString(b, e.Value)
		b = append(b, in2...)
		b = append(b, '}')
	}
	if len(r.Evidence) > 0 {
		b = append(b, in1...)
	}
	b = append(b, "],"...)
	field("remediation", r.Remediation)
	b = append(b, in1...)
	b = appendJSONString(b, "docs")
	b = append(b, ": "...)
	b = appendJSONString(b, r.Docs)
	if r.Change != "" { // omitempty: inputs without a prior world
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"change": `...)
		b = appendJSONString(b, string(r.Change))
	}
	b = append(b, "\n    }"...)
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping off
// (control characters escaped, invalid UTF-8 replaced, U+2028 and U+2029
// escaped), then safeJSON: DEL, C1 controls, bidi characters and the [ of
// a legacy workflow command escaped too.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if printable[c] && c != '"' && c != '\\' || c == '#' && commandBracket(s[i:]) == 0 {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '#':
				n := commandBracket(s[i:])
				b = append(b, s[i:i+n-1]...)
				b = append(b, `\u005b`...)
				i += n
				start = i
				continue
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if jsonUnsafeRune(r) {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
