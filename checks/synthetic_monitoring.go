package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// syntheticTypes are the synthetic monitors that probe a service from
// outside: CloudWatch Synthetics canaries, Datadog synthetic tests, New
// Relic synthetic monitors and Grafana synthetic monitoring checks.
var syntheticTypes = []string{
	"aws_synthetics_canary", "datadog_synthetics_test", "newrelic_synthetics_monitor", "grafana_synthetic_monitoring_check",
}

// entryPointTypes are the resources that take a service's traffic from
// its users.
var entryPointTypes = []string{
	"aws_lb", "aws_alb", "aws_api_gateway_rest_api", "aws_apigatewayv2_api", "aws_cloudfront_distribution",
	"kubernetes_ingress", "kubernetes_ingress_v1",
}

// SyntheticMonitoring shows that production is probed by sanity tests:
// scheduled synthetic checks that call the service as a user would. It is
// evidence: what the tests cover is for the team to attest.
var SyntheticMonitoring = check.Check{
	Meta: check.Meta{
		ID:            "synthetic_monitoring",
		Title:         "Synthetic checks probe production",
		Section:       "quality",
		Category:      "sanity_tests",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: typeSet(syntheticTypes),
		Description: "Sanity tests that run against production on a schedule notice a broken login or checkout " +
			"before users report it, and right after every release. The check looks at plans that serve " +
			"traffic (load balancers, API Gateway, CloudFront, Kubernetes ingresses) or define synthetic " +
			"monitors, and passes when one of them runs: a CloudWatch Synthetics canary started by the plan " +
			"(start_canary), a live Datadog synthetic test, an enabled New Relic synthetic monitor or an " +
			"enabled Grafana synthetic monitoring check. Otherwise it is unknown, once per plan, naming " +
			"monitors that are stopped or paused: sanity tests run from CI after a deploy are for the team " +
			"to attest. It never fails.",
		Remediation: "Probe the service's public endpoint on a schedule (aws_synthetics_canary with " +
			"start_canary = true, datadog_synthetics_test with status = \"live\", newrelic_synthetics_monitor " +
			"with status = \"ENABLED\"), or attest the sanity tests the team runs.",
		Example: `resource "aws_synthetics_canary" "orders" {
  name                 = "orders-health"
  artifact_s3_location = "s3://${aws_s3_bucket.canary.id}/"
  execution_role_arn   = aws_iam_role.canary.arn
  handler              = "index.handler"
  runtime_version      = "syn-nodejs-puppeteer-9.1"
  zip_file             = data.archive_file.canary.output_path
  start_canary         = true

  schedule {
    expression = "rate(5 minutes)"
  }
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		monitors := p.OfType(syntheticTypes...)
		var scope []*model.Resource
		for _, r := range p.OfType(entryPointTypes...) {
			if r.Type == "aws_lb" || r.Type == "aws_alb" {
				if internal, _ := r.Attr("internal").Bool(); internal {
					continue // reached from inside the network only
				}
			}
			scope = append(scope, r)
		}
		if len(monitors) == 0 && len(scope) == 0 {
			return nil
		}
		var found, notes []check.Evidence
		for _, r := range monitors {
			attr, running, known := syntheticRunning(r)
			switch {
			case !known:
				notes = append(notes, evText(r.Address+"."+attr, "known only after apply"))
			case running:
				found = append(found, evAt(p, r, attr))
			default:
				notes = append(notes, evAt(p, r, attr))
			}
		}
		unknownMsg := "the plan runs no synthetic check against production: attest the sanity tests the team runs"
		if len(notes) > 0 {
			unknownMsg = "the plan's synthetic checks are stopped or paused: attest the sanity tests the team runs"
		}
		return evidenceVerdict(found, "synthetic checks probe production on a schedule", unknownMsg,
			"entry points", scope, notes...)
	},
}

// syntheticRunning reads whether a synthetic monitor runs: the attribute
// that says so, its verdict, and whether the plan knows it.
func syntheticRunning(r *model.Resource) (attr string, running, known bool) {
	switch r.Type {
	case "aws_synthetics_canary":
		a := r.Attr("start_canary")
		on, _ := a.Bool()
		return "start_canary", on, !a.Unknown
	case "datadog_synthetics_test":
		a := r.Attr("status")
		s, _ := a.Str()
		return "status", s == "live", !a.Unknown
	case "newrelic_synthetics_monitor":
		a := r.Attr("status")
		s, _ := a.Str()
		return "status", s == "ENABLED", !a.Unknown
	default: // grafana_synthetic_monitoring_check: enabled defaults to true
		a := r.Attr("enabled")
		on, ok := a.Bool()
		return "enabled", on || !ok, !a.Unknown
	}
}
