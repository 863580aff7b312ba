package input

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// toUTF8 returns data as UTF-8 without a byte-order mark. It understands a
// UTF-8 BOM and UTF-16 LE/BE with a BOM (what PowerShell's `>` writes), and
// UTF-16 without a BOM when the zero bytes of ASCII text give it away.
func toUTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):], nil
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data[2:], true)
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		return decodeUTF16(data, false)
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		return decodeUTF16(data, true)
	}
	return data, nil
}

func decodeUTF16(data []byte, bigEndian bool) ([]byte, error) {
	if len(data)%2 != 0 {
		return nil, errors.New("invalid UTF-16: odd number of bytes")
	}
	out := make([]byte, 0, len(data)/2)
	var pending rune = -1
	for i := 0; i < len(data); i += 2 {
		var u uint16
		if bigEndian {
			u = uint16(data[i])<<8 | uint16(data[i+1])
		} else {
			u = uint16(data[i+1])<<8 | uint16(data[i])
		}
		r := rune(u)
		switch {
		case pending >= 0:
			dec := utf16.DecodeRune(pending, r)
			pending = -1
			if dec == utf8.RuneError {
				return nil, errors.New("invalid UTF-16: broken surrogate pair")
			}
			out = utf8.AppendRune(out, dec)
		case utf16.IsSurrogate(r):
			pending = r
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	if pending >= 0 {
		return nil, errors.New("invalid UTF-16: broken surrogate pair")
	}
	return out, nil
}
