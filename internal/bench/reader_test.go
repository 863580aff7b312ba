package bench

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/input"
)

// BenchmarkReaderOldVsNew runs, side by side in fresh processes, the
// encoding/json floor, reading the plan into the model and a whole scan,
// each with the old reader (READINESS_LEGACY_READER=1) and the new one.
// It goes with the old reader.
func BenchmarkReaderOldVsNew(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path, size := plan(b, n)
			type run struct {
				op     string
				legacy bool
			}
			runs := []run{{"decode", false}, {"read", true}, {"read", false}, {"scan", true}, {"scan", false}}
			cpu := make([]time.Duration, len(runs))
			wall := make([]time.Duration, len(runs))
			rss := make([]int64, len(runs))
			for b.Loop() {
				for i, r := range runs {
					w, c, m := childCPU(b, r.op, path, r.legacy)
					wall[i] += w
					cpu[i] += c
					rss[i] = max(rss[i], m)
				}
			}
			name := []string{"floor", "read-old", "read-new", "scan-old", "scan-new"}
			for i := range runs {
				b.ReportMetric(cpu[i].Seconds()/float64(b.N), name[i]+"-cpu-s")
				b.ReportMetric(wall[i].Seconds()/float64(b.N), name[i]+"-wall-s")
				b.ReportMetric(float64(rss[i])/float64(size), name[i]+"-rss/file")
				if i > 0 {
					b.ReportMetric(float64(cpu[i])/float64(cpu[0]), name[i]+"-cpu/floor")
				}
			}
			b.ReportMetric(float64(cpu[4])/float64(cpu[3]), "scan-new/old-cpu")
			b.ReportMetric(float64(wall[4])/float64(wall[3]), "scan-new/old-wall")
			b.ReportMetric(float64(cpu[2])/float64(cpu[1]), "read-new/old-cpu")
		})
	}
}

func childCPU(b *testing.B, op, path string, legacy bool) (wall, cpu time.Duration, rss int64) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+op, "READINESS_BENCH_FILE="+path)
	if legacy {
		cmd.Env = append(cmd.Env, "READINESS_LEGACY_READER=1")
	}
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall = time.Since(start)
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", op, path, err, out)
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, peakPrefix); ok {
			rss, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	return wall, cpu, rss
}

func read(path string) error {
	_, err := input.Read(path)
	return err
}
