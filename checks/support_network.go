package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Tracing subnets to Availability Zones, for every check that asks whether
// something spans two or more AZs. The subnets an attribute names are found
// from its planned value (known subnet IDs matched against the subnets and
// data.aws_subnet in the plan) or, when that is unknown until apply, from the
// configuration's references (through module variables and outputs). Where
// neither names the AZs, two AWS placement rules and the plan's own VPCs can
// still decide; otherwise the answer is "unknown".

// subnetTypes are the managed resources that are one subnet each.
var subnetTypes = []string{"aws_subnet", "aws_default_subnet"}

// subnetRef is one subnet an attribute names: its ID when known, and the subnet
// resource or data source in the plan when there is one.
type subnetRef struct {
	ID  string
	Res *model.Resource
}

func (s subnetRef) key() string {
	if s.Res != nil {
		return s.Res.Address
	}
	return "id:" + s.ID
}

func (s subnetRef) String() string {
	switch {
	case s.Res != nil && s.ID != "":
		return s.ID + " (" + s.Res.Address + ")"
	case s.Res != nil:
		return s.Res.Address
	}
	return s.ID
}

// az returns the subnet's Availability Zone name, or its zone ID when only
// that is known, and whether it is known at all.
func (s subnetRef) az() (name string, isID bool, ok bool) {
	if s.Res == nil {
		return "", false, false
	}
	if v, ok := s.Res.Attr("availability_zone").Str(); ok && v != "" {
		return v, false, true
	}
	if v, ok := s.Res.Attr("availability_zone_id").Str(); ok && v != "" {
		return v, true, true
	}
	return "", false, false
}

// azSpread is what a plan shows of the Availability Zones a set of subnets
// covers.
type azSpread struct {
	// Subnets is how many distinct subnets were found, and Exact whether
	// they are exactly those the attribute names (Superset: the attribute
	// names only some of them).
	Subnets  int
	Exact    bool
	Superset bool
	// AZs are the distinct zones the plan names for them, sorted.
	AZs []string
	// Complete is true when AZs is every zone the subnets cover.
	Complete bool
	// MinAZs is how many zones the subnets provably span: len(AZs), or 2
	// when an AWS placement rule proves it without naming them.
	MinAZs   int
	Evidence []check.Evidence
}

// subnetAZs traces the subnets of an attribute of r (vpc_zone_identifier,
// subnet_ids, subnets, subnet_mapping, network_configuration[0].subnets, ...)
// to their Availability Zones. known is true when azs is the whole set; when
// it is false, azs holds the zones found so far (so two or more still prove a
// spread). The evidence says how the zones were found. AWS placement rules
// can prove a spread without naming the zones (subnets shared with a load
// balancer or an EKS cluster): subnetSpread reports that as MinAZs.
func subnetAZs(p *model.Plan, r *model.Resource, attr string) (azs []string, known bool, evidence check.Evidence) {
	s := subnetSpread(p, r, attr)
	evidence = s.Evidence[0]
	if len(s.Evidence) > 1 {
		var parts []string
		for _, e := range s.Evidence[1:] {
			parts = append(parts, e.Attribute+": "+e.Value)
		}
		evidence.Value += " (" + strings.Join(parts, "; ") + ")"
	}
	return s.AZs, s.Complete, evidence
}

