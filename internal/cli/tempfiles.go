package cli

import (
	"errors"
	"os"
	"sync"
)

// tempFiles are the temporary files that report writes have in flight, so
// that a signal ending the process can remove them (signals.go). There is
// one set per process, as there is one set of signal handlers.
type tempFiles struct {
	mu      sync.Mutex
	paths   map[string]bool
	stopped bool // a signal came: no new temporary file, no rename
}

var inFlight = newTempFiles()

// errStopped is what a write gets once a signal is ending the process.
var errStopped = errors.New("stopped by a signal")

func newTempFiles() *tempFiles {
	return &tempFiles{paths: map[string]bool{}}
}

// create makes a temporary file as os.CreateTemp does, and records it.
func (t *tempFiles) create(dir, pattern string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return nil, errStopped
	}
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		t.paths[f.Name()] = true
	}
	return f, err
}

// rename moves the temporary file tmp over path.
func (t *tempFiles) rename(tmp, path string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errStopped
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	delete(t.paths, tmp)
	return nil
}

// remove deletes the temporary file tmp.
func (t *tempFiles) remove(tmp string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	_ = os.Remove(tmp)
	delete(t.paths, tmp)
}

// stop removes every temporary file in flight, and refuses new ones.
func (t *tempFiles) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	for p := range t.paths {
		_ = os.Remove(p)
		delete(t.paths, p)
	}
}
