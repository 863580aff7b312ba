package source

import (
	"os"
	"path/filepath"
)

// Set finds the locations of several inputs' results. Each input has the
// configuration of one directory: the one given to ForInputs, or else the
// directory holding the input when it has Terraform files. The zero value
// and nil find nothing.
type Set struct {
	byInput map[string]*Locations
}

// ForInputs indexes the configuration of each input (a plan's path as given
// on the command line). With configDir set, every input uses it and an
// unreadable configDir is an error; without it, each input's own directory
// (or the input itself when it is a configuration directory) is indexed
// when it holds .tf files, and one that cannot be read is passed over. A
// directory is indexed once however many inputs share it.
func ForInputs(configDir string, inputs []string) (*Set, error) {
	s := &Set{byInput: map[string]*Locations{}}
	if configDir != "" {
		locs, err := Index(configDir)
		if err != nil {
			return nil, err
		}
		for _, in := range inputs {
			s.byInput[in] = locs
		}
		return s, nil
	}
	byDir := map[string]*Locations{}
	for _, in := range inputs {
		dir := filepath.Dir(in)
		if info, err := os.Stat(in); err == nil && info.IsDir() {
			dir = in
		}
		locs, seen := byDir[dir]
		if !seen {
			if HasConfig(dir) {
				locs, _ = Index(dir)
			}
			byDir[dir] = locs
		}
		if locs != nil {
			s.byInput[in] = locs
		}
	}
	return s, nil
}

// Locate returns where the result of input at address is declared.
func (s *Set) Locate(input, address string) (file string, line int, ok bool) {
	if s == nil {
		return "", 0, false
	}
	return s.byInput[input].Find(address)
}
