package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/cli"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

const genplanDir = "../../../shared/tools/genplan"

var sizes = []int{1000, 10000, 50000}

// childEnv makes the test binary run one measured operation and exit, so
// that its peak resident memory can be read from the operating system.
const childEnv = "READINESS_BENCH_CHILD"

func TestMain(m *testing.M) {
	if op := os.Getenv(childEnv); op != "" {
		if err := runOp(op, os.Getenv("READINESS_BENCH_FILE")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s%d\n", peakPrefix, ownPeakRSS())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// peakPrefix starts the line on which a child reports its peak resident
// memory in bytes.
const peakPrefix = "readiness-bench-peak-rss: "

// ownPeakRSS is this process's peak resident memory since it started
// (VmHWM), or 0 where /proc does not say. The rusage the parent gets from
// wait is no good for this: Linux carries the parent's peak across fork
// and exec, so after an in-process benchmark of 1.4 GB every child would
// "peak" there.
func ownPeakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}

func runOp(op, path string) error {
	switch op {
	case "decode":
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var v any
		return json.Unmarshal(data, &v)
	case "scan":
		return scan(path)
	case "judge":
		return judge(path, false)
	case "judge-planned":
		return judge(path, true)
	}
	return fmt.Errorf("unknown operation %q", op)
}

// scan is `readiness scan --format json PATH`, run in-process with the
// report written to nowhere.
func scan(path string) error {
	var stderr bytes.Buffer
	switch code := cli.Run([]string{"scan", "--format", "json", "--fail-on", "none", path}, io.Discard, &stderr); code {
	case cli.ExitReady:
		return nil
	default:
		return fmt.Errorf("scan exited %d: %s", code, stderr.String())
	}
}

func decode(path string) error { return runOp("decode", path) }

// plan returns a synthetic plan of n resources, generating it once.
func plan(b *testing.B, n int) (string, int64) {
	b.Helper()
	if _, err := os.Stat(genplanDir); err != nil {
		b.Skipf("genplan not available at %s: the benchmark plans come from ../shared/tools/genplan", genplanDir)
	}
	dir := filepath.Join(os.TempDir(), "readiness-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "plan_"+strconv.Itoa(n)+".json")
	if _, err := os.Stat(path); err != nil {
		cmd := exec.Command("go", "run", ".", "-n", strconv.Itoa(n), "-seed", "1", "-o", path+".tmp")
		cmd.Dir = genplanDir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("genplan: %v\n%s", err, out)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			b.Fatal(err)
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, info.Size()
}

// BenchmarkDecodeAny is the baseline: encoding/json into any.
func BenchmarkDecodeAny(b *testing.B) {
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path, size := plan(b, n)
			b.SetBytes(size)
			for b.Loop() {
				if err := decode(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScan is a whole scan with every registered check and the JSON
// report.
func BenchmarkScan(b *testing.B) {
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path, size := plan(b, n)
			b.SetBytes(size)
			for b.Loop() {
				if err := scan(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// goalSizes are the plan sizes at which issue 15's goal is held: the scan
// costs at most half the CPU of the floor (encoding/json into any) and
// peaks at most at twice the file's size, the soft memory limit on or off.
var goalSizes = []int{10000, 50000, 100000}

// BenchmarkScanVsDecode reports, side by side in one run, each operation
// in a fresh process: the scan's CPU time (user and system) and wall time
// over the floor's, and the peak resident memory of the scan, of the scan
// with GOMEMLIMIT=off (no soft limit) and of the floor over the file size.
func BenchmarkScanVsDecode(b *testing.B) {
	for _, n := range goalSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path, size := plan(b, n)
			var scan, unlimited, floor usage
			for b.Loop() {
				floor.add(child(b, "decode", path))
				scan.add(child(b, "scan", path))
				unlimited.add(child(b, "scan", path, "GOMEMLIMIT=off"))
			}
			b.ReportMetric(float64(scan.cpu)/float64(floor.cpu), "scan/floor-cpu")
			b.ReportMetric(float64(scan.wall)/float64(floor.wall), "scan/floor-wall")
			b.ReportMetric(float64(scan.peak)/float64(size), "scan-peakRSS/file")
			b.ReportMetric(float64(unlimited.peak)/float64(size), "nolimit-peakRSS/file")
			b.ReportMetric(float64(floor.peak)/float64(size), "floor-peakRSS/file")
			b.ReportMetric(float64(size)/(1<<20), "file-MiB")
		})
	}
}

// usage is what the children of one kind cost, summed over the runs, with
// the highest peak.
type usage struct {
	wall, cpu time.Duration
	peak      int64
}

func (u *usage) add(c usage) {
	u.wall += c.wall
	u.cpu += c.cpu
	u.peak = max(u.peak, c.peak)
}

// child runs one operation in a fresh process, with extra environment
// variables, and returns its wall time, CPU time and peak resident memory.
func child(b *testing.B, op, path string, env ...string) usage {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), childEnv+"="+op, "READINESS_BENCH_FILE="+path), env...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", op, path, err, out)
	}
	u := usage{wall: elapsed, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, peakPrefix); ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
				u.peak = n
				return u
			}
		}
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Fatal("no resource usage for the child process")
	}
	u.peak = ru.Maxrss * 1024
	return u
}

// BenchmarkJudgeInputs reports how much judging several inputs in one run
// (the engine judges them in parallel, up to GOMAXPROCS at a time) saves
// over judging them one after another: the time of four 10,000-resource
// plans judged apart, over the time of the same plans judged together.
// Reading is left out: only the checks are timed.
func BenchmarkJudgeInputs(b *testing.B) {
	path, _ := plan(b, 10000)
	var plans []*model.Plan
	for range 4 {
		p, err := input.Read(path)
		if err != nil {
			b.Fatal(err)
		}
		plans = append(plans, p)
	}
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		b.Fatal(err)
	}
	opts := engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)}
	var apart, together time.Duration
	for b.Loop() {
		start := time.Now()
		for _, p := range plans {
			engine.Run([]*model.Plan{p}, checks.All(), opts)
		}
		apart += time.Since(start)
		start = time.Now()
		engine.Run(plans, checks.All(), opts)
		together += time.Since(start)
	}
	b.ReportMetric(float64(apart)/float64(together), "apart/together-time")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}
