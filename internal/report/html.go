package report

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// htmlFormat writes one self-contained page to open in a browser or keep as
// a CI artifact: the verdict, the failures counted by severity, the blocking
// failures (at or above --fail-on: they decide the exit code) most severe
// first with a one-line fix, the score of each checklist section as an
// inline SVG bar chart, and every result in a table that a few lines of
// plain JavaScript filter by status, severity, section and text (the
// filters live in the URL's #fragment, so a filtered view can be shared).
// CSS and script are inline and a Content-Security-Policy forbids loading
// anything, so the page works offline and never calls out. html/template
// escapes every value; text from plans and configurations is made safe
// first (safeLine, htmlText), so that the page, written to standard output,
// holds no control character and no line that starts with such text.
type htmlFormat struct {
	opts Options
}

type htmlPage struct {
	// Verdict is the verdict in words; VerdictClass styles its badge.
	Verdict, VerdictClass string
	// ScoreNote counts the baselined and waived failures beside the score.
	ScoreNote string
	// Severities counts the failures by severity, most severe first.
	Severities []htmlCount
	Baselined  int
	Waived     int
	Summary    engine.Summary
	Profile    string
	FailOn     string
	Version    string
	Inputs     []string
	Chart      htmlChart
	Sections   []string
	Statuses   []string
	Levels     []string
	Findings   []htmlFinding
	// Blocking lists the failures that decide the exit code.
	Blocking []htmlFinding
	// Change is what the plans do, the sentence the verdict leads with;
	// HasChanges adds each finding's change to the tables. Apart lists
	// the failures there before the plans under --gate introduced, and
	// Resolved those they fix.
	Change         template.HTML
	HasChanges     bool
	GateIntroduced bool
	Apart          []htmlFinding
	Resolved       []htmlFinding
	Errors         []template.HTML
	Warnings       []template.HTML
	// ShowInput names each finding's input, when there are several.
	ShowInput bool
	// PerInput is each input's verdict and counts, when there are several.
	PerInput []htmlInput
}

// htmlInput is one input's row in the per-input table.
type htmlInput struct {
	Name, Verdict, VerdictClass                          string
	Blocking, Critical, High, Medium, Low, Unknown, Pass int
}

type htmlCount struct {
	Name  string
	Count int
}

type htmlChart struct {
	Width, Height, LabelWidth, BarWidth, BarHeight, ScoreX int
	Bars                                                   []htmlBar
}

type htmlBar struct {
	Section             string
	Score               int
	Fail, Pass, Unknown int
	Y, TextY, Fill      int
	Class               string
}

// htmlFinding is a result as the page shows it: one-line fields through
// safeLine, text that may hold lines through htmlText.
type htmlFinding struct {
	Status, Severity, Section, CheckID, Title, Address, Input, Location, Docs string
	// Change is the result's change: introduced, existing, resolved, or ""
	// for unchanged and for a result without one.
	Change               string
	Message, Remediation template.HTML
	// Fix is the first sentence of the remediation, for the blocking list.
	Fix      string
	Evidence []htmlEvidence
}

type htmlEvidence struct {
	Attribute string
	Value     template.HTML
}

// verdictClass styles a verdict's badge.
var verdictClass = map[verdict]string{verdictReady: "ready", verdictNotReady: "not-ready", verdictNotEnforced: "not-enforced", verdictUndecided: "undecided"}

// Chart geometry, in SVG user units.
const (
	chartLabelWidth = 170
	chartBarWidth   = 400
	chartRow        = 28
	chartBarHeight  = 18
)