// subnetSpread is subnetAZs with everything the plan shows: the zones, the
// fewest zones the subnets provably span, and the evidence as separate items.
func subnetSpread(p *model.Plan, r *model.Resource, attr string) azSpread {
	l := subnetsOf(p, r, attr)
	// Only known subnet IDs can show every zone: traced references show
	// some of them (see subnetList.Traced).
	subs, complete := l.Subs, l.Exact && !l.Traced
	s := azSpread{Subnets: len(subs), Exact: complete && !l.Superset, Superset: l.Superset, Evidence: []check.Evidence{l.Evidence}}
	names, ids := map[string]bool{}, map[string]bool{}
	var where []string
	allNamed, allIDs := true, true
	for _, sub := range subs {
		az, isID, ok := sub.az()
		switch {
		case !ok:
			allNamed, allIDs = false, false
			where = append(where, sub.String()+": zone unknown")
			continue
		case isID:
			ids[az], allNamed = true, false
		default:
			names[az], allIDs = true, false
		}
		where = append(where, sub.String()+": "+az)
	}
	if len(where) > 0 {
		s.Evidence = append(s.Evidence, evText("subnet zones", "%s", strings.Join(where, ", ")))
	}
	switch {
	case allNamed:
		s.AZs = mapKeys(names)
	case allIDs:
		s.AZs = mapKeys(ids)
	default: // some zones unknown, or names and zone IDs mixed
		s.AZs = mapKeys(names)
		if len(ids) > len(names) {
			s.AZs = mapKeys(ids)
		}
		complete = false
	}
	s.Complete = complete
	s.MinAZs = len(s.AZs)
	if l.Superset {
		// Only some of these subnets are meant: one zone among them all is
		// still one zone, but several prove nothing.
		s.Complete = complete && len(s.AZs) == 1
		s.MinAZs = min(s.MinAZs, 1)
	}
	if s.MinAZs >= 2 {
		return s
	}
	if !l.Superset {
		if e, ok := witnessTwoAZs(p, r, subs); ok {
			s.MinAZs = 2
			s.Complete = false
			s.Evidence = append(s.Evidence, e)
			return s
		}
	}
	if !s.Complete {
		if az, e, ok := newVPCSingleAZ(p, r); ok {
			s.AZs, s.MinAZs, s.Complete = []string{az}, 1, true
			s.Evidence = append(s.Evidence, e)
		}
	}
	return s
}

// finding judges a spread: pass over two or more zones, fail in one, unknown
// when the plan cannot tell. what names the thing judged ("the group's
// instances").
func (s azSpread) finding(what string) check.Finding {
	switch {
	case s.MinAZs >= 2 && len(s.AZs) >= 2:
		return pass(fmt.Sprintf("%s span %d Availability Zones (%s)", what, len(s.AZs), strings.Join(s.AZs, ", ")), s.Evidence...)
	case s.MinAZs >= 2:
		return pass(fmt.Sprintf("%s span at least two Availability Zones", what), s.Evidence...)
	case s.Complete && len(s.AZs) == 1:
		return fail(fmt.Sprintf("%s sit in one Availability Zone (%s): an outage of that zone takes them all down", what, s.AZs[0]), s.Evidence...)
	case s.Exact && s.Subnets == 1:
		// A subnet lies in one zone, whichever it is.
		return fail(fmt.Sprintf("%s are a single subnet: one Availability Zone, whose outage takes it down", what), s.Evidence...)
	case s.Complete && s.Subnets == 0:
		return fail(fmt.Sprintf("%s are given no subnets", what), s.Evidence...)
	}
	return unknown(fmt.Sprintf("the Availability Zones of %s are known only after apply or lie outside the plan", what), s.Evidence...)
}

// onePerZoneFinding judges the subnets of a resource that AWS places one
// per Availability Zone (load balancers, MSK brokers): two distinct subnets
// are two zones even when the plan does not name them.
func (s azSpread) onePerZoneFinding(what string) check.Finding {
	if s.MinAZs < 2 && s.Subnets >= 2 && !s.Superset {
		return pass(fmt.Sprintf("%s are %d subnets, which AWS places in %d different Availability Zones", what, s.Subnets, s.Subnets), s.Evidence...)
	}
	return s.finding(what)
}

// subnetList is what an attribute says of its subnets.
type subnetList struct {
	Subs []subnetRef
	// Exact is true when Subs is every subnet the attribute names: no ID
	// unknown until apply, no reference the plan cannot follow (locals,
	// each.value, other data sources).
	Exact bool
	// Superset is true when the attribute picks elements of a list it
	// references (module.vpc.private_subnets[0]): Subs may hold more.
	Superset bool
	// Traced is true when Subs of a list attribute come from the
	// configuration's references rather than known IDs. References bound a
	// list from below only: [aws_subnet.a.id, "subnet-0abc"] lists one
	// reference but two subnets, so a traced list proves a spread, never the
	// lack of one.
	Traced   bool
	Evidence check.Evidence
}

