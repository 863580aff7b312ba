package checks

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// MultiRegion asks production workloads to run in two or more regions.
var MultiRegion = check.Check{
	Meta: check.Meta{
		ID:            "multi_region",
		Title:         "Workloads span two or more regions",
		Section:       "deployment",
		Category:      "multi_region",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		ResourceTypes: typeSet(workloadTypes, mapKeys(globalConstructs)),
		Description: "A region-wide outage takes down everything that lives only in that region. A service " +
			"that must survive one runs (or can fail over) in a second region: its compute and data in two " +
			"regions, or global constructs such as DynamoDB global tables, Aurora global databases, Cosmos DB " +
			"with several locations, Route 53 failover or latency routing, or Global Accelerator. The check " +
			"applies to plans that hold compute or data resources (a plan of buckets and queues alone gets no " +
			"finding) and reads each resource's region from its own attribute or its provider. If another " +
			"stack deploys the second region, waive this finding; the staging profile does not run it.",
		Remediation: "Deploy the workload to a second region (an aliased provider or a second stack) with " +
			"replicated data, and route between regions with Route 53 failover or latency records, or use the " +
			"data stores' global modes.",
		Example: `provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

resource "aws_rds_global_cluster" "orders" {
  global_cluster_identifier = "orders"
  engine                    = "aurora-postgresql"
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		f := forAnyCount(nil, p.OfType(typeSet(workloadTypes, mapKeys(globalConstructs))...), itself,
			func(rs []*model.Resource) check.Finding { return regionSpread(p, rs) })
		if f.Status == "" {
			return nil
		}
		return []check.Finding{f}
	},
}

// regionSpread judges the plan's workloads and multi-region constructs
// (rs) by the regions they span.
func regionSpread(p *model.Plan, rs []*model.Resource) check.Finding {
	workloads := ofTypes(rs, workloadTypes)
	if len(workloads) == 0 {
		return check.Skip
	}
	if g, path := globalConstruct(ofTypes(rs, mapKeys(globalConstructs))); g != nil {
		return pass("the plan holds a multi-region construct", ev(p, g, path...))
	}
	regions := map[string][]string{}
	var undecided []string
	for _, r := range workloads {
		if reg, ok := p.Region(r); ok {
			reg = normalizeRegion(reg)
			regions[reg] = append(regions[reg], r.Address)
		} else {
			undecided = append(undecided, r.Address)
		}
	}
	names := mapKeys(regions)
	e := evText("regions", "%s", regionList(regions))
	switch {
	case len(names) >= 2:
		return pass("the workloads span "+strings.Join(names, ", "), e)
	case len(undecided) > 0:
		return unknown("the region of some workloads is not known from the plan",
			e, evText("region unknown", "%s", undecided[0]+andMore(len(undecided)-1)))
	}
	return fail("every workload runs in one region, "+names[0]+": a region outage takes them all down", e)
}

// globalConstructs are resources that make a workload multi-region by
// themselves, with the attribute that shows it.
var globalConstructs = map[string]string{
	"aws_dynamodb_table":                 "replica",
	"aws_rds_global_cluster":             "",
	"aws_globalaccelerator_accelerator":  "",
	"aws_route53_record":                 "failover_routing_policy",
	"azurerm_cosmosdb_account":           "geo_location",
	"azurerm_traffic_manager_profile":    "",
	"azurerm_cdn_frontdoor_origin_group": "",
	"google_spanner_instance":            "config",
}

// globalConstruct returns the first of rs that is a multi-region construct,
// and the path of the attribute that shows it.
func globalConstruct(rs []*model.Resource) (*model.Resource, model.Path) {
	for _, r := range rs {
		attr, ok := globalConstructs[r.Type]
		if !ok {
			continue
		}
		if attr == "" {
			return r, model.Path{"id"}
		}
		a := r.Attr(attr)
		switch r.Type {
		case "aws_route53_record":
			if len(a.List()) > 0 {
				return r, model.Path{attr}
			}
			if l := r.Attr("latency_routing_policy"); len(l.List()) > 0 {
				return r, model.Path{"latency_routing_policy"}
			}
		case "azurerm_cosmosdb_account":
			if len(a.List()) >= 2 {
				return r, model.Path{attr}
			}
		case "google_spanner_instance":
			// Multi-region instance configurations are named nam3,
			// eur3, nam-eur-asia1 ...; regional ones regional-<region>.
			if s, ok := a.Str(); ok && s != "" && !strings.Contains(s, "regional-") {
				return r, model.Path{attr}
			}
		default:
			if len(a.List()) > 0 {
				return r, model.Path{attr}
			}
		}
	}
	return nil, nil
}

var zoneSuffix = regexp.MustCompile(`^([a-z]+-[a-z]+[0-9]+)-[a-z]$`)

// normalizeRegion maps a Google zone to its region and an Azure display
// name to its location name, so that one region counts once.
func normalizeRegion(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	if m := zoneSuffix.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

func regionList(regions map[string][]string) string {
	var parts []string
	for _, name := range mapKeys(regions) {
		addrs := append([]string(nil), regions[name]...)
		sort.Strings(addrs)
		parts = append(parts, name+": "+addrs[0]+andMore(len(addrs)-1))
	}
	if len(parts) == 0 {
		return "none known"
	}
	return strings.Join(parts, "; ")
}

// andMore says how many more items a list left out.
func andMore(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" and %d more", n)
}
