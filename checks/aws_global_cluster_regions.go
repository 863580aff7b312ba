package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSGlobalClusterRegions requires a global database (Aurora, DocumentDB,
// Neptune) to have members in two or more regions.
var AWSGlobalClusterRegions = check.Check{
	Meta: check.Meta{
		ID:            "aws_global_cluster_regions",
		Title:         "Global database has clusters in two or more regions",
		Section:       "deployment",
		Category:      "multi_region",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: typeSet(mapKeys(globalClusterTypes), []string{"aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster"}),
		Description: "A global cluster is what lets a database fail over to another region in about a minute, " +
			"but only once a secondary cluster in a second region has joined it: a global cluster with its " +
			"primary alone, or with every member in one region, survives no regional outage. Members are the " +
			"clusters whose global_cluster_identifier refers to it (or names it), the cluster it was created " +
			"from (source_db_cluster_identifier) and the ARNs of its known global_cluster_members; each member's " +
			"region comes from its provider or its ARN. The global cluster and each member get the verdict.",
		Remediation: "Add a secondary cluster with global_cluster_identifier set to the global cluster, through " +
			"a provider for a second region, with at least one instance.",
		Example: `resource "aws_rds_global_cluster" "orders" {
  global_cluster_identifier = "orders"
  engine                    = "aurora-postgresql"
}

resource "aws_rds_cluster" "secondary" {
  provider                  = aws.us_west_2
  cluster_identifier        = "orders-usw2"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.orders.id
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		var out []check.Finding
		for _, g := range p.OfType(mapKeys(globalClusterTypes)...) {
			members := globalMembers(p, g)
			f := forAnyCount(g, members, globalMember.resource, globalSpread)
			f.Address = g.Address
			out = append(out, f)
			for _, m := range members {
				if m.r != nil {
					mf := f
					mf.Address = m.r.Address
					out = append(out, mf)
				}
			}
		}
		return out
	},
}

// globalSpread judges a global database by the regions of its members.
func globalSpread(members []globalMember) check.Finding {
	regions := map[string]bool{}
	undecided := 0
	for _, m := range members {
		if m.known {
			regions[m.region] = true
		} else {
			undecided++
		}
	}
	e := evText("members", "%s", globalMemberList(members))
	switch names := mapKeys(regions); {
	case len(names) >= 2:
		return pass("the global database spans "+strings.Join(names, ", "), e)
	case undecided > 0 || len(members) == 0:
		return unknown(fmt.Sprintf("the global database's members or their regions are not known from the plan (%d undecided)", undecided), e)
	default:
		return fail(fmt.Sprintf("every member of the global database is in %s: it survives no regional outage", names[0]), e)
	}
}

// globalMember is a member cluster: in the plan (r), or known by ARN only;
// known is false when its region is not known.
type globalMember struct {
	r      *model.Resource
	label  string
	region string
	known  bool
}

func (m globalMember) resource() *model.Resource { return m.r }

// globalMembers finds a global cluster's members and the regions they are
// in.
func globalMembers(p *model.Plan, g *model.Resource) []globalMember {
	ctype := globalClusterTypes[g.Type]
	seen := map[*model.Resource]bool{}
	var members []globalMember
	add := func(r *model.Resource, label, region string, known bool) {
		if r != nil {
			if seen[r] {
				return
			}
			seen[r] = true
		}
		members = append(members, globalMember{r, label, region, known})
	}
	addCluster := func(c *model.Resource) {
		reg, ok := p.Region(c)
		if !ok {
			reg, ok = resARNRegion(strAt(c, "arn"))
		}
		add(c, c.Address, reg, ok)
	}
	for _, c := range linkedThrough(p, g, "global_cluster_identifier", strAt(g, "global_cluster_identifier"), ctype) {
		addCluster(c)
	}
	for _, c := range p.Refs(g, "source_db_cluster_identifier") {
		if c.Type == ctype {
			addCluster(c)
		}
	}
	for i := range g.Attr("global_cluster_members").List() {
		arn := strAt(g, "global_cluster_members", i, "db_cluster_arn")
		if arn == "" {
			continue
		}
		if cs := p.WithValue(arn, model.Path{"arn"}, ctype); len(cs) > 0 {
			addCluster(cs[0])
			continue
		}
		reg, ok := resARNRegion(arn)
		add(nil, arn, reg, ok)
	}
	return members
}

func globalMemberList(members []globalMember) string {
	if len(members) == 0 {
		return "none in the plan"
	}
	parts := make([]string, 0, len(members))
	for _, m := range members {
		reg := m.region
		if reg == "" {
			reg = "region not known"
		}
		parts = append(parts, m.label+" ("+reg+")")
	}
	return strings.Join(parts, ", ")
}
