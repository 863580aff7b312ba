package input

import (
	"regexp"
	"strings"
)

// linesPerError is how many lines of each of Terraform's errors a message
// keeps: the summary and the start of the detail.
const linesPerError = 4

var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)

// terraformErrors is what a failed terraform command wrote on stderr, cut
// to its errors: each "Error:" diagnostic, a few lines of it, without the
// warnings that may come first (an unreadable CLI configuration, provider
// dev_overrides). Without an "Error:", it is the first lines outside
// warnings, or else err.
func terraformErrors(stderr string, err error) string {
	const (
		outside = iota
		inError
		inWarning
	)
	var errs, other []string
	state, kept := outside, 0
	for _, raw := range strings.Split(ansiEscape.ReplaceAllString(stderr, ""), "\n") {
		line := strings.TrimSpace(strings.TrimLeft(raw, "│╷╵ \t"))
		switch {
		case strings.HasPrefix(line, "Error: "):
			state, kept = inError, 1
			errs = append(errs, line)
		case strings.HasPrefix(line, "Warning: "):
			state = inWarning
		case strings.HasPrefix(strings.TrimSpace(raw), "╵"):
			state = outside // the end of a boxed diagnostic
		case line == "":
		case state == inError && kept < linesPerError:
			errs = append(errs, line)
			kept++
		case state == outside:
			other = append(other, line)
		}
	}
	switch {
	case len(errs) > 0:
		return strings.Join(errs[:min(len(errs), 3*linesPerError)], " ")
	case len(other) > 0:
		return strings.Join(other[:min(len(other), 6)], " ")
	}
	return err.Error()
}
