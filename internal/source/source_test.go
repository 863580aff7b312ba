package source

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	t.Parallel()
	locs, err := Index("testdata/config")
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.FromSlash("testdata/config/")
	tests := map[string]struct {
		address  string
		wantFile string // "" when not found
		wantLine int
	}{
		"root resource":                    {address: "aws_s3_bucket.logs", wantFile: cfg + "main.tf", wantLine: 9},
		"count instance":                   {address: "aws_instance.web[1]", wantFile: cfg + "main.tf", wantLine: 13},
		"data source":                      {address: "data.aws_ami.base", wantFile: cfg + "main.tf", wantLine: 19},
		"JSON syntax":                      {address: "aws_sqs_queue.jobs", wantFile: cfg + "queues.tf.json", wantLine: 4},
		"module call":                      {address: `module.app["blue"]`, wantFile: cfg + "main.tf", wantLine: 24},
		"resource in a for_each module":    {address: `module.app["blue"].aws_db_instance.main[0]`, wantFile: cfg + filepath.FromSlash("modules/db/main.tf"), wantLine: 5},
		"key with dots and brackets":       {address: `module.app["a.b[c]"].aws_db_instance.main[0]`, wantFile: cfg + filepath.FromSlash("modules/db/main.tf"), wantLine: 5},
		"nested local module":              {address: `module.network.module.subnets.aws_subnet.private["a"]`, wantFile: cfg + filepath.FromSlash("modules/network/subnets/subnets.tf"), wantLine: 5},
		"registry module: at its call":     {address: "module.vpc.aws_vpc.this[0]", wantFile: cfg + "main.tf", wantLine: 34},
		"unknown resource in local module": {address: "module.network.module.subnets.aws_route.x", wantFile: cfg + filepath.FromSlash("modules/network/main.tf"), wantLine: 5},
		"self-calling module stops":        {address: "module.loop.module.again.aws_sns_topic.alerts", wantFile: cfg + filepath.FromSlash("modules/loop/main.tf"), wantLine: 6},
		"self-calling module's resource":   {address: "module.loop.aws_sns_topic.alerts", wantFile: cfg + filepath.FromSlash("modules/loop/main.tf"), wantLine: 2},
		"override file does not win":       {address: "aws_s3_bucket.logs", wantFile: cfg + "main.tf", wantLine: 9},
		"not declared":                     {address: "aws_lambda_function.missing"},
		"whole plan":                       {address: ""},
		"unknown module":                   {address: "module.nope.aws_s3_bucket.x"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			file, line, ok := locs.Find(tt.address)
			if tt.wantFile == "" {
				if ok {
					t.Fatalf("Find(%q) = %s:%d, want not found", tt.address, file, line)
				}
				return
			}
			if !ok || file != tt.wantFile || line != tt.wantLine {
				t.Fatalf("Find(%q) = %s:%d %v, want %s:%d", tt.address, file, line, ok, tt.wantFile, tt.wantLine)
			}
		})
	}
}

func TestIndexPartialFile(t *testing.T) {
	t.Parallel()
	locs, err := Index("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	if _, line, ok := locs.Find("aws_s3_bucket.kept"); !ok || line != 1 {
		t.Errorf("Find(aws_s3_bucket.kept) = %d, %v; want line 1 from a file with a later syntax error", line, ok)
	}
}

func TestIndexErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		dir     string
		wantErr string
	}{
		"missing":  {dir: "testdata/nope", wantErr: "read configuration testdata/nope: no such directory"},
		"a file":   {dir: "testdata/config/main.tf", wantErr: "read configuration testdata/config/main.tf: not a directory"},
		"no files": {dir: "testdata/noconfig"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			locs, err := Index(tt.dir)
			if tt.wantErr == "" {
				if err != nil || locs.Len() != 0 {
					t.Fatalf("Index(%s) = %d blocks, %v; want none, no error", tt.dir, locs.Len(), err)
				}
				return
			}
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("Index(%s) error = %v, want %q", tt.dir, err, tt.wantErr)
			}
		})
	}
}

func TestNilLocations(t *testing.T) {
	t.Parallel()
	var l *Locations
	if _, _, ok := l.Find("aws_s3_bucket.x"); ok {
		t.Error("nil Locations found something")
	}
	var s *Set
	if _, _, ok := s.Locate("plan.json", "aws_s3_bucket.x"); ok {
		t.Error("nil Set found something")
	}
}

func TestForInputs(t *testing.T) {
	t.Parallel()
	plan := filepath.FromSlash("testdata/plandir/plan.json")
	bare := filepath.FromSlash("testdata/noconfig/plan.json")
	tests := map[string]struct {
		configDir string
		input     string // looked up; the scan's inputs are plan, bare and testdata/plandir
		address   string
		wantFile  string // "" when not found
		wantErr   string
	}{
		"default: the plan's directory":               {input: plan, address: "aws_s3_bucket.here", wantFile: filepath.FromSlash("testdata/plandir/main.tf")},
		"default: no .tf beside the plan":             {input: bare, address: "aws_s3_bucket.here"},
		"config dir wins":                             {configDir: "testdata/config", input: plan, address: "aws_s3_bucket.logs", wantFile: filepath.FromSlash("testdata/config/main.tf")},
		"config dir, not the plan's":                  {configDir: "testdata/config", input: plan, address: "aws_s3_bucket.here"},
		"default: a configuration directory as input": {input: "testdata/plandir", address: "aws_s3_bucket.here", wantFile: filepath.FromSlash("testdata/plandir/main.tf")},
		"an input not scanned":                        {input: "other.json", address: "aws_s3_bucket.here"},
		"missing config dir":                          {configDir: "testdata/nope", input: plan, wantErr: "no such directory"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			inputs := []string{plan, bare, "testdata/plandir"}
			set, err := ForInputs(tt.configDir, inputs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ForInputs error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			in := tt.input
			file, _, ok := set.Locate(in, tt.address)
			if tt.wantFile == "" {
				if ok {
					t.Fatalf("Locate(%s, %s) = %s, want not found", in, tt.address, file)
				}
				return
			}
			if !ok || file != tt.wantFile {
				t.Fatalf("Locate(%s, %s) = %s %v, want %s", in, tt.address, file, ok, tt.wantFile)
			}
		})
	}
}

// TestFindConditionBlocks: a failed check block, output or variable
// validation points at its block, in modules too.
func TestFindConditionBlocks(t *testing.T) {
	t.Parallel()
	const dir = "../../checks/testdata/check_blocks"
	locs, err := Index(dir)
	if err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(dir, "main.tf")
	svc := filepath.Join(dir, "modules", "svc", "main.tf")
	tests := map[string]struct {
		address, file string
		line          int
	}{
		"check block":             {"check.backup_retention", main, 43},
		"check block in a module": {`module.svc["api"].check.replicas`, svc, 0},
		"output's precondition":   {"output.database_environment", main, 73},
		"variable's validation":   {"var.environment", main, 9},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			file, line, ok := locs.Find(tc.address)
			if !ok || file != tc.file || tc.line != 0 && line != tc.line {
				t.Errorf("Find(%q) = %s:%d %t, want %s:%d", tc.address, file, line, ok, tc.file, tc.line)
			}
		})
	}
}
