package hclconfig

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/crypto/ssh"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"

	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// The encoding, hashing and UUID functions of Terraform's language, written
// after their documented behaviour.

// stringFunc is a function of one string to a string.
func stringFunc(name string, f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: name, Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			return cty.StringVal(s), nil
		},
	})
}

var base64EncodeFunc = stringFunc("str", func(s string) (string, error) {
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
})

var base64DecodeFunc = stringFunc("str", func(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("failed to decode base64 data: %w", err)
	}
	if !utf8.Valid(b) {
		return "", errors.New("the result of decoding the provided string is not valid UTF-8")
	}
	return string(b), nil
})

// base64GzipFunc compresses as Terraform does (default level, flushed
// before it is closed), so that its result is byte for byte Terraform's.
var base64GzipFunc = stringFunc("str", func(s string) (string, error) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write([]byte(s)); err != nil {
		return "", err
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
})

var urlencodeFunc = stringFunc("str", func(s string) (string, error) {
	return url.QueryEscape(s), nil
})

func md5Sum(b []byte) []byte    { s := md5.Sum(b); return s[:] }
func sha1Sum(b []byte) []byte   { s := sha1.Sum(b); return s[:] }
func sha256Sum(b []byte) []byte { s := sha256.Sum256(b); return s[:] }
func sha512Sum(b []byte) []byte { s := sha512.Sum512(b); return s[:] }

func hexText(b []byte) string    { return hex.EncodeToString(b) }
func base64Text(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// hashFunc is md5, sha1, sha256, sha512 (hexadecimal) or base64sha256,
// base64sha512: the hash of a string's UTF-8 bytes.
func hashFunc(sum func([]byte) []byte, enc func([]byte) string) function.Function {
	return stringFunc("str", func(s string) (string, error) {
		return enc(sum([]byte(s))), nil
	})
}

// charset finds a character encoding by its IANA name or alias.
func charset(name string, arg int) (encoding.Encoding, error) {
	e, err := ianaindex.IANA.Encoding(name)
	if err != nil || e == nil {
		return nil, function.NewArgErrorf(arg, "%q is not a supported IANA encoding name or alias in this Terraform version", name)
	}
	return e, nil
}

// textEncodeBase64Func is textencodebase64(string, encoding): the string
// in a character encoding, in base64.
var textEncodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "string", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, err := charset(args[1].AsString(), 1)
		if err != nil {
			return cty.NilVal, err
		}
		b, err := enc.NewEncoder().Bytes([]byte(args[0].AsString()))
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "the given string contains characters that cannot be represented in %s", args[1].AsString())
		}
		return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
	},
})

// textDecodeBase64Func is textdecodebase64(source, encoding): base64 text
// in a character encoding, as a string.
var textDecodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "source", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, err := charset(args[1].AsString(), 1)
		if err != nil {
			return cty.NilVal, err
		}
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "the given value is not valid base64: %s", err)
		}
		b, err := enc.NewDecoder().Bytes(raw)
		if err != nil || !utf8.Valid(b) {
			return cty.NilVal, function.NewArgErrorf(0, "the given string is not valid %s", args[1].AsString())
		}
		return cty.StringVal(string(b)), nil
	},
})

// uuidNamespaces are the namespaces uuidv5 names (RFC 4122, appendix C).
var uuidNamespaces = map[string]string{
	"dns":  "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	"url":  "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
	"oid":  "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
	"x500": "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
}

// uuidv5Func is uuidv5(namespace, name): the name-based UUID (SHA-1) of
// name in a namespace given by name or as a UUID.
var uuidv5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ns := args[0].AsString()
		text := ns
		if known, ok := uuidNamespaces[ns]; ok {
			text = known
		}
		id, err := parseUUID(text)
		if err != nil {
			return cty.NilVal, fmt.Errorf("uuidv5() doesn't support namespace %s (%v)", ns, err)
		}
		h := sha1.New()
		h.Write(id)
		h.Write([]byte(args[1].AsString()))
		u := h.Sum(nil)[:16]
		u[6] = u[6]&0x0f | 0x50 // version 5
		u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
		x := hex.EncodeToString(u)
		return cty.StringVal(x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]), nil
	},
})

// parseUUID reads a UUID as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, with or
// without urn:uuid: or braces, or as 32 hexadecimal digits.
func parseUUID(s string) ([]byte, error) {
	switch {
	case len(s) == 36+9 && strings.EqualFold(s[:9], "urn:uuid:"):
		s = s[9:]
	case len(s) == 38 && s[0] == '{' && s[37] == '}':
		s = s[1:37]
	}
	if len(s) == 36 {
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return nil, errors.New("invalid UUID format")
		}
		s = s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	}
	if len(s) != 32 {
		return nil, fmt.Errorf("invalid UUID length: %d", len(s))
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, errors.New("invalid UUID format")
	}
	return b, nil
}

// rsaDecryptFunc is rsadecrypt(ciphertext, privatekey): base64 ciphertext
// decrypted (RSA PKCS #1 v1.5) with a PEM private key.
var rsaDecryptFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "ciphertext", Type: cty.String},
		{Name: "privatekey", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decode input: cipher text must be base64-encoded")
		}
		raw, err := ssh.ParseRawPrivateKey([]byte(args[1].AsString()))
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(1, "invalid private key: %s", err)
		}
		key, ok := raw.(*rsa.PrivateKey)
		if !ok {
			return cty.NilVal, function.NewArgErrorf(1, "invalid private key type %T", raw)
		}
		out, err := rsa.DecryptPKCS1v15(nil, key, b)
		if err != nil {
			return cty.NilVal, errors.New("failed to decrypt: the ciphertext or private key is wrong")
		}
		return cty.StringVal(string(out)), nil
	},
})

// yamldecodeFunc is go-cty-yaml's yamldecode, as Terraform's, but for YAML
// nested deeper than nesting.MaxData, which it would follow level by level
// on the stack: that is unknown.
var yamldecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if args[0].IsKnown() && yamlTooDeep(args[0].AsString()) {
			return cty.DynamicPseudoType, nil
		}
		return ctyyaml.YAMLDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if yamlTooDeep(args[0].AsString()) {
			return cty.DynamicVal, nil
		}
		return ctyyaml.YAMLDecodeFunc.Call(args)
	},
})

// yamlTooDeep bounds how deep YAML nests, generously: a line nests at most
// as deep as its indentation, its leading entries ("- - x", "? x") and the
// flow brackets open at its end.
func yamlTooDeep(src string) bool {
	flow := 0
	for _, line := range strings.Split(src, "\n") {
		depth := len(line) - len(strings.TrimLeft(line, " \t"))
		rest := line[depth:]
		for strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "? ") {
			depth++
			rest = strings.TrimLeft(rest[2:], " ")
		}
		flow += strings.Count(rest, "[") + strings.Count(rest, "{")
		if depth+flow > nesting.MaxData {
			return true
		}
		flow = max(0, flow-strings.Count(rest, "]")-strings.Count(rest, "}"))
	}
	return false
}
