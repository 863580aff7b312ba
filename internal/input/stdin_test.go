package input

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadStdin(t *testing.T) {
	t.Parallel()
	state, err := os.ReadFile("../model/testdata/tfstate_v4/terraform.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		in       io.Reader
		wantAddr string
		wantErr  string
	}{
		"utf-8":            {in: strings.NewReader(tinyPlan), wantAddr: "aws_s3_bucket.b"},
		"utf-8 bom":        {in: bytes.NewReader(append([]byte{0xEF, 0xBB, 0xBF}, tinyPlan...)), wantAddr: "aws_s3_bucket.b"},
		"utf-16 le bom":    {in: bytes.NewReader(utf16Bytes(tinyPlan, false, true)), wantAddr: "aws_s3_bucket.b"},
		"utf-16 be bom":    {in: bytes.NewReader(utf16Bytes(tinyPlan, true, true)), wantAddr: "aws_s3_bucket.b"},
		"utf-16 le no bom": {in: bytes.NewReader(utf16Bytes(tinyPlan, false, false)), wantAddr: "aws_s3_bucket.b"},
		"a byte at a time": {in: iotest.OneByteReader(strings.NewReader(tinyPlan)), wantAddr: "aws_s3_bucket.b"},
		"raw state":        {in: bytes.NewReader(state), wantAddr: "terraform_data.single"},
		"raw state utf-16": {in: bytes.NewReader(utf16Bytes(string(state), false, true)), wantAddr: "terraform_data.single"},
		"empty":            {in: strings.NewReader(""), wantErr: "read standard input: nothing arrived (did the command before the pipe fail?)"},
		"binary plan":      {in: strings.NewReader("PK\x03\x04zip"), wantErr: "read standard input: it is a binary plan file; give its path instead"},
		"not a plan":       {in: strings.NewReader(`{"name":"left-pad"}`), wantErr: "read standard input: not a Terraform JSON plan or state"},
		"broken":           {in: strings.NewReader(`{"format_version":"1.2",`), wantErr: "read standard input: invalid JSON at line 1"},
		"read error":       {in: iotest.ErrReader(io.ErrUnexpectedEOF), wantErr: "read standard input: unexpected EOF"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Reader{}.ReadStdin(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one starting %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Path != Stdin || p.Lookup(tt.wantAddr) == nil {
				t.Errorf("path %q, %s found: %v", p.Path, tt.wantAddr, p.Lookup(tt.wantAddr) != nil)
			}
		})
	}
}

// TestReadTfstateFile reads a terraform.tfstate by its path, as scan does.
func TestReadTfstateFile(t *testing.T) {
	t.Parallel()
	p, err := Read("../model/testdata/tfstate_v4/terraform.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != "state" || p.Lookup(`module.db["primary"].terraform_data.db[0]`) == nil {
		t.Errorf("kind %q, resources %d", p.Kind, len(p.Resources))
	}
}
