// Package config reads .readiness.hcl, a team's configuration of readiness
// scans, into the defaults of the scan's flags and a policy.Policy. Every
// mistake is reported at its place in the file (file:line,column).
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/nesting"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
	"github.com/prodready/terraform-provider-readiness/internal/period"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	suggestion "github.com/prodready/terraform-provider-readiness/internal/suggest"
)

// FileName is the configuration file's name.
const FileName = ".readiness.hcl"

// Config is one configuration file.
type Config struct {
	// Path names the file in messages.
	Path string
	// Profile, FailOn and Gate are the defaults of --profile, --fail-on and
	// --gate; "" when the file does not set them. Each is valid when set.
	Profile string
	FailOn  string
	Gate    string
	// Policy is everything else the file declares.
	Policy *policy.Policy

	// refs are the check names the file uses, checked against the catalogue
	// by Validate.
	refs []nameRef
}

type refKind int

const (
	refSelect   refKind = iota // an ID, alias, category or section
	refSeverity                // an ID or alias
	refWaiver                  // an ID, alias or category
)

type nameRef struct {
	kind  refKind
	value string
	rng   hcl.Range
}

// Find looks for FileName in dir, then in each parent directory up to the
// root of the repository (the first directory that holds .git) or of the
// file system. It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		path := filepath.Join(dir, FileName)
		info, err := os.Stat(path)
		switch {
		case err == nil && !info.IsDir():
			return path, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("read %s: %w", path, unwrap(err))
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and parses the configuration file at path. name is how
// messages call the file (the path as the user gave it, or relative to the
// working directory). With errors it still returns what it could read
// (unless the file cannot be read or nests too deep), so that Validate
// reports the names it gets wrong in the same run: every mistake of a file
// is reported at once. Such a Config is for Validate only.
func Load(path, name string) (*Config, hcl.Diagnostics) {
	src, err := oserr.ReadFile(path, oserr.MaxConfigFile)
	if err != nil {
		msg := err.Error()
		rng := hcl.Range{Filename: name}
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read the configuration", Detail: msg, Subject: &rng}}
	}
	return parse(src, name)
}

// Format renders a diagnostic on one line as file:line,column-column:
// Summary; Detail, or file: Summary; Detail when it has no position (a file
// that cannot be read).
func Format(d *hcl.Diagnostic) string {
	where := "readiness"
	if d.Subject != nil {
		where = d.Subject.String()
		if d.Subject.Start.Line == 0 {
			where = d.Subject.Filename
		}
	}
	if d.Detail == "" {
		return where + ": " + d.Summary
	}
	return where + ": " + d.Summary + "; " + d.Detail
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var fileSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "profile"}, {Name: "fail_on"}, {Name: "gate"}, {Name: "tier_tags"}, {Name: "owner_tags"}, {Name: "severities"}, {Name: "tag_waivers"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "checks"},
		{Type: "severity", LabelNames: []string{"check_id"}},
		{Type: "objective", LabelNames: []string{"name"}},
		{Type: "attest", LabelNames: []string{"item"}},
		{Type: "waiver"},
		{Type: "check", LabelNames: []string{"id"}},
	},
}

// Parse reads a configuration from src; filename names it in messages.
// Every mistake it finds is reported; with any, the Config is nil.
func Parse(src []byte, filename string) (*Config, hcl.Diagnostics) {
	c, diags := parse(src, filename)
	if diags.HasErrors() {
		return nil, diags
	}
	return c, diags
}

