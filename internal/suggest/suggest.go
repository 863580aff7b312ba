// Package suggest finds the name someone probably meant when they gave
// one that does not exist: a check ID, a resource type, a filter value.
package suggest

import (
	"strings"

	"github.com/agext/levenshtein"
)

// Closest returns the candidate nearest to name by edit distance, when it
// is near enough to be a typo: at most a third of name's length, and no
// more than three edits. Letter case is ignored.
func Closest(name string, candidates []string) (string, bool) {
	if name == "" {
		return "", false
	}
	lower := strings.ToLower(name)
	limit := min(3, max(1, len(name)/3))
	best, bestDist := "", limit+1
	for _, c := range candidates {
		d := levenshtein.Distance(lower, strings.ToLower(c), nil)
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// DidYouMean is " Did you mean "x"?" for the closest candidate, or "".
func DidYouMean(name string, candidates []string) string {
	if c, ok := Closest(name, candidates); ok {
		return ` Did you mean "` + c + `"?`
	}
	return ""
}
