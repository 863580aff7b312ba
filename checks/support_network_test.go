package checks

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestSubnetAZs(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture, address, attr string
		azs                    []string
		known                  bool
		minAZs                 int
	}{
		// Subnets traced through references to a list attribute are some of
		// its subnets, never provably all: known stays false.
		"splat over a counted subnet": {"aws_asg", "aws_autoscaling_group.web", "vpc_zone_identifier",
			[]string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}, false, 3},
		"count.index picks the instance": {"aws_asg", "aws_autoscaling_group.queue[1]", "vpc_zone_identifier",
			[]string{"eu-west-1b"}, false, 1},
		"a local is not in the plan": {"aws_asg", "aws_autoscaling_group.opaque", "vpc_zone_identifier", nil, false, 0},
		"every subnet of a new VPC in one zone": {"aws_asg", "aws_autoscaling_group.edge", "vpc_zone_identifier",
			[]string{"eu-west-1c"}, true, 1},
		"known IDs shared with a load balancer": {"aws_asg", "aws_autoscaling_group.shared", "vpc_zone_identifier", nil, false, 2},
		"known IDs of managed subnets": {"aws_asg", `module.workers["green"].aws_autoscaling_group.this`, "vpc_zone_identifier",
			[]string{"eu-west-1a", "eu-west-1b"}, true, 2},
		"known IDs, one a data source, one outside the plan": {"aws_asg", `module.workers["blue"].aws_autoscaling_group.this`,
			"vpc_zone_identifier", []string{"eu-west-1b"}, false, 1},
		"module output": {"aws_eks", "aws_eks_node_group.general", "subnet_ids",
			[]string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}, false, 3},
		"module variable from a module output": {"aws_eks", `module.platform["prod"].aws_eks_node_group.this`, "subnet_ids",
			[]string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}, false, 3},
		"an element of a module output": {"aws_eks", "aws_eks_node_group.gpu", "subnet_ids",
			[]string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}, false, 1},
		"known IDs of an EKS cluster": {"aws_eks", "aws_eks_node_group.legacy", "subnet_ids", nil, false, 2},
		"nested block": {"aws_ecs", "aws_ecs_service.api", "network_configuration[0].subnets",
			[]string{"eu-west-1a", "eu-west-1b"}, false, 2},
		"subnet_mapping blocks": {"aws_lb", "aws_lb.nlb", "subnet_mapping", []string{"eu-west-1a"}, true, 1},
		"a single subnet_id":    {"aws_network", "aws_nat_gateway.zonal[2]", "subnet_id", []string{"eu-west-1c"}, true, 1},
		"a known subnet_id":     {"aws_network", "aws_nat_gateway.legacy", "subnet_id", []string{"eu-west-1b"}, true, 1},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := checktest.Load(t, "testdata/"+tc.fixture+"/plan.json")
			r := p.Lookup(tc.address)
			if r == nil {
				t.Fatalf("%s not in the fixture", tc.address)
			}
			azs, known, e := subnetAZs(p, r, tc.attr)
			if diff := cmp.Diff(tc.azs, azs, cmpopts.EquateEmpty()); diff != "" || known != tc.known {
				t.Errorf("subnetAZs = %v, %v (-want +got azs):\n%s", azs, known, diff)
			}
			if e.Attribute != tc.attr || e.Value == "" {
				t.Errorf("evidence = %+v", e)
			}
			if got := subnetSpread(p, r, tc.attr).MinAZs; got != tc.minAZs {
				t.Errorf("MinAZs = %d, want %d", got, tc.minAZs)
			}
		})
	}
}

func TestNetPath(t *testing.T) {
	t.Parallel()
	for attr, want := range map[string]model.Path{
		"subnet_ids":                               {"subnet_ids"},
		"network_configuration[0].subnets":         {"network_configuration", 0, "subnets"},
		"broker_node_group_info[0].client_subnets": {"broker_node_group_info", 0, "client_subnets"},
	} {
		if got := netPath(attr); !cmp.Equal(got, want) {
			t.Errorf("netPath(%q) = %v, want %v", attr, got, want)
		}
	}
}