// parse reads a configuration from src and reports every mistake: after a
// syntax error it goes on with what HCL could parse, as Terraform does,
// leaving out the diagnostics of the broken places themselves.
func parse(src []byte, filename string) (*Config, hcl.Diagnostics) {
	if diags := nesting.HCL(src, filename); diags.HasErrors() {
		return nil, diags
	}
	file, syntax := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	content, diags := file.Body.Content(fileSchema)
	d := &decoder{diags: diags}
	c := &Config{Path: filename, Policy: &policy.Policy{
		Source:       filename,
		Severity:     map[string]policy.Override{},
		Attestations: map[string]policy.Attestation{},
	}}
	pol := c.Policy

	if a := content.Attributes["profile"]; a != nil {
		if v, ok := d.str(a); ok {
			if prof, err := profile.Lookup(v); err != nil {
				d.errorf(a.Expr.Range(), "Invalid profile", "%s.%s", upper(err.Error()), didYouMean(v, profile.AcceptedNames()))
			} else {
				c.Profile = prof.Name
			}
		}
	}
	if a := content.Attributes["fail_on"]; a != nil {
		if v, ok := d.str(a); ok {
			if _, err := check.ParseThreshold(v); err != nil {
				d.errorf(a.Expr.Range(), "Invalid fail_on", "%s.%s", upper(err.Error()), didYouMean(v, check.ThresholdNames))
			} else {
				c.FailOn = strings.ToLower(v)
			}
		}
	}
	if a := content.Attributes["gate"]; a != nil {
		if v, ok := d.str(a); ok {
			if g, err := engine.ParseGate(v); err != nil {
				d.errorf(a.Expr.Range(), "Invalid gate", "%s.%s", upper(err.Error()), didYouMean(v, engine.GateNames()))
			} else {
				c.Gate = string(g)
			}
		}
	}
	if a := content.Attributes["tier_tags"]; a != nil {
		for _, n := range d.strList(a) {
			pol.TierTags = append(pol.TierTags, n.Value)
		}
	}
	if a := content.Attributes["owner_tags"]; a != nil {
		c.ownerTags(d, a)
	}
	if a := content.Attributes["tag_waivers"]; a != nil {
		if v, ok := d.value(a.Expr, cty.Bool); ok {
			pol.NoTagWaivers = v.False()
		}
	}
	if a := content.Attributes["severities"]; a != nil {
		for _, kv := range d.strMap(a) {
			c.severity(d, kv.key, kv.value, kv.keyRange, kv.valueRange)
		}
	}

	seen := map[string]hcl.Range{}
	dup := func(kind, name string, rng hcl.Range) bool {
		key := kind + "\x00" + name
		if first, ok := seen[key]; ok {
			d.errorf(rng, "Duplicate "+kind+" block", "%s %q was already declared at %s.", kind, name, first)
			return true
		}
		seen[key] = rng
		return false
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "checks":
			if dup("checks", "", b.DefRange) {
				continue
			}
			c.checksBlock(d, b)
		case "severity":
			if dup("severity", b.Labels[0], b.LabelRanges[0]) {
				continue
			}
			body := d.content(b, &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "level", Required: true}}})
			if body == nil {
				continue
			}
			if a := body.Attributes["level"]; a != nil {
				if v, ok := d.str(a); ok {
					c.severity(d, b.Labels[0], v, b.LabelRanges[0], a.Expr.Range())
				}
			}
		case "objective":
			if dup("objective", b.Labels[0], b.LabelRanges[0]) {
				continue
			}
			c.objectiveBlock(d, b)
		case "attest":
			if dup("attest", b.Labels[0], b.LabelRanges[0]) {
				continue
			}
			c.attestBlock(d, b)
		case "waiver":
			c.waiverBlock(d, b)
		case "check":
			if dup("check", b.Labels[0], b.LabelRanges[0]) {
				continue
			}
			c.customBlock(d, b)
		}
	}
	return c, append(syntax, besides(d.diags, syntax)...)
}

// besides returns diags without those about a place a syntax error broke
// (an expression HCL could not parse has no value, which is no news).
func besides(diags, syntax hcl.Diagnostics) hcl.Diagnostics {
	if len(syntax) == 0 {
		return diags
	}
	var out hcl.Diagnostics
	for _, d := range diags {
		broken := false
		for _, s := range syntax {
			if d.Subject != nil && s.Subject != nil && d.Subject.Overlaps(*s.Subject) {
				broken = true
				break
			}
		}
		if !broken {
			out = append(out, d)
		}
	}
	return out
}

