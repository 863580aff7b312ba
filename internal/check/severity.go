package check

import (
	"fmt"
	"strings"
)

// Severity orders findings. The zero value is invalid so that a check that
// forgets to set one is caught by the registry meta-test.
type Severity int

// Severities, lowest to highest.
const (
	SeverityLow Severity = iota + 1
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = map[Severity]string{
	SeverityLow:      "low",
	SeverityMedium:   "medium",
	SeverityHigh:     "high",
	SeverityCritical: "critical",
}

// String returns the lowercase name used in every output format.
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Valid reports whether s is one of the four named severities.
func (s Severity) Valid() bool {
	_, ok := severityNames[s]
	return ok
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name (case-insensitive).
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if strings.EqualFold(n, name) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", name)
}

// Threshold is the lowest severity whose failures make a plan not ready.
// ThresholdNone never fails.
type Threshold struct {
	min  Severity
	none bool
}

// ThresholdNone is the threshold that fails nothing.
var ThresholdNone = Threshold{none: true}

// AtLeast returns a threshold failing at s or above.
func AtLeast(s Severity) Threshold { return Threshold{min: s} }

// ThresholdNames are the names ParseThreshold reads, most severe first.
var ThresholdNames = []string{"critical", "high", "medium", "low", "none"}

// ParseThreshold reads critical|high|medium|low|none.
func ParseThreshold(name string) (Threshold, error) {
	if strings.EqualFold(name, "none") {
		return ThresholdNone, nil
	}
	s, err := ParseSeverity(name)
	if err != nil {
		return Threshold{}, fmt.Errorf("unknown fail-on level %q (want critical, high, medium, low or none)", name)
	}
	return AtLeast(s), nil
}

// Blocks reports whether a failure of severity s fails the threshold.
func (t Threshold) Blocks(s Severity) bool { return !t.none && s >= t.min }

// String returns the threshold's name.
func (t Threshold) String() string {
	if t.none {
		return "none"
	}
	return t.min.String()
}
