package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Key is the instance key of a resource or module instance: none, a count
// index or a for_each key, as Terraform's addrs.InstanceKey. Keys compare
// with ==.
type Key struct {
	str  string
	num  int
	kind keyKind
}

type keyKind uint8

const (
	noKey keyKind = iota
	intKey
	stringKey
	unknownKey
)

// NoKey is the key of a block without count or for_each.
var NoKey Key

// UnknownKey is the key of the one instance that stands for a block whose
// count or for_each a directory read cannot evaluate: [*] (see Count).
var UnknownKey = Key{kind: unknownKey}

// IntKey is a count index.
func IntKey(n int) Key { return Key{num: n, kind: intKey} }

// StringKey is a for_each key.
func StringKey(s string) Key { return Key{str: s, kind: stringKey} }

// KeyOf reads an instance key as plan JSON gives it (index: a number or a
// string, nil for none). ok is false for anything else, or a number that
// is not a whole int.
func KeyOf(index any) (k Key, ok bool) {
	switch v := index.(type) {
	case nil:
		return NoKey, true
	case string:
		return StringKey(v), true
	case int:
		return IntKey(v), true
	case float64:
		if v == math.Trunc(v) && math.Abs(v) <= 1<<53 {
			return IntKey(int(v)), true
		}
	}
	return NoKey, false
}

// None reports whether there is no key.
func (k Key) None() bool { return k.kind == noKey }

// Unknown reports the [*] key of a block whose instances are not known.
func (k Key) Unknown() bool { return k.kind == unknownKey }

// Known reports a count index or a for_each key: neither none nor [*].
func (k Key) Known() bool { return k.kind == intKey || k.kind == stringKey }

// Int returns a count index.
func (k Key) Int() (int, bool) { return k.num, k.kind == intKey }

// Str returns a for_each key.
func (k Key) Str() (string, bool) { return k.str, k.kind == stringKey }

// Value is the key as plan JSON's index holds it: float64, string or nil
// (for none and [*]).
func (k Key) Value() any {
	switch k.kind {
	case intKey:
		return float64(k.num)
	case stringKey:
		return k.str
	}
	return nil
}

// Text is the key's value as text, unquoted: 0, blue, * for [*]; "" for
// none.
func (k Key) Text() string {
	switch k.kind {
	case intKey:
		return strconv.Itoa(k.num)
	case stringKey:
		return k.str
	case unknownKey:
		return "*"
	}
	return ""
}

// String is the key as addresses write it: [0], ["blue"], [*], "" for none.
// String keys are quoted as HCL quotes a string literal (as Terraform
// writes them), so that the address reads back as an HCL traversal.
func (k Key) String() string {
	switch k.kind {
	case intKey:
		return "[" + strconv.Itoa(k.num) + "]"
	case stringKey:
		var b strings.Builder
		b.Grow(len(k.str) + 4)
		b.WriteByte('[')
		writeHCLString(&b, k.str)
		b.WriteByte(']')
		return b.String()
	case unknownKey:
		return "[*]"
	}
	return ""
}

// writeHCLString writes s as an HCL quoted string literal: backslash
// escapes for quotes, backslashes and the control and other unprintable
// characters, and template introducers (${, %{) doubled so that they stay
// literal.
func writeHCLString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '$', '%':
			b.WriteRune(r)
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteRune(r)
			}
		default:
			switch {
			case unicode.IsPrint(r):
				b.WriteRune(r)
			case r <= 0xFFFF:
				fmt.Fprintf(b, `\u%04x`, r)
			default:
				fmt.Fprintf(b, `\U%08x`, r)
			}
		}
	}
	b.WriteByte('"')
}
