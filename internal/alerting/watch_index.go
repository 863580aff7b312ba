package alerting

import (
	"slices"
	"strings"
)

// specKeys are a resource kind's identifying keys, normalised once (see
// normLabel).
type specKeys struct {
	spec        Spec
	identifiers []string
	dims        map[string]bool
}

func newSpecKeys(spec Spec) *specKeys {
	k := &specKeys{spec: spec, identifiers: spec.identifierLabels(), dims: map[string]bool{}}
	for _, d := range spec.Dimensions {
		k.dims[normLabel(d)] = true
	}
	return k
}

// typeIndex is what Watching needs of the plan's rules for one resource
// type, computed once per type. Without it, judging every resource against
// every rule costs resources × rules, which on a plan of 50,000 resources
// took minutes (BenchmarkWatching).
type typeIndex struct {
	keys *specKeys
	// mayWatch are the rules that may watch any resource of the type they
	// do not name (their dimensions are unknown, they read the service's
	// metrics without naming a resource, ...), in the plan's order.
	mayWatch []*Rule
	// byValue finds the rules that may name a resource by one of its
	// identifiers: "=" + the identifier in lower case (ASCII), "p" + a
	// prefix before a dash (a member named <id>-NNN), "m" + a member
	// instance's identifier.
	byValue map[string][]*Rule
	// scan are the rules to try on every resource: a regular expression,
	// or a value outside ASCII, may name anything.
	scan []*Rule
	// nameable are all the rules that may name a resource of the type,
	// for identifiers outside ASCII.
	nameable []*Rule
	order    map[*Rule]int
}

// indexFor returns the index of the plan's rules for a resource type.
func (x *Model) indexFor(typ string, spec Spec) *typeIndex {
	if idx, ok := x.byType[typ]; ok {
		return idx
	}
	idx := &typeIndex{keys: newSpecKeys(spec), byValue: map[string][]*Rule{}, order: map[*Rule]int{}}
	for i, rule := range x.Rules {
		if rule.composite {
			continue
		}
		idx.order[rule] = i
		if rule.unnamed(idx.keys) == mayWatch {
			idx.mayWatch = append(idx.mayWatch, rule)
		}
		idx.addNaming(rule)
	}
	x.byType[typ] = idx
	return idx
}

// addNaming indexes the values by which a rule may name a resource of the
// type: every dimension and label matcher names would try.
func (idx *typeIndex) addNaming(rule *Rule) {
	k := idx.keys
	cwKeys, selKeys := rule.normKeys()
	var keys []string
	scan := false
	value := func(m Matcher, identifies, member bool) {
		if m.Op != "=" || !isASCII(m.Value) {
			scan = true
			return
		}
		v := strings.ToLower(m.Value)
		if identifies {
			keys = append(keys, "="+v)
			if k.spec.Prefix {
				for i := range len(v) {
					if v[i] == '-' {
						keys = append(keys, "p"+v[:i])
					}
				}
			}
		}
		if member {
			keys = append(keys, "m"+v)
		}
	}
	for i, m := range rule.cw {
		if !m.nsUnknown && !slices.Contains(k.spec.Namespaces, m.ns) {
			continue
		}
		for j, d := range m.dims {
			key := cwKeys[i][j]
			if k.dims[key] || key == "dbinstanceidentifier" {
				value(d, k.dims[key], key == "dbinstanceidentifier")
			}
		}
	}
	inFamily := rule.inFamily(k.spec.Family)
	for i, m := range rule.sel.matchers {
		if m.Op != "=" && m.Op != "=~" || m.templated() {
			continue
		}
		if inFamily || slices.Contains(k.identifiers, selKeys[i]) {
			value(m, true, selKeys[i] == "dbinstanceidentifier")
		}
	}
	if scan {
		idx.scan = append(idx.scan, rule)
	}
	if scan || len(keys) > 0 {
		idx.nameable = append(idx.nameable, rule)
	}
	for _, key := range keys {
		if rules := idx.byValue[key]; len(rules) == 0 || rules[len(rules)-1] != rule {
			idx.byValue[key] = append(rules, rule)
		}
	}
}

// naming returns the rules that may name a resource with these
// identifiers (a superset of those names accepts), in the plan's order.
func (idx *typeIndex) naming(ids, memberIDs []string) []*Rule {
	for _, id := range slices.Concat(ids, memberIDs) {
		if !isASCII(id) {
			return idx.nameable // case folding outside ASCII: try them all
		}
	}
	seen := map[*Rule]bool{}
	var out []*Rule
	take := func(rules []*Rule) {
		for _, r := range rules {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	for _, id := range ids {
		take(idx.byValue["="+strings.ToLower(id)])
		if idx.keys.spec.Prefix {
			take(idx.byValue["p"+strings.ToLower(id)])
		}
	}
	for _, id := range memberIDs {
		take(idx.byValue["m"+strings.ToLower(id)])
	}
	take(idx.scan)
	slices.SortFunc(out, func(a, b *Rule) int { return idx.order[a] - idx.order[b] })
	return out
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// normKeys returns the rule's dimension keys (per CloudWatch metric) and
// label matcher keys, normalised once.
func (rule *Rule) normKeys() (cw [][]string, sel []string) {
	rule.keysOnce.Do(func() {
		rule.cwKeys = make([][]string, len(rule.cw))
		for i, m := range rule.cw {
			for _, d := range m.dims {
				rule.cwKeys[i] = append(rule.cwKeys[i], normLabel(d.Label))
			}
		}
		for _, m := range rule.sel.matchers {
			rule.selKeys = append(rule.selKeys, normLabel(lastPart(m.Label)))
		}
	})
	return rule.cwKeys, rule.selKeys
}
