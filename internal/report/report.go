// Package report writes an engine.Report in each output format. A format is
// one file: a type with a Write method, and one line in formats below.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// Formatter writes a report in one format.
type Formatter interface {
	Write(w io.Writer, rep *engine.Report) error
}

// Options are what formatters need beyond the report. The caller decides
// them: Color is true only for a terminal, never for a file.
type Options struct {
	// Color allows ANSI colour in human-readable formats.
	Color bool
	// ToolVersion is the scanner's version, recorded by machine-readable
	// formats.
	ToolVersion string
	// Locate finds where in the Terraform configuration the resource at
	// address of input is declared (internal/source). Nil, or ok false,
	// means unknown: formats then name the address alone. The JSON report
	// never carries locations: its fields are a contract.
	Locate func(input, address string) (file string, line int, ok bool)
	// Quiet keeps the text report to the verdict and the failures that
	// decide the exit code (scan --quiet). Other formats ignore it.
	Quiet bool
}

// location is where r's resource is declared, when Locate knows.
func (o Options) location(r engine.Result) (file string, line int, ok bool) {
	if o.Locate == nil || r.Address == "" {
		return "", 0, false
	}
	return o.Locate(r.Input, r.Address)
}

// ToolName is the scanner's name as machine-readable formats record it.
const ToolName = "readiness"

// formats lists every format by the name users give to --format.
var formats = map[string]func(Options) Formatter{
	"github":   func(o Options) Formatter { return githubFormat{opts: o} },
	"gitlab":   func(o Options) Formatter { return gitlabFormat{opts: o} },
	"html":     func(o Options) Formatter { return htmlFormat{opts: o} },
	"json":     func(o Options) Formatter { return jsonFormat{version: o.ToolVersion} },
	"junit":    func(o Options) Formatter { return junitFormat{opts: o} },
	"markdown": func(o Options) Formatter { return markdownFormat{opts: o, limit: githubCommentLimit} },
	"sarif":    func(o Options) Formatter { return sarifFormat{opts: o} },
	"text":     func(o Options) Formatter { return textFormat{opts: o} },
}

// Lookup returns the named format's formatter.
func Lookup(name string, opts Options) (Formatter, error) {
	newFormat, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
	}
	return newFormat(opts), nil
}

// Names lists the formats, sorted.
func Names() []string {
	out := make([]string, 0, len(formats))
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// sectionNames lists the sections that have results: in the summary's
// order (the checklist's), then any other in the order of the results.
func sectionNames(rep *engine.Report) []string {
	has := map[string]bool{}
	for _, r := range rep.Results {
		has[r.Section] = true
	}
	var out []string
	for _, sec := range rep.Summary.Sections {
		if has[sec.Section] {
			out = append(out, sec.Section)
			delete(has, sec.Section)
		}
	}
	for _, r := range rep.Results {
		if has[r.Section] {
			out = append(out, r.Section)
			delete(has, r.Section)
		}
	}
	return out
}
