package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// FuzzDecode feeds arbitrary bytes to the plan decoder: it must return a
// plan or an error, never panic or hang.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(smallPlan))
	f.Add([]byte(`{"format_version":"1.0","values":{"root_module":{"resources":[]}}}`))
	f.Add([]byte(`{"format_version":"0.1","resource_changes":[{"address":"a.b","type":"a","change":{"actions":["no-op"],"after":{"x":"\u00e9"}}}]}`))
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"after":{"x":` +
		strings.Repeat("[", 1001) + strings.Repeat("]", 1001) + `}}}]}`))
	seeds, _ := filepath.Glob("../../checks/testdata/*/*.json")
	seeds = append(seeds, "testdata/tfstate_v4/terraform.tfstate")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode("fuzz.json", data)
		streamed, streamErr := DecodeReader("fuzz.json", iotest.HalfReader(bytes.NewReader(data)))
		if (err == nil) != (streamErr == nil) {
			t.Fatalf("bytes and stream disagree: %v / %v", err, streamErr)
		}
		if err != nil {
			return
		}
		if len(p.Resources) != len(streamed.Resources) {
			t.Fatalf("bytes and stream read %d and %d resources", len(p.Resources), len(streamed.Resources))
		}
		for _, r := range p.Resources {
			_ = r.ConfigAddress()
			_ = p.Refs(r)
			_ = p.Show(r, r.Attr("tags"))
			_, _ = p.Region(r)
		}
	})
}