func (c *Config) checksBlock(d *decoder, b *hcl.Block) {
	body := d.content(b, &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enabled"}, {Name: "disabled"}}})
	if body == nil {
		return
	}
	if a := body.Attributes["enabled"]; a != nil {
		c.Policy.Enabled = d.strList(a)
		for _, n := range c.Policy.Enabled {
			c.refs = append(c.refs, nameRef{refSelect, n.Value, n.Range})
		}
	}
	if a := body.Attributes["disabled"]; a != nil {
		c.Policy.Disabled = d.strList(a)
		for _, n := range c.Policy.Disabled {
			c.refs = append(c.refs, nameRef{refSelect, n.Value, n.Range})
		}
	}
}

func (c *Config) severity(d *decoder, id, level string, idRange, levelRange hcl.Range) {
	sev, err := check.ParseSeverity(level)
	if err != nil {
		d.errorf(levelRange, "Invalid severity", "%s.", upper(err.Error()))
		return
	}
	c.Policy.Severity[id] = policy.Override{Level: sev, Range: idRange}
	c.refs = append(c.refs, nameRef{refSeverity, id, idRange})
}

func (c *Config) objectiveBlock(d *decoder, b *hcl.Block) {
	body := d.content(b, &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "resources"}, {Name: "tags"}, {Name: "rpo"}, {Name: "rto"},
	}})
	if body == nil {
		return
	}
	o := policy.Objective{Name: b.Labels[0], Source: source(b.DefRange), Range: b.DefRange}
	if a := body.Attributes["resources"]; a != nil {
		for _, n := range d.strList(a) {
			p, err := policy.ParsePattern(n.Value)
			if err != nil {
				d.errorf(n.Range, "Invalid address pattern", "%s.", upper(err.Error()))
				continue
			}
			o.Resources = append(o.Resources, p)
		}
	}
	if a := body.Attributes["tags"]; a != nil {
		o.Tags = map[string]string{}
		for _, kv := range d.strMap(a) {
			o.Tags[kv.key] = kv.value
		}
	}
	for _, name := range []string{"rpo", "rto"} {
		a := body.Attributes[name]
		if a == nil {
			continue
		}
		v, ok := d.str(a)
		if !ok {
			continue
		}
		dur, err := period.ParseDuration(v)
		if err != nil {
			d.errorf(a.Expr.Range(), "Invalid duration", "%s.", upper(err.Error()))
			continue
		}
		if name == "rpo" {
			o.RPO = &dur
		} else {
			o.RTO = &dur
		}
	}
	if body.Attributes["rpo"] == nil && body.Attributes["rto"] == nil {
		d.errorf(b.DefRange, "Missing objective", "An objective block declares rpo, rto or both, as durations like \"1h\".")
	}
	c.Policy.Objectives = append(c.Policy.Objectives, o)
}

func (c *Config) attestBlock(d *decoder, b *hcl.Block) {
	key := b.Labels[0]
	known := policy.ManualKeys()
	if !contains(known, key) {
		d.errorf(b.LabelRanges[0], "Unknown checklist item", "No manual checklist item is called %q. The items are: %s.", key, strings.Join(known, ", "))
	}
	body := d.content(b, &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "by", Required: true}, {Name: "on", Required: true}, {Name: "note"},
	}})
	if body == nil {
		return
	}
	at := policy.Attestation{Item: key, Range: b.DefRange}
	at.By, _ = d.str(body.Attributes["by"])
	if a := body.Attributes["on"]; a != nil {
		if v, ok := d.str(a); ok {
			if _, err := period.ParseDate(v); err != nil {
				d.errorf(a.Expr.Range(), "Invalid date", "%s.", upper(err.Error()))
			}
			at.On = v
		}
	}
	if a := body.Attributes["note"]; a != nil {
		at.Note, _ = d.str(a)
	}
	c.Policy.Attestations[key] = at
}

func (c *Config) waiverBlock(d *decoder, b *hcl.Block) {
	body := d.content(b, &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "check", Required: true}, {Name: "address"}, {Name: "input"},
		{Name: "reason", Required: true}, {Name: "owner", Required: true}, {Name: "expires", Required: true},
	}})
	if body == nil {
		return
	}
	w := policy.Waiver{Source: source(b.DefRange)}
	if a := body.Attributes["check"]; a != nil {
		if v, ok := d.str(a); ok {
			w.Check = v
			c.refs = append(c.refs, nameRef{refWaiver, v, a.Expr.Range()})
		}
	}
	if a := body.Attributes["address"]; a != nil {
		if v, ok := d.str(a); ok {
			p, err := policy.ParsePattern(v)
			if err != nil {
				d.errorf(a.Expr.Range(), "Invalid address pattern", "%s.", upper(err.Error()))
			}
			w.Address = &p
		}
	}
	if a := body.Attributes["input"]; a != nil {
		w.Input, _ = d.str(a)
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"reason", &w.Reason}, {"owner", &w.Owner}} {
		if a := body.Attributes[f.name]; a != nil {
			if v, ok := d.str(a); ok {
				if strings.TrimSpace(v) == "" {
					d.errorf(a.Expr.Range(), "Empty "+f.name, "A waiver must say its %s.", f.name)
				}
				*f.dst = v
			}
		}
	}
	if a := body.Attributes["expires"]; a != nil {
		if v, ok := d.str(a); ok {
			t, err := period.ParseDate(v)
			if err != nil {
				d.errorf(a.Expr.Range(), "Invalid date", "%s.", upper(err.Error()))
			}
			w.Expires = t
		}
	}
	c.Policy.Waivers = append(c.Policy.Waivers, w)
}