func (f htmlFormat) Write(w io.Writer, rep *engine.Report) error {
	version := f.opts.ToolVersion
	if version == "" {
		version = "dev"
	}
	t := tallyOf(rep)
	v := verdictOf(rep)
	page := htmlPage{
		Verdict:      v.String(),
		VerdictClass: verdictClass[v],
		ScoreNote:    t.scoreNote(),
		Baselined:    t.baselined,
		Waived:       t.waived,
		Summary:      rep.Summary,
		Profile:      safeLine(rep.Profile),
		FailOn:       rep.FailOn.String(),
		Version:      version,
		Statuses:     []string{string(check.StatusFail), string(check.StatusUnknown), string(check.StatusWaived), string(check.StatusPass)},
		Levels:       []string{"critical", "high", "medium", "low"},

		ShowInput:      len(rep.Inputs) > 1,
		HasChanges:     hasChanges(rep),
		GateIntroduced: gateIntroduced(rep),
	}
	// The sentence holds no text from the plans: only counts, and flags
	// in <code>.
	if line, ok := changeSentence(rep, func(s string) string { return "<code>" + html.EscapeString(s) + "</code>" }); ok {
		page.Change = template.HTML(sentence(line)) // #nosec G203 -- counts and flag names only
	}
	for _, r := range thereBefore(rep) {
		page.Apart = append(page.Apart, f.finding(r))
	}
	for _, r := range resolvedResults(rep) {
		page.Resolved = append(page.Resolved, f.finding(r))
	}
	if page.ShowInput {
		for _, t := range perInput(rep) {
			page.PerInput = append(page.PerInput, htmlInput{
				Name: safeLine(describeInput(t.input)), Verdict: t.verdict.String(), VerdictClass: verdictClass[t.verdict],
				Blocking: t.blocking, Critical: t.fail[check.SeverityCritical], High: t.fail[check.SeverityHigh],
				Medium: t.fail[check.SeverityMedium], Low: t.fail[check.SeverityLow], Unknown: t.unknown, Pass: t.pass,
			})
		}
	}
	for _, sev := range []check.Severity{check.SeverityCritical, check.SeverityHigh, check.SeverityMedium, check.SeverityLow} {
		page.Severities = append(page.Severities, htmlCount{Name: sev.String(), Count: t.fail[sev]})
	}
	for _, in := range rep.Inputs {
		page.Inputs = append(page.Inputs, safeLine(describeInput(in)))
	}
	for _, e := range rep.Errors {
		page.Errors = append(page.Errors, htmlText(e))
	}
	for _, w := range rep.Warnings {
		page.Warnings = append(page.Warnings, htmlText(w))
	}
	page.Chart = htmlChart{
		Width: chartLabelWidth + chartBarWidth + 60, Height: max(1, len(rep.Summary.Sections)) * chartRow,
		LabelWidth: chartLabelWidth, BarWidth: chartBarWidth, BarHeight: chartBarHeight,
		ScoreX: chartLabelWidth + chartBarWidth + 8,
	}
	for i, sec := range rep.Summary.Sections {
		page.Sections = append(page.Sections, safeLine(sec.Section))
		page.Chart.Bars = append(page.Chart.Bars, htmlBar{
			Section: safeLine(sec.Section), Score: sec.Score, Fail: sec.Fail, Pass: sec.Pass, Unknown: sec.Unknown,
			Y: i*chartRow + (chartRow-chartBarHeight)/2, TextY: i*chartRow + chartRow/2 + 5,
			Fill: sec.Score * chartBarWidth / 100, Class: scoreClass(sec.Score),
		})
	}
	for _, r := range blocking(rep) {
		page.Blocking = append(page.Blocking, f.finding(r))
	}
	// Failures first (most severe first), then unknown, waived and passed.
	for _, status := range page.Statuses {
		for _, r := range bySeverity(filter(rep.Results, check.Status(status))) {
			page.Findings = append(page.Findings, f.finding(r))
		}
	}
	return htmlTemplate.Execute(w, &page)
}

// finding is r as the page shows it, with its location when known.
func (f htmlFormat) finding(r engine.Result) htmlFinding {
	hf := newHTMLFinding(r, string(r.Status))
	if file, line, ok := f.opts.location(r); ok {
		hf.Location = safeLine(fmt.Sprintf("%s:%d", file, line))
	}
	return hf
}

