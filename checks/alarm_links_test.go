package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// alarmLinksPlan: an Aurora cluster watched only through an alarm on its
// member instance; an ALB watched by an alarm on a Classic-style 5xx metric
// name; an alarm whose alarm_actions set is unknown as a whole (a new
// topic's ARN), that refers to an SNS topic with a PagerDuty subscription.
const alarmLinksPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_rds_cluster.orders","mode":"managed","type":"aws_rds_cluster","name":"orders","change":{"actions":["create"],
  "after":{"cluster_identifier":"orders","engine":"aurora-postgresql"},"after_unknown":{},"after_sensitive":{}}},
 {"address":"aws_rds_cluster_instance.member","mode":"managed","type":"aws_rds_cluster_instance","name":"member","change":{"actions":["create"],
  "after":{"identifier":"orders-1","instance_class":"db.r6g.large"},"after_unknown":{"cluster_identifier":true},"after_sensitive":{}}},
 {"address":"aws_lb.api","mode":"managed","type":"aws_lb","name":"api","change":{"actions":["create"],
  "after":{"name":"api","load_balancer_type":"application","arn_suffix":"app/api/123"},"after_unknown":{},"after_sensitive":{}}},
 {"address":"aws_sns_topic.oncall","mode":"managed","type":"aws_sns_topic","name":"oncall","change":{"actions":["create"],
  "after":{"name":"oncall"},"after_unknown":{"arn":true},"after_sensitive":{}}},
 {"address":"aws_sns_topic_subscription.pager","mode":"managed","type":"aws_sns_topic_subscription","name":"pager","change":{"actions":["create"],
  "after":{"protocol":"https","endpoint":"https://events.pagerduty.com/integration/abc/enqueue"},"after_unknown":{"topic_arn":true},"after_sensitive":{}}},
 {"address":"aws_cloudwatch_metric_alarm.member_cpu","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"member_cpu","change":{"actions":["create"],
  "after":{"namespace":"AWS/RDS","metric_name":"CPUUtilization","dimensions":{"DBInstanceIdentifier":"orders-1"},"actions_enabled":true},
  "after_unknown":{"alarm_actions":true},"after_sensitive":{}}},
 {"address":"aws_cloudwatch_metric_alarm.api_5xx","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"api_5xx","change":{"actions":["create"],
  "after":{"namespace":"AWS/ApplicationELB","metric_name":"HTTPCode_ELB_5XX","dimensions":{"LoadBalancer":"app/api/123"},"actions_enabled":true},
  "after_unknown":{"alarm_actions":true},"after_sensitive":{}}}],
 "configuration":{"root_module":{"resources":[
  {"address":"aws_rds_cluster.orders","mode":"managed","type":"aws_rds_cluster","name":"orders","expressions":{"cluster_identifier":{"constant_value":"orders"}}},
  {"address":"aws_rds_cluster_instance.member","mode":"managed","type":"aws_rds_cluster_instance","name":"member",
   "expressions":{"identifier":{"constant_value":"orders-1"},"cluster_identifier":{"references":["aws_rds_cluster.orders.id","aws_rds_cluster.orders"]}}},
  {"address":"aws_sns_topic_subscription.pager","mode":"managed","type":"aws_sns_topic_subscription","name":"pager",
   "expressions":{"topic_arn":{"references":["aws_sns_topic.oncall.arn","aws_sns_topic.oncall"]}}},
  {"address":"aws_cloudwatch_metric_alarm.member_cpu","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"member_cpu",
   "expressions":{"alarm_actions":{"references":["aws_sns_topic.oncall.arn","aws_sns_topic.oncall"]}}},
  {"address":"aws_cloudwatch_metric_alarm.api_5xx","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"api_5xx",
   "expressions":{"alarm_actions":{"references":["aws_sns_topic.oncall.arn","aws_sns_topic.oncall"]}}}]}}}`

func TestAlarmLinks(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		check   check.Check
		address string
		want    check.Status
	}{
		"an alarm on an Aurora member watches the cluster": {AWSAlarmCoverage, "aws_rds_cluster.orders", check.StatusPass},
		"a Classic-style 5xx metric name is a 5xx alarm":   {AWSLB5xxAlarm, "aws_lb.api", check.StatusPass},
		"an unknown action set resolved by reference":      {AWSAlarmActions, "aws_cloudwatch_metric_alarm.member_cpu", check.StatusPass},
		"the route to on-call through that reference":      {AWSAlarmOnCall, "", check.StatusPass},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := model.Decode("plan.json", []byte(alarmLinksPlan))
			if err != nil {
				t.Fatal(err)
			}
			var got check.Status
			var msg string
			for _, r := range checktest.Run(t, tc.check, p).Results {
				if r.Address == tc.address {
					got, msg = r.Status, r.Message
				}
			}
			if got != tc.want {
				t.Errorf("%s on %q: %q (%s), want %q", tc.check.ID, tc.address, got, msg, tc.want)
			}
		})
	}
}
