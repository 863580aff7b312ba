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
}

// ToolName is the scanner's name as machine-readable formats record it.
const ToolName = "readiness"

// formats lists every format by the name users give to --format.
var formats = map[string]func(Options) Formatter{
	"json": func(o Options) Formatter { return jsonFormat{version: o.ToolVersion} },
	"text": func(o Options) Formatter { return textFormat{color: o.Color} },
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