// subnetsOf returns the subnets an attribute of r names.
func subnetsOf(p *model.Plan, r *model.Resource, attr string) subnetList {
	path := netPath(attr)
	l := subnetList{Evidence: ev(p, r, path...)}
	if ids, ok := knownSubnetIDs(r, path); ok {
		seen := map[string]bool{}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				l.Subs = append(l.Subs, subnetRef{ID: id, Res: subnetByID(p, id)})
			}
		}
		l.Exact = true
		return l
	}
	exprs := subnetExprs(r, path)
	if len(exprs) == 0 {
		return l
	}
	w := refWalker{p: p, from: r}
	for _, x := range exprs {
		w.walk(r.Addr().Module(), x.Refs(), 0)
	}
	seen := map[*model.Resource]bool{}
	var names []string
	for _, s := range w.found {
		if !seen[s] {
			seen[s] = true
			id, _ := s.Attr("id").Str()
			l.Subs = append(l.Subs, subnetRef{ID: id, Res: s})
			names = append(names, s.Address)
		}
	}
	switch {
	case len(names) > 0 && w.superset:
		l.Evidence.Value += " <- some of " + strings.Join(names, ", ")
	case len(names) > 0:
		l.Evidence.Value += " <- " + strings.Join(names, ", ")
	}
	l.Exact = !w.opaque && len(l.Subs) > 0
	l.Superset = w.superset
	// A scalar attribute (subnet_id, also inside subnet_mapping blocks)
	// holds what its one reference names; a list holds at least that.
	l.Traced = !strings.HasSuffix(attr, "subnet_id") && !strings.HasPrefix(attr, "subnet_mapping")
	return l
}

// knownSubnetIDs reads the subnet IDs of a planned value: a list of IDs, or
// of objects with a subnet_id (subnet_mapping); a known null is no subnets.
// ok is false when anything in it is unknown until apply, or the attribute
// is absent from the plan (not in the provider's schema).
func knownSubnetIDs(r *model.Resource, path model.Path) (ids []string, ok bool) {
	a := r.Attr(path...)
	if a.Unknown || (!a.Present && !parentPresent(r, path)) {
		return nil, false
	}
	if marks, found := model.Lookup(r.AfterUnknown, path); found && unknownInside(marks) {
		return nil, false
	}
	if id, isStr := a.Value.(string); isStr { // a single subnet_id
		if id == "" {
			return nil, true
		}
		return []string{id}, true
	}
	for _, el := range a.List() {
		switch v := el.(type) {
		case string:
			ids = append(ids, v)
		case model.Object:
			id, _ := v.Get("subnet_id")
			s, isStr := id.(string)
			if !isStr || s == "" {
				return nil, false
			}
			ids = append(ids, s)
		default:
			return nil, false
		}
	}
	return ids, true
}

type dataSubnetsKey struct{}

// subnetByID finds the subnet resource or data source with a known ID.
func subnetByID(p *model.Plan, id string) *model.Resource {
	if found := p.WithValue(id, model.Path{"id"}, subnetTypes...); len(found) > 0 {
		return found[0]
	}
	// WithValue indexes managed resources only: the data sources are
	// indexed here, once per plan.
	data := p.Memo(dataSubnetsKey{}, func() any {
		idx := map[string]*model.Resource{}
		for _, d := range p.DataOfType("aws_subnet") {
			if v, ok := d.Attr("id").Str(); ok && idx[v] == nil {
				idx[v] = d
			}
		}
		return idx
	}).(map[string]*model.Resource)
	return data[id]
}

// azWitness is a resource whose subnets AWS requires to span two or more
// zones: either each subnet in its own zone (load balancers, MSK), or the
// set as a whole over at least two (EKS clusters, database subnet groups).
type azWitness struct {
	typ, attr  string
	perSubnet  bool
	ruleSaying string
}

