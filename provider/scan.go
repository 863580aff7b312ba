package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// This file holds what readiness_plan and readiness_config share: the
// profile and fail_on arguments, the report attributes, and the scan itself.

// resultAttrTypes is the object type of one result, in data sources and in
// provider::readiness::check.
var resultAttrTypes = map[string]attr.Type{
	"check_id": types.StringType,
	"title":    types.StringType,
	"section":  types.StringType,
	"category": types.StringType,
	"severity": types.StringType,
	"status":   types.StringType,
	"address":  types.StringType,
	"message":  types.StringType,
	"change":   types.StringType,
}

var sectionAttrTypes = map[string]attr.Type{
	"section": types.StringType,
	"fail":    types.Int64Type,
	"pass":    types.Int64Type,
	"unknown": types.Int64Type,
	"score":   types.Int64Type,
}

// resultModel is one result as the data sources and functions return it.
type resultModel struct {
	CheckID  string       `tfsdk:"check_id"`
	Title    string       `tfsdk:"title"`
	Section  string       `tfsdk:"section"`
	Category string       `tfsdk:"category"`
	Severity string       `tfsdk:"severity"`
	Status   string       `tfsdk:"status"`
	Address  string       `tfsdk:"address"`
	Message  string       `tfsdk:"message"`
	Change   types.String `tfsdk:"change"`
}

type sectionModel struct {
	Section string `tfsdk:"section"`
	Fail    int64  `tfsdk:"fail"`
	Pass    int64  `tfsdk:"pass"`
	Unknown int64  `tfsdk:"unknown"`
	Score   int64  `tfsdk:"score"`
}

// reportModel is the report attributes both scanning data sources set.
type reportModel struct {
	Ready    types.Bool   `tfsdk:"ready"`
	Score    types.Int64  `tfsdk:"score"`
	Results  types.List   `tfsdk:"results"`
	Failures types.List   `tfsdk:"failures"`
	Summary  types.String `tfsdk:"summary"`
	Sections types.List   `tfsdk:"sections"`
}

// resultAttributes describes a result object's attributes.
func resultAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"check_id": schema.StringAttribute{Computed: true, Description: "The check's ID, as `readiness explain` takes it."},
		"title":    schema.StringAttribute{Computed: true, Description: "What the check requires, in one line."},
		"section":  schema.StringAttribute{Computed: true, Description: "The production-readiness checklist section the check belongs to."},
		"category": schema.StringAttribute{Computed: true, Description: "The checklist item the check shows, such as `multi_az` or `backup`."},
		"severity": schema.StringAttribute{Computed: true, Description: "The severity under the profile used: `critical`, `high`, `medium` or `low`."},
		"status": schema.StringAttribute{Computed: true, Description: "`pass`, `fail`, `unknown` when a value the check needs is known only " +
			"after apply or is not in the input, or `waived` when the configuration file waives a failure."},
		"address": schema.StringAttribute{Computed: true, Description: "The resource instance address, or an empty string for a finding about the whole input."},
		"message": schema.StringAttribute{Computed: true, Description: "What the check found, with sensitive values redacted."},
		"change": schema.StringAttribute{Computed: true, Description: "What the plan does to this result, the world before it judged " +
			"like the planned one: `introduced` (fails now, did not before, or the resource is new), `existing` (fails in both), " +
			"`resolved` (failed before, does not now) or `unchanged` (fails in neither). Null for a state, a directory, " +
			"or values judged alone."},
	}
}

// scanArguments are the arguments both scanning data sources take.
func scanArguments() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"profile": schema.StringAttribute{
			Optional: true,
			Description: fmt.Sprintf("The readiness profile for this scan, overriding the provider's. Allowed values are %s, "+
				"or their short forms %s. Defaults to the provider's `profile`, whose default is `%s`.",
				joinList(profile.Names(), "and", "`"), joinList(profile.Aliases(), "and", "`"), profile.Default),
		},
		"fail_on": schema.StringAttribute{
			Optional: true,
			Description: "The lowest severity whose failures make the input not ready, overriding the provider's `fail_on` for `ready`. " +
				"Allowed values are `critical`, `high`, `medium`, `low` and `none`. When set, every failure at or above it is also an " +
				"error diagnostic, one per finding, so that `terraform plan` fails and lists them (inside a `check` block, Terraform " +
				"reports them as warnings instead). Defaults to the provider's `fail_on`, without error diagnostics.",
		},
	}
}

