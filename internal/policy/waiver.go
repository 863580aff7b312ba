package policy

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// Waiver accepts a check's failures on some resources until it expires.
type Waiver struct {
	// Check is a check ID, a former ID (alias) or a category.
	Check string
	// Address limits the waiver to matching instances; nil is every address,
	// the whole plan's findings included.
	Address *Pattern
	// Input limits the waiver to inputs whose file name matches this glob;
	// "" is every input.
	Input   string
	Reason  string
	Owner   string
	Expires time.Time
	// Source says where the waiver was declared, as .readiness.hcl:14 or
	// tag readiness:waive.
	Source string
}

// WaiveTag is the tag key of inline waivers; keys that start with
// WaiveTag + ":" count too, so that one resource can carry several.
const WaiveTag = "readiness:waive"

func (w Waiver) matches(m check.Meta, input, address string) bool {
	if !waives(w.Check, m) {
		return false
	}
	if w.Address != nil && !w.Address.Match(address) {
		return false
	}
	if w.Input != "" && !glob(w.Input, filepath.Base(input)) && !glob(w.Input, input) {
		return false
	}
	return true
}

// waives reports whether a waiver's check names m: its ID, a former ID or
// its category (not its section: a waiver is narrower than that).
func waives(name string, m check.Meta) bool {
	if name == m.ID || name == m.Category {
		return true
	}
	for _, a := range m.Aliases {
		if name == a {
			return true
		}
	}
	return false
}

// Expired reports whether the waiver no longer applies at now: a waiver is
// good through its expiry date (UTC) and expires the day after.
func (w Waiver) Expired(now time.Time) bool {
	today := now.UTC().Format(period.DateLayout)
	return today > w.Expires.Format(period.DateLayout)
}

// Expired lists the configuration's waivers that have expired, for a
// warning: they no longer waive anything.
func (p *Policy) Expired() []Waiver {
	if p == nil {
		return nil
	}
	var out []Waiver
	for _, w := range p.Waivers {
		if w.Expired(p.now()) {
			out = append(out, w)
		}
	}
	return out
}

// Review applies waivers and the baseline to one finding of check m on the
// resource r (nil for a finding about the whole plan) in plan. A failed or
// unknown finding that a current waiver covers becomes waived and says so;
// one covered only by an expired waiver stays as it was and says that the
// waiver expired; a failure in the baseline becomes waived, and inBaseline
// is true.
func (p *Policy) Review(plan *model.Plan, r *model.Resource, m check.Meta, f check.Finding) (out check.Finding, inBaseline bool) {
	if p == nil || f.Status != check.StatusFail && f.Status != check.StatusUnknown {
		return f, false
	}
	candidates := p.Waivers
	if r != nil && !p.NoTagWaivers {
		candidates = append(candidates[:len(candidates):len(candidates)], p.inlineWaivers(plan, r).waivers...)
	}
	var expired *Waiver
	for i, w := range candidates {
		if !w.matches(m, plan.Path, f.Address) {
			continue
		}
		if w.Expired(p.now()) {
			if expired == nil {
				expired = &candidates[i]
			}
			continue
		}
		f.Status = check.StatusWaived
		f.Message = fmt.Sprintf("waived by %s until %s: %s [%s]%s",
			w.Owner, w.Expires.Format(period.DateLayout), w.Reason, w.Source, finding(f.Message))
		return f, false
	}
	switch {
	case expired != nil:
		f.Message = fmt.Sprintf("the waiver by %s expired on %s [%s]%s",
			expired.Owner, expired.Expires.Format(period.DateLayout), expired.Source, finding(f.Message))
	case r != nil && p.NoTagWaivers:
		// Say why a tag written to waive this finding does not.
		for _, w := range p.inlineWaivers(plan, r).waivers {
			if w.matches(m, plan.Path, f.Address) && !w.Expired(p.now()) {
				f.Message = fmt.Sprintf("the %s is not honoured: tag_waivers = false in %s%s", w.Source, p.Source, finding(f.Message))
				break
			}
		}
	}
	if f.Status == check.StatusFail && p.Baseline.has(plan.Path, m, f.Address) {
		f.Status = check.StatusWaived
		f.Message = fmt.Sprintf("in baseline %s: a failure recorded before%s", p.Baseline.Name, finding(f.Message))
		return f, true
	}
	return f, false
}

