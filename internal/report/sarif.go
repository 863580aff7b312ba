package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// sarifFormat writes SARIF 2.1.0 for code scanning (GitHub's upload-sarif,
// GitLab, IDEs). Every check that ran is a rule carrying its metadata;
// failures are results at a level from their severity, unknowns are results
// of kind "review" (level "none"), waived failures carry an external
// suppression, and passes are left out: a code scanning alert closes when a
// later run no longer reports it.
//
// When the plans know the world before them, each result says how it
// stands against that world (baselineState): a failure the plans introduce
// is "new", one that was there before "unchanged", and a failure they
// resolve is written too, as a pass (kind "pass", level "none") whose
// baselineState is "absent". SARIF wants baselineState on every result of
// a run or on none: a run whose results mix plans with inputs that have no
// prior world (a state, a directory) has it on none, and the change stays
// in each result's properties.
//
// Each result is located at the .tf file and line that declare its resource
// when Options.Locate knows them, else at the scanned plan itself (code
// scanning shows no alert without a physical location), and always names the
// resource address as a logical location.
type sarifFormat struct {
	opts Options
}

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is the project's home page, as reports record it.
	InformationURI = "https://github.com/prodready/terraform-provider-readiness"
	// fingerprintKey names the partial fingerprint that identifies a
	// finding across runs: its check, input and address, hashed.
	fingerprintKey = "readinessFinding/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	Properties  sarifRunProps     `json:"properties"`
}

type sarifRunProps struct {
	Profile string         `json:"profile"`
	FailOn  string         `json:"failOn"`
	Gate    string         `json:"gate"`
	Summary engine.Summary `json:"summary"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	DeprecatedIDs        []string        `json:"deprecatedIds,omitempty"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Severity         string   `json:"severity"`
	Section          string   `json:"section"`
	Category         string   `json:"category"`
	Cloud            string   `json:"cloud,omitempty"`
	ResourceTypes    []string `json:"resourceTypes,omitempty"`
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Kind                string             `json:"kind"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Properties          sarifResultProps   `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

type sarifResultProps struct {
	Status       string           `json:"status"`
	Severity     string           `json:"severity"`
	Input        string           `json:"input"`
	Address      string           `json:"address"`
	ResourceType string           `json:"resourceType,omitempty"`
	Evidence     []check.Evidence `json:"evidence"`
	// Change is engine.Result.Change, as the JSON report gives it.
	Change string `json:"change,omitempty"`
}

func (f sarifFormat) Write(w io.Writer, rep *engine.Report) error {
	rules, index := sarifRules(rep)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           ToolName,
			Version:        f.opts.ToolVersion,
			InformationURI: InformationURI,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(rep.Errors) == 0, Notifications: []sarifNotification{}}},
		Results:     []sarifResult{},
		Properties:  sarifRunProps{Profile: rep.Profile, FailOn: rep.FailOn.String(), Gate: string(gateOf(rep)), Summary: rep.Summary},
	}
	run.Properties.Summary.Sections = nonNil(run.Properties.Summary.Sections)
	for _, e := range rep.Errors {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications,
			sarifNotification{Level: "error", Message: sarifText{Text: e}})
	}
	for _, w := range rep.Warnings {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications,
			sarifNotification{Level: "warning", Message: sarifText{Text: w}})
	}
	baselined := true // every result written has a change
	for _, r := range rep.Results {
		if sarifWritten(r) && r.Change == "" {
			baselined = false
			break
		}
	}
	for _, r := range rep.Results {
		if !sarifWritten(r) {
			continue
		}
		res := f.result(r, index[r.CheckID])
		if baselined {
			res.BaselineState = baselineState(r)
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(safeJSONWriter{w})
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func (f sarifFormat) result(r engine.Result, ruleIndex int) sarifResult {
	out := sarifResult{
		RuleID:    r.CheckID,
		RuleIndex: ruleIndex,
		Kind:      "fail",
		Level:     sarifLevel(r.Severity),
		Message:   sarifText{Text: sarifMessage(r)},
		PartialFingerprints: map[string]string{
			fingerprintKey: fingerprint(r),
		},
		Properties: sarifResultProps{
			Status:       string(r.Status),
			Severity:     r.Severity.String(),
			Input:        r.Input,
			Address:      r.Address,
			ResourceType: r.ResourceType,
			Evidence:     nonNil(r.Evidence),
			Change:       string(r.Change),
		},
	}
	switch {
	case r.Status == check.StatusPass: // a failure the plans resolve
		// SARIF: a result whose kind is not "fail" has level "none".
		out.Kind, out.Level = "pass", "none"
		out.Message.Text = "resolved by this plan: " + out.Message.Text
	case r.Status == check.StatusUnknown:
		out.Kind, out.Level = "review", "none"
	case r.Status == check.StatusWaived:
		justification := r.Message
		if justification == "" {
			justification = "waived in the readiness configuration"
		}
		out.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: justification}}
	}

	loc := sarifLocation{}
	if file, line, ok := f.opts.location(r); ok {
		loc.PhysicalLocation = &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: fileURI(file)}, Region: sarifRegion{StartLine: line}}
	} else {
		loc.PhysicalLocation = &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: fileURI(r.Input)}, Region: sarifRegion{StartLine: 1}}
	}
	if r.Address != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: r.Address, Kind: "resource"}}
	}
	out.Locations = []sarifLocation{loc}
	return out
}

