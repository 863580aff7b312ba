package cli

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

// withSuggestion adds to err, about a value given as name, the candidate
// that was probably meant: `unknown format "jsn" (want ...). Did you mean
// "json"?`.
func withSuggestion(err error, name string, candidates []string) error {
	if s := suggest.DidYouMean(name, candidates); s != "" {
		return fmt.Errorf("%w.%s", err, s)
	}
	return err
}

// oneOf checks that each of values (a flag's, named flag) is one of
// allowed, in any case, and returns them in allowed's spelling. An
// unknown value is a usage error that lists the allowed ones and suggests
// the nearest.
func oneOf(flag string, values, allowed []string) ([]string, error) {
	var out []string
	for _, v := range values {
		found := ""
		for _, a := range allowed {
			if strings.EqualFold(v, a) {
				found = a
				break
			}
		}
		if found == "" {
			err := fmt.Errorf("--%s: unknown value %q (want %s)", flag, v, strings.Join(allowed, ", "))
			return nil, usageError{withSuggestion(err, v, allowed)}
		}
		out = append(out, found)
	}
	return out, nil
}