var azWitnesses = []azWitness{
	{"aws_lb", "subnets", true, "a load balancer takes at most one subnet per Availability Zone"},
	{"aws_lb", "subnet_mapping", true, "a load balancer takes at most one subnet per Availability Zone"},
	{"aws_alb", "subnets", true, "a load balancer takes at most one subnet per Availability Zone"},
	{"aws_alb", "subnet_mapping", true, "a load balancer takes at most one subnet per Availability Zone"},
	{"aws_elb", "subnets", true, "a load balancer takes at most one subnet per Availability Zone"},
	{"aws_msk_cluster", "broker_node_group_info[0].client_subnets", true, "MSK requires each client subnet in a different Availability Zone"},
	{"aws_eks_cluster", "vpc_config[0].subnet_ids", false, "EKS requires cluster subnets in at least two Availability Zones"},
	{"aws_db_subnet_group", "subnet_ids", false, "a DB subnet group must cover at least two Availability Zones"},
	{"aws_docdb_subnet_group", "subnet_ids", false, "a DB subnet group must cover at least two Availability Zones"},
	{"aws_neptune_subnet_group", "subnet_ids", false, "a DB subnet group must cover at least two Availability Zones"},
}

// witnessTwoAZs proves that subs span two or more zones without naming them:
// two of them belong to one load balancer (one subnet per zone), or they
// include every subnet of an EKS cluster or DB subnet group.
func witnessTwoAZs(p *model.Plan, r *model.Resource, subs []subnetRef) (check.Evidence, bool) {
	if len(subs) < 2 {
		return check.Evidence{}, false
	}
	idx := witnessesOf(p)
	shared := map[int]int{} // witness ordinal -> subnets shared with r
	seen := map[string]bool{}
	for _, s := range subs {
		k := s.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		for _, i := range idx.bySubnet[k] {
			shared[i]++
		}
	}
	best := -1
	for i, n := range shared {
		e := idx.entries[i]
		if e.res == r || (best >= 0 && i > best) {
			continue
		}
		if (e.w.perSubnet && n >= 2) || (!e.w.perSubnet && e.subs.Exact && len(e.subs.Subs) > 0 && n == len(e.subs.Subs)) {
			best = i
		}
	}
	if best < 0 {
		return check.Evidence{}, false
	}
	e := idx.entries[best]
	return evText("subnets shared with "+e.res.Address, "%d of them in %s (%s)", shared[best], e.w.attr, e.w.ruleSaying), true
}

// witnessIndex lists, once per plan, every resource whose subnets prove two
// or more Availability Zones, and which of them uses each subnet.
type witnessIndex struct {
	entries  []witnessEntry
	bySubnet map[string][]int // subnet key -> ordinals in entries
}

type witnessEntry struct {
	w    azWitness
	res  *model.Resource
	subs subnetList
}

type witnessIndexKey struct{}

func witnessesOf(p *model.Plan) *witnessIndex {
	return p.Memo(witnessIndexKey{}, func() any {
		idx := &witnessIndex{bySubnet: map[string][]int{}}
		for _, w := range azWitnesses {
			for _, o := range p.OfType(w.typ) {
				theirs := subnetsOf(p, o, w.attr)
				if theirs.Superset {
					continue
				}
				i := len(idx.entries)
				idx.entries = append(idx.entries, witnessEntry{w: w, res: o, subs: theirs})
				seen := map[string]bool{}
				for _, s := range theirs.Subs {
					if k := s.key(); !seen[k] {
						seen[k] = true
						idx.bySubnet[k] = append(idx.bySubnet[k], i)
					}
				}
			}
		}
		return idx
	}).(*witnessIndex)
}

// vpcLinkTypes are the resources through which a resource's VPC is found
// when its subnets cannot be: its launch template, security groups and
// target groups.
var vpcLinkTypes = []string{
	"aws_launch_template", "aws_launch_configuration", "aws_security_group",
	"aws_lb_target_group", "aws_alb_target_group",
}

