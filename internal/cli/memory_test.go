package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"
)

// gcPercent reads the collector's GOGC setting without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestMemoryBudget is not parallel: the settings are the process's, and
// the package's parallel tests, which scan, wait until it is done.
func TestMemoryBudget(t *testing.T) {
	big := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 400<<20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	os.Unsetenv("GOMEMLIMIT")
	os.Unsetenv("GOGC")
	limit, percent := debug.SetMemoryLimit(-1), gcPercent()

	t.Run("one scan", func(t *testing.T) {
		b := budgetMemory([]string{big})
		if got, want := debug.SetMemoryLimit(-1), int64(1000<<20); got != want {
			t.Errorf("limit during the scan = %d, want 2.5x the input, %d", got, want)
		}
		b.reading(func() {
			if got := gcPercent(); got != -1 {
				t.Errorf("GOGC while reading = %d, want -1 (paced by the limit alone)", got)
			}
		})
		if got := gcPercent(); got != percent {
			t.Errorf("GOGC after reading = %d, want %d back", got, percent)
		}
		b.restore()
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("limit after the scan = %d, want %d back", got, limit)
		}
	})

	t.Run("small inputs get the floor", func(t *testing.T) {
		b := budgetMemory([]string{"missing.json", t.TempDir()})
		defer b.restore()
		if got, want := debug.SetMemoryLimit(-1), int64(256<<20); got != want {
			t.Errorf("limit = %d, want %d", got, want)
		}
	})

	t.Run("scans side by side", func(t *testing.T) {
		// Each scan ends while another may still be reading: the
		// settings come back only once the last is done.
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				paths := []string{}
				if i%2 == 0 {
					paths = append(paths, big)
				}
				b := budgetMemory(paths)
				b.reading(func() {
					if got := gcPercent(); got != -1 {
						t.Errorf("GOGC while reading = %d, want -1", got)
					}
				})
				b.restore()
			}()
		}
		close(start)
		wg.Wait()
		if got := gcPercent(); got != percent {
			t.Errorf("GOGC after the scans = %d, want %d back", got, percent)
		}
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("limit after the scans = %d, want %d back", got, limit)
		}
	})

	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env+" set wins", func(t *testing.T) {
			t.Setenv(env, "off")
			b := budgetMemory([]string{big})
			b.reading(func() {
				if got := gcPercent(); got != percent {
					t.Errorf("GOGC while reading = %d, want %d untouched", got, percent)
				}
			})
			b.restore()
			if got := debug.SetMemoryLimit(-1); got != limit {
				t.Errorf("limit = %d, want %d untouched", got, limit)
			}
		})
	}
}
