package checks

import (
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// TestAlarmsOfUnknownCount: an alarm whose count a directory scan cannot
// evaluate (count = var.create_alarms ? 1 : 0, the variable without a
// value) may not exist, so it cannot make a resource "watched"; with an
// alarm that exists for sure, it does not matter.
func TestAlarmsOfUnknownCount(t *testing.T) {
	t.Parallel()
	maybe := model.UnknownCount("count", "aws_cloudwatch_metric_alarm.maybe")
	db := counted("aws_db_instance.orders", "aws_db_instance", model.Count{}, "identifier", "orders")
	lb := counted("aws_lb.api", "aws_lb", model.Count{}, "load_balancer_type", "application", "arn_suffix", "app/api/1")
	alarm := func(addr string, count model.Count, ns, metric, dim, value string) *model.Resource {
		return counted(addr, "aws_cloudwatch_metric_alarm", count, "namespace", ns, "metric_name", metric,
			"dimensions", model.Object{{Name: dim, Value: value}}, "alarm_actions", []any{"arn:aws:sns:eu-west-1:123456789012:oncall"})
	}
	dbMaybe := alarm("aws_cloudwatch_metric_alarm.maybe[*]", maybe, "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "orders")
	dbSure := alarm("aws_cloudwatch_metric_alarm.sure", model.Count{}, "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "orders")
	lbMaybe := alarm("aws_cloudwatch_metric_alarm.maybe[*]", maybe, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", "app/api/1")
	tests := map[string]struct {
		check     check.Check
		resources []*model.Resource
		address   string
		want      check.Status
	}{
		"coverage by an alarm that may not exist": {AWSAlarmCoverage, []*model.Resource{db, dbMaybe}, "aws_db_instance.orders", check.StatusUnknown},
		"coverage by one that surely exists too":  {AWSAlarmCoverage, []*model.Resource{db, dbMaybe, dbSure}, "aws_db_instance.orders", check.StatusPass},
		"a 5xx alarm that may not exist":          {AWSLB5xxAlarm, []*model.Resource{lb, lbMaybe}, "aws_lb.api", check.StatusUnknown},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := model.NewPlan("dir", model.KindConfig, tc.resources, nil, nil)
			var got check.Status
			var msg string
			for _, r := range checktest.Run(t, tc.check, p).Results {
				if r.Address == tc.address {
					got, msg = r.Status, r.Message
				}
			}
			if got != tc.want {
				t.Errorf("%s: %q (%s), want %q", tc.address, got, msg, tc.want)
			}
			if got == check.StatusUnknown && !strings.Contains(msg, "count of aws_cloudwatch_metric_alarm.maybe") {
				t.Errorf("the message does not name the count that decides: %q", msg)
			}
		})
	}
}