// newVPCSingleAZ decides the zone of a resource whose subnets the plan cannot
// trace, when the resource is tied (through its launch template, security
// groups or target groups) to exactly one VPC that this plan creates: every
// subnet such a VPC can have is created in this plan, so if all of them are
// in one zone, so is the resource.
func newVPCSingleAZ(p *model.Plan, r *model.Resource) (string, check.Evidence, bool) {
	vpcs := linkedVPCs(p, r)
	if len(vpcs) != 1 {
		return "", check.Evidence{}, false
	}
	vpc := vpcs[0]
	if !vpc.Actions.Create() && !vpc.Actions.Replace() {
		return "", check.Evidence{}, false
	}
	z := p.Memo(vpcZoneKey{vpc}, func() any { return newVPCZone(p, vpc) }).(vpcZone)
	return z.az, z.evidence, z.ok
}

type vpcZoneKey struct{ vpc *model.Resource }

// vpcZone is the one zone of every subnet the plan creates in a VPC.
type vpcZone struct {
	az       string
	evidence check.Evidence
	ok       bool
}

// newVPCZone finds the zone of every subnet the plan creates in a new VPC:
// those whose vpc_id refers to it and, when the plan has no other VPC,
// those whose vpc_id refers to none. A subnet whose VPC cannot be told
// leaves it undecided.
func newVPCZone(p *model.Plan, vpc *model.Resource) vpcZone {
	idx := newSubnetsOf(p)
	picked := map[int]bool{}
	for _, i := range idx.byVPC[vpc] {
		picked[i] = true
	}
	if len(idx.noVPC) > 0 {
		if !idx.onlyVPC {
			return vpcZone{} // cannot tell which VPC they are in
		}
		for _, i := range idx.noVPC {
			picked[i] = true
		}
	}
	var members []string
	az := ""
	for _, s := range pickInOrder(idx.all, picked) {
		zone, ok := s.Attr("availability_zone").Str()
		if !ok || zone == "" || (az != "" && zone != az) {
			return vpcZone{}
		}
		az = zone
		members = append(members, s.Address)
	}
	if az == "" {
		return vpcZone{}
	}
	return vpcZone{az, evText("subnets of "+vpc.Address, "the plan creates this VPC, and every subnet it creates in it is in %s: %s", az, strings.Join(members, ", ")), true}
}

type newSubnetsKey struct{}

// newSubnets holds the plan's subnets whose vpc_id is not known (those in
// VPCs the plan creates), by the VPCs their vpc_id refers to.
type newSubnets struct {
	all     []*model.Resource
	byVPC   map[*model.Resource][]int // ordinals in all
	noVPC   []int                     // referring to no VPC
	onlyVPC bool                      // the plan holds one VPC
}

func newSubnetsOf(p *model.Plan) *newSubnets {
	return p.Memo(newSubnetsKey{}, func() any {
		x := &newSubnets{byVPC: map[*model.Resource][]int{}, onlyVPC: len(p.OfType("aws_vpc")) == 1}
		for _, s := range p.OfType("aws_subnet") {
			if id, ok := s.Attr("vpc_id").Str(); ok && id != "" {
				continue // in a VPC that already exists
			}
			i := len(x.all)
			x.all = append(x.all, s)
			inVPC := false
			for _, v := range p.Refs(s, "vpc_id") {
				if v.Type == "aws_vpc" {
					x.byVPC[v] = append(x.byVPC[v], i)
					inVPC = true
				}
			}
			if !inVPC {
				x.noVPC = append(x.noVPC, i)
			}
		}
		return x
	}).(*newSubnets)
}

// linkedVPCs returns the VPCs r is tied to through vpcLinkTypes.
func linkedVPCs(p *model.Plan, r *model.Resource) []*model.Resource {
	var vpcs []*model.Resource
	seen := map[*model.Resource]bool{r: true}
	frontier := []*model.Resource{r}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		var next []*model.Resource
		for _, x := range frontier {
			for _, to := range p.Refs(x) {
				if seen[to] {
					continue
				}
				seen[to] = true
				switch {
				case to.Type == "aws_vpc" && to.Managed():
					vpcs = append(vpcs, to)
				case slices.Contains(vpcLinkTypes, to.Type):
					next = append(next, to)
				}
			}
		}
		frontier = next
	}
	return vpcs
}

