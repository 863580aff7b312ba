// Package configfiles lists the configuration files of a Terraform module
// directory as Terraform reads them: which files count, in which order,
// and which are override files.
package configfiles

import (
	"os"
	"sort"
	"strings"
)

// Files are a module directory's configuration files, by name, each list
// sorted as Terraform reads it.
type Files struct {
	// Primary are the .tf and .tf.json files Terraform merges first.
	Primary []string
	// Override are override.tf, *_override.tf and their .tf.json forms,
	// which Terraform merges into the primary files' blocks afterwards
	// (hclconfig's override.go does the same).
	Override []string
	// OpenTofu are .tofu and .tofu.json files: OpenTofu reads them (in
	// place of the .tf file of the same name), Terraform does not.
	OpenTofu []string
}

// List lists dir's configuration files. Editor files are left out as
// Terraform leaves them out (configs.IsIgnoredFile): hidden files, vim's
// name~ and emacs's #name#.
func List(dir string) (Files, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Files{}, err
	}
	var f Files
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || ignored(name) {
			continue
		}
		switch base, ext := split(name); {
		case ext == ".tofu" || ext == ".tofu.json":
			f.OpenTofu = append(f.OpenTofu, name)
		case ext == "":
		case base == "override" || strings.HasSuffix(base, "_override"):
			f.Override = append(f.Override, name)
		default:
			f.Primary = append(f.Primary, name)
		}
	}
	sort.Strings(f.Primary)
	sort.Strings(f.Override)
	sort.Strings(f.OpenTofu)
	return f, nil
}

// split cuts a configuration file's extension off its name; ext is ""
// for any other file.
func split(name string) (base, ext string) {
	for _, ext := range []string{".tf", ".tf.json", ".tofu", ".tofu.json"} {
		if base, ok := strings.CutSuffix(name, ext); ok {
			return base, ext
		}
	}
	return name, ""
}

func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}
