package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/pflag"
)

// runServe runs `readiness serve args...` in-process with env as its
// environment. Only runs that end by themselves (errors) can be tested so;
// serve_unix_test.go runs the server as a process and stops it.
func runServe(env map[string]string, args ...string) outcome {
	var stdout, stderr bytes.Buffer
	a := &app{stdout: &stdout, stderr: &stderr, cat: testCatalogue(testChecks), code: ExitReady,
		getenv: func(k string) string { return env[k] }}
	code := runApp(a, append([]string{"serve"}, args...))
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// TestServeRefusesToStart: serve without an HMAC key, or with a setting
// that cannot work, exits 1 before it listens, saying what to do.
func TestServeRefusesToStart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.key")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	badConfig := filepath.Join(dir, "bad.hcl")
	if err := os.WriteFile(badConfig, []byte(`fail_on = "severe"`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	key := map[string]string{hmacKeyEnv: "k"}
	usage := "Run 'readiness serve --help' for usage.\n"
	tests := map[string]struct {
		env        map[string]string
		args       []string
		wantStderr string
	}{
		"no HMAC key": {
			wantStderr: "readiness: no HMAC key: set READINESS_HMAC_KEY, or --hmac-key-file FILE, to the HMAC key of the run task in HCP Terraform; serve does not run without one\n",
		},
		"an empty HMAC key": {
			env:        map[string]string{hmacKeyEnv: ""},
			wantStderr: "readiness: no HMAC key: set READINESS_HMAC_KEY, or --hmac-key-file FILE, to the HMAC key of the run task in HCP Terraform; serve does not run without one\n",
		},
		"a missing key file": {
			env:        key,
			args:       []string{"--hmac-key-file", filepath.Join(dir, "nope.key")},
			wantStderr: "readiness: read the HMAC key file " + filepath.Join(dir, "nope.key") + ": no such file\n",
		},
		"an empty key file": {
			env:        key,
			args:       []string{"--hmac-key-file", empty},
			wantStderr: "readiness: the HMAC key file " + empty + " is empty\n",
		},
		"an HCP address that is no URL": {
			env:        key,
			args:       []string{"--hcp-address", "app.terraform.io"},
			wantStderr: "readiness: HCP address \"app.terraform.io\": want an https:// URL\n",
		},
		"an HCP address with user information": {
			env:        key,
			args:       []string{"--hcp-address", "https://me:pw@app.terraform.io"},
			wantStderr: "readiness: HCP address \"https://me:pw@app.terraform.io\": user information is not allowed\n",
		},
		"a broken configuration": {
			env:        key,
			args:       []string{"--config", badConfig},
			wantStderr: "readiness: " + badConfig + ":1,11-19: Invalid fail_on; Unknown fail-on level \"severe\" (want critical, high, medium, low or none).\n",
		},
		"an address nobody can listen on": {
			env:        key,
			args:       []string{"--listen", "256.0.0.1:0"},
			wantStderr: "readiness: listen on 256.0.0.1:0: ",
		},
		"an unknown log format": {
			env:        key,
			args:       []string{"--log-format", "xml"},
			wantStderr: "readiness: --log-format xml: want json or text\n" + usage,
		},
		"a queue of none": {
			env:        key,
			args:       []string{"--queue-size", "0"},
			wantStderr: "readiness: --queue-size 0: want a positive number\n" + usage,
		},
		"an argument": {
			env:        key,
			args:       []string{"plan.json"},
			wantStderr: "readiness: unknown command \"plan.json\" for \"readiness serve\"\n" + usage,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := runServe(tt.env, tt.args...)
			if o.code != ExitError {
				t.Errorf("exit code %d, want 1", o.code)
			}
			got := o.stderr
			if strings.HasSuffix(tt.wantStderr, ": ") {
				got = got[:min(len(got), len(tt.wantStderr))]
			}
			if diff := cmp.Diff(tt.wantStderr, got); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			assertClean(t, o)
		})
	}
}

func TestServeHelp(t *testing.T) {
	t.Parallel()
	o := runServe(nil, "--help")
	if o.code != ExitReady {
		t.Fatalf("exit code %d", o.code)
	}
	for _, want := range []string{"X-TFC-Task-Signature", "READINESS_HMAC_KEY", "--hcp-address URL", "--hmac-key-file FILE", "SIGTERM", "/metrics", "429"} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("serve --help does not say %q", want)
		}
	}
	if root := run(testChecks, "--help"); !strings.Contains(root.stdout, "readiness serve ") {
		t.Error("readiness --help does not list serve")
	}
}

// TestServeHMACKey: --hmac-key-file wins over the environment; a file's
// trailing line break is not part of the key.
func TestServeHMACKey(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(file, []byte("from-file\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		env, file, want string
	}{
		"environment":       {env: "from-env", want: "from-env"},
		"file":              {file: file, want: "from-file"},
		"file over the env": {env: "from-env", file: file, want: "from-file"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a := &app{getenv: func(string) string { return tt.env }}
			key, err := a.hmacKey(tt.file)
			if err != nil || string(key) != tt.want {
				t.Errorf("key %q, %v; want %q", key, err, tt.want)
			}
		})
	}
}

// TestServeFlagsDocumented: the guide's table names every flag of serve.
func TestServeFlagsDocumented(t *testing.T) {
	t.Parallel()
	guide, err := os.ReadFile("../../templates/guides/hcp-terraform-run-task.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	a := &app{stdout: io.Discard, stderr: io.Discard}
	a.serveCommand().Flags().VisitAll(func(f *pflag.Flag) {
		if !strings.Contains(string(guide), "| `--"+f.Name+" ") && !strings.Contains(string(guide), "| `--"+f.Name+"`") {
			t.Errorf("the guide's flag table lacks --%s", f.Name)
		}
	})
}
