package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSOpenSearchZoneAwareness requires an OpenSearch (or Elasticsearch)
// domain to spread its data nodes over two or more Availability Zones.
var AWSOpenSearchZoneAwareness = check.Check{
	Meta: check.Meta{
		ID:            "aws_opensearch_zone_awareness",
		Title:         "OpenSearch domain spreads data nodes over Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
		Description: "Without zone awareness, every data node of a domain can sit in one Availability Zone, " +
			"and primary and replica shards with them: a zone outage makes the domain red and may lose " +
			"unreplicated writes. Zone awareness with at least two data nodes places replicas in another zone.",
		Remediation: "In cluster_config set zone_awareness_enabled = true, instance_count to a multiple of " +
			"the zone count (at least 2), and zone_awareness_config.availability_zone_count = 2 or 3; or use " +
			"multi_az_with_standby_enabled on OpenSearch.",
		Example: `resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		cc := r.Attr("cluster_config")
		if cc.Unknown || len(cc.List()) == 0 {
			e := ev(p, r, "cluster_config")
			if maybeDynamic(r, "cluster_config") {
				e = assumeUnset(e, "cluster_config")
			}
			if r.ConfiguredBlock("cluster_config") != model.Set && r.Config != nil {
				return fail("cluster_config is not set: the domain gets one data node, without zone awareness", e)
			}
			return unknown("cluster_config is known only after apply", ev(p, r, "cluster_config"))
		}
		// Multi-AZ with standby is OpenSearch's: aws_elasticsearch_domain has no
		// such attribute in any provider version.
		if r.Type == "aws_opensearch_domain" {
			if on, _ := r.Attr("cluster_config", 0, "multi_az_with_standby_enabled").Bool(); on {
				return pass("the domain runs Multi-AZ with standby", ev(p, r, "cluster_config", 0, "multi_az_with_standby_enabled"))
			}
		}
		za := r.Attr("cluster_config", 0, "zone_awareness_enabled")
		zaEv := ev(p, r, "cluster_config", 0, "zone_awareness_enabled")
		count := r.Attr("cluster_config", 0, "instance_count")
		countEv := ev(p, r, "cluster_config", 0, "instance_count")
		if za.Unknown {
			return unknown("zone_awareness_enabled is known only after apply", zaEv, countEv)
		}
		on, _ := za.Bool()
		if za.Value == nil {
			zaEv.Value += " (unset: defaults to false)"
		}
		if !on {
			return fail("zone awareness is off: the domain's shards may all sit in one Availability Zone", zaEv, countEv)
		}
		n, ok := count.Number()
		if !ok {
			return unknown("instance_count is known only after apply", zaEv, countEv)
		}
		if n < 2 {
			return fail("zone awareness is on but the domain has a single data node", zaEv, countEv)
		}
		return pass(fmt.Sprintf("zone awareness is on with %g data nodes", n), zaEv, countEv)
	},
}
