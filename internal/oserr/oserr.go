// Package oserr says what went wrong with a file or directory in a few
// words, without Go's operation and path: messages name the file
// themselves ("read plan.json: no such file").
package oserr

import (
	"errors"
	"io/fs"
	"os"
)

// Describe returns what went wrong: missing for a path that does not
// exist ("no such file", "no such directory"), "permission denied", or the
// system's own words, without the operation and path around them. Nil
// stays nil.
func Describe(err error, missing string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return errors.New(missing)
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
