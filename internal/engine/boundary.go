package engine

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// MaxText is the most bytes of one message, evidence value or error a
// report carries: a 200 MB user_data must not be copied into every format.
const MaxText = 4 << 10

// safeText is the one boundary every text of a finding or error passes
// before any report sees it: the plan's sensitive values are replaced (those
// of r, the resource it concerns, too), then the text is capped at MaxText.
// Redaction comes first, so that a cut never leaves part of a secret.
func safeText(p *model.Plan, r *model.Resource, s string) string {
	return capText(p.ScrubFor(r, s))
}

// capText shortens s to MaxText bytes at a character boundary, saying how
// long it was.
func capText(s string) string {
	if len(s) <= MaxText {
		return s
	}
	cut := MaxText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:cut], len(s))
}

// settleAssumptions keeps a check from passing on what the plan cannot
// confirm: a pass whose evidence assumes a value is unset becomes unknown,
// and a failure says what it assumed.
func settleAssumptions(f check.Finding) check.Finding {
	var why []string
	for _, e := range f.Evidence {
		if e.Assumption != "" && !slices.Contains(why, e.Assumption) {
			why = append(why, e.Assumption)
		}
	}
	if len(why) == 0 {
		return f
	}
	switch f.Status {
	case check.StatusPass:
		f.Status = check.StatusUnknown
		f.Message = "cannot tell: " + strings.Join(why, "; ") + " (read as unset, it would pass: " + f.Message + ")"
	case check.StatusFail:
		f.Message += " (assumed unset: " + strings.Join(why, "; ") + ")"
	}
	return f
}