func newHTMLFinding(r engine.Result, status string) htmlFinding {
	hf := htmlFinding{
		Status: status, Severity: r.Severity.String(),
		Section: safeLine(r.Section), CheckID: safeLine(r.CheckID), Title: safeLine(r.Title),
		Address: safeLine(r.Address), Input: safeLine(r.Input), Docs: safeLine(r.Docs), Change: changeTag(r.Change),
		Message: htmlText(r.Message), Remediation: htmlText(r.Remediation), Fix: safeLine(fixLine(r.Remediation)),
	}
	for _, e := range r.Evidence {
		hf.Evidence = append(hf.Evidence, htmlEvidence{Attribute: safeLine(e.Attribute), Value: htmlText(e.Value)})
	}
	return hf
}

// htmlText is text that may hold several lines, escaped for an element's
// content: each newline is the character reference &#10;, which the page
// shows as a line break where the style keeps them, and which never starts
// a line of the file.
func htmlText(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(html.EscapeString(safeText(s)), "\n", "&#10;"))
}

// scoreClass colours a score: good from 80, fair from 50, else poor.
func scoreClass(score int) string {
	switch {
	case score >= 80:
		return "good"
	case score >= 50:
		return "fair"
	default:
		return "poor"
	}
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"rowOf": rowOf}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="readiness {{.Version}}">
<title>{{.Verdict}} · readiness score {{.Summary.Score}}/100</title>
<style>
:root { --good: #1a7f37; --fair: #9a6700; --poor: #cf222e; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --fg: #1f2328; --panel: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --good: #3fb950; --fair: #d29922; --poor: #f85149; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --fg: #e6edf3; --panel: #151b23; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .75rem; }
.verdict { display: inline-block; padding: .15rem .6rem; border-radius: 1rem; color: #fff; font-weight: 600; }
.verdict.ready { background: var(--good); } .verdict.not-ready { background: var(--poor); } .verdict.not-enforced, .verdict.undecided { background: var(--fair); }
.score { font-size: 2.5rem; font-weight: 700; margin: .5rem 0 0; }
.muted, .meta { color: var(--muted); }
.counts span { margin-right: 1rem; }
svg text { fill: var(--fg); font-size: 13px; }
svg .track { fill: var(--panel); stroke: var(--line); }
svg .good { fill: var(--good); } svg .fair { fill: var(--fair); } svg .poor { fill: var(--poor); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; padding: .75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.filters select, .filters input { font: inherit; padding: .25rem .4rem; min-width: 10rem; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; }
#shown { margin: .5rem 0; font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); }
td.resource { min-width: 15rem; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.badge { display: inline-block; min-width: 4.5rem; padding: 0 .4rem; border-radius: 4px; font-size: 12px; font-weight: 600; text-align: center; border: 1px solid currentColor; }
.status-fail { color: var(--poor); } .status-unknown { color: var(--fair); } .status-waived, .status-pass { color: var(--muted); }
.sev-critical, .sev-high { color: var(--poor); } .sev-medium { color: var(--fair); } .sev-low { color: var(--muted); }
ul.evidence { margin: .25rem 0; padding-left: 1.1rem; }
.fix { color: var(--muted); }
.message { white-space: pre-line; }
tr[hidden] { display: none; }
footer { margin-top: 2rem; color: var(--muted); font-size: 12px; }
.change { font-size: 1.1rem; font-weight: 600; margin: .5rem 0; }
.change-introduced { color: var(--poor); font-weight: 600; } .change-existing { color: var(--muted); } .change-resolved { color: var(--good); font-weight: 600; }
.warnings { margin: .75rem 0; padding: .25rem .75rem; border-left: 4px solid var(--fair); background: var(--panel); }
</style>
</head>
<body>
<header>
<h1>Readiness report <span class="verdict {{.VerdictClass}}">{{.Verdict}}</span></h1>
{{if .Change}}<p class="change" id="change">{{.Change}}</p>
{{end}}<p class="score" id="score">{{.Summary.Score}}/100{{if .ScoreNote}} <span class="muted score-note">{{.ScoreNote}}</span>{{end}}</p>
<p class="counts"><span>fail <strong>{{.Summary.Fail}}</strong> ({{range $i, $c := .Severities}}{{if $i}}, {{end}}<span class="sev-{{$c.Name}}">{{$c.Name}} {{$c.Count}}</span>{{end}})</span><span>unknown <strong>{{.Summary.Unknown}}</strong></span><span>waived <strong>{{.Waived}}</strong></span><span>baselined <strong>{{.Baselined}}</strong></span><span>pass <strong>{{.Summary.Pass}}</strong></span></p>
<p class="meta">fail-on {{.FailOn}}{{if .GateIntroduced}} · gate introduced{{end}} · profile {{.Profile}}{{if and .Inputs (not .PerInput)}} · inputs: {{range $i, $in := .Inputs}}{{if $i}}, {{end}}<code>{{$in}}</code>{{end}}{{end}}</p>
{{if .Warnings}}<div class="warnings" id="warnings" role="note">
<p><strong>Warnings ({{len .Warnings}})</strong>: the verdict covers only what was read and known.</p>
<ul>{{range .Warnings}}<li><code>{{.}}</code></li>{{end}}</ul>
</div>
{{end}}</header>
{{if .PerInput}}<section aria-labelledby="h-inputs">
<h2 id="h-inputs">Inputs ({{len .PerInput}})</h2>
<table id="inputs">
<thead><tr><th>Input</th><th>Verdict</th><th>Blocking</th><th>Critical</th><th>High</th><th>Medium</th><th>Low</th><th>Unknown</th><th>Pass</th></tr></thead>
<tbody>
{{range .PerInput}}<tr><td><code>{{.Name}}</code></td><td><span class="verdict {{.VerdictClass}}">{{.Verdict}}</span></td><td>{{.Blocking}}</td><td>{{.Critical}}</td><td>{{.High}}</td><td>{{.Medium}}</td><td>{{.Low}}</td><td>{{.Unknown}}</td><td>{{.Pass}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}{{if .Blocking}}
<section aria-labelledby="h-blocking">
<h2 id="h-blocking">Blocking ({{len .Blocking}})</h2>
<p class="muted">Failures at or above <code>--fail-on {{.FailOn}}</code>{{if .GateIntroduced}} under <code>--gate introduced</code>{{end}}: they decide the exit code.</p>
<table id="blocking">
{{template "fixhead" .}}<tbody>
{{range .Blocking}}{{template "fixrow" (rowOf $ .)}}{{end}}</tbody>
</table>
</section>
{{end}}{{if .Apart}}
<section aria-labelledby="h-there-before">
<h2 id="h-there-before">There before this plan ({{len .Apart}})</h2>
<p class="muted">Failures at or above <code>--fail-on {{.FailOn}}</code> that were there before this plan: not blocking under <code>--gate introduced</code>.</p>
<table id="there-before">
{{template "fixhead" .}}<tbody>
{{range .Apart}}{{template "fixrow" (rowOf $ .)}}{{end}}</tbody>
</table>
</section>
{{end}}{{if .Resolved}}
<section aria-labelledby="h-resolved">
<h2 id="h-resolved">Resolved ({{len .Resolved}})</h2>
<p class="muted">Failures this plan fixes.</p>
<table id="resolved">
<thead><tr><th>Severity</th><th>Check</th><th>Resource</th></tr></thead>
<tbody>
{{range .Resolved}}<tr data-severity="{{.Severity}}" data-section="{{.Section}}">
<td><span class="sev-{{.Severity}}">{{.Severity}}</span></td>
<td>{{if .Docs}}<a href="{{.Docs}}"><code>{{.CheckID}}</code></a>{{else}}<code>{{.CheckID}}</code>{{end}}</td>
<td class="resource">{{if .Address}}<code class="address">{{.Address}}</code>{{else}}<span class="muted">(whole plan)</span>{{end}}{{if .Location}}<br><code class="location">{{.Location}}</code>{{end}}{{if $.ShowInput}}<br><span class="muted">in <code>{{.Input}}</code></span>{{end}}</td>
</tr>
{{end}}</tbody>
</table>
</section>
{{end}}
<section aria-labelledby="h-sections">
<h2 id="h-sections">Score by checklist section</h2>
{{if .Chart.Bars}}<svg id="chart" role="img" aria-label="Score by checklist section" width="{{.Chart.Width}}" height="{{.Chart.Height}}" viewBox="0 0 {{.Chart.Width}} {{.Chart.Height}}">
{{range .Chart.Bars}}<g class="bar" data-section="{{.Section}}">
<title>{{.Section}}: score {{.Score}}/100, fail {{.Fail}}, pass {{.Pass}}, unknown {{.Unknown}}</title>
<text x="0" y="{{.TextY}}">{{.Section}}</text>
<rect class="track" x="{{$.Chart.LabelWidth}}" y="{{.Y}}" width="{{$.Chart.BarWidth}}" height="{{$.Chart.BarHeight}}" rx="3"></rect>
<rect class="{{.Class}}" x="{{$.Chart.LabelWidth}}" y="{{.Y}}" width="{{.Fill}}" height="{{$.Chart.BarHeight}}" rx="3"></rect>
<text class="value" x="{{$.Chart.ScoreX}}" y="{{.TextY}}">{{.Score}}</text>
</g>
{{end}}</svg>{{else}}<p class="muted">No check applied to these inputs.</p>{{end}}
</section>

<section aria-labelledby="h-findings">
<h2 id="h-findings">Findings</h2>
<form class="filters" id="filters" onsubmit="return false">
<label>Status <select id="f-status"><option value="">all</option>{{range .Statuses}}<option value="{{.}}">{{.}}</option>{{end}}</select></label>
<label>Severity <select id="f-severity"><option value="">all</option>{{range .Levels}}<option value="{{.}}">{{.}}</option>{{end}}</select></label>
<label>Section <select id="f-section"><option value="">all</option>{{range .Sections}}<option value="{{.}}">{{.}}</option>{{end}}</select></label>
<label>Search <input id="f-q" type="search" placeholder="address, check, message…"></label>
</form>
<p id="shown" aria-live="polite">{{len .Findings}} findings</p>
<table id="findings">
<thead><tr><th>Status</th>{{if .HasChanges}}<th>Change</th>{{end}}<th>Severity</th><th>Section</th><th>Check</th><th>Resource</th><th>Finding</th></tr></thead>
<tbody>
{{range .Findings}}<tr data-status="{{.Status}}"{{if $.HasChanges}} data-change="{{.Change}}"{{end}} data-severity="{{.Severity}}" data-section="{{.Section}}">
<td><span class="badge status-{{.Status}}">{{.Status}}</span></td>{{if $.HasChanges}}
<td>{{if .Change}}<span class="change-{{.Change}}">{{.Change}}</span>{{end}}</td>{{end}}
<td><span class="sev-{{.Severity}}">{{.Severity}}</span></td>
<td>{{.Section}}</td>
<td>{{if .Docs}}<a href="{{.Docs}}"><code>{{.CheckID}}</code></a>{{else}}<code>{{.CheckID}}</code>{{end}}<br><span class="muted">{{.Title}}</span></td>
<td class="resource">{{if .Address}}<code class="address">{{.Address}}</code>{{else}}<span class="muted">(whole plan)</span>{{end}}{{if .Location}}<br><code class="location">{{.Location}}</code>{{end}}{{if $.ShowInput}}<br><span class="muted">in <code>{{.Input}}</code></span>{{end}}</td>
<td><span class="message">{{.Message}}</span>{{if .Evidence}}<ul class="evidence">{{range .Evidence}}<li><code>{{.Attribute}} = {{.Value}}</code></li>{{end}}</ul>{{end}}{{if and (ne .Status "pass") .Remediation}}<div class="fix">How to fix: {{.Remediation}}</div>{{end}}</td>
</tr>
{{end}}</tbody>
</table>
</section>
{{if .Errors}}
<section aria-labelledby="h-errors">
<h2 id="h-errors">Errors ({{len .Errors}})</h2>
<ul>{{range .Errors}}<li><code>{{.}}</code></li>{{end}}</ul>
</section>
{{end}}
<footer>Written by readiness {{.Version}}. Run <code>readiness explain CHECK_ID</code> for why a check matters and how to fix it.</footer>
<script>
(function () {
  "use strict";
  var status = document.getElementById("f-status");
  var severity = document.getElementById("f-severity");
  var section = document.getElementById("f-section");
  var query = document.getElementById("f-q");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings tbody tr"));
  var selects = { status: status, severity: severity, section: section };

  function readHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    Object.keys(selects).forEach(function (key) {
      var want = params.get(key) || "";
      var el = selects[key];
      el.value = want;
      if (el.value !== want) { el.value = ""; }
    });
    query.value = params.get("q") || "";
  }

  function writeHash() {
    var params = new URLSearchParams();
    Object.keys(selects).forEach(function (key) {
      if (selects[key].value) { params.set(key, selects[key].value); }
    });
    if (query.value) { params.set("q", query.value); }
    var hash = params.toString();
    try {
      window.history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
    } catch (e) { /* some viewers forbid it: the filters still work */ }
  }

  function apply() {
    var text = query.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (tr) {
      var ok = (!status.value || tr.dataset.status === status.value) &&
        (!severity.value || tr.dataset.severity === severity.value) &&
        (!section.value || tr.dataset.section === section.value) &&
        (!text || tr.textContent.toLowerCase().indexOf(text) >= 0);
      tr.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = "Showing " + n + " of " + rows.length + " findings";
  }

  readHash();
  [status, severity, section].forEach(function (el) {
    el.addEventListener("change", function () { apply(); writeHash(); });
  });
  query.addEventListener("input", function () { apply(); writeHash(); });
  window.addEventListener("hashchange", function () { readHash(); apply(); });
  apply();
}());
</script>
</body>
</html>
{{define "fixhead"}}<thead><tr><th>Severity</th>{{if .HasChanges}}<th>Change</th>{{end}}<th>Check</th><th>Resource</th><th>Finding</th></tr></thead>
{{end}}{{define "fixrow"}}{{with .Finding}}<tr data-severity="{{.Severity}}" data-section="{{.Section}}">
<td><span class="sev-{{.Severity}}">{{.Severity}}</span></td>{{if $.Page.HasChanges}}
<td>{{if .Change}}<span class="change-{{.Change}}">{{.Change}}</span>{{end}}</td>{{end}}
<td>{{if .Docs}}<a href="{{.Docs}}"><code>{{.CheckID}}</code></a>{{else}}<code>{{.CheckID}}</code>{{end}}</td>
<td class="resource">{{if .Address}}<code class="address">{{.Address}}</code>{{else}}<span class="muted">(whole plan)</span>{{end}}{{if .Location}}<br><code class="location">{{.Location}}</code>{{end}}{{if $.Page.ShowInput}}<br><span class="muted">in <code>{{.Input}}</code></span>{{end}}</td>
<td><span class="message">{{if .Message}}{{.Message}}{{else}}{{.Title}}{{end}}</span>{{if .Fix}}<div class="fix">fix: {{.Fix}}</div>{{end}}</td>
</tr>
{{end}}{{end}}`))

// htmlRow is one row of a table of failures with their fix: the finding
// and the page it is on.
type htmlRow struct {
	Page    *htmlPage
	Finding htmlFinding
}

func rowOf(p *htmlPage, f htmlFinding) htmlRow { return htmlRow{Page: p, Finding: f} }