// reportAttributes are the computed attributes both scanning data sources
// set; gated says that the data source has a gate (readiness_plan).
func reportAttributes(gated bool) map[string]schema.Attribute {
	readyGate, failuresGate := "", ""
	if gated {
		readyGate = " (with `gate = \"introduced\"`, no failure the plan introduces)"
		failuresGate = " With `gate = \"introduced\"`, only the failures the plan introduces: those that were there before it " +
			"are left out (they stay in `results`)."
	}
	return map[string]schema.Attribute{
		"ready": schema.BoolAttribute{
			Computed: true,
			Description: "Whether the input is ready: no check failed at or above `fail_on`" + readyGate + ", and every part of " +
				"it was judged: false when the scan has errors (a plan Terraform recorded as errored, a malformed `readiness:` " +
				"tag, a check that failed while judging), which the warnings list, as `readiness scan` exits 1 then. Unknown " +
				"results never make an input not ready.",
		},
		"score": schema.Int64Attribute{
			Computed:    true,
			Description: "The share of decided results (passes and failures) that pass, from 0 to 100; 100 when nothing was decided.",
		},
		"results": schema.ListNestedAttribute{
			Computed: true,
			Description: "Every result, one per check and resource instance (or per check for whole-input checks), in checklist " +
				"section order, then by address and check ID.",
			NestedObject: schema.NestedAttributeObject{Attributes: resultAttributes()},
		},
		"failures": schema.ListAttribute{
			Computed:    true,
			ElementType: types.StringType,
			Description: "One line per failed result, most severe first: `ADDRESS: CHECK_ID (SEVERITY): MESSAGE`, with `(whole input)` as the address of a finding about the whole input." + failuresGate,
		},
		"summary": schema.StringAttribute{
			Computed:    true,
			Description: "One paragraph: the verdict, the counts, the score, the profile and the threshold.",
		},
		"sections": schema.ListNestedAttribute{
			Computed:    true,
			Description: "Counts per checklist section that has results, in checklist order.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"section": schema.StringAttribute{Computed: true, Description: "The checklist section."},
				"fail":    schema.Int64Attribute{Computed: true, Description: "Failed results."},
				"pass":    schema.Int64Attribute{Computed: true, Description: "Passed results."},
				"unknown": schema.Int64Attribute{Computed: true, Description: "Results that could not be decided."},
				"score":   schema.Int64Attribute{Computed: true, Description: "The section's score, from 0 to 100."},
			}},
		},
	}
}

func mergeAttributes(sets ...map[string]schema.Attribute) map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for _, s := range sets {
		for k, v := range s {
			out[k] = v
		}
	}
	return out
}

// validateScanArguments rejects profile and fail_on values no scan can use.
func validateScanArguments(prof, failOn types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	if known(prof) {
		_, d := parseProfile(prof.ValueString())
		diags.Append(d...)
	}
	if known(failOn) {
		_, d := parseFailOn(failOn.ValueString())
		diags.Append(d...)
	}
	return diags
}

