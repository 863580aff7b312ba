package report

import (
	"encoding/json"
	"io"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// SchemaVersion is the version of the JSON output's shape. It changes only
// when a field is removed or changes meaning; new fields keep it.
const SchemaVersion = 1

// jsonFormat writes the report as one JSON document, the contract other
// tools read (docs/scan.md). Lists are never null.
type jsonFormat struct {
	version string
}

type jsonReport struct {
	SchemaVersion int             `json:"schema_version"`
	Tool          jsonTool        `json:"tool"`
	Profile       string          `json:"profile"`
	Inputs        []engine.Input  `json:"inputs"`
	Summary       engine.Summary  `json:"summary"`
	Results       []engine.Result `json:"results"`
	// Manual lists the checklist items no plan can show, attested or not.
	Manual []engine.ManualItem `json:"manual"`
	Errors []string            `json:"errors"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func (f jsonFormat) Write(w io.Writer, rep *engine.Report) error {
	doc := jsonReport{
		SchemaVersion: SchemaVersion,
		Tool:          jsonTool{Name: ToolName, Version: f.version},
		Profile:       rep.Profile,
		Inputs:        nonNil(rep.Inputs),
		Summary:       rep.Summary,
		Results:       make([]engine.Result, len(rep.Results)),
		Manual:        nonNil(rep.Manual),
		Errors:        nonNil(rep.Errors),
	}
	doc.Summary.Sections = nonNil(doc.Summary.Sections)
	for i, r := range rep.Results {
		r.Evidence = nonNil(r.Evidence)
		doc.Results[i] = r
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// nonNil turns a nil slice into an empty one so that it encodes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
