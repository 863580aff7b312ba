package hclconfig

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// TestLoadTooDeep: every file a directory scan reads (.tf, .tf.json,
// .tfvars) is refused at its place when it nests past nesting.Max, before
// HCL parses it; a called module's is a warning, as its other errors are.
func TestLoadTooDeep(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", nesting.Max+1) + strings.Repeat("]", nesting.Max+1)
	tests := map[string]struct {
		files       map[string]string
		wantErr     string
		wantWarning string
	}{
		"locals": {
			files:   map[string]string{"main.tf": "locals {\n  x = " + deep + "\n}\n"},
			wantErr: "main.tf:2,262: Nesting too deep: Brackets, braces, parentheses, blocks, template sequences and operators nest more than 256 levels deep here",
		},
		"operators": {
			files:   map[string]string{"main.tf": "locals {\n  x = 1" + strings.Repeat(" + 1", nesting.Max+1) + "\n}\n"},
			wantErr: "main.tf:2,1029: Nesting too deep",
		},
		"JSON syntax": {
			files:   map[string]string{"main.tf.json": `{"locals": {"x": ` + deep + `}}`},
			wantErr: "main.tf.json:1,272: Nesting too deep",
		},
		"template in JSON syntax": {
			files:   map[string]string{"main.tf.json": `{"locals": {"x": "${` + deep + `}"}}`},
			wantErr: "main.tf.json:1,274: Nesting too deep",
		},
		"tfvars": {
			files: map[string]string{
				"main.tf":          "variable \"x\" {}\n",
				"terraform.tfvars": "x = " + deep + "\n",
			},
			wantErr: "terraform.tfvars:1,261: Nesting too deep",
		},
		"called module": {
			files: map[string]string{
				"main.tf":   "module \"m\" {\n  source = \"./m\"\n}\n",
				"m/main.tf": "locals {\n  x = " + deep + "\n}\n",
			},
			wantErr: `main.tf:1: module.m (source "./m") cannot be read: m/main.tf:2,262: Nesting too deep`,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, text := range tt.files {
				write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
			}
			r, err := Load(dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], tt.wantWarning) {
				t.Errorf("warnings = %q, want one containing %q", r.Warnings, tt.wantWarning)
			}
		})
	}
}
