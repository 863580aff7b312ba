package input

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// utf8Reader returns r as UTF-8 without a byte-order mark, given its first
// bytes. It understands a UTF-8 BOM and UTF-16 LE/BE with a BOM (what
// PowerShell's `>` writes), and UTF-16 without a BOM when the zero bytes of
// ASCII text give it away.
func utf8Reader(r io.Reader, head []byte) (io.Reader, error) {
	skip := func(n int) error {
		_, err := io.CopyN(io.Discard, r, int64(n))
		return err
	}
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		return r, skip(len(bomUTF8))
	case bytes.HasPrefix(head, bomUTF16LE):
		return newUTF16Reader(r, false), skip(2)
	case bytes.HasPrefix(head, bomUTF16BE):
		return newUTF16Reader(r, true), skip(2)
	case len(head) >= 2 && head[0] != 0 && head[1] == 0:
		return newUTF16Reader(r, false), nil
	case len(head) >= 2 && head[0] == 0 && head[1] != 0:
		return newUTF16Reader(r, true), nil
	}
	return r, nil
}

// utf16Reader decodes a UTF-16 stream into UTF-8 as it is read.
type utf16Reader struct {
	r         io.Reader
	bigEndian bool
	in        [32 << 10]byte
	carry     int // undecoded bytes at the start of in
	out       []byte
	pending   rune // a high surrogate waiting for its pair, or -1
	err       error
}

func newUTF16Reader(r io.Reader, bigEndian bool) *utf16Reader {
	return &utf16Reader{r: r, bigEndian: bigEndian, pending: -1}
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

func (u *utf16Reader) fill() {
	n, err := u.r.Read(u.in[u.carry:])
	n += u.carry
	even := n &^ 1
	u.out = u.out[:0]
	for i := 0; i < even; i += 2 {
		var c uint16
		if u.bigEndian {
			c = uint16(u.in[i])<<8 | uint16(u.in[i+1])
		} else {
			c = uint16(u.in[i+1])<<8 | uint16(u.in[i])
		}
		r := rune(c)
		switch {
		case u.pending >= 0:
			dec := utf16.DecodeRune(u.pending, r)
			u.pending = -1
			if dec == utf8.RuneError {
				u.err = errors.New("invalid UTF-16: broken surrogate pair")
				return
			}
			u.out = utf8.AppendRune(u.out, dec)
		case utf16.IsSurrogate(r):
			u.pending = r
		default:
			u.out = utf8.AppendRune(u.out, r)
		}
	}
	u.carry = copy(u.in[:], u.in[even:n])
	if err != nil {
		switch {
		case err != io.EOF:
			u.err = err
		case u.carry != 0:
			u.err = errors.New("invalid UTF-16: odd number of bytes")
		case u.pending >= 0:
			u.err = errors.New("invalid UTF-16: broken surrogate pair")
		default:
			u.err = io.EOF
		}
	}
}