var customID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

func (c *Config) customBlock(d *decoder, b *hcl.Block) {
	id := b.Labels[0]
	if !customID.MatchString(id) {
		d.errorf(b.LabelRanges[0], "Invalid check ID", "Check IDs are letters, digits, _ and -, starting with a letter, like \"team_rds_multi_az\".")
	}
	body := d.content(b, &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "title"}, {Name: "description"}, {Name: "remediation"}, {Name: "docs"},
		{Name: "resource_types", Required: true}, {Name: "section"}, {Name: "category"}, {Name: "severity"},
		{Name: "condition", Required: true}, {Name: "message"},
	}})
	if body == nil {
		return
	}
	cc := policy.Custom{
		Meta:  check.Meta{ID: id, Title: id, Section: "custom", Category: "check_block", Severity: check.SeverityMedium},
		Range: b.DefRange,
	}
	for name, dst := range map[string]*string{"title": &cc.Title, "description": &cc.Description, "remediation": &cc.Remediation, "docs": &cc.Docs} {
		if a := body.Attributes[name]; a != nil {
			*dst, _ = d.str(a)
		}
	}
	if a := body.Attributes["resource_types"]; a != nil {
		for _, n := range d.strList(a) {
			cc.ResourceTypes = append(cc.ResourceTypes, n.Value)
		}
		if len(cc.ResourceTypes) == 0 {
			d.errorf(a.Expr.Range(), "No resource types", "A check names the resource types it judges, like [\"aws_db_instance\"].")
		}
	}
	if a := body.Attributes["section"]; a != nil {
		if v, ok := d.str(a); ok {
			if !check.KnownSection(v) {
				d.errorf(a.Expr.Range(), "Unknown section", "%q is not a checklist section. The sections are: %s.", v, strings.Join(check.Sections, ", "))
			}
			cc.Section = v
		}
	}
	if a := body.Attributes["category"]; a != nil {
		if v, ok := d.str(a); ok {
			if !check.KnownCategory(v) {
				d.errorf(a.Expr.Range(), "Unknown category", "%q is not a checklist category. The categories are: %s.", v, strings.Join(check.Categories, ", "))
			}
			cc.Category = v
		}
	}
	if a := body.Attributes["severity"]; a != nil {
		if v, ok := d.str(a); ok {
			sev, err := check.ParseSeverity(v)
			if err != nil {
				d.errorf(a.Expr.Range(), "Invalid severity", "%s.", upper(err.Error()))
			}
			cc.Severity = sev
		}
	}
	if a := body.Attributes["condition"]; a != nil {
		d.diags = append(d.diags, policy.ValidateExpr(a.Expr)...)
		cc.Condition = a.Expr
	}
	if a := body.Attributes["message"]; a != nil {
		d.diags = append(d.diags, policy.ValidateExpr(a.Expr)...)
		cc.Message = a.Expr
	}
	c.Policy.Custom = append(c.Policy.Custom, cc)
}

// Validate checks the names the configuration uses against the catalogue
// of checks the scan runs: every check ID, alias, category or section
// must exist, and custom checks must not take a catalogue check's ID.
func (c *Config) Validate(catalogue []check.Check) hcl.Diagnostics {
	var diags hcl.Diagnostics
	ids := map[string]bool{}
	for _, ch := range catalogue {
		ids[ch.ID] = true
		for _, a := range ch.Aliases {
			ids[a] = true
		}
	}
	taken := map[string]bool{}
	for id := range ids {
		taken[id] = true
	}
	for _, cc := range c.Policy.Custom {
		if taken[cc.ID] {
			rng := cc.Range
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate check ID",
				Detail: fmt.Sprintf("A built-in check is already called %q (or one of its former IDs is): give the custom check another ID.", cc.ID), Subject: &rng})
		}
	}
	for _, ch := range c.Policy.Checks() {
		ids[ch.ID] = true
	}
	for _, r := range c.refs {
		var ok bool
		var want string
		candidates := ids
		switch r.kind {
		case refSelect:
			ok = ids[r.value] || check.KnownCategory(r.value) || check.KnownSection(r.value)
			want = "a check ID, a category or a section"
			candidates = withWords(ids, check.Categories, check.Sections)
		case refSeverity:
			ok = ids[r.value]
			want = "a check ID"
		case refWaiver:
			ok = ids[r.value] || check.KnownCategory(r.value)
			want = "a check ID or a category"
			candidates = withWords(ids, check.Categories)
		}
		if ok {
			continue
		}
		detail := fmt.Sprintf("%q is not %s.", r.value, want)
		switch {
		case check.KnownCategory(r.value):
			detail = fmt.Sprintf("%q is a category; name %s.", r.value, want)
		case check.KnownSection(r.value):
			detail = fmt.Sprintf("%q is a section; name %s.", r.value, want)
		default:
			if s := suggest(r.value, candidates); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			}
		}
		detail += " 'readiness checks' lists the checks."
		rng := r.rng
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown check", Detail: detail, Subject: &rng})
	}
	return diags
}

