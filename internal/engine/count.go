package engine

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// IfCreated begins the message of every finding on a resource instance
// whose block's count or for_each is unknown (a directory scan's [*]
// instance): the block may create it any number of times, or not at all.
const IfCreated = "if created: "

// ifCreated qualifies a finding on an instance whose number is unknown.
//
// The rule: a finding that holds for any count keeps its status, so a
// failure blocks at --fail-on as on any other resource. Every instance of a
// block shares its configuration (what differs by count.index or each.key
// is unknown on the [*] instance, and checks say unknown on it), so a
// finding about the instance's own settings or links (publicly_accessible
// = true, no alarm watches it) holds for every instance that is created,
// however many. A verdict that depends on how many instances there are
// (members of a cluster, replicas, the zones or regions a block's
// instances span) cannot hold for any count: the checks that count return
// unknown, naming the block whose count is unknown (model.Count.Reason),
// and that finding, being about the count itself, is not prefixed.
func ifCreated(r *model.Resource, f check.Finding) check.Finding {
	if r == nil || r.Count.Known() || strings.Contains(f.Message, r.Count.Reason()) {
		return f
	}
	f.Message = IfCreated + f.Message
	return f
}
