// Package backup is what a plan says of AWS Backup and Data Lifecycle
// Manager: backup plans and their rules (schedules, retention, copies to
// other vaults and regions), which selections pick a resource and which
// snapshot policies target an EBS volume. It is the one place that decides
// whether a resource is backed up: the catalogue's backup checks and the
// recovery objectives both ask it, so they cannot disagree.
//
// Verdicts are three-valued: a value the decision needs may be known only
// after apply.
package backup

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Verdict is no, cannot tell (a value the decision needs is known only
// after apply) or yes, in that order.
type Verdict int8

const (
	No Verdict = iota
	Maybe
	Yes
)

func (v Verdict) String() string {
	switch v {
	case No:
		return "no"
	case Maybe:
		return "maybe"
	case Yes:
		return "yes"
	}
	return "invalid"
}

// And is the verdict of two that must both hold.
func And(a, b Verdict) Verdict { return min(a, b) }

// Or is the verdict of two of which either may hold.
func Or(a, b Verdict) Verdict { return max(a, b) }

// VerdictOf turns a match and whether it was decided into a verdict.
func VerdictOf(match, decided bool) Verdict {
	switch {
	case !decided:
		return Maybe
	case match:
		return Yes
	}
	return No
}

// Tag returns the value of one of r's tags: from tags_all (which adds the
// provider's default_tags) when known, else from tags. Maybe: the value is
// known only after apply, or default_tags may add it.
func Tag(r *model.Resource, key string) (string, Verdict) {
	all := r.Attr("tags_all")
	if all.Present && !all.Unknown {
		return tagIn(r, "tags_all", key)
	}
	v, t := tagIn(r, "tags", key)
	if t == No && all.Unknown {
		return "", Maybe // default_tags may add it
	}
	return v, t
}

func tagIn(r *model.Resource, attr, key string) (string, Verdict) {
	a := r.Attr(attr)
	if a.Unknown {
		return "", Maybe
	}
	if v, ok := a.Object().Get(key); ok {
		if s, ok := v.(string); ok {
			return s, Yes
		}
	}
	if marked, _ := model.Lookup(r.AfterUnknown, model.Path{attr, key}); marked == true {
		return "", Maybe
	}
	return "", No
}

// tagEquals judges whether r's tag key has the value want.
func tagEquals(r *model.Resource, key, want string) Verdict {
	got, has := Tag(r, key)
	return And(has, VerdictOf(got == want, has != Maybe))
}

// unknownPart stands for a part of a resource's ARN known only after
// apply (a generated identifier): only a wildcard matches it for sure.
const unknownPart = "\x00"

// Glob matches s against a pattern in which * matches any run of
// characters, as AWS Backup's ARN patterns and StringLike conditions do.
func Glob(pattern, s string) bool { return glob(pattern, s, false) }

// glob matches s against pattern. With lenient, each unknownPart in s may
// stand for any run of the pattern (it may turn out to match); without,
// only * matches it.
func glob(pattern, s string, lenient bool) bool {
	// match[i][j]: pattern[i:] matches s[j:].
	n, m := len(pattern), len(s)
	match := make([][]bool, n+1)
	for i := range match {
		match[i] = make([]bool, m+1)
	}
	match[n][m] = true
	for i := n; i >= 0; i-- {
		for j := m; j >= 0; j-- {
			if i == n && j == m {
				continue
			}
			var ok bool
			switch {
			case i < n && pattern[i] == '*':
				ok = match[i+1][j] || j < m && match[i][j+1]
			case j < m && s[j] == unknownPart[0] && lenient:
				ok = match[i][j+1] || i < n && match[i+1][j]
			case i < n && j < m:
				ok = pattern[i] == s[j] && match[i+1][j+1]
			}
			match[i][j] = ok
		}
	}
	return match[0][0]
}

// ARNRegion returns the region field of an ARN; false for a malformed ARN
// or a global one (S3's have no region).
func ARNRegion(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || !strings.HasPrefix(arn, "arn:") || parts[3] == "" {
		return "", false
	}
	return parts[3], true
}
