package alerting

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Matcher is one label selector of a query: a PromQL matcher
// (dbinstance_identifier="orders"), a Datadog tag filter
// (dbinstanceidentifier:orders), a CloudWatch dimension or an NRQL WHERE
// clause.
type Matcher struct {
	Label string
	// Op is =, !=, =~ (a regular expression, or a glob turned into one) or !~.
	Op    string
	Value string
}

// selector is what a query reads: its metric names (or event types) and
// its label selectors.
type selector struct {
	metrics  []string
	matchers []Matcher
}

// names reports whether a positive matcher selects the value v (case
// insensitively; a regular expression must match it whole).
func (m Matcher) names(v string) bool {
	switch m.Op {
	case "=":
		return strings.EqualFold(m.Value, v)
	case "=~":
		re := matcherRegexp(m.Value)
		return re != nil && re.MatchString(v)
	}
	return false
}

// regexps holds each label matcher's compiled expression (nil when it
// does not compile): a matcher is tried against many resources.
var regexps sync.Map

func matcherRegexp(value string) *regexp.Regexp {
	if re, ok := regexps.Load(value); ok {
		return re.(*regexp.Regexp)
	}
	re, err := regexp.Compile("(?i)^(?:" + value + ")$")
	if err != nil {
		re = nil
	}
	regexps.Store(value, re)
	return re
}

// templated reports whether a matcher's value is filled in later (a
// Grafana or Helm template, a dashboard variable): it may name anything.
func (m Matcher) templated() bool {
	return strings.Contains(m.Value, "{{") || strings.Contains(m.Value, "${") || strings.HasPrefix(m.Value, "$")
}

// promKeywords are PromQL words that are neither metrics nor functions.
var promKeywords = map[string]bool{
	"by": true, "without": true, "on": true, "ignoring": true, "group_left": true, "group_right": true,
	"and": true, "or": true, "unless": true, "bool": true, "offset": true, "atan2": true, "inf": true, "nan": true,
	// aggregation operators, which may take their by clause first
	"sum": true, "min": true, "max": true, "avg": true, "group": true, "stddev": true, "stdvar": true, "count": true,
	"count_values": true, "bottomk": true, "topk": true, "quantile": true, "limitk": true, "limit_ratio": true,
}

// labelListWords take a list of labels in parentheses.
var labelListWords = map[string]bool{
	"by": true, "without": true, "on": true, "ignoring": true, "group_left": true, "group_right": true,
}

