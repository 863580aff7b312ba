package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// childEnv holds the arguments of a scan TestCLIChild runs.
const childEnv = "READINESS_CLI_CHILD_ARGS"

// TestCLIChild runs one scan for TestHostileInputs in a process of its own
// and exits with its code: a Go stack overflow or an exhausted memory ends
// the whole process, which must not be the test binary.
func TestCLIChild(t *testing.T) {
	args := os.Getenv(childEnv)
	if args == "" {
		t.Skip("run by TestHostileInputs")
	}
	var list []string
	if err := json.Unmarshal([]byte(args), &list); err != nil {
		t.Fatal(err)
	}
	o := run(testChecks, list...)
	fmt.Fprint(os.Stdout, o.stdout)
	fmt.Fprint(os.Stderr, o.stderr)
	os.Exit(o.code)
}

// runChild runs a scan with args in a child process, in dir, for at most
// limit.
func runChild(t *testing.T, dir string, limit time.Duration, args ...string) (outcome, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	enc, _ := json.Marshal(args)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCLIChild$", "-test.timeout="+limit.String())
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"="+string(enc))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run the child: %v", err)
	}
	if ctx.Err() != nil {
		t.Fatalf("the scan ran past %v:\n%s", limit, stderr.String())
	}
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}, took
}

// TestHostileInputs: configurations nested deep enough to overflow the
// stack (100,000 levels and more) and custom checks that would run for
// minutes or take gigabytes end the scan with exit 1 and an error at their
// place, within seconds.
func TestHostileInputs(t *testing.T) {
	t.Parallel()
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	ready, err := filepath.Abs("testdata/ready.json")
	if err != nil {
		t.Fatal(err)
	}
	const n = 100_000
	deep := strings.Repeat("[", n) + strings.Repeat("]", n)
	deepPlan := `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[{"address":"aws_db_instance.a",` +
		`"mode":"managed","type":"aws_db_instance","name":"a","change":{"actions":["create"],"after":{"tags":` +
		strings.Repeat("[", 10*n) + strings.Repeat("]", 10*n) + `},"after_unknown":{},"after_sensitive":{}}}]}`
	custom := func(condition string) string {
		return "check \"team_runaway\" {\n  resource_types = [\"aws_db_instance\"]\n  condition      = " + condition + "\n}\n"
	}
	tests := map[string]struct {
		files map[string]string
		args  []string
		want  string // in stderr or in the report
	}{
		".readiness.hcl": {
			files: map[string]string{"deep.hcl": "fail_on = " + deep + "\n"},
			args:  []string{"scan", "--config", "deep.hcl", ready},
			want:  "readiness: deep.hcl:1,267-268: Nesting too deep",
		},
		".readiness.hcl operators": {
			files: map[string]string{"deep.hcl": "profile = 1" + strings.Repeat(" + 1", 10*n) + "\n"},
			args:  []string{"scan", "--config", "deep.hcl", ready},
			want:  "readiness: deep.hcl:1,1037-1038: Nesting too deep",
		},
		"directory scan": {
			files: map[string]string{"dir/main.tf": "locals {\n  x = " + deep + "\n}\n"},
			args:  []string{"scan", "dir"},
			want:  "main.tf:2,262: Nesting too deep",
		},
		"directory scan, JSON syntax": {
			files: map[string]string{"dir/main.tf.json": `{"locals": {"x": ` + deep + `}}`},
			args:  []string{"scan", "dir"},
			want:  "main.tf.json:1,272: Nesting too deep",
		},
		"--config-dir": {
			files: map[string]string{"dir/main.tf": "locals {\n  x = " + deep + "\n}\n"},
			args:  []string{"scan", "--config-dir", "dir", ready},
			want:  filepath.Join("dir", "main.tf") + ":2,262-263: Nesting too deep",
		},
		"plan JSON": {
			files: map[string]string{"plan.json": deepPlan},
			args:  []string{"scan", "plan.json"},
			want:  "readiness: read plan.json: invalid JSON at line 1, column 1203: nesting deeper than 1000",
		},
		"setproduct": {
			files: map[string]string{"runaway.hcl": custom("length(setproduct(range(1024), range(1024), range(64))) > 0")},
			args:  []string{"scan", "--config", "runaway.hcl", ready},
			want:  "check team_runaway is invalid: runaway.hcl:3,27-38: the condition exceeds the evaluation budget of 100,000 steps",
		},
		"directory scan, setproduct in a local": {
			files: map[string]string{"dir/main.tf": "locals {\n  n = length(setproduct(range(1024), range(1024), range(64)))\n}\n" +
				"resource \"aws_db_instance\" \"a\" {\n  allocated_storage = local.n\n}\n"},
			args: []string{"scan", "dir"},
			want: "main.tf:2,7: evaluating this expression exceeds the evaluation budget of 1,000,000 steps",
		},
		"directory scan, three for expressions in a local": {
			files: map[string]string{"dir/main.tf": "locals {\n  n = length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]])\n}\n" +
				"resource \"aws_db_instance\" \"a\" {\n  allocated_storage = local.n\n}\n"},
			args: []string{"scan", "dir"},
			want: "main.tf:2,7: evaluating this expression exceeds the evaluation budget",
		},
		"three for expressions": {
			files: map[string]string{"runaway.hcl": custom("length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]]) > 0")},
			args:  []string{"scan", "--config", "runaway.hcl", ready},
			want:  "check team_runaway is invalid: runaway.hcl:3,",
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
			o, took := runChild(t, dir, 60*time.Second, tt.args...)
			if o.code != ExitError || !strings.Contains(o.stderr+o.stdout, tt.want) {
				t.Errorf("exit %d, stderr:\n%.2000s\nstdout:\n%.2000s\nwant exit 1 and %q", o.code, o.stderr, o.stdout, tt.want)
			}
			assertClean(t, o)
			if took > 20*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}
