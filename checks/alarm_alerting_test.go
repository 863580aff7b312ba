package checks

import (
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

// TestAlertingFixturesHideKeys: the Grafana contact point's PagerDuty
// integration key is sensitive; no alarm check's message or evidence may
// print it, although they follow the route through it.
func TestAlertingFixturesHideKeys(t *testing.T) {
	t.Parallel()
	const key = "0123456789abcdef0123456789abcdef"
	p := checktest.Load(t, "testdata/alerting_grafana_rds/plan.json")
	for _, c := range []check.Check{
		AWSAlarmCoverage, AWSAlarmOnCall, AWSAlarmActions, AWSAlarmRunbook, AWSLB5xxAlarm, MonitoringDashboard,
	} {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			for _, r := range checktest.Run(t, c, p).Results {
				text := r.Message
				for _, e := range r.Evidence {
					text += " " + e.Attribute + " " + e.Value
				}
				if strings.Contains(text, key) {
					t.Errorf("%s on %q prints the integration key: %s", c.ID, r.Address, text)
				}
			}
		})
	}
}

// TestAlertingReadyAsAlarmsGo: the plan of an RDS database alerted by a
// Grafana rule that pages PagerDuty holds no failing alarm check, and
// aws_alarm_coverage and aws_alarm_on_call pass (issue 14).
func TestAlertingReadyAsAlarmsGo(t *testing.T) {
	t.Parallel()
	p := checktest.Load(t, "testdata/alerting_grafana_rds/plan.json")
	passed := map[string]bool{}
	for _, c := range alarmChecks() {
		for _, r := range checktest.Run(t, c, p).Results {
			if r.Status == check.StatusFail {
				t.Errorf("%s fails on %q: %s", c.ID, r.Address, r.Message)
			}
			if r.Status == check.StatusPass {
				passed[c.ID] = true
			}
		}
	}
	for _, id := range []string{"aws_alarm_coverage", "aws_alarm_on_call"} {
		if !passed[id] {
			t.Errorf("%s does not pass", id)
		}
	}
}

// alarmChecks are the checks that read the alerting model.
func alarmChecks() []check.Check {
	return []check.Check{
		AWSAlarmCoverage, AWSAlarmOnCall, AWSAlarmActions, AWSAlarmActionsRemoved, AWSAlarmRunbook,
		AWSLB5xxAlarm, AWSSQSDLQDepthAlarm, MonitoringDashboard,
	}
}
