package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// TestIndexTooDeep: a file nested past nesting.Max, in the root module or
// a called one, fails the index at its place, before HCL parses it.
func TestIndexTooDeep(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", nesting.Max+1) + strings.Repeat("]", nesting.Max+1)
	tests := map[string]struct {
		files   map[string]string
		wantErr string
	}{
		"locals": {
			files:   map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {}\nlocals {\n  x = " + deep + "\n}\n"},
			wantErr: "main.tf:3,262-263: Nesting too deep",
		},
		"JSON syntax": {
			files:   map[string]string{"main.tf.json": `{"locals": {"x": ` + deep + `}}`},
			wantErr: "main.tf.json:1,272-273: Nesting too deep",
		},
		"called module": {
			files: map[string]string{
				"main.tf":     "module \"m\" {\n  source = \"./m\"\n}\n",
				"m/main.tf":   "output \"x\" {\n  value = " + deep + "\n}\n",
				"m/other.tf":  "resource \"aws_s3_bucket\" \"b\" {}\n",
				"unrelated.x": deep,
			},
			wantErr: filepath.FromSlash("m/main.tf") + ":2,266-267: Nesting too deep",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, text := range tt.files {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Index(dir)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Index error = %v, want one containing %q", err, tt.wantErr)
			}
			if _, err := ForInputs(dir, []string{"plan.json"}); err == nil {
				t.Error("ForInputs with the directory as --config-dir: no error")
			}
		})
	}
}
