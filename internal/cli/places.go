package cli

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/input"
)

// place is a file the command line names.
type place struct {
	name string // for the output's flag, or what the input is
	path string
	id   identity
}

// checkPlaces refuses a scan whose reports would overwrite an input (a
// PATH, the --config file, or, for --format, the --baseline file) or each
// other. Paths are compared as files, not as text: ./r.json and r.json, a
// symbolic link and its target, a path through a linked directory, and two
// hard links are each one file.
func checkPlaces(fl scanFlags, inputs []string, outs []output) error {
	var in []place
	for _, p := range inputs {
		if p == input.Stdin {
			continue // standard input is no file a report could overwrite
		}
		in = append(in, place{name: "the input " + p, path: p, id: identify(p)})
	}
	if fl.config != "" {
		in = append(in, place{name: "the --config file " + fl.config, path: fl.config, id: identify(fl.config)})
	}
	for _, v := range fl.vars {
		if v.File != "" {
			in = append(in, place{name: "the --var-file " + v.File, path: v.File, id: identify(v.File)})
		}
	}
	var out []place
	for _, o := range outs {
		if o.path != "" {
			out = append(out, place{name: "--format " + o.spec, path: o.path, id: identify(o.path)})
		}
	}
	formats := len(out)
	if fl.writeBaseline != "" {
		out = append(out, place{name: "--write-baseline " + fl.writeBaseline, path: fl.writeBaseline, id: identify(fl.writeBaseline)})
	}
	for i, o := range out {
		reads := in
		if fl.baseline != "" && i < formats {
			// --write-baseline may rewrite the baseline the scan reads.
			reads = append(reads[:len(reads):len(reads)], place{name: "the --baseline file " + fl.baseline, id: identify(fl.baseline)})
		}
		for _, r := range reads {
			if o.id.same(r.id) {
				return usageError{fmt.Errorf("%s: %s is %s; refusing to overwrite it", o.name, o.path, r.name)}
			}
		}
		for _, prev := range out[:i] {
			if o.id.same(prev.id) {
				return usageError{fmt.Errorf("%s and %s write one file; give each report its own", prev.name, o.name)}
			}
		}
	}
	return nil
}
