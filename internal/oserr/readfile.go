package oserr

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxConfigFile bounds a configuration file read from a repository (a .tf,
// .tf.json or .tfvars file, .readiness.hcl, a baseline, modules.json):
// generated .tf.json files run to a few megabytes, and a file larger than
// this is refused rather than parsed.
const MaxConfigFile = 32 << 20

// ErrNotRegular is the error of a path that is not a regular file once
// symbolic links are followed: a device (/dev/zero never ends), a named
// pipe (blocks until someone writes) or a socket.
var ErrNotRegular = errors.New("is not a regular file (a device, pipe or socket): not read")

// ReadFile reads the regular file at path, of at most limit bytes,
// following symbolic links. What goes wrong is said as Describe says it,
// with "no such file" for a missing path: "is a directory", ErrNotRegular,
// or "is larger than N MiB". A repository can hold a symbolic link to
// anything: the file is checked before it is opened, since opening a pipe
// blocks, and read no further than limit, since a file can grow.
func ReadFile(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, Describe(err, "no such file")
	}
	if err := regular(info, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, Describe(err, "no such file")
	}
	defer f.Close()
	// The file opened may not be the one checked.
	if info, err = f.Stat(); err != nil {
		return nil, Describe(err, "no such file")
	}
	if err := regular(info, limit); err != nil {
		return nil, err
	}
	return readAtMost(f, limit)
}

// ReadGiven reads a file named on the command line, of at most limit
// bytes. Unlike ReadFile it reads a pipe or a device too, as far as limit:
// `--var-file <(sops -d prod.tfvars)` names a pipe, and the person who
// named it chose it.
func ReadGiven(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, Describe(err, "no such file")
	case info.IsDir():
		return nil, errors.New("is a directory")
	case info.Mode()&os.ModeSocket != 0:
		return nil, errors.New("is a socket, not a file")
	case info.Mode().IsRegular() && info.Size() > limit:
		return nil, tooLarge(limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, Describe(err, "no such file")
	}
	defer f.Close()
	return readAtMost(f, limit)
}

// readAtMost reads f to its end, or refuses it past limit bytes.
func readAtMost(f *os.File, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, Describe(err, "no such file")
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

func regular(info os.FileInfo, limit int64) error {
	switch {
	case info.IsDir():
		return errors.New("is a directory")
	case !info.Mode().IsRegular():
		return ErrNotRegular
	case info.Size() > limit:
		return tooLarge(limit)
	}
	return nil
}

func tooLarge(limit int64) error {
	if limit >= 1<<20 && limit%(1<<20) == 0 {
		return fmt.Errorf("is larger than %d MiB: not read", limit>>20)
	}
	return fmt.Errorf("is larger than %d bytes: not read", limit)
}