// parsePromQL reads the metric names and label matchers of a PromQL
// expression. It is a scanner, not a parser: enough to tell what a rule
// selects, and it never fails.
func parsePromQL(expr string) selector {
	var out selector
	rs := []rune(expr)
	n := len(rs)
	for i := 0; i < n; {
		c := rs[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			i = skipString(rs, i)
		case c == '#':
			for i < n && rs[i] != '\n' {
				i++
			}
		case c == '[':
			for i < n && rs[i] != ']' {
				i++
			}
			i++
		case c == '{':
			var ms []Matcher
			ms, i = promMatchers(rs, i+1)
			for _, m := range ms {
				if m.Label == "__name__" && m.Op == "=" {
					out.metrics = append(out.metrics, m.Value)
					continue
				}
				out.matchers = append(out.matchers, m)
			}
		case unicode.IsDigit(c) || c == '.':
			for i < n && (isIdent(rs[i]) || rs[i] == '.') {
				i++
			}
		case isIdentStart(c):
			j := i
			for j < n && (isIdent(rs[j]) || rs[j] == ':') {
				j++
			}
			word := string(rs[i:j])
			k := j
			for k < n && unicode.IsSpace(rs[k]) {
				k++
			}
			lw := strings.ToLower(word)
			switch {
			case labelListWords[lw] && k < n && rs[k] == '(':
				// by (label, ...): a list of labels, not metrics.
				for k < n && rs[k] != ')' {
					k++
				}
				j = k + 1
			case promKeywords[lw]:
			case k < n && rs[k] == '(':
				// a function call
			default:
				out.metrics = append(out.metrics, word)
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// promMatchers reads label matchers from just after a '{' to the '}'.
func promMatchers(rs []rune, i int) ([]Matcher, int) {
	var out []Matcher
	n := len(rs)
	for i < n {
		for i < n && (unicode.IsSpace(rs[i]) || rs[i] == ',') {
			i++
		}
		if i >= n {
			break
		}
		if rs[i] == '}' {
			return out, i + 1
		}
		if !isIdentStart(rs[i]) {
			if rs[i] == '"' || rs[i] == '\'' || rs[i] == '`' {
				i = skipString(rs, i) // a quoted metric name (PromQL 3)
				continue
			}
			i++
			continue
		}
		j := i
		for j < n && isIdent(rs[j]) {
			j++
		}
		label := string(rs[i:j])
		for j < n && unicode.IsSpace(rs[j]) {
			j++
		}
		op := ""
		for _, o := range []string{"=~", "!=", "!~", "="} {
			if strings.HasPrefix(string(rs[j:min(j+2, n)]), o) {
				op = o
				break
			}
		}
		if op == "" {
			i = j
			continue
		}
		j += len([]rune(op))
		for j < n && unicode.IsSpace(rs[j]) {
			j++
		}
		if j < n && (rs[j] == '"' || rs[j] == '\'' || rs[j] == '`') {
			end := skipString(rs, j)
			out = append(out, Matcher{Label: label, Op: op, Value: unquote(string(rs[j:end]))})
			i = end
			continue
		}
		i = j
	}
	return out, n
}

func isIdentStart(c rune) bool { return c == '_' || unicode.IsLetter(c) }
func isIdent(c rune) bool      { return c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) }

// skipString returns the index just past the quoted string starting at i.
func skipString(rs []rune, i int) int {
	q := rs[i]
	for j := i + 1; j < len(rs); j++ {
		switch {
		case rs[j] == '\\' && q != '`':
			j++
		case rs[j] == q:
			return j + 1
		}
	}
	return len(rs)
}

// unquote strips a string's quotes and the escapes of its quote and
// backslash (regular expressions keep theirs: \\. is \.).
func unquote(s string) string {
	if len(s) < 2 {
		return s
	}
	q := s[0]
	s = s[1 : len(s)-1]
	if q == '`' {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

var (
	// ddMetric is a metric before its scope: avg:aws.rds.cpuutilization{.
	ddMetric = regexp.MustCompile(`([A-Za-z0-9_.]+)\s*\{`)
	// ddScope is a scope in braces, or a quoted search (logs("...")).
	ddScope = regexp.MustCompile(`\{([^}]*)\}|"([^"]*)"`)
)

// parseDatadog reads the metrics and tag filters of a Datadog monitor
// query: metric queries (avg(last_5m):avg:aws.rds.cpuutilization{
// dbinstanceidentifier:orders} > 80), and the searches of log, trace and
// event queries (logs("service:orders status:error")).
func parseDatadog(q string) selector {
	var out selector
	for _, m := range ddMetric.FindAllStringSubmatch(q, -1) {
		if name := strings.ToLower(m[1]); name != "by" && name != "" {
			out.metrics = append(out.metrics, name) // not the group-by of "by {host}"
		}
	}
	for _, m := range ddScope.FindAllStringSubmatch(q, -1) {
		scope := m[1] + m[2]
		for _, tok := range strings.FieldsFunc(scope, func(c rune) bool {
			return c == ',' || c == '(' || c == ')' || unicode.IsSpace(c)
		}) {
			k, v, ok := strings.Cut(tok, ":")
			if !ok || k == "" || v == "" {
				continue
			}
			op := "="
			if k[0] == '!' || k[0] == '-' {
				op, k = "!=", k[1:]
			}
			if strings.Contains(v, "*") {
				v = globToRegexp(v)
				if op == "=" {
					op = "=~"
				} else {
					op = "!~"
				}
			}
			out.matchers = append(out.matchers, Matcher{Label: k, Op: op, Value: v})
		}
	}
	return out
}

// globToRegexp turns a Datadog or NRQL wildcard pattern (* or %) into a
// regular expression.
func globToRegexp(g string) string {
	var b strings.Builder
	for _, c := range g {
		if c == '*' || c == '%' {
			b.WriteString(".*")
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(c)))
	}
	return b.String()
}

var (
	nrqlFrom   = regexp.MustCompile(`(?i)\bfrom\s+([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)`)
	nrqlDotted = regexp.MustCompile(`\b[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+\b`)
	nrqlWhere  = regexp.MustCompile(`(?i)([A-Za-z_][A-Za-z0-9_.]*|` + "`[^`]+`" + `)\s*(!=|=|\bnot\s+like\b|\blike\b|\bnot\s+in\b|\bin\b)\s*('(?:[^'\\]|\\.)*'|\([^)]*\))`)
)

// parseNRQL reads the event types (FROM), the dotted metric names
// (aws.rds.CPUUtilization from a CloudWatch metric stream) and the WHERE
// clauses of an NRQL query. A dotted attribute is matched by its last
// part: aws.rds.DBInstanceIdentifier is the dimension DBInstanceIdentifier.
func parseNRQL(q string) selector {
	var out selector
	for _, m := range nrqlFrom.FindAllStringSubmatch(q, -1) {
		for _, t := range strings.Split(m[1], ",") {
			// FROM Metric holds every dimensional metric: what it reads
			// is in the dotted names.
			if t = strings.ToLower(strings.TrimSpace(t)); t != "metric" {
				out.metrics = append(out.metrics, t)
			}
		}
	}
	for _, m := range nrqlWhere.FindAllStringSubmatch(q, -1) {
		label := strings.Trim(m[1], "`")
		if i := strings.LastIndex(label, "."); i >= 0 {
			label = label[i+1:]
		}
		op := strings.ToLower(strings.Join(strings.Fields(m[2]), " "))
		var values []string
		if strings.HasPrefix(m[3], "(") {
			for _, v := range strings.Split(strings.Trim(m[3], "()"), ",") {
				values = append(values, strings.Trim(strings.TrimSpace(v), "'"))
			}
		} else {
			values = []string{unquote(m[3])}
		}
		for _, v := range values {
			switch op {
			case "=", "in":
				out.matchers = append(out.matchers, Matcher{Label: label, Op: "=", Value: v})
			case "like":
				out.matchers = append(out.matchers, Matcher{Label: label, Op: "=~", Value: globToRegexp(v)})
			default:
				out.matchers = append(out.matchers, Matcher{Label: label, Op: "!=", Value: v})
			}
		}
	}
	// Dotted names outside quotes: aws.rds.CPUUtilization, and the
	// attributes of the WHERE clauses, which name no metric family.
	for _, d := range nrqlDotted.FindAllString(stripQuoted(q), -1) {
		out.metrics = append(out.metrics, strings.ToLower(d))
	}
	return out
}

// stripQuoted blanks out single-quoted strings.
func stripQuoted(s string) string {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\'' {
			end := skipString(rs, i)
			for j := i; j < end && j < len(rs); j++ {
				rs[j] = ' '
			}
			i = end - 1
		}
	}
	return string(rs)
}
