package engine

import (
	"encoding/binary"
	"slices"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// textPool keeps one copy of each message and each evidence list that a
// report's results carry. A large plan's results repeat a few thousand
// texts over and over: on the 50,000-resource benchmark plan, 189,000
// results have 1,400 distinct messages and 42,000 distinct evidence lists,
// and the copies were a tenth of the memory a scan held at its peak.
// Results share the pooled lists: nothing changes a result's evidence in
// place (compare.go's transitions makes a new list).
type textPool struct {
	messages map[string]string
	evidence map[string][]check.Evidence
	scratch  []check.Evidence // a list being built, before it is pooled
	key      []byte
}

// safeEvidence is a finding's evidence through the boundary, as the pool
// keeps it; a nil pool returns a list of its own.
func (t *textPool) safeEvidence(p *model.Plan, r *model.Resource, evidence []check.Evidence) []check.Evidence {
	if t == nil {
		return appendSafeEvidence(make([]check.Evidence, 0, len(evidence)), p, r, evidence)
	}
	t.scratch = appendSafeEvidence(t.scratch[:0], p, r, evidence)
	return t.evidenceList(t.scratch)
}

func appendSafeEvidence(out []check.Evidence, p *model.Plan, r *model.Resource, evidence []check.Evidence) []check.Evidence {
	for _, e := range evidence {
		out = append(out, check.Evidence{Attribute: safeText(p, r, e.Attribute), Value: safeText(p, r, inputWording(p, e.Value))})
	}
	return out
}

// message returns the pool's copy of s; a nil pool returns s.
func (t *textPool) message(s string) string {
	if t == nil {
		return s
	}
	if t.messages == nil {
		t.messages = map[string]string{}
	}
	if kept, ok := t.messages[s]; ok {
		return kept
	}
	t.messages[s] = s
	return s
}

// evidenceList returns the pool's copy of ev, copying ev into the pool
// when it is new: ev may be scratch space its caller reuses.
func (t *textPool) evidenceList(ev []check.Evidence) []check.Evidence {
	if len(ev) == 0 {
		return []check.Evidence{}
	}
	if t.evidence == nil {
		t.evidence = map[string][]check.Evidence{}
	}
	// Each text with its length before it, so that no two lists share
	// a key.
	key := t.key[:0]
	for _, e := range ev {
		key = binary.AppendUvarint(key, uint64(len(e.Attribute)))
		key = append(key, e.Attribute...)
		key = binary.AppendUvarint(key, uint64(len(e.Value)))
		key = append(key, e.Value...)
		key = binary.AppendUvarint(key, uint64(len(e.Assumption)))
		key = append(key, e.Assumption...)
	}
	t.key = key
	if kept, ok := t.evidence[string(key)]; ok {
		return kept
	}
	kept := slices.Clip(slices.Clone(ev))
	t.evidence[string(key)] = kept
	return kept
}