func withWords(ids map[string]bool, lists ...[]string) map[string]bool {
	out := make(map[string]bool, len(ids))
	for k := range ids {
		out[k] = true
	}
	for _, l := range lists {
		for _, w := range l {
			out[w] = true
		}
	}
	return out
}

// suggest returns the known name closest to s, if it is close.
func suggest(s string, known map[string]bool) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	best, _ := suggestion.Closest(s, names)
	return best
}

// didYouMean is " Did you mean "x"?" for the candidate closest to s, or "".
func didYouMean(s string, candidates []string) string { return suggestion.DidYouMean(s, candidates) }

// source names a place in the file for messages: .readiness.hcl:14.
func source(r hcl.Range) string { return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line) }

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// decoder evaluates the configuration's constant expressions, gathering
// diagnostics.
type decoder struct {
	diags hcl.Diagnostics
}

func (d *decoder) errorf(rng hcl.Range, summary, format string, args ...any) {
	d.diags = append(d.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: &rng})
}

func (d *decoder) content(b *hcl.Block, schema *hcl.BodySchema) *hcl.BodyContent {
	content, diags := b.Body.Content(schema)
	d.diags = append(d.diags, diags...)
	return content
}

// value evaluates a constant expression: no variables, no functions.
func (d *decoder) value(expr hcl.Expression, want cty.Type) (cty.Value, bool) {
	v, diags := expr.Value(nil)
	d.diags = append(d.diags, diags...)
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	if v.IsNull() {
		d.errorf(expr.Range(), "Null value", "This value must be set.")
		return cty.NilVal, false
	}
	out, err := convert.Convert(v, want)
	if err != nil {
		d.errorf(expr.Range(), "Incorrect value type", "Want %s: %s.", want.FriendlyName(), err)
		return cty.NilVal, false
	}
	if !out.IsWhollyKnown() {
		d.errorf(expr.Range(), "Unknown value", "This value must be a constant.")
		return cty.NilVal, false
	}
	return out, true
}

func (d *decoder) str(a *hcl.Attribute) (string, bool) {
	if a == nil {
		return "", false
	}
	v, ok := d.value(a.Expr, cty.String)
	if !ok {
		return "", false
	}
	return v.AsString(), true
}

// strList reads a list of strings, each with its own range.
func (d *decoder) strList(a *hcl.Attribute) []policy.Name {
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		d.errorf(a.Expr.Range(), "Incorrect value type", "Want a list of strings, like [\"a\", \"b\"].")
		return nil
	}
	var out []policy.Name
	for _, e := range exprs {
		if v, ok := d.value(e, cty.String); ok {
			out = append(out, policy.Name{Value: v.AsString(), Range: e.Range()})
		}
	}
	return out
}

type keyValue struct {
	key, value           string
	keyRange, valueRange hcl.Range
}

// strMap reads a map of strings, each pair with its ranges, in file order.
func (d *decoder) strMap(a *hcl.Attribute) []keyValue {
	pairs, diags := hcl.ExprMap(a.Expr)
	if diags.HasErrors() {
		d.errorf(a.Expr.Range(), "Incorrect value type", "Want a map of strings, like { key = \"value\" }.")
		return nil
	}
	var out []keyValue
	for _, p := range pairs {
		k, ok1 := d.value(p.Key, cty.String)
		v, ok2 := d.value(p.Value, cty.String)
		if ok1 && ok2 {
			out = append(out, keyValue{k.AsString(), v.AsString(), p.Key.Range(), p.Value.Range()})
		}
	}
	return out
}
