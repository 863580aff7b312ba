package report

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// gitlabFormat writes GitLab's code quality report
// (artifacts:reports:codequality): a JSON array of issues in the subset of
// the Code Climate format GitLab reads, one per failure and one per unknown
// result, in the report's order. Passes, waived results and failures the
// plans resolve are left out. An issue is located at the .tf file and line
// of its resource's block when Options.Locate knows them, else at the
// scanned input, line 1; its fingerprint is the SARIF report's
// (readinessFinding/v1: check, input and address), stable when lines move,
// so that GitLab tells the findings a merge request introduces from those
// of its target branch.
type gitlabFormat struct {
	opts Options
}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

func (f gitlabFormat) Write(w io.Writer, rep *engine.Report) error {
	issues := []gitlabIssue{}
	for _, r := range rep.Results {
		if r.Status != check.StatusFail && r.Status != check.StatusUnknown {
			continue
		}
		path, line := r.Input, 1
		if file, at, ok := f.opts.location(r); ok {
			path, line = file, at
		}
		issues = append(issues, gitlabIssue{
			Description: sarifMessage(r),
			CheckName:   r.CheckID,
			Fingerprint: fingerprint(r),
			Severity:    gitlabSeverity(r),
			Location:    gitlabLocation{Path: gitlabPath(path), Lines: gitlabLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(safeJSONWriter{w})
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}

// gitlabSeverity places a result on GitLab's scale (info, minor, major,
// critical, blocker): a failure one step above its severity's name, so
// that critical is GitLab's blocker; an unknown result is info.
func gitlabSeverity(r engine.Result) string {
	if r.Status == check.StatusUnknown {
		return "info"
	}
	switch r.Severity {
	case check.SeverityCritical:
		return "blocker"
	case check.SeverityHigh:
		return "critical"
	case check.SeverityMedium:
		return "major"
	default:
		return "minor"
	}
}

// gitlabPath is a path as GitLab matches it to the repository's files:
// with forward slashes and without a leading "./".
func gitlabPath(path string) string {
	p := filepath.ToSlash(path)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return p
}
