package runtask

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
)

// SignatureHeader carries the hex HMAC-SHA512 of the request body, made
// with the HMAC key configured on the run task.
const SignatureHeader = "X-TFC-Task-Signature"

// Sign returns the signature HCP Terraform sends with body: the hex
// HMAC-SHA512 of body under key.
func Sign(key, body []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// validSignature reports whether signature, as the header gives it, is
// body's HMAC under key. The comparison takes the same time whatever the
// bytes (hmac.Equal); a header that is not hex, or not 64 bytes once
// decoded, is wrong.
func validSignature(key, body []byte, signature string) bool {
	got, err := hex.DecodeString(signature)
	if err != nil || len(got) != sha512.Size {
		return false
	}
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}
