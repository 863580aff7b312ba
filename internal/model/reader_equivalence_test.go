package model

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// TestReaderEquivalence decodes every plan and state of the repository and
// the real plans (../shared/fixtures/real, when present) with the old
// reader (legacy_reader.go) and the new one, from bytes and from a stream,
// and requires the same model: resources with their values, unknown and
// sensitive marks, configuration and prior state, variables, outputs'
// secrets, checks and warnings. It goes with the old reader.
func TestReaderEquivalence(t *testing.T) {
	t.Parallel()
	var files []string
	for _, root := range []string{"../../checks/testdata", "../../examples", "../../internal", "../../../shared/fixtures/real"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".tfstate") {
				if root != "../../internal" || strings.Contains(path, "/testdata/") {
					files = append(files, path)
				}
			}
			return nil
		})
	}
	compared := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) {
			// UTF-16, as internal/input reads it.
			if data, err = io.ReadAll(transform.NewReader(bytes.NewReader(data), unicode.BOMOverride(unicode.UTF8.NewDecoder()))); err != nil || !utf8.Valid(data) {
				t.Fatalf("%s: neither UTF-8 nor UTF-16: %v", path, err)
			}
			t.Logf("%s: read as UTF-16", path)
		}
		old, oldErr := legacyDecodeBytes(path, data)
		oldStream, oldStreamErr := legacyDecodeReader(path, iotest.HalfReader(bytes.NewReader(data)))
		got, gotErr := Decode(path, data)
		stream, streamErr := DecodeReader(path, iotest.HalfReader(bytes.NewReader(data)))
		if (oldErr == nil) != (oldStreamErr == nil) {
			t.Fatalf("%s: the old reader disagrees with itself: %v / %v", path, oldErr, oldStreamErr)
		}
		if (oldErr == nil) != (gotErr == nil) || (gotErr == nil) != (streamErr == nil) {
			t.Errorf("%s: old error %v, new %v, new streamed %v", path, oldErr, gotErr, streamErr)
			continue
		}
		if oldErr != nil {
			t.Logf("%s: refused by both: old %v; new %v", path, oldErr, gotErr)
			continue
		}
		want := snapshot(old)
		if diff := cmp.Diff(want, snapshot(oldStream), equivalenceOpts...); diff != "" {
			t.Fatalf("%s: the old reader's bytes and stream differ (-bytes +stream):\n%s", path, diff)
		}
		if diff := cmp.Diff(want, snapshot(got), equivalenceOpts...); diff != "" {
			t.Errorf("%s: (-old +new):\n%s", path, diff)
		}
		if diff := cmp.Diff(want, snapshot(stream), equivalenceOpts...); diff != "" {
			t.Errorf("%s: streamed (-old +new):\n%s", path, diff)
		}
		compared++
	}
	t.Logf("%d of %d files compared", compared, len(files))
	if compared < 100 {
		t.Errorf("only %d files compared", compared)
	}
}

// planSnapshot is what a decoded plan says, without its caches.
type planSnapshot struct {
	Kind                            Kind
	FormatVersion, TerraformVersion string
	Errored                         bool
	Resources                       []*Resource
	Config                          *tfjson.Config
	Variables                       map[string]any
	CheckBlocks                     []tfjson.CheckResultStatic
	Warnings                        []string
	Secrets                         []any
	ByConfig                        map[string][]*Resource
}

func snapshot(p *Plan) planSnapshot {
	return planSnapshot{
		Kind: p.Kind, FormatVersion: p.FormatVersion, TerraformVersion: p.TerraformVersion, Errored: p.Errored,
		Resources: p.Resources, Config: p.Config, Variables: p.Variables, CheckBlocks: p.CheckBlocks,
		Warnings: p.Warnings, Secrets: p.extraSecrets, ByConfig: p.byConfig,
	}
}

var equivalenceOpts = []cmp.Option{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	// -0 and 0 are one number to every check.
	cmp.Comparer(func(a, b float64) bool { return a == b }),
}
