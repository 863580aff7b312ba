package checks

import (
	"slices"

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
		if logs := vpcFlowLogs.to(p, r, strAt(r, "id")); len(logs) > 0 {
			fl := logs[0]
			if slices.Contains(p.Refs(fl, "vpc_id"), r) {
				return pass("a flow log records the VPC's traffic", evText("flow log", "%s", fl.Address))
			}
			return pass("a flow log records the VPC's traffic", ev(p, fl, "vpc_id"))
		}
		x := flowLogsOf(p)
		if len(x.undecided) > 0 {
			return unknown("a flow log may cover the VPC, but its vpc_id is known only after apply and its configuration does not say which VPC it is",
				evText("flow logs", "%s", addresses(x.undecided)), ev(p, r, "id"))
		}
		return fail("no flow log covers the VPC: its traffic is not recorded", ev(p, r, "id"),
			evText("aws_flow_log", "%d flow log(s) in plan, none with vpc_id set to this VPC", x.count))
	},
}

// vpcFlowLogs finds the flow logs whose vpc_id refers to a VPC or holds its
// known ID.
var vpcFlowLogs = &backLink{types: []string{"aws_flow_log"}, attr: "vpc_id"}

// flowLogSummary is what the plan's flow logs say of every VPC they do not
// name: how many there are, and those whose vpc_id is known only after apply
// and refers to no VPC, which may cover any.
type flowLogSummary struct {
	count     int
	undecided []*model.Resource
}

type flowLogSummaryKey struct{}

func flowLogsOf(p *model.Plan) flowLogSummary {
	return p.Memo(flowLogSummaryKey{}, func() any {
		logs := p.OfType("aws_flow_log")
		x := flowLogSummary{count: len(logs)}
		for _, fl := range logs {
			refs := p.Refs(fl, "vpc_id")
			if fl.Attr("vpc_id").Unknown && !slices.ContainsFunc(refs, func(v *model.Resource) bool { return v.Type == "aws_vpc" }) {
				x.undecided = append(x.undecided, fl)
			}
		}
		return x
	}).(flowLogSummary)
}