// providerSettings reads the settings Configure handed to a data source.
// Before the provider is configured (terraform validate), ProviderData is
// nil: the data source keeps the defaults until Read.
func providerSettings(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *settings {
	if req.ProviderData == nil {
		return nil
	}
	s, ok := req.ProviderData.(*settings)
	if !ok {
		resp.Diagnostics.AddError("Unexpected Provider Data",
			fmt.Sprintf("The data source was configured with data of type %T, which is a bug in the provider. Please report it.", req.ProviderData))
		return nil
	}
	return s
}

// defaultSettings are the provider's settings when its block is empty.
func defaultSettings() *settings {
	prof, _ := profile.Lookup(profile.Default)
	failOn, _ := check.ParseThreshold(DefaultFailOn)
	return &settings{Profile: prof, FailOn: failOn, DisabledChecks: []string{}, Gate: engine.GateAll}
}

// scan judges one input and fills the report attributes. With fail_on set
// on the data source, each failure at or above it that the gate counts is
// an error diagnostic. gateArg is readiness_plan's gate; null elsewhere.
func scan(ctx context.Context, s *settings, p *model.Plan, profArg, failOnArg, gateArg types.String, out *reportModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if s == nil {
		s = defaultSettings()
	}
	prof, failOn, gate := s.Profile, s.FailOn, s.Gate
	if known(gateArg) {
		var d diag.Diagnostics
		gate, d = parseGate(gateArg.ValueString())
		diags.Append(d...)
	}
	if known(profArg) {
		var d diag.Diagnostics
		prof, d = parseProfile(profArg.ValueString())
		diags.Append(d...)
	}
	if known(failOnArg) {
		var d diag.Diagnostics
		failOn, d = parseFailOn(failOnArg.ValueString())
		diags.Append(d...)
	}
	if diags.HasError() {
		return diags
	}
	rep := engine.Run([]*model.Plan{p}, s.checks(), engine.Options{Profile: prof, FailOn: failOn, Gate: gate, Policy: s.Policy})
	// As readiness scan's exit code: what was not judged whole (a plan
	// Terraform recorded as errored, a check that failed while judging)
	// cannot be called ready.
	out.Ready = types.BoolValue(rep.Summary.Ready && len(rep.Errors) == 0)
	out.Score = types.Int64Value(int64(rep.Summary.Score))
	out.Summary = types.StringValue(summaryText(rep))

	results := make([]resultModel, 0, len(rep.Results))
	for _, r := range rep.Results {
		results = append(results, newResultModel(r))
	}
	var d diag.Diagnostics
	out.Results, d = types.ListValueFrom(ctx, types.ObjectType{AttrTypes: resultAttrTypes}, results)
	diags.Append(d...)

	fails := failedResults(rep)
	lines := make([]string, 0, len(fails))
	for _, r := range fails {
		lines = append(lines, failureLine(r))
	}
	out.Failures, d = types.ListValueFrom(ctx, types.StringType, lines)
	diags.Append(d...)

	sections := make([]sectionModel, 0, len(rep.Summary.Sections))
	for _, sec := range rep.Summary.Sections {
		sections = append(sections, sectionModel{Section: sec.Section, Fail: int64(sec.Fail), Pass: int64(sec.Pass), Unknown: int64(sec.Unknown), Score: int64(sec.Score)})
	}
	out.Sections, d = types.ListValueFrom(ctx, types.ObjectType{AttrTypes: sectionAttrTypes}, sections)
	diags.Append(d...)

	if rep.Invalid {
		diags.AddError("Invalid Custom Check",
			"A custom check of the configuration file cannot be evaluated (an attribute the resource does not have, a type "+
				"error, an index out of range, or more work than its budget allows), so the scan has no verdict. Fix the "+
				"check at the place named below; read an attribute only some provider versions have with try() or can().\n\n"+
				strings.Join(rep.Errors, "\n"))
	} else {
		for _, e := range rep.Errors {
			diags.AddWarning("Part of the Input Was Not Judged",
				"Part of the input could not be judged, so what it would have shown is missing; the other results "+
					"stand. A check that failed while judging is a bug in the check: please report it.\n\n"+e)
		}
	}
	if known(failOnArg) {
		for _, r := range fails {
			if rep.Blocks(r) {
				diags.AddError("Readiness Check Failed: "+r.CheckID, failureDetail(r, failOn))
			}
		}
	}
	return diags
}

func newResultModel(r engine.Result) resultModel {
	change := types.StringNull()
	if r.Change != "" {
		change = types.StringValue(string(r.Change))
	}
	return resultModel{
		CheckID: r.CheckID, Title: r.Title, Section: r.Section, Category: r.Category,
		Severity: r.Severity.String(), Status: string(r.Status), Address: r.Address, Message: r.Message,
		Change: change,
	}
}

// failedResults are the report's failures that its gate counts, most
// severe first: every failure under gate all; under gate introduced, those
// the plan introduces (and those of an input without a prior world), as
// engine.Report.Blocks decides at any severity.
func failedResults(rep *engine.Report) []engine.Result {
	anySeverity := *rep
	anySeverity.FailOn = check.AtLeast(check.SeverityLow)
	var out []engine.Result
	for _, r := range rep.Results {
		if anySeverity.Blocks(r) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity > out[j].Severity })
	return out
}

