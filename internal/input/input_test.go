package input

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const tinyPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,"after":{"bucket":"caf\u00e9-b"},"after_unknown":{"id":true}}}]}`

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var buf bytes.Buffer
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		_ = binary.Write(&buf, order, u)
	}
	return buf.Bytes()
}

func TestParseEncodings(t *testing.T) {
	t.Parallel()
	tests := map[string][]byte{
		"utf-8":              []byte(tinyPlan),
		"utf-8 bom":          append([]byte{0xEF, 0xBB, 0xBF}, tinyPlan...),
		"utf-16 le bom":      utf16Bytes(tinyPlan, false, true),
		"utf-16 be bom":      utf16Bytes(tinyPlan, true, true),
		"utf-16 le no bom":   utf16Bytes(tinyPlan, false, false),
		"crlf and tabs":      []byte(strings.ReplaceAll(tinyPlan, ",", ",\r\n\t")),
		"surrogates in json": []byte(strings.Replace(tinyPlan, `caf\u00e9-b`, "café-b", 1)),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse("plan.json", data)
			if err != nil {
				t.Fatal(err)
			}
			r := p.Lookup("aws_s3_bucket.b")
			if r == nil {
				t.Fatal("resource missing")
			}
			if s, _ := r.Attr("bucket").Str(); s != "café-b" {
				t.Errorf("bucket = %q", s)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := map[string]struct {
		path string
		want string
	}{
		"missing":     {filepath.Join(dir, "nope.json"), "no such file"},
		"directory":   {dir, "is a directory"},
		"empty":       {write("empty.json", nil), "the file is empty"},
		"whitespace":  {write("ws.json", []byte("  \n ")), "the file is empty"},
		"garbage":     {write("garbage.json", []byte("\x00\x01\x02")), "read "},
		"odd utf-16":  {write("odd.json", []byte{0xFF, 0xFE, 0x7B}), "odd number of bytes"},
		"not a plan":  {write("pkg.json", []byte(`{"name":"left-pad"}`)), "not a Terraform JSON plan or state"},
		"broken json": {write("broken.json", []byte(`{"format_version":"1.2",`)), "invalid JSON at line 1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Read(tc.path)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || !strings.Contains(msg, tc.path) {
				t.Errorf("error %q should name %s and say %q", msg, tc.path, tc.want)
			}
		})
	}
}

func TestBinaryPlanWithoutTerraform(t *testing.T) {
	t.Setenv("TERRAFORM_PATH", "")
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	path := filepath.Join(dir, "tfplan")
	if err := os.WriteFile(path, []byte("PK\x03\x04rest-of-zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(path)
	if err == nil || !strings.Contains(err.Error(), "TERRAFORM_PATH") || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v", err)
	}
}

// TestBinaryPlan plans a terraform_data configuration with the real
// Terraform CLI and reads the binary plan file.
func TestBinaryPlan(t *testing.T) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set: `make test` installs Terraform and sets it")
	}
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/terraform_data/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-input=false", "-no-color"}, {"plan", "-input=false", "-no-color", "-out=tfplan"}} {
		cmd := exec.Command(tf, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terraform %s: %v\n%s", args[0], err, out)
		}
	}
	t.Setenv("TERRAFORM_PATH", tf)
	p, err := Read(filepath.Join(dir, "tfplan"))
	if err != nil {
		t.Fatal(err)
	}
	r := p.Lookup("terraform_data.app")
	if r == nil || !r.Actions.Create() {
		t.Fatalf("terraform_data.app not planned for create: %+v", r)
	}
	if !r.Attr("input", "token").Sensitive {
		t.Error("the sensitive variable's value is not marked sensitive")
	}
	if len(p.CheckBlocks) == 0 {
		t.Error("check block results missing from the binary plan")
	}
}