// sarifRules describes the checks the log has results of (passes are not
// written), in catalogue order, then any such check that has no metadata
// in the report (a report built by hand), from its results: a rule of the
// whole catalogue per log made 13 findings half a megabyte. index maps
// check IDs to positions.
func sarifRules(rep *engine.Report) (rules []sarifRule, index map[string]int) {
	rules = []sarifRule{}
	index = map[string]int{}
	written := map[string]bool{}
	for _, r := range rep.Results {
		if sarifWritten(r) {
			written[r.CheckID] = true
		}
	}
	for _, m := range rep.Checks {
		if _, dup := index[m.ID]; dup || !written[m.ID] {
			continue
		}
		index[m.ID] = len(rules)
		rules = append(rules, ruleFromMeta(m))
	}
	for _, r := range rep.Results {
		if _, ok := index[r.CheckID]; ok || !written[r.CheckID] {
			continue
		}
		index[r.CheckID] = len(rules)
		rules = append(rules, ruleFromMeta(check.Meta{
			ID: r.CheckID, Title: r.Title, Section: r.Section, Category: r.Category,
			Severity: r.Severity, Remediation: r.Remediation,
		}))
		rules[len(rules)-1].HelpURI = r.Docs
	}
	return rules, index
}

// sarifWritten reports whether the log has a result for r: every result
// but the passes, and a pass that a plan's change resolves.
func sarifWritten(r engine.Result) bool {
	return r.Status != check.StatusPass || r.Change == engine.ChangeResolved
}

// baselineState is how r stands against the world before the plan: a
// failure the plan introduces is new, one that was there before is
// unchanged, a failure it resolves is absent. A result it resolves that is
// still written for another reason (unknown now, or waived) changed:
// updated. A result that failed in neither world (unknown or waived in
// both) is unchanged.
func baselineState(r engine.Result) string {
	switch r.Change {
	case engine.ChangeIntroduced:
		return "new"
	case engine.ChangeResolved:
		if r.Status == check.StatusPass {
			return "absent"
		}
		return "updated"
	default:
		return "unchanged"
	}
}

func ruleFromMeta(m check.Meta) sarifRule {
	description := m.Description
	if description == "" {
		description = m.Title
	}
	// The description is fullDescription's: help says how to fix, once.
	var text, md strings.Builder
	if m.Remediation != "" {
		text.WriteString("How to fix: " + m.Remediation + "\n\n")
		md.WriteString("**How to fix:** " + m.Remediation + "\n\n")
	}
	if m.Example != "" {
		text.WriteString("Example:\n" + m.Example + "\n\n")
		md.WriteString("**Example:**\n\n" + fence(m.Example, "hcl") + "\n\n")
	}
	docs := m.DocsURL()
	text.WriteString("Documentation: " + docs)
	md.WriteString("[Documentation](" + docs + ")")

	// SARIF wants tags unique: a section and a category may share a word
	// (on_call).
	tags := []string{}
	for _, tag := range []string{"readiness", m.Section, m.Category, m.Cloud} {
		if tag != "" && !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
	}
	props := sarifRuleProps{
		Severity:      m.Severity.String(),
		Section:       m.Section,
		Category:      m.Category,
		Cloud:         m.Cloud,
		ResourceTypes: m.ResourceTypes,
		Tags:          tags,
	}
	if m.Section == "security" {
		// Code scanning ranks results of rules tagged "security" (the
		// section's tag) by this CVSS-like score: 9.0 and above is
		// critical, 7.0 high, 4.0 medium, below that low.
		props.SecuritySeverity = map[check.Severity]string{
			check.SeverityCritical: "9.5", check.SeverityHigh: "8.0",
			check.SeverityMedium: "5.5", check.SeverityLow: "2.0",
		}[m.Severity]
	}
	return sarifRule{
		ID:                   m.ID,
		DeprecatedIDs:        m.Aliases,
		Name:                 ruleName(m.ID),
		ShortDescription:     sarifText{Text: m.Title},
		FullDescription:      sarifText{Text: description},
		Help:                 sarifHelp{Text: text.String(), Markdown: md.String()},
		HelpURI:              docs,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(m.Severity)},
		Properties:           props,
	}
}

// sarifLevel maps a severity to SARIF's levels: critical and high are
// errors, medium warnings, low notes.
func sarifLevel(s check.Severity) string {
	switch {
	case s >= check.SeverityHigh:
		return "error"
	case s == check.SeverityMedium:
		return "warning"
	default:
		return "note"
	}
}

// sarifMessage leads with the address: code scanning shows the message
// beside a line that may declare many instances.
func sarifMessage(r engine.Result) string {
	msg := r.Message
	if msg == "" {
		msg = r.Title
	}
	if r.Address == "" {
		return msg
	}
	return r.Address + ": " + msg
}

// fingerprint identifies a finding across runs whatever its message or
// line: its check, input and resource address.
func fingerprint(r engine.Result) string {
	sum := sha256.Sum256([]byte(r.CheckID + "\x00" + r.Input + "\x00" + r.Address))
	return hex.EncodeToString(sum[:16])
}

// ruleName is a check ID as SARIF's identifier-like rule names go:
// aws_rds_multi_az becomes AwsRdsMultiAz.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}

// fileURI turns a path into a URI reference: relative paths stay relative
// (to the directory the scan ran in, which code scanning takes as the
// repository's root), absolute ones become file:// URIs.
func fileURI(path string) string {
	slashed := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // a Windows drive letter
		}
		return (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	return (&url.URL{Path: slashed}).String()
}
