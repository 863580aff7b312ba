package runtask

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	tfe "github.com/hashicorp/go-tfe"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// What the task result says. Every text from the plan or the configuration
// has passed the engine's redaction (sensitive values replaced) and is made
// safe here: one line (report.SafeLine) and, in Markdown, escaped.
const (
	// maxOutcomes is the most outcomes one result carries; the message
	// says when there were more.
	maxOutcomes = 200
	// maxMessage and maxDescription bound the one-line texts, in
	// characters.
	maxMessage     = 500
	maxDescription = 200
)

// passedOrFailed builds the task result of a scan: passed when the plan is
// ready and every check could judge it (the exit code of `readiness scan`
// would be 0), failed otherwise, with one outcome per blocking failure.
func passedOrFailed(rep *engine.Report, outcomes bool, detailsURL string) *tfe.TaskResultCallbackRequestOptions {
	res := &tfe.TaskResultCallbackRequestOptions{Status: tfe.TaskPassed, URL: detailsURL}
	blocking := report.Blocking(rep)
	if !rep.Summary.Ready || rep.Invalid || len(rep.Errors) > 0 {
		res.Status = tfe.TaskFailed
	}
	res.Message = oneLine(summaryLine(rep, len(blocking)), maxMessage)
	if outcomes {
		for i, r := range blocking {
			if i == maxOutcomes {
				break
			}
			res.Outcomes = append(res.Outcomes, outcome(r))
		}
	}
	return res
}

// failure is the task result of a task that could not judge its plan.
func failure(message, detailsURL string) *tfe.TaskResultCallbackRequestOptions {
	return &tfe.TaskResultCallbackRequestOptions{
		Status:  tfe.TaskFailed,
		Message: oneLine("ERROR · "+message, maxMessage),
		URL:     detailsURL,
	}
}

// summaryLine is the verdict and the counts: "NOT READY · 4 blocking
// failures · score 67/100 · fail 11 (critical 2, high 2, medium 5, low 2),
// unknown 0, pass 40 · fail-on high, profile production".
func summaryLine(rep *engine.Report, blocking int) string {
	s := rep.Summary
	verdict := report.Verdict(rep)
	switch {
	case rep.Invalid:
		verdict = "ERROR · the configuration's checks are invalid: " + firstOr(rep.Errors, "see the server's log")
	case !s.Ready:
		verdict += " · " + plural(blocking, "blocking failure")
		if blocking > maxOutcomes {
			verdict += fmt.Sprintf(" (the first %d listed)", maxOutcomes)
		}
	case len(rep.Errors) > 0:
		verdict = fmt.Sprintf("ERROR · part of the plan could not be judged, so it cannot be called ready (%s): %s", plural(len(rep.Errors), "error"), rep.Errors[0])
	}
	counts := fmt.Sprintf("fail %d (%s), unknown %d, pass %d", s.Fail, report.FailuresBySeverity(rep), s.Unknown, s.Pass)
	if s.Waived > 0 {
		counts += fmt.Sprintf(", waived %d", s.Waived)
	}
	settings := fmt.Sprintf("fail-on %s, profile %s", rep.FailOn, rep.Profile)
	if rep.Gate == engine.GateIntroduced {
		settings += ", gate introduced"
	}
	return fmt.Sprintf("%s · score %d/100 · %s · %s", verdict, s.Score, counts, settings)
}

// outcome is one blocking failure as HCP Terraform shows it.
func outcome(r engine.Result) *tfe.TaskResultOutcome {
	id := r.CheckID
	if r.Address != "" {
		id += ":" + r.Address
	}
	o := &tfe.TaskResultOutcome{
		OutcomeID:   oneLine(id, maxDescription),
		Description: oneLine(cmp.Or(r.Message, r.Title), maxDescription),
		Body:        outcomeBody(r),
		Tags: map[string][]*tfe.TaskResultTag{
			"Status":   {{Label: "Failed", Level: "error"}},
			"Severity": {{Label: titleCase(r.Severity.String()), Level: severityLevel(r.Severity)}},
		},
	}
	if r.Change != "" {
		o.Tags["Change"] = []*tfe.TaskResultTag{{Label: titleCase(string(r.Change))}}
	}
	if strings.HasPrefix(r.Docs, "https://") {
		o.URL = report.SafeLine(r.Docs)
	}
	return o
}

// severityLevel is the tag level of a severity: the UI colours error,
// warning and info.
func severityLevel(s check.Severity) string {
	switch s {
	case check.SeverityCritical, check.SeverityHigh:
		return "error"
	case check.SeverityMedium:
		return "warning"
	}
	return "info"
}

// outcomeBody is the Markdown of an outcome: the check and resource, the
// message, the evidence and the fix.
func outcomeBody(r engine.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s · severity **%s**", report.MarkdownText(r.Title), report.MarkdownCode(r.CheckID), r.Severity)
	if r.Address != "" {
		fmt.Fprintf(&b, " · %s", report.MarkdownCode(r.Address))
	}
	b.WriteString("\n\n")
	if r.Message != "" {
		b.WriteString(report.MarkdownText(r.Message) + "\n\n")
	}
	if len(r.Evidence) > 0 {
		b.WriteString("**Evidence**\n\n")
		for _, e := range r.Evidence {
			b.WriteString("- " + report.MarkdownCode(e.Attribute+" = "+e.Value) + "\n")
		}
		b.WriteString("\n")
	}
	if r.Remediation != "" {
		b.WriteString("**Fix:** " + report.MarkdownText(r.Remediation) + "\n")
	}
	if strings.HasPrefix(r.Docs, "https://") {
		b.WriteString("\n[About this check](" + report.MarkdownURL(r.Docs) + ")\n")
	}
	return b.String()
}

// oneLine makes s safe on one line and cuts it to n characters.
func oneLine(s string, n int) string {
	s = report.SafeLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func firstOr(list []string, fallback string) string {
	if len(list) > 0 {
		return list[0]
	}
	return fallback
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
