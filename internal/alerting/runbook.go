package alerting

import (
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// runbookSource is what a rule says of its runbook.
type runbookSource struct {
	found   bool
	unknown bool
	// where is the attribute read, for evidence.
	where model.Path
}

// Runbook says whether a rule links to its runbook (Yes), does not (No),
// or the plan cannot tell (Undecided), and where it looked.
func (r *Rule) Runbook() (Verdict, model.Path) {
	switch {
	case r.runbook.found:
		return Yes, r.runbook.where
	case r.runbook.unknown:
		return Undecided, r.runbook.where
	}
	return No, r.runbook.where
}

// runbookKey reports whether a tag or annotation key names a runbook.
func runbookKey(k string) bool {
	k = strings.ToLower(k)
	return strings.Contains(k, "runbook") || strings.Contains(k, "playbook")
}

// hasURL reports whether a text holds a link.
func hasURL(s string) bool {
	return strings.Contains(s, "https://") || strings.Contains(s, "http://")
}

// cloudWatchRunbook reads a CloudWatch alarm's runbook tag or a link in
// its description. tags_all may be known only after apply, but what it
// adds to tags are the provider's default_tags, shared by every resource:
// no place for one alarm's runbook.
func cloudWatchRunbook(a *model.Resource) runbookSource {
	for _, attr := range []string{"tags_all", "tags"} {
		for _, f := range a.Attr(attr).Object() {
			if v, ok := f.Value.(string); ok && v != "" && runbookKey(f.Name) {
				return runbookSource{found: true, where: model.Path{attr, f.Name}}
			}
		}
	}
	d := a.Attr("alarm_description")
	if d.Unknown {
		return runbookSource{unknown: true, where: model.Path{"alarm_description"}}
	}
	s, _ := d.Str()
	return runbookSource{found: hasURL(s), where: model.Path{"alarm_description"}}
}

// annotationRunbook reads a Prometheus or Grafana rule's annotations: a
// runbook_url (or any runbook or playbook key) with a value, or a link in
// another annotation (a description pointing to the procedure).
func annotationRunbook(annotations any, path model.Path) runbookSource {
	keys := fields(annotations)
	sort.Slice(keys, func(i, j int) bool { return keys[i].Name < keys[j].Name })
	for _, f := range keys {
		if s := str(f.Value); s != "" && runbookKey(f.Name) {
			return runbookSource{found: true, where: append(append(model.Path{}, path...), f.Name)}
		}
	}
	for _, f := range keys {
		if hasURL(str(f.Value)) {
			return runbookSource{found: true, where: append(append(model.Path{}, path...), f.Name)}
		}
	}
	return runbookSource{where: path}
}

// annotationRunbookAttr reads planned annotations, some of which may be
// known only after apply.
func annotationRunbookAttr(r *model.Resource, path model.Path) runbookSource {
	a := r.Attr(path...)
	src := annotationRunbook(a.Value, path)
	if !src.found && (a.Unknown || r.HasUnknown(path...)) {
		src.unknown = true
	}
	return src
}

// messageRunbook reads a link in a Datadog monitor's message.
func messageRunbook(m *model.Resource, attr string) runbookSource {
	a := m.Attr(attr)
	if a.Unknown {
		return runbookSource{unknown: true, where: model.Path{attr}}
	}
	s, _ := a.Str()
	return runbookSource{found: hasURL(s), where: model.Path{attr}}
}

// newRelicRunbook reads a condition's runbook_url, or a link in its
// description.
func newRelicRunbook(c *model.Resource) runbookSource {
	u := c.Attr("runbook_url")
	if s, ok := u.Str(); ok && s != "" {
		return runbookSource{found: true, where: model.Path{"runbook_url"}}
	}
	d := c.Attr("description")
	if s, ok := d.Str(); ok && hasURL(s) {
		return runbookSource{found: true, where: model.Path{"description"}}
	}
	if u.Unknown || d.Unknown {
		return runbookSource{unknown: true, where: model.Path{"runbook_url"}}
	}
	return runbookSource{where: model.Path{"runbook_url"}}
}
