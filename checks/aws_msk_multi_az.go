package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSMSKMultiAZ requires MSK brokers in two or more Availability Zones.
var AWSMSKMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_msk_multi_az",
		Title:         "MSK brokers span two or more Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_msk_cluster"},
		Description: "MSK places brokers evenly over the Availability Zones of its client subnets, one subnet " +
			"per zone. With three zones and a replication factor of three, a topic keeps serving through the " +
			"loss of a zone; fewer zones mean partitions go offline with it.",
		Remediation: "Give broker_node_group_info.client_subnets one subnet in each of three (at least two) " +
			"Availability Zones and make number_of_broker_nodes a multiple of that.",
		Example: `resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]
    security_groups = [aws_security_group.msk.id]
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return subnetSpread(p, r, "broker_node_group_info[0].client_subnets").onePerZoneFinding("the brokers' client subnets")
	},
}
