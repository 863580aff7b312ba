package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// lb5xxMetrics are every metric that counts failed requests at a load
// balancer: its own 5xx and its targets' (Application Load Balancer, in
// all and by code), and the Classic Load Balancer's names, which teams
// moving to an ALB keep in their alarms' metric math and dashboards.
var lb5xxMetrics = metricWant{
	cloudwatch: []string{
		"HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count",
		"HTTPCode_ELB_500_Count", "HTTPCode_ELB_502_Count", "HTTPCode_ELB_503_Count", "HTTPCode_ELB_504_Count",
		"HTTPCode_ELB_5XX", "HTTPCode_Backend_5XX",
	},
	datadog: []string{
		"aws.applicationelb.httpcode_elb_5xx", "aws.applicationelb.httpcode_target_5xx",
		"aws.applicationelb.httpcode_elb_500", "aws.applicationelb.httpcode_elb_502",
		"aws.applicationelb.httpcode_elb_503", "aws.applicationelb.httpcode_elb_504",
		"aws.elb.httpcode_elb_5xx", "aws.elb.httpcode_backend_5xx",
	},
}

// AWSLB5xxAlarm requires an alarm on the 5xx responses of every
// Application Load Balancer.
var AWSLB5xxAlarm = check.Check{
	Meta: check.Meta{
		ID:            "aws_lb_5xx_alarm",
		Title:         "Application Load Balancer has a 5xx alarm",
		Section:       "alerts_metrics",
		Category:      "alarm",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lb", "aws_alb"},
		Description: "5xx responses are what users see when the application fails: crashes, timeouts, " +
			"exhausted pools, no healthy target. An alarm on HTTPCode_Target_5XX_Count or HTTPCode_ELB_5XX_Count " +
			"(or a metric-math error rate built on them) for the load balancer is the application-failure alert " +
			"of a web service. Every kind of alert rule counts: a CloudWatch alarm, a Prometheus or Grafana rule " +
			"on the exporters' names of those metrics (aws_applicationelb_httpcode_target_5xx_count_sum), a " +
			"Datadog monitor on aws.applicationelb.httpcode_target_5xx, a New Relic condition. aws_alarm_coverage " +
			"asks that some rule watch the load balancer; this check asks that one watch its errors. Network and " +
			"gateway load balancers are not judged.",
		Remediation: "Add an aws_cloudwatch_metric_alarm in AWS/ApplicationELB on HTTPCode_Target_5XX_Count " +
			"(and HTTPCode_ELB_5XX_Count) with dimensions = { LoadBalancer = aws_lb.main.arn_suffix }, and " +
			"alarm_actions that reach the on-call team.",
		Example: `resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.api.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		typ := r.Attr("load_balancer_type")
		e := ev(p, r, "load_balancer_type")
		switch t, _ := typ.Str(); {
		case typ.Unknown:
			return unknown("load_balancer_type is known only after apply", e)
		case t != "" && t != "application":
			return check.Skip
		case t == "":
			e.Value += " (unset: defaults to application)"
		}
		return metricAlarmFinding(p, r, lb5xxMetrics, "load balancer", "5xx", e)
	},
}

// metricAlarmFinding judges whether an alert rule on one of the wanted
// metrics watches r.
func metricAlarmFinding(p *model.Plan, r *model.Resource, want metricWant, noun, what string, e ...check.Evidence) check.Finding {
	on, others, undecided := rulesOnMetric(p, r, want)
	// An alarm whose count is unknown may not exist.
	return forAnyCount(r, on, itself, func(on []*model.Resource) check.Finding {
		return metricAlarmVerdict(on, others, undecided, noun, what, e...)
	})
}

func metricAlarmVerdict(on, others, undecided []*model.Resource, noun, what string, e ...check.Evidence) check.Finding {
	e = e[:len(e):len(e)] // judged more than once: appends must not share
	switch {
	case len(on) > 0:
		return pass("the "+noun+" has a "+what+" alarm", append(e, evText("alarms", "%s", addresses(on)))...)
	case len(undecided) > 0:
		return unknown("alarms may watch the "+noun+"'s "+what+" metric, but their metric or dimensions are known only after apply",
			append(e, evText("alarms", "%s", addresses(undecided)))...)
	case len(others) > 0:
		return fail("the "+noun+"'s alarms watch other metrics: none alerts on "+what,
			append(e, evText("alarms", "%s", addresses(others)))...)
	}
	return fail("no alarm watches the "+noun+"'s "+what, append(e, evText("alarms", "none on this %s", noun))...)
}

// rulesOnMetric sorts the resources holding the alert rules that watch r
// into those with a rule on a wanted metric, those whose rules read
// others, and those whose rules' metric (or whom they watch) is known
// only after apply.
func rulesOnMetric(p *model.Plan, r *model.Resource, want metricWant) (on, others, undecided []*model.Resource) {
	w := alerting.Of(p).Watching(r)
	verdicts := map[*model.Resource]alerting.Verdict{}
	var order []*model.Resource
	for _, rule := range w.Watching {
		v := rule.ReadsMetric(want.cloudwatch, want.datadog)
		prev, seen := verdicts[rule.Resource]
		if !seen {
			order = append(order, rule.Resource)
		}
		if !seen || v == alerting.Yes || v == alerting.Undecided && prev == alerting.No {
			verdicts[rule.Resource] = v
		}
	}
	for _, x := range order {
		switch verdicts[x] {
		case alerting.Yes:
			on = append(on, x)
		case alerting.Undecided:
			undecided = append(undecided, x)
		default:
			others = append(others, x)
		}
	}
	return on, others, append(undecided, alerting.Resources(w.Undecided)...)
}