// refWalker resolves the references of a subnet expression to the subnets
// in the plan, through module variables and outputs, and notes what the
// plan cannot follow (opaque): locals, each.value, other data sources and
// resources. It resolves references itself rather than through Plan.Refs
// to tell what it cannot follow, and when an attribute takes some of a
// list it refers to (superset).
type refWalker struct {
	p        *model.Plan
	from     *model.Resource
	opaque   bool
	superset bool
	found    []*model.Resource
}

// walk follows refs, written in the module instance in (whose steps may
// lack keys: module.vpc for every module.vpc[k]).
func (w *refWalker) walk(in model.ModuleInstance, refs []string, depth int) {
	if depth > 16 {
		w.opaque = true
		return
	}
	selector := false
	for _, text := range refs {
		switch ref, _ := model.ParseRef(text); ref.Kind {
		case model.RefCount:
			selector = selector || ref.Name == "index"
		case model.RefEach:
			selector = selector || ref.Name == "key"
		}
	}
	for _, text := range refs {
		switch ref, _ := model.ParseRef(text); ref.Kind {
		case model.RefCount, model.RefPath, model.RefTerraform, model.RefSelf:
		case model.RefLocal:
			w.opaque = true // locals are not in the plan
		case model.RefEach:
			w.opaque = w.opaque || ref.Name != "key"
		case model.RefVar:
			if len(in) == 0 {
				continue // root variables have known values
			}
			arg, called := w.p.ModuleCallArg(in, ref.Name)
			if !called {
				w.opaque = true
				continue
			}
			w.superset = w.superset || ref.Rest > 0
			if arg.Set() {
				w.walk(in.Parent(), arg.Refs(), depth+1)
			}
		case model.RefModule:
			child := in.Child(ref.Name, ref.Key)
			out, ok := w.p.ModuleOutput(child, ref.Output)
			if ref.Output == "" || !ok {
				w.opaque = true
				continue
			}
			w.superset = w.superset || ref.Rest > 0
			w.walk(child, out.Refs(), depth+1)
		case model.RefData:
			if ref.Type != "aws_subnet" {
				w.opaque = true
				continue
			}
			w.add(ref.ConfigAddress(in), in, ref.Key, selector && depth == 0)
		case model.RefResource:
			if !slices.Contains(subnetTypes, ref.Type) {
				w.opaque = true
				continue
			}
			w.add(ref.ConfigAddress(in), in, ref.Key, selector && depth == 0)
		default:
			w.opaque = true // not a reference Terraform writes
		}
	}
}

// add resolves one subnet block reference to its instances: the one its key
// names, else the one with the referring resource's own count or for_each
// key when the expression selects by count.index or each.key, else all.
func (w *refWalker) add(configAddr string, in model.ModuleInstance, key model.Key, byOwnKey bool) {
	var all, own []*model.Resource
	ownKey := w.from.Addr().Key()
	for _, o := range w.p.Instances(configAddr) {
		if !o.Exists() || !o.Addr().Module().Within(in) {
			continue
		}
		if !key.None() && o.Addr().Key() != key {
			continue
		}
		all = append(all, o)
		if ownKey.Known() && o.Addr().Key() == ownKey {
			own = append(own, o)
		}
	}
	if key.None() && byOwnKey && len(own) > 0 {
		all = own
	}
	w.found = append(w.found, all...)
}

// subnetExprs returns the expressions at path in r's configuration; a path
// ending on a list of blocks (subnet_mapping) gives each block's subnet_id.
func subnetExprs(r *model.Resource, path model.Path) []model.Expr {
	x := r.ConfigExpr(path...)
	if blocks := x.Blocks(); len(blocks) > 0 {
		var out []model.Expr
		for _, b := range blocks {
			if id := b.Expr("subnet_id"); id.Set() {
				out = append(out, id)
			}
		}
		return out
	}
	if !x.Set() {
		return nil
	}
	return []model.Expr{x}
}

// netPath reads an attribute path as users write it:
// network_configuration[0].subnets.
func netPath(attr string) model.Path {
	path, _ := model.ParsePath(attr)
	return path
}
