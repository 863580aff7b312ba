package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// githubFormat writes GitHub Actions workflow commands that annotate the
// run and, where the resource's .tf file and line are known, the pull
// request's diff: one per failure, most severe first (GitHub shows at most
// ten errors and ten warnings per step), as an error for critical and high,
// a warning for medium and a notice for low (under --gate introduced, a
// failure that was there before the plan is a notice, whatever its
// severity, and says so); then one error per error of the report (a check
// that could not judge, a plan Terraform recorded as errored), and one
// warning per thing the verdict does not
// cover (a module not read, a variable without a value). Unknown, waived and passed results are not
// annotated. Text from plans and configurations has its control characters
// made visible (safeText) before the command escapes, so that each command
// is one line and nothing in it drives the log.
type githubFormat struct {
	opts Options
}

func (f githubFormat) Write(w io.Writer, rep *engine.Report) error {
	var b strings.Builder
	showInput := len(rep.Inputs) > 1
	for _, r := range bySeverity(filter(rep.Results, check.StatusFail)) {
		props := []string{}
		if file, line, ok := f.opts.location(r); ok {
			props = append(props, "file="+ghProperty(safeLine(filepath.ToSlash(file))), fmt.Sprintf("line=%d", line))
		}
		props = append(props, "title="+ghProperty(safeLine(fmt.Sprintf("%s (%s): %s", r.CheckID, r.Severity, r.Title))))

		msg := r.Message
		if msg == "" {
			msg = r.Title
		}
		if r.Address != "" {
			msg = r.Address + ": " + msg
		}
		if showInput {
			msg += " (in " + r.Input + ")"
		}
		for _, e := range r.Evidence {
			msg += "\n" + e.Attribute + " = " + e.Value
		}
		if r.Remediation != "" {
			msg += "\nHow to fix: " + r.Remediation
		}
		if r.Docs != "" {
			msg += "\n" + r.Docs
		}
		level := ghLevel(r.Severity)
		if gateIntroduced(rep) && r.Change == engine.ChangeExisting {
			// There before the plan: under --gate introduced it decides
			// nothing, so it is not an error.
			level = "notice"
			msg = "there before this plan (not blocking under --gate introduced): " + msg
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(safeText(msg)))
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(&b, "::error title=%s::%s\n", ghProperty("readiness: part of the plan could not be judged"), ghData(safeText(e)))
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(&b, "::warning title=%s::%s\n", ghProperty("readiness: the verdict covers only what was read and known"), ghData(safeText(w)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghLevel is the annotation command for a failure's severity.
func ghLevel(s check.Severity) string {
	switch {
	case s >= check.SeverityHigh:
		return "error"
	case s == check.SeverityMedium:
		return "warning"
	default:
		return "notice"
	}
}

// ghData escapes a workflow command's message as the Actions runner reads
// it back: %, CR and LF.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value: as ghData, and
// also the : and , that end a property.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
