package cli

import (
	"os"
	"runtime/debug"
	"sync"
)

// memoryBudget is how a scan asks Go's runtime to pace its collector: a
// soft limit on the heap for the whole scan, and no collection below that
// limit while the inputs are read.
type memoryBudget struct {
	// set is true when the scan chose the limit: neither GOMEMLIMIT nor
	// GOGC was given, so that the pacing is the scan's to decide.
	set bool
}

// pacing holds what the runtime's settings were before the scans running
// in this process changed them: the settings are the process's, and scans
// may run side by side (in tests, or several commands in one process). The
// first scan changes them, the last puts them back.
var pacing struct {
	sync.Mutex
	scans, readers int
	oldLimit       int64
	oldPercent     int
}

// budgetMemory sets a soft limit of two and a half times the inputs' size
// (at least 256 MiB): a plan's model and results take about twice its
// size, and without a limit the collector lets garbage double that.
// GOMEMLIMIT or GOGC, when set, win: nothing is changed. restore puts the
// previous limit back.
func budgetMemory(paths []string) memoryBudget {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return memoryBudget{}
	}
	var total int64
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			total += info.Size()
		}
	}
	limit := max(256<<20, total*5/2)
	pacing.Lock()
	defer pacing.Unlock()
	pacing.scans++
	if pacing.scans == 1 {
		pacing.oldLimit = debug.SetMemoryLimit(limit)
	} else if limit > debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(limit) // the largest of the scans running
	}
	return memoryBudget{set: true}
}

// reading runs read, the reading of the inputs, with the collector paced
// by the soft limit alone. Reading builds models that live until the scan
// ends and leaves little garbage, so collections while the heap grows find
// almost nothing to free: on a 50,000-resource plan they cost a fifth of
// the scan's CPU. The usual pacing returns once read is done.
func (b memoryBudget) reading(read func()) {
	if !b.set {
		read()
		return
	}
	pacing.Lock()
	pacing.readers++
	if pacing.readers == 1 {
		pacing.oldPercent = debug.SetGCPercent(-1)
	}
	pacing.Unlock()
	defer func() {
		pacing.Lock()
		defer pacing.Unlock()
		pacing.readers--
		if pacing.readers == 0 {
			debug.SetGCPercent(pacing.oldPercent)
		}
	}()
	read()
}

// restore puts the previous limit back once the last scan is done.
func (b memoryBudget) restore() {
	if !b.set {
		return
	}
	pacing.Lock()
	defer pacing.Unlock()
	pacing.scans--
	if pacing.scans == 0 {
		debug.SetMemoryLimit(pacing.oldLimit)
	}
}
