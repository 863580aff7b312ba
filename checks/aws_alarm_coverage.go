package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmCoverage requires every AWS compute and data resource that
// serves traffic or holds data to be watched by an alerting alarm.
var AWSAlarmCoverage = awsAlarmCoverage(check.Settings{})

// awsAlarmCoverage is the check with the resources a team's tier tags mark
// critical reported at high severity.
func awsAlarmCoverage(s check.Settings) check.Check {
	return check.Check{
		Meta: check.Meta{
			ID:            "aws_alarm_coverage",
			Title:         "Compute and data resources are watched by an alarm",
			Section:       "alerts_metrics",
			Category:      "alarm",
			Severity:      check.SeverityMedium,
			Cloud:         "aws",
			ResourceTypes: alerting.CoveredTypes(),
			Description: "A database, cache, function, service or load balancer that no alarm watches fails " +
				"silently: the team learns of full disks, throttling, errors and lost capacity from its users. " +
				"Every alert rule counts: CloudWatch metric alarms, Amazon Managed Prometheus and PrometheusRule " +
				"alerts, Grafana alert rules, Datadog monitors and New Relic NRQL conditions. A rule watches a " +
				"resource when its configuration refers to it, or when a dimension (DBInstanceIdentifier, " +
				"FunctionName, ServiceName, ...), a label matcher (dbinstance_identifier=\"orders\" from the " +
				"CloudWatch exporter, YACE's dimension_DBInstanceIdentifier) or a tag (Datadog's " +
				"dbinstanceidentifier:orders, autoscaling_group:web; or any tag with its identifier on a metric of its " +
				"service, such as postgresql.* on a database) holds its identifier. Rules that read its service's " +
				"metrics without naming any resource, or metrics of no known service, or whose queries are known " +
				"only after apply, may watch it: the result is unknown, never a failure. Alarms that " +
				"only drive scaling policies or EC2 actions alert no one and do not count; dead-letter queues are " +
				"judged, other SQS queues are not. Only what serves traffic or holds data is judged: not a bastion " +
				"host (an instance or group named bastion or jump, or an instance whose security groups admit SSH " +
				"or RDP alone and that nothing sends traffic to), not the LockID table of Terraform's S3 backend. " +
				"A failure is medium, and high for a resource whose tier tag (tier_tags in .readiness.hcl) says " +
				"critical.",
			Remediation: "Add an alert rule per resource (an aws_cloudwatch_metric_alarm, or the rule of the " +
				"team's own system with a matcher or tag on the resource's identifier) on the metrics that show trouble " +
				"(CPU, free storage and connections for databases; errors and throttles for functions and tables; " +
				"5xx and unhealthy hosts for load balancers; queue depth for dead-letter queues), with dimensions " +
				"that refer to the resource and alarm_actions that reach the on-call team.",
			Example: `resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name          = "orders-db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}`,
		},
		Configure: awsAlarmCoverage,
		Plan: func(p *model.Plan) []check.Finding {
			var out []check.Finding
			for _, r := range p.OfType(alerting.CoveredTypes()...) {
				if !watchedWorkload(p, r) {
					continue
				}
				f := alarmCoverage(p, r, alarmIndexOf(p).watching(r))
				f.Address = r.Address
				if s.IsCritical(r) {
					f.Severity = check.SeverityHigh
				}
				out = append(out, f)
			}
			return out
		},
	}
}

// watchedWorkload reports whether alarm coverage judges r: a dead-letter
// queue among queues, and no bastion host or state-lock table.
func watchedWorkload(p *model.Plan, r *model.Resource) bool {
	switch r.Type {
	case "aws_sqs_queue":
		return isDeadLetterQueue(p, r)
	case "aws_instance", "aws_autoscaling_group":
		_, bastion := bastionHost(p, r)
		return !bastion
	case "aws_dynamodb_table":
		return !stateLockTable(r)
	}
	return true
}

// alarmCoverage judges one resource by the alarms that watch it. An alarm
// whose count is unknown may not exist: the resource is watched only if it
// would be without it, or the verdict depends on that count.
func alarmCoverage(p *model.Plan, r *model.Resource, w alarmWatch) check.Finding {
	return forAnyCount(r, w.Watching, itself, func(watching []*model.Resource) check.Finding {
		w := w
		w.Watching = watching
		return alarmCoverageOf(p, r, w)
	})
}

func alarmCoverageOf(p *model.Plan, r *model.Resource, w alarmWatch) check.Finding {
	spec, _ := alerting.SpecOf(r.Type)
	dim := spec.Dimensions[0]
	if len(w.Watching) > 0 {
		return pass(fmt.Sprintf("the %s is watched by %d alarm(s)", spec.Noun, len(w.Watching)),
			evText("alarms", "%s", addresses(w.Watching)))
	}
	id := ev(p, r, spec.ID)
	if len(w.Undecided) > 0 {
		if cloudWatchOnly(w.Undecided) {
			return unknown(fmt.Sprintf("alarm(s) in %s may watch the %s, but their dimensions are known only after apply",
				strings.Join(spec.Namespaces, " or "), spec.Noun),
				evText("alarms", "%s", addresses(w.Undecided)), id)
		}
		return unknown(fmt.Sprintf("alert rule(s) may watch the %s, but the plan cannot tie them to it: they read its "+
			"service's metrics, or metrics of no known service, without naming a resource, or what they read is known only after apply",
			spec.Noun), evText("alert rules", "%s", addresses(w.Undecided)), id)
	}
	m := alerting.Of(p)
	if len(m.Rules) == 0 {
		return fail(fmt.Sprintf("no alarm watches the %s: the plan has no alert rule at all", spec.Noun),
			evText("alert rules", "none in plan (CloudWatch, Prometheus, Grafana, Datadog or New Relic)"), id)
	}
	namespaces := strings.Join(m.Namespaces(), ", ")
	if namespaces == "" {
		namespaces = "none known"
	}
	return fail(fmt.Sprintf("no alarm watches the %s: none of the plan's alert rules has %s (or a label or tag) set to it", spec.Noun, dim),
		evText("alert rules", "%d alert rule(s) in plan, none on %s (CloudWatch namespaces: %s)", len(m.Rules), dim, namespaces), id)
}

// cloudWatchOnly reports whether every resource is a CloudWatch alarm.
func cloudWatchOnly(rs []*model.Resource) bool {
	for _, r := range rs {
		if r.Type != "aws_cloudwatch_metric_alarm" {
			return false
		}
	}
	return true
}