func displayAddress(r engine.Result) string {
	if r.Address == "" {
		return "(whole input)"
	}
	return r.Address
}

func failureLine(r engine.Result) string {
	return fmt.Sprintf("%s: %s (%s): %s", displayAddress(r), r.CheckID, r.Severity, r.Message)
}

// failureDetail says what failed, what to do, then the facts.
func failureDetail(r engine.Result, failOn check.Threshold) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s.\n\n", displayAddress(r), strings.TrimSuffix(r.Message, "."))
	if r.Remediation != "" {
		fmt.Fprintf(&b, "%s\n\n", r.Remediation)
	}
	fmt.Fprintf(&b, "Check: %s (%s), severity %s, at or above fail_on %s.", r.CheckID, r.Title, r.Severity, failOn)
	for _, e := range r.Evidence {
		fmt.Fprintf(&b, "\n%s = %s", e.Attribute, e.Value)
	}
	if r.Docs != "" {
		fmt.Fprintf(&b, "\nDocs: %s", r.Docs)
	}
	return b.String()
}

// summaryText is the report in one paragraph.
func summaryText(rep *engine.Report) string {
	s := rep.Summary
	blocking := len(rep.Blocking())
	total := s.Pass + s.Fail + s.Unknown + s.Waived
	var b strings.Builder
	switch {
	case !s.Ready:
		fmt.Fprintf(&b, "Not ready: %d %s at or above %s", blocking, plural(blocking, "failure", "failures"), rep.FailOn)
	case len(rep.Errors) > 0:
		fmt.Fprintf(&b, "Undecided: no failure at or above %s, but part of the input was not judged", rep.FailOn)
	default:
		fmt.Fprintf(&b, "Ready: no failure at or above %s", rep.FailOn)
	}
	fmt.Fprintf(&b, " among %d %s (%d fail, %d pass, %d unknown", total, plural(total, "result", "results"), s.Fail, s.Pass, s.Unknown)
	if s.Waived > 0 {
		fmt.Fprintf(&b, ", %d waived", s.Waived)
	}
	fmt.Fprintf(&b, "); score %d/100 under the %s profile.", s.Score, rep.Profile)
	if c := s.Changes; rep.Gate == engine.GateIntroduced && c == nil {
		b.WriteString(" Gate introduced, but nothing shows which failures were there before the plan: every failure counts.")
	} else if rep.Gate == engine.GateIntroduced {
		fmt.Fprintf(&b, " Gate introduced: only the failures the plan introduces count; %d %s there before it and %s not.",
			c.Existing, plural(c.Existing, "was", "were"), plural(c.Existing, "does", "do"))
	}
	if n := len(rep.Errors); n > 0 {
		fmt.Fprintf(&b, " %d %s: %s", n, plural(n, "error", "errors"), rep.Errors[0])
		if n > 1 {
			b.WriteString(" (and more: see the warnings)")
		}
		b.WriteString(".")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// checks returns the checks the settings run: every registered check but
// the disabled ones.
func (s *settings) checks() []check.Check {
	all := checks.All()
	if len(s.DisabledChecks) == 0 {
		return all
	}
	off := map[string]bool{}
	for _, id := range s.DisabledChecks {
		if c, ok := checks.ByID(id); ok {
			off[c.ID] = true
		}
	}
	out := make([]check.Check, 0, len(all))
	for _, c := range all {
		if !off[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

// readError is the diagnostic for an input that could not be read.
func readError(diags *diag.Diagnostics, attribute, summary, advice string, err error) {
	diags.AddAttributeError(path.Root(attribute), summary, advice+"\n\n"+err.Error())
}
