package input

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// openInput opens the input at path, whose file type is mode, and returns
// it with a buffered reader of it. A regular file opens at once. Opening a
// named pipe waits for a writer, at most wait. A device must deliver its
// first byte (or its end) within wait. A pipe whose writer is there (the
// `<(terraform show -json tfplan)` of a shell, /dev/stdin in a pipeline)
// is read for as long as the writer takes.
func openInput(path string, mode fs.FileMode, wait time.Duration) (*os.File, *bufio.Reader, error) {
	if mode.IsRegular() {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		return f, bufio.NewReaderSize(f, 64<<10), nil
	}
	if mode&fs.ModeSocket != 0 {
		return nil, nil, errors.New("is a socket, not a file")
	}
	f, err := openWithin(path, mode, wait)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if mode&fs.ModeNamedPipe != 0 {
		return f, br, nil
	}
	arrived := make(chan struct{})
	go func() {
		_, _ = br.Peek(1)
		close(arrived)
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-arrived:
		return f, br, nil
	case <-timer.C:
		_ = f.Close()
		return nil, nil, fmt.Errorf("nothing arrived within %s: is anything writing to it?", wait)
	}
}

// openWithin opens path for reading, giving up after wait: opening a named
// pipe waits for a writer.
func openWithin(path string, mode fs.FileMode, wait time.Duration) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		done <- opened{f, err}
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.f, o.err
	case <-timer.C:
	}
	go func() {
		// Open the pipe for writing, and close it at once, so that the
		// open above returns, and close what it opened.
		if mode&fs.ModeNamedPipe != 0 {
			if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				_ = w.Close()
			}
		}
		if o := <-done; o.f != nil {
			_ = o.f.Close()
		}
	}()
	if mode&fs.ModeNamedPipe != 0 {
		return nil, fmt.Errorf("no program opened this named pipe for writing within %s", wait)
	}
	return nil, fmt.Errorf("could not open it within %s", wait)
}
