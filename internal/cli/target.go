package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks bounds the symbolic links followed from one path, as the
// kernel's own limit does (ELOOP).
const maxLinks = 40

// target is where a report named path goes.
type target struct {
	// stream: path names something to write into rather than replace (a
	// FIFO, a device, a socket, or a descriptor such as /dev/stdout).
	stream bool
	// mode is the stream's file type.
	mode fs.FileMode
	// descriptor: path is a descriptor of this process (/dev/stdout,
	// /dev/fd/N, /proc/self/fd/N): written at its end, as `>>` would, so
	// that what the shell's redirection already holds stays.
	descriptor bool
	// file is the regular file to replace, links resolved, for a target
	// that is not a stream: it may not exist yet.
	file string
}

// targetOf says how to write a report to path: a path that exists and is
// not a regular file (directly or through links) is a stream; otherwise the
// report replaces the file path leads to, through links, so that a link
// stays a link.
func targetOf(path string) (target, error) {
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		return target{}, errors.New("is a directory")
	}
	if err == nil && !info.Mode().IsRegular() {
		return target{stream: true, mode: info.Mode().Type()}, nil
	}
	file, descriptor, err := resolve(path)
	if err != nil {
		return target{}, err
	}
	if descriptor {
		return target{stream: true, descriptor: true}, nil
	}
	return target{file: file}, nil
}

// resolve returns path made absolute with every symbolic link resolved:
// those of its directories, and that of the file itself even when the link
// leads to a file that does not exist yet (the file a write through the
// link creates). descriptor reports a path that names one of this
// process's open descriptors (under /proc/PID/fd, or /dev/fd), which
// are links only in name.
func resolve(path string) (resolved string, descriptor bool, err error) {
	path, err = filepath.Abs(path)
	if err != nil {
		return "", false, err
	}
	for range maxLinks {
		dir, err := filepath.EvalSymlinks(filepath.Dir(path))
		if err != nil {
			return "", false, err
		}
		path = filepath.Join(dir, filepath.Base(path))
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, false, nil
		}
		if strings.HasPrefix(dir, "/proc/") || dir == "/dev/fd" {
			return path, true, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(dir, dest)
		}
		path = dest
	}
	return "", false, errors.New("too many levels of symbolic links")
}

// identity is what two paths share when they name one file.
type identity struct {
	info fs.FileInfo // nil when nothing exists at the path yet
	path string      // the path resolved, or made absolute when it cannot be
}

func identify(path string) identity {
	id := identity{path: path}
	if r, _, err := resolve(path); err == nil {
		id.path = r
	} else if abs, err := filepath.Abs(path); err == nil {
		id.path = abs
	}
	if info, err := os.Stat(path); err == nil {
		id.info = info
	}
	return id
}

// same reports whether a and b are one file: the same file (os.SameFile,
// which sees hard links too) when both exist, the same resolved path when
// they do not.
func (a identity) same(b identity) bool {
	if a.info != nil && b.info != nil {
		return os.SameFile(a.info, b.info)
	}
	return a.path == b.path
}
