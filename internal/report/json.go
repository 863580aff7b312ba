package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// SchemaVersion is the version of the JSON output's shape. It changes only
// when a field is removed or changes meaning; new fields keep it.
const SchemaVersion = 1

// jsonFormat writes the report as one JSON document, the contract other
// tools read (docs/scan.md). Lists are never null. Strings escape what a
// terminal or a CI log would act on (safeJSON).
type jsonFormat struct {
	version string
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func (f jsonFormat) Write(w io.Writer, rep *engine.Report) error {
	summary := rep.Summary
	summary.Sections = nonNil(summary.Sections)
	// The document is written member by member, and results one at a time,
	// so that a report of hundreds of thousands of results is never held
	// whole in memory; the bytes are those of one indented encoding.
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.raw("{\n")
	jw.member("schema_version", SchemaVersion, false)
	jw.member("tool", jsonTool{Name: ToolName, Version: f.version}, false)
	jw.member("profile", rep.Profile, false)
	// Which failures decide summary.ready: all, or those the plans
	// introduce (results[].change).
	jw.member("gate", string(gateOf(rep)), false)
	jw.member("inputs", nonNil(rep.Inputs), false)
	jw.member("summary", summary, false)
	// What the verdict does not cover (module calls not read, variables
	// without a value), beside it.
	jw.member("warnings", nonNil(rep.Warnings), false)
	if len(rep.Results) == 0 {
		jw.raw("  \"results\": [],\n")
	} else {
		jw.raw("  \"results\": [\n")
		var b []byte
		for i, r := range rep.Results {
			b = append(b[:0], "    "...)
			b = appendResult(b, r)
			if i < len(rep.Results)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			jw.bytes(b)
		}
		jw.raw("  ],\n")
	}
	jw.member("manual", nonNil(rep.Manual), false)
	jw.member("errors", nonNil(rep.Errors), true)
	jw.raw("}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonWriter writes an indented JSON document piece by piece, keeping the
// first error.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

func (jw *jsonWriter) bytes(b []byte) {
	if jw.err == nil {
		_, jw.err = jw.w.Write(b)
	}
}

// member writes one top-level member.
func (jw *jsonWriter) member(name string, v any, last bool) {
	key, _ := json.Marshal(name)
	jw.raw("  " + string(key) + ": ")
	jw.value(v, "  ")
	if !last {
		jw.raw(",")
	}
	jw.raw("\n")
}

// value writes v indented as if it began at prefix's depth.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	enc := json.NewEncoder(&jw.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if jw.err = enc.Encode(v); jw.err != nil {
		return
	}
	_, jw.err = jw.w.Write(safeJSON(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n"))))
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
