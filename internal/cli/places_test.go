package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanRefusesOneFileTwice: a report may not overwrite an input or
// another report, whatever path leads to the file.
func TestScanRefusesOneFileTwice(t *testing.T) {
	t.Parallel()
	plan, err := os.ReadFile("testdata/ready.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		// args are the scan's arguments, with D for the test's directory,
		// which holds keep.json (a plan), conf.hcl, base.json and the links
		// self -> ., hard.json (a hard link to keep.json) and link.json ->
		// new.json (which does not exist).
		args       []string
		wantStderr string
	}{
		"report over an input through a linked directory": {
			args:       []string{"--format", "json=D/self/keep.json", "D/keep.json"},
			wantStderr: "--format json=D/self/keep.json: D/self/keep.json is the input D/keep.json; refusing to overwrite it",
		},
		"report over an input through a hard link": {
			args:       []string{"--format", "json=D/hard.json", "D/keep.json"},
			wantStderr: "--format json=D/hard.json: D/hard.json is the input D/keep.json; refusing to overwrite it",
		},
		"baseline over an input through a linked directory": {
			args:       []string{"--write-baseline", "D/self/keep.json", "D/keep.json"},
			wantStderr: "--write-baseline D/self/keep.json: D/self/keep.json is the input D/keep.json; refusing to overwrite it",
		},
		"report over the configuration": {
			args:       []string{"--config", "D/conf.hcl", "--format", "text=D/self/conf.hcl", "D/keep.json"},
			wantStderr: "--format text=D/self/conf.hcl: D/self/conf.hcl is the --config file D/conf.hcl; refusing to overwrite it",
		},
		"report over the baseline": {
			args:       []string{"--baseline", "D/base.json", "--format", "json=D/./base.json", "D/keep.json"},
			wantStderr: "--format json=D/./base.json: D/./base.json is the --baseline file D/base.json; refusing to overwrite it",
		},
		"two reports, ./x and x": {
			args:       []string{"--format", "json=D/r.json", "--format", "sarif=D/./r.json", "D/keep.json"},
			wantStderr: "--format json=D/r.json and --format sarif=D/./r.json write one file; give each report its own",
		},
		"two reports through a linked directory": {
			args:       []string{"--format", "json=D/r.json", "--format", "sarif=D/self/r.json", "D/keep.json"},
			wantStderr: "--format json=D/r.json and --format sarif=D/self/r.json write one file; give each report its own",
		},
		"two reports through a link to a file yet to be": {
			args:       []string{"--format", "json=D/new.json", "--format", "sarif=D/link.json", "D/keep.json"},
			wantStderr: "--format json=D/new.json and --format sarif=D/link.json write one file; give each report its own",
		},
		"report and baseline as hard links": {
			args:       []string{"--format", "json=D/conf.hcl", "--write-baseline", "D/hard-conf.hcl", "D/keep.json"},
			wantStderr: "--format json=D/conf.hcl and --write-baseline D/hard-conf.hcl write one file; give each report its own",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := map[string][]byte{"keep.json": plan, "conf.hcl": []byte("profile = \"production\"\n"), "base.json": []byte(`{"version": 1, "failures": []}`)}
			for name, data := range files {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Symlink(".", filepath.Join(dir, "self")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			if err := os.Symlink("new.json", filepath.Join(dir, "link.json")); err != nil {
				t.Fatal(err)
			}
			for from, to := range map[string]string{"keep.json": "hard.json", "conf.hcl": "hard-conf.hcl"} {
				if err := os.Link(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"scan"}
			for _, a := range tt.args {
				args = append(args, replaceDir(a, dir))
			}
			o := run(testChecks, args...)
			want := "readiness: " + replaceDir(tt.wantStderr, dir) + "\nRun 'readiness scan --help' for usage.\n"
			if o.code != ExitError || o.stdout != "" {
				t.Errorf("exit code %d, stdout %q", o.code, o.stdout)
			}
			if diff := cmp.Diff(want, o.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			assertOnly(t, dir, "base.json", "conf.hcl", "hard-conf.hcl", "hard.json", "keep.json", "link.json", "self")
			for name, data := range files {
				if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != string(data) {
					t.Errorf("%s changed", name)
				}
			}
		})
	}
}

// replaceDir puts dir in place of every "D/" that starts s or follows "=".
func replaceDir(s, dir string) string {
	out := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] == 'D' && i+1 < len(s) && s[i+1] == '/' && (i == 0 || s[i-1] == '=' || s[i-1] == ' ') {
			out = append(out, dir...)
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}
