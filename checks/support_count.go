package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Verdicts that count. A directory scan that cannot evaluate a block's
// count or for_each reads the block as one instance keyed [*] that stands
// for any number of instances, none included (model.Count). The engine
// prefixes every finding on such an instance with "if created: ", which is
// right for what holds for each instance that is created. A check whose
// verdict depends on how many instances there are (the members of a
// cluster, its replicas, the zones or regions a block's instances span)
// must not read [*] as exactly one: it judges through forAnyCount.

// countVaries reports whether r's number of instances is unknown apart
// from subject's: its block, or a module call holding it, has an unknown
// count that subject's existence does not settle. subject is the resource
// the finding is about (nil for a finding about the whole plan); it is
// judged as created, the engine saying so, and so is everything in the
// same module instance whose count is unknown for the same reason.
func countVaries(subject, r *model.Resource) bool {
	if r == nil || r.Count.Known() {
		return false
	}
	return subject == nil || r.Count != subject.Count
}

// forAnyCount judges items (resources, or things that stand for them, as
// res tells) on behalf of subject, when some of them may be instances whose
// number is unknown (countVaries). The verdict stands only when it is the
// same with each such instance left out (or the check does not apply then),
// as read (once) and twice; otherwise it is unknown, naming the block whose
// count decides it. Judges that count (at least two members, two zones, two
// regions) give for two what they give for more, and more instances never
// turn their pass into a failure, so a verdict the same for none, one and
// two holds for any count. judge must not change anything it is given.
func forAnyCount[T any](subject *model.Resource, items []T, res func(T) *model.Resource, judge func([]T) check.Finding) check.Finding {
	var varying *model.Resource
	for _, it := range items {
		if r := res(it); countVaries(subject, r) {
			varying = r
			break
		}
	}
	f := judge(items)
	if varying == nil {
		return f // every plan, and most of a directory
	}
	without := make([]T, 0, len(items))
	twice := make([]T, 0, 2*len(items))
	for _, it := range items {
		if countVaries(subject, res(it)) {
			twice = append(twice, it, it)
			continue
		}
		without = append(without, it)
		twice = append(twice, it)
	}
	if agrees(judge(without), f) && judge(twice).Status == f.Status {
		return f
	}
	return countUnknown(varying, f.Evidence...)
}

// agrees reports whether the verdict with the instances of unknown number
// left out (none) agrees with the one with them (some): the same status,
// or none where nothing applies (a plan-wide check with nothing to judge
// without them), so that the verdict is the check's whenever it applies.
func agrees(none, some check.Finding) bool {
	return none.Status == some.Status || none.Status == ""
}

// countUnknown is the finding of a verdict that depends on how many
// instances r's block has, when that is unknown.
func countUnknown(r *model.Resource, e ...check.Evidence) check.Finding {
	e = append(e[:len(e):len(e)], evText(r.Count.Of+" "+r.Count.Unknown, "known only after apply (read as %s)", r.Address))
	return unknown(r.Count.Reason(), e...)
}

// itself is forAnyCount's res for a list of resources.
func itself(r *model.Resource) *model.Resource { return r }
