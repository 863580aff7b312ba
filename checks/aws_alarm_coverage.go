package checks

import (
	"fmt"
	"strings"

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
			ResourceTypes: mapKeys(awsAlarmSpecs),
			Description: "A database, cache, function, service or load balancer that no alarm watches fails " +
				"silently: the team learns of full disks, throttling, errors and lost capacity from its users. " +
				"An alarm watches a resource when its metric's dimensions (DBInstanceIdentifier, FunctionName, " +
				"ServiceName, ...) refer to the resource in the configuration, or hold its identifier. Alarms that " +
				"only drive scaling policies or EC2 actions alert no one and do not count; dead-letter queues are " +
				"judged, other SQS queues are not. Only what serves traffic or holds data is judged: not a bastion " +
				"host (an instance or group named bastion or jump, or an instance whose security groups admit SSH " +
				"or RDP alone and that nothing sends traffic to), not the LockID table of Terraform's S3 backend. " +
				"A failure is medium, and high for a resource whose tier tag (tier_tags in .readiness.hcl) says " +
				"critical.",
			Remediation: "Add an aws_cloudwatch_metric_alarm per resource on the metrics that show trouble " +
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
			for _, r := range p.OfType(mapKeys(awsAlarmSpecs)...) {
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
	spec := awsAlarmSpecs[r.Type]
	dim := spec.dimensions[0]
	if len(w.Watching) > 0 {
		return pass(fmt.Sprintf("the %s is watched by %d alarm(s)", spec.noun, len(w.Watching)),
			evText("alarms", "%s", addresses(w.Watching)))
	}
	id := ev(p, r, spec.id)
	if len(w.Undecided) > 0 {
		return unknown(fmt.Sprintf("alarm(s) in %s may watch the %s, but their dimensions are known only after apply",
			strings.Join(spec.namespaces, " or "), spec.noun),
			evText("alarms", "%s", addresses(w.Undecided)), id)
	}
	if w.Alarms == 0 {
		return fail(fmt.Sprintf("no alarm watches the %s: the plan has no alerting alarm at all", spec.noun),
			evText("aws_cloudwatch_metric_alarm", "no alerting alarm in plan"), id)
	}
	namespaces := strings.Join(w.Namespaces, ", ")
	if namespaces == "" {
		namespaces = "none known"
	}
	return fail(fmt.Sprintf("no alarm watches the %s: none of the plan's alarms has %s set to it", spec.noun, dim),
		evText("aws_cloudwatch_metric_alarm", "%d alarm(s) in plan, none on %s (namespaces: %s)", w.Alarms, dim, namespaces), id)
}
