package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"

	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// staged is a report written but not yet in place: a temporary file that
// commit renames over the file it replaces, or nothing to do when the
// report was streamed.
type staged struct {
	tmp, file string
}

// stage writes what write produces for path. A stream (see targetOf) gets
// the report directly. A regular file, or a path where nothing exists yet,
// gets it in a temporary file beside the file (through links), which
// commit renames over it: no reader sees half a report, a failed write
// leaves the earlier file as it was, and a large report is never held
// whole in memory.
func stage(path string, write func(io.Writer) error) (staged, error) {
	t, err := targetOf(path)
	if err != nil {
		return staged{}, describeOSError(err)
	}
	if t.stream {
		return staged{}, streamInto(path, t, write)
	}
	tmp, err := inFlight.create(filepath.Dir(t.file), "."+filepath.Base(t.file)+".*.tmp")
	if err != nil {
		return staged{}, describeOSError(err)
	}
	if err := fillTemp(tmp, write); err != nil {
		_ = tmp.Close()
		inFlight.remove(tmp.Name())
		return staged{}, describeOSError(err)
	}
	return staged{tmp: tmp.Name(), file: t.file}, nil
}

func fillTemp(tmp *os.File, write func(io.Writer) error) error {
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	return tmp.Close()
}

// commit puts a staged report in place.
func (s staged) commit() error {
	if s.tmp == "" {
		return nil
	}
	if err := inFlight.rename(s.tmp, s.file); err != nil {
		inFlight.remove(s.tmp)
		return describeOSError(err)
	}
	return nil
}

// discard removes a staged report's temporary file.
func (s staged) discard() {
	if s.tmp != "" {
		inFlight.remove(s.tmp)
	}
}

// writeFile writes one report to path at once: stage, then commit.
func writeFile(path string, write func(io.Writer) error) error {
	s, err := stage(path, write)
	if err != nil {
		return err
	}
	return s.commit()
}

// streamInto writes the report into a stream: a FIFO (which waits for a
// reader, as a shell's `>` does), a device, a socket that accepts a
// connection, or one of this process's descriptors, at its end.
func streamInto(path string, t target, write func(io.Writer) error) error {
	var w io.WriteCloser
	var err error
	switch {
	case t.mode&fs.ModeSocket != 0:
		w, err = net.Dial("unix", path)
		if err != nil {
			return fmt.Errorf("a socket that accepts no connection: %w", describeOSError(err))
		}
	case t.descriptor:
		w, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	default:
		w, err = os.OpenFile(path, os.O_WRONLY, 0)
	}
	if err != nil {
		return describeOSError(err)
	}
	if err := write(w); err != nil {
		_ = w.Close()
		return describeOSError(err)
	}
	return describeOSError(w.Close())
}

// writeBytes is a writer function for stage that writes data.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// describeOSError drops Go's operation and temporary file name from a file
// system error, keeping what went wrong.
func describeOSError(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) {
		err = oe.Err
	}
	return oserr.Describe(err, "no such directory")
}
