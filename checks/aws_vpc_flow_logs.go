package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSVPCFlowLogs requires a flow log on every VPC.
var AWSVPCFlowLogs = check.Check{
	Meta: check.Meta{
		ID:            "aws_vpc_flow_logs",
		Title:         "VPC has flow logs",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_vpc"},
		Description: "VPC flow logs record which addresses talked to which, and whether security groups and " +
			"network ACLs let them. Without them, a connection timeout, an unexpected egress bill or a " +
			"suspected intrusion cannot be traced after the fact. A flow log covers a VPC when its vpc_id refers " +
			"to the VPC, or holds its known ID; flow logs on single subnets or interfaces do not cover it.",
		Remediation: "Add an aws_flow_log with vpc_id = aws_vpc.<name>.id, traffic_type = \"ALL\" and a " +
			"CloudWatch Logs or S3 destination (or enable_flow_log in the VPC module you use).",
		Example: `resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var undecided []*model.Resource
		id, idKnown := r.Attr("id").Str()
		for _, fl := range p.OfType("aws_flow_log") {
			refs := p.Refs(fl, "vpc_id")
			if refersTo(refs, r) {
				return pass("a flow log records the VPC's traffic", evText("flow log", "%s", fl.Address))
			}
			v := fl.Attr("vpc_id")
			if s, ok := v.Str(); ok && idKnown && s == id {
				return pass("a flow log records the VPC's traffic", ev(p, fl, "vpc_id"))
			}
			if v.Unknown && !refersToType(refs, "aws_vpc") {
				undecided = append(undecided, fl)
			}
		}
		if len(undecided) > 0 {
			return unknown("a flow log may cover the VPC, but its vpc_id is known only after apply and its configuration does not say which VPC it is",
				evText("flow logs", "%s", addresses(undecided)), ev(p, r, "id"))
		}
		return fail("no flow log covers the VPC: its traffic is not recorded", ev(p, r, "id"),
			evText("aws_flow_log", "%d flow log(s) in plan, none with vpc_id set to this VPC", len(p.OfType("aws_flow_log"))))
	},
}

func refersToType(refs []*model.Resource, typ string) bool {
	for _, x := range refs {
		if x.Type == typ {
			return true
		}
	}
	return false
}