func finding(msg string) string {
	if msg == "" {
		return ""
	}
	return "; finding: " + msg
}

type inlineResult struct {
	waivers  []Waiver
	problems []string
}

// inlineWaivers reads the readiness:waive tags of r once.
func (p *Policy) inlineWaivers(plan *model.Plan, r *model.Resource) inlineResult {
	p.cache.Lock()
	cached, ok := p.inline[r]
	p.cache.Unlock()
	if ok {
		return cached
	}
	var res inlineResult
	tags := ResourceTags(r)
	keys := make([]string, 0, len(tags))
	for k := range tags {
		if strings.EqualFold(k, WaiveTag) || len(k) > len(WaiveTag) && strings.EqualFold(k[:len(WaiveTag)+1], WaiveTag+":") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w, err := ParseInlineWaiver(tags[k])
		if err != nil {
			res.problems = append(res.problems, fmt.Sprintf("%s %s: tag %s: %v; the waiver is ignored", plan.Path, r.Address, k, err))
			continue
		}
		// Address stays nil: Review consults r's own waivers only for
		// findings about r.
		w.Source = "tag " + k
		res.waivers = append(res.waivers, w)
	}
	p.cache.Lock()
	defer p.cache.Unlock()
	if p.inline == nil {
		p.inline = map[*model.Resource]inlineResult{}
	}
	p.inline[r] = res
	return res
}

// TagProblems lists the malformed readiness:waive, readiness:rpo and
// readiness:rto tags of a plan's resources, one line each. They are
// ignored.
func (p *Policy) TagProblems(plan *model.Plan) []string {
	if p == nil {
		return nil
	}
	var out []string
	for _, r := range plan.Resources {
		if !r.Exists() || !r.Managed() {
			continue
		}
		if !p.NoTagWaivers {
			out = append(out, p.inlineWaivers(plan, r).problems...)
		}
		if o := (&Policy{}).objectivesFor(r); o.Problem != "" {
			out = append(out, fmt.Sprintf("%s %s: %s; the objective is ignored", plan.Path, r.Address, o.Problem))
		}
	}
	return out
}

var (
	inlineKey  = regexp.MustCompile(`(?:^|[\s;])(check_id|check|reason|owner|expires)=`)
	inlineKeys = map[string]bool{"check_id": true, "check": true, "reason": true, "owner": true, "expires": true}
)

// ParseInlineWaiver reads the value of a readiness:waive tag: key=value
// pairs check_id (or check), reason, owner and expires, separated by
// semicolons, or by spaces where a tag's character set has no semicolon:
//
//	check_id=aws_rds_multi_az;reason=legacy, migrating in Q3;owner=db-team;expires=2026-12-31
//	check_id=aws_rds_multi_az owner=db-team expires=2026-12-31 reason=legacy: migrating in Q3
func ParseInlineWaiver(value string) (Waiver, error) {
	fields := map[string]string{}
	if strings.Contains(value, ";") {
		for _, part := range strings.Split(value, ";") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			k, v, ok := strings.Cut(part, "=")
			k = strings.TrimSpace(k)
			if !ok || !inlineKeys[k] {
				return Waiver{}, fmt.Errorf("unexpected %q (want check_id, reason, owner and expires as key=value)", part)
			}
			fields[k] = strings.TrimSpace(v)
		}
	} else {
		locs := inlineKey.FindAllStringSubmatchIndex(value, -1)
		if len(locs) == 0 || strings.TrimSpace(value[:locs[0][0]]) != "" {
			return Waiver{}, fmt.Errorf("want check_id, reason, owner and expires as key=value")
		}
		for i, loc := range locs {
			end := len(value)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			fields[value[loc[2]:loc[3]]] = strings.TrimSpace(value[loc[1]:end])
		}
	}
	w := Waiver{Check: fields["check_id"], Reason: fields["reason"], Owner: fields["owner"]}
	if w.Check == "" {
		w.Check = fields["check"]
	}
	var missing []string
	for _, k := range []string{"check_id", "reason", "owner", "expires"} {
		v := fields[k]
		if k == "check_id" {
			v = w.Check
		}
		if v == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return Waiver{}, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	exp, err := period.ParseDate(fields["expires"])
	if err != nil {
		return Waiver{}, fmt.Errorf("expires: %v", err)
	}
	w.Expires = exp
	return w, nil
}
