package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar"

	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// scanInput is one input of a scan once the command line's PATHs are
// expanded: a path, or standard input; found by --recursive or not.
type scanInput struct {
	path string
	// walked is set for a file --recursive found in a directory: one that
	// is not a Terraform plan or state at all is skipped, not an error.
	walked bool
}

// expandInputs turns the PATHs into the inputs to read, in order: "-" is
// standard input (once); a PATH that does not exist and holds a glob
// pattern (*, ?, [...], {a,b}, ** for any depth) is the files it matches,
// in lexical order, as a shell would have expanded it; with --recursive a
// directory is every *.json file under it (not a Terraform configuration),
// hidden directories such as .terraform and .git left out, as are .tf.json
// and .tfvars.json files. Errors name the PATH.
func (a *app) expandInputs(paths []string, recursive bool) ([]scanInput, error) {
	var out []scanInput
	var errs []error
	stdin := false
	for _, p := range paths {
		if p == input.Stdin {
			if stdin {
				return nil, usageError{errors.New("- (standard input) is given twice: it can be read once")}
			}
			stdin = true
			out = append(out, scanInput{path: p})
			continue
		}
		matches, err := expandPath(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if !recursive || err != nil || !info.IsDir() {
				out = append(out, scanInput{path: m})
				continue
			}
			found, err := walkPlans(m)
			if err != nil {
				errs = append(errs, err)
			}
			for _, f := range found {
				out = append(out, scanInput{path: f, walked: true})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// expandPath is p itself when it exists or holds no glob pattern, else
// the paths the pattern matches.
func expandPath(p string) ([]string, error) {
	if _, err := os.Lstat(p); err == nil || !strings.ContainsAny(p, "*?[{") {
		return []string{p}, nil
	}
	matches, err := doublestar.Glob(p)
	if err != nil {
		return nil, fmt.Errorf("read %s: not a valid pattern: %w", p, err)
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("read %s: no file matches this pattern", p)
	}
	sort.Strings(matches)
	return matches, nil
}

// walkPlans lists the *.json files under dir in lexical order, leaving out
// hidden directories (.terraform, .git) and Terraform's own JSON syntax
// (.tf.json, .tfvars.json).
func walkPlans(dir string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != dir && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		lower := strings.ToLower(name)
		if !strings.HasSuffix(lower, ".json") || strings.HasSuffix(lower, ".tf.json") || strings.HasSuffix(lower, ".tfvars.json") {
			return nil
		}
		if d.Type().IsRegular() {
			found = append(found, path)
		} else if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			found = append(found, path) // a link to a file
		}
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path != dir {
			return nil, fmt.Errorf("read %s: %w", pe.Path, oserr.Describe(err, "no such file"))
		}
		return nil, fmt.Errorf("read %s: %w", dir, oserr.Describe(err, "no such directory"))
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("read %s: --recursive found no .json plan or state under it", dir)
	}
	return found, nil
}

// inputPaths returns the inputs' paths.
func inputPaths(sources []scanInput) []string {
	out := make([]string, len(sources))
	for i, s := range sources {
		out[i] = s.path
	}
	return out
}
