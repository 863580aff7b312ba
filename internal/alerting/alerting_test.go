package alerting

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// planOf decodes a plan of created resources, each given as
// address|after JSON||after_unknown JSON (the last part optional).
func planOf(t *testing.T, resources ...string) *model.Plan {
	t.Helper()
	var rcs []string
	for _, r := range resources {
		addr, rest, _ := strings.Cut(r, "|")
		after, unknown, ok := strings.Cut(rest, "||")
		if !ok {
			unknown = "{}"
		}
		parts := []string{addr, after}
		typ, name, _ := strings.Cut(parts[0], ".")
		rcs = append(rcs, fmt.Sprintf(`{"address":%q,"mode":"managed","type":%q,"name":%q,"change":{"actions":["create"],"after":%s,"after_unknown":%s,"after_sensitive":{}}}`,
			parts[0], typ, name, parts[1], unknown))
	}
	p, err := model.Decode("plan.json", []byte(`{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[`+strings.Join(rcs, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParsePromQL(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr     string
		metrics  []string
		matchers []Matcher
	}{
		"CloudWatch exporter": {
			expr:     `aws_rds_cpuutilization_average{dbinstance_identifier="orders"} > 80`,
			metrics:  []string{"aws_rds_cpuutilization_average"},
			matchers: []Matcher{{"dbinstance_identifier", "=", "orders"}},
		},
		"functions, by and ranges are not metrics": {
			expr:    `sum by (namespace, pod) (rate(http_requests_total{status=~"5..", job!='api'}[5m])) / ignoring(status) sum(rate(http_requests_total[5m])) > 0.05`,
			metrics: []string{"http_requests_total", "http_requests_total"},
			matchers: []Matcher{
				{"status", "=~", "5.."}, {"job", "!=", "api"},
			},
		},
		"__name__ and escapes": {
			expr:     `{__name__="up", instance=~"orders\\.db.*"} == 0`,
			metrics:  []string{"up"},
			matchers: []Matcher{{"instance", "=~", `orders\.db.*`}},
		},
		"keywords and offset": {
			expr:    `up offset 5m unless on(job) absent(up) and bool 1`,
			metrics: []string{"up", "up"},
		},
		"not a query": {expr: `}{"=`, metrics: nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := parsePromQL(tc.expr)
			if diff := cmp.Diff(tc.metrics, got.metrics); diff != "" {
				t.Errorf("metrics (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.matchers, got.matchers); diff != "" {
				t.Errorf("matchers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDatadog(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		query    string
		metrics  []string
		matchers []Matcher
	}{
		"metric monitor": {
			query:    `avg(last_15m):avg:aws.rds.cpuutilization{dbinstanceidentifier:orders,env:prod} by {dbinstanceidentifier} > 80`,
			metrics:  []string{"aws.rds.cpuutilization"},
			matchers: []Matcher{{"dbinstanceidentifier", "=", "orders"}, {"env", "=", "prod"}},
		},
		"negation and wildcard": {
			query:    `avg(last_5m):avg:ecs.fargate.cpu.percent{!ecs_service:batch,ecs_cluster:prod-*} > 90`,
			metrics:  []string{"ecs.fargate.cpu.percent"},
			matchers: []Matcher{{"ecs_service", "!=", "batch"}, {"ecs_cluster", "=~", "prod-.*"}},
		},
		"log monitor": {
			query:    `logs("service:orders status:error").index("*").rollup("count").last("5m") > 10`,
			matchers: []Matcher{{"service", "=", "orders"}, {"status", "=", "error"}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := parseDatadog(tc.query)
			if diff := cmp.Diff(tc.metrics, got.metrics); diff != "" {
				t.Errorf("metrics (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.matchers, got.matchers); diff != "" {
				t.Errorf("matchers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseNRQL(t *testing.T) {
	t.Parallel()
	got := parseNRQL(`SELECT average(aws.rds.CPUUtilization) FROM Metric WHERE aws.rds.DBInstanceIdentifier = 'orders' AND env IN ('prod', 'eu') AND host LIKE 'web-%'`)
	if diff := cmp.Diff([]string{"aws.rds.cpuutilization", "aws.rds.dbinstanceidentifier"}, got.metrics); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	want := []Matcher{
		{"DBInstanceIdentifier", "=", "orders"}, {"env", "=", "prod"}, {"env", "=", "eu"}, {"host", "=~", "web-.*"},
	}
	if diff := cmp.Diff(want, got.matchers); diff != "" {
		t.Errorf("matchers (-want +got):\n%s", diff)
	}
}

// Resources watched in TestWatching.
const (
	ordersDB = `aws_db_instance.orders|{"identifier":"orders"}`
	webASG   = `aws_autoscaling_group.web|{"name":"web"}`
	redis    = `aws_elasticache_replication_group.cache|{"replication_group_id":"cache"}`
	apiFn    = `aws_lambda_function.api|{"function_name":"api"}`
)

func grafanaGroup(name, model string) string {
	m, _ := json.Marshal(model)
	return fmt.Sprintf(`grafana_rule_group.%s|{"name":%q,"rule":[{"name":"r","labels":{},"annotations":{},"record":[],"notification_settings":[],"data":[{"ref_id":"A","model":%s}]}]}`, name, name, m)
}

func datadog(name, query string) string {
	return fmt.Sprintf(`datadog_monitor.%s|{"type":"query alert","query":%q,"message":"@pagerduty-x","tags":[]}`, name, query)
}

func TestWatching(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		resources []string
		watched   string
		// want is "watched", "undecided" or "" (neither).
		want string
	}{
		"Grafana PromQL matcher (CloudWatch exporter)": {
			[]string{ordersDB, grafanaGroup("g", `{"expr":"aws_rds_cpuutilization_average{dbinstance_identifier=\"orders\"} > 80"}`)},
			"aws_db_instance.orders", "watched",
		},
		"Grafana PromQL matcher (YACE)": {
			[]string{ordersDB, grafanaGroup("g", `{"expr":"aws_rds_free_storage_space_minimum{dimension_DBInstanceIdentifier=~\"orders|billing\"} < 1e9"}`)},
			"aws_db_instance.orders", "watched",
		},
		"Grafana CloudWatch query": {
			[]string{ordersDB, grafanaGroup("g", `{"namespace":"AWS/RDS","metricName":"CPUUtilization","dimensions":{"DBInstanceIdentifier":["orders"]}}`)},
			"aws_db_instance.orders", "watched",
		},
		"a matcher naming another database": {
			[]string{ordersDB, grafanaGroup("g", `{"expr":"aws_rds_cpuutilization_average{dbinstance_identifier=\"billing\"} > 80"}`)},
			"aws_db_instance.orders", "",
		},
		"the service's metrics, no matcher": {
			[]string{ordersDB, grafanaGroup("g", `{"expr":"aws_rds_cpuutilization_average > 80"}`)},
			"aws_db_instance.orders", "undecided",
		},
		"metrics of no known service": {
			[]string{ordersDB, grafanaGroup("g", `{"expr":"up == 0"}`)},
			"aws_db_instance.orders", "undecided",
		},
		"Kubernetes metrics watch workloads, not the database": {
			[]string{ordersDB, grafanaGroup("g", `{"expr":"kube_deployment_status_replicas_available{namespace=\"orders\"} < 1"}`)},
			"aws_db_instance.orders", "",
		},
		"a Loki query cannot be read": {
			[]string{ordersDB, grafanaGroup("g", `{"datasource":{"type":"loki"},"queryType":"range"}`)},
			"aws_db_instance.orders", "undecided",
		},
		"Datadog: the identifier tag": {
			[]string{ordersDB, datadog("m", "avg(last_5m):avg:aws.rds.cpuutilization{dbinstanceidentifier:orders} > 80")},
			"aws_db_instance.orders", "watched",
		},
		"Datadog: any tag on the service's agent metrics": {
			[]string{ordersDB, datadog("m", "avg(last_5m):avg:postgresql.percent_usage_connections{db:orders} > 0.9")},
			"aws_db_instance.orders", "watched",
		},
		"Datadog: the ASG tag on EC2 metrics": {
			[]string{webASG, datadog("m", "avg(last_5m):avg:aws.ec2.cpuutilization{autoscaling_group:web} > 90")},
			"aws_autoscaling_group.web", "watched",
		},
		"Datadog: a tag with its name on another service's metrics": {
			[]string{ordersDB, datadog("m", "sum(last_5m):sum:trace.flask.request.errors{service:orders}.as_count() > 10")},
			"aws_db_instance.orders", "",
		},
		"Datadog: a query known only after apply": {
			[]string{ordersDB, `datadog_monitor.m|{"type":"query alert","message":"x","tags":[]}||{"query":true}`},
			"aws_db_instance.orders", "undecided",
		},
		"Datadog: monitor tags name it": {
			[]string{apiFn, `datadog_monitor.m|{"type":"query alert","query":"avg(last_5m):sum:aws.lambda.errors{*} > 1","message":"x","tags":["functionname:api"]}`},
			"aws_lambda_function.api", "watched",
		},
		"New Relic metric stream": {
			[]string{ordersDB, `newrelic_nrql_alert_condition.c|{"enabled":true,"nrql":[{"query":"SELECT average(aws.rds.CPUUtilization) FROM Metric WHERE aws.rds.DBInstanceIdentifier = 'orders'"}]}`},
			"aws_db_instance.orders", "watched",
		},
		"ElastiCache member node": {
			[]string{redis, `aws_cloudwatch_metric_alarm.a|{"namespace":"AWS/ElastiCache","metric_name":"CPUUtilization","dimensions":{"CacheClusterId":"cache-002"},"alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}`},
			"aws_elasticache_replication_group.cache", "watched",
		},
		"a CloudWatch alarm with unknown dimensions": {
			[]string{ordersDB, `aws_cloudwatch_metric_alarm.a|{"namespace":"AWS/RDS","metric_name":"CPUUtilization","alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}||{"dimensions":true}`},
			"aws_db_instance.orders", "undecided",
		},
		"a CloudWatch alarm in another namespace": {
			[]string{ordersDB, `aws_cloudwatch_metric_alarm.a|{"namespace":"AWS/Lambda","metric_name":"Errors","dimensions":{"FunctionName":"orders"},"alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}`},
			"aws_db_instance.orders", "",
		},
		"a scaling-only alarm alerts no one": {
			[]string{webASG, `aws_cloudwatch_metric_alarm.a|{"namespace":"AWS/EC2","metric_name":"CPUUtilization","dimensions":{"AutoScalingGroupName":"web"},"alarm_actions":["arn:aws:autoscaling:eu-west-1:1:scalingPolicy:x"]}`},
			"aws_autoscaling_group.web", "",
		},
		"an Amazon Managed Prometheus rule file": {
			[]string{ordersDB, `aws_prometheus_rule_group_namespace.n|{"name":"rds","workspace_id":"ws-1","data":"groups:\n- name: rds\n  rules:\n  - alert: OrdersCPU\n    expr: aws_rds_cpuutilization_average{dbinstance_identifier=\"orders\"} > 80\n  - record: x\n    expr: up\n"}`},
			"aws_db_instance.orders", "watched",
		},
		"a PrometheusRule manifest": {
			[]string{ordersDB, `kubernetes_manifest.r|{"manifest":{"apiVersion":"monitoring.coreos.com/v1","kind":"PrometheusRule","metadata":{"name":"rds","namespace":"monitoring"},"spec":{"groups":[{"name":"rds","rules":[{"alert":"OrdersConnections","expr":"pg_stat_activity_count{server=\"orders\"} > 90"}]}]}}}`},
			"aws_db_instance.orders", "watched",
		},
		"an unreadable rule file may watch anything": {
			[]string{ordersDB, `aws_prometheus_rule_group_namespace.n|{"name":"rds","workspace_id":"ws-1","data":"groups: [\n"}`},
			"aws_db_instance.orders", "undecided",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := planOf(t, tc.resources...)
			w := Of(p).Watching(p.Lookup(tc.watched))
			got := ""
			switch {
			case len(w.Watching) > 0:
				got = "watched"
			case len(w.Undecided) > 0:
				got = "undecided"
			}
			if got != tc.want {
				t.Errorf("%s: %q, want %q (rules: %d)", tc.watched, got, tc.want, len(Of(p).Rules))
			}
		})
	}
}

func TestRoute(t *testing.T) {
	t.Parallel()
	const (
		pdContact    = `grafana_contact_point.pd|{"name":"pd","pagerduty":[{"integration_key":"SECRETKEY"}],"email":[]}`
		emailContact = `grafana_contact_point.mail|{"name":"mail","pagerduty":[],"email":[{"addresses":["a@example.com"]}]}`
		rule         = `grafana_rule_group.g|{"name":"g","rule":[{"name":"r","labels":{"team":"db"},"annotations":{},"record":[],"notification_settings":[],"data":[]}]}`
		ruleToPD     = `grafana_rule_group.g|{"name":"g","rule":[{"name":"r","labels":{},"annotations":{},"record":[],"notification_settings":[{"contact_point":"pd"}],"data":[]}]}`
		pdTopic      = `aws_sns_topic.t|{"name":"t","arn":"arn:aws:sns:eu-west-1:1:t"}`
		pdSub        = `aws_sns_topic_subscription.s|{"topic_arn":"arn:aws:sns:eu-west-1:1:t","protocol":"https","endpoint":"https://events.pagerduty.com/x"}`
	)
	tests := map[string]struct {
		resources []string
		rule      string // the rule's resource
		want      Verdict
	}{
		"Grafana notification settings to PagerDuty": {[]string{ruleToPD, pdContact}, "grafana_rule_group.g", Yes},
		"Grafana policy tree by label": {[]string{rule, pdContact, emailContact,
			`grafana_notification_policy.p|{"contact_point":"mail","policy":[{"contact_point":"pd","matcher":[{"label":"team","match":"=","value":"db"}],"policy":[]}]}`},
			"grafana_rule_group.g", Yes},
		"Grafana policy tree, the label does not match": {[]string{rule, pdContact, emailContact,
			`grafana_notification_policy.p|{"contact_point":"mail","policy":[{"contact_point":"pd","matcher":[{"label":"team","match":"=","value":"web"}],"policy":[]}]}`},
			"grafana_rule_group.g", No},
		"Grafana without a policy in the plan":   {[]string{rule, pdContact}, "grafana_rule_group.g", Undecided},
		"Grafana contact point outside the plan": {[]string{ruleToPD}, "grafana_rule_group.g", Undecided},
		"Datadog @pagerduty-":                    {[]string{`datadog_monitor.m|{"type":"query alert","query":"q","message":"CPU high @pagerduty-Orders"}`}, "datadog_monitor.m", Yes},
		"Datadog @opsgenie-":                     {[]string{`datadog_monitor.m|{"type":"query alert","query":"q","message":"@opsgenie-db"}`}, "datadog_monitor.m", Yes},
		"Datadog Slack only":                     {[]string{`datadog_monitor.m|{"type":"query alert","query":"q","message":"@slack-ops @ops@example.com"}`}, "datadog_monitor.m", No},
		"Datadog webhook":                        {[]string{`datadog_monitor.m|{"type":"query alert","query":"q","message":"@webhook-relay"}`}, "datadog_monitor.m", Undecided},
		"AMP to SNS to PagerDuty": {[]string{
			`aws_prometheus_rule_group_namespace.n|{"name":"n","workspace_id":"ws-1","data":"groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n"}`,
			`aws_prometheus_alert_manager_definition.d|{"workspace_id":"ws-1","definition":"alertmanager_config: |\n  route:\n    receiver: sns\n  receivers:\n  - name: sns\n    sns_configs:\n    - topic_arn: arn:aws:sns:eu-west-1:1:t\n"}`,
			pdTopic, pdSub}, "aws_prometheus_rule_group_namespace.n", Yes},
		"AMP without an Alertmanager definition": {[]string{
			`aws_prometheus_rule_group_namespace.n|{"name":"n","workspace_id":"ws-1","data":"groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n"}`},
			"aws_prometheus_rule_group_namespace.n", Undecided},
		"PrometheusRule to kube-prometheus-stack's PagerDuty receiver": {[]string{
			`kubernetes_manifest.r|{"manifest":{"kind":"PrometheusRule","metadata":{"namespace":"orders"},"spec":{"groups":[{"name":"g","rules":[{"alert":"A","expr":"up == 0"}]}]}}}`,
			`helm_release.kps|{"chart":"kube-prometheus-stack","values":["alertmanager:\n  config:\n    route:\n      receiver: pd\n    receivers:\n    - name: pd\n      pagerduty_configs:\n      - routing_key: x\n"],"set":[]}`},
			"kubernetes_manifest.r", Yes},
		"PrometheusRule to an AlertmanagerConfig that e-mails": {[]string{
			`kubernetes_manifest.r|{"manifest":{"kind":"PrometheusRule","metadata":{"namespace":"orders"},"spec":{"groups":[{"name":"g","rules":[{"alert":"A","expr":"up == 0"}]}]}}}`,
			`kubernetes_manifest.amc|{"manifest":{"kind":"AlertmanagerConfig","metadata":{"namespace":"orders"},"spec":{"route":{"receiver":"mail"},"receivers":[{"name":"mail","emailConfigs":[{"to":"a@example.com"}]}]}}}`},
			"kubernetes_manifest.r", No},
		"New Relic workflow to a PagerDuty destination": {[]string{
			`newrelic_nrql_alert_condition.c|{"enabled":true,"nrql":[{"query":"SELECT count(*) FROM TransactionError"}]}`,
			`newrelic_workflow.w|{"name":"w","issues_filter":[],"destination":[{"channel_id":"ch"}]}`},
			"newrelic_nrql_alert_condition.c", Undecided}, // its channel is not referred to: the plan cannot follow it
		"a composite alarm's child": {[]string{
			`aws_cloudwatch_metric_alarm.child|{"alarm_name":"child","namespace":"AWS/RDS","metric_name":"CPUUtilization","alarm_actions":[]}`,
			`aws_cloudwatch_composite_alarm.c|{"alarm_name":"c","alarm_rule":"ALARM(child)","alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}`,
			pdTopic, pdSub}, "aws_cloudwatch_metric_alarm.child", Yes},
		"an alarm to Incident Manager": {[]string{
			`aws_cloudwatch_metric_alarm.a|{"alarm_name":"a","namespace":"AWS/RDS","metric_name":"CPUUtilization","alarm_actions":["arn:aws:ssm-incidents::1:response-plan/db"]}`},
			"aws_cloudwatch_metric_alarm.a", Yes},
		"an SNS subscription to Grafana OnCall": {[]string{
			`aws_cloudwatch_metric_alarm.a|{"alarm_name":"a","namespace":"AWS/RDS","metric_name":"CPUUtilization","alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}`,
			pdTopic, `aws_sns_topic_subscription.s|{"topic_arn":"arn:aws:sns:eu-west-1:1:t","protocol":"https","endpoint":"https://oncall-prod-eu-west-0.grafana.net/oncall/integrations/v1/amazon_sns/x/"}`},
			"aws_cloudwatch_metric_alarm.a", Yes},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := planOf(t, tc.resources...)
			m := Of(p)
			rules := m.RulesOf(p.Lookup(tc.rule))
			if len(rules) == 0 {
				t.Fatalf("%s holds no rule", tc.rule)
			}
			v, what, _ := m.Route(rules[0])
			if v != tc.want {
				t.Errorf("route %v (%s), want %v", v, what, tc.want)
			}
			if strings.Contains(what, "SECRETKEY") {
				t.Errorf("the route prints the integration key: %s", what)
			}
		})
	}
}

func TestRunbook(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		resource string
		want     []Verdict
	}{
		"CloudWatch description link": {`aws_cloudwatch_metric_alarm.a|{"alarm_description":"See https://runbooks/x","alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}`, []Verdict{Yes}},
		"CloudWatch runbook tag":      {`aws_cloudwatch_metric_alarm.a|{"alarm_description":"CPU","tags":{"runbook_url":"https://r"},"alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}`, []Verdict{Yes}},
		"CloudWatch description unknown": {`aws_cloudwatch_metric_alarm.a|{"alarm_actions":["arn:aws:sns:eu-west-1:1:t"]}||{"alarm_description":true}`,
			[]Verdict{Undecided}},
		"Grafana annotations, one rule without": {`grafana_rule_group.g|{"name":"g","rule":[{"name":"a","annotations":{"runbook_url":"https://r"},"labels":{},"record":[],"data":[]},{"name":"b","annotations":{"summary":"x"},"labels":{},"record":[],"data":[]}]}`,
			[]Verdict{Yes, No}},
		"PrometheusRule runbook_url": {`kubernetes_manifest.r|{"manifest":{"kind":"PrometheusRule","spec":{"groups":[{"name":"g","rules":[{"alert":"A","expr":"up == 0","annotations":{"runbook_url":"https://r"}}]}]}}}`,
			[]Verdict{Yes}},
		"Datadog message link":    {`datadog_monitor.m|{"type":"query alert","query":"q","message":"Runbook https://r @pagerduty"}`, []Verdict{Yes}},
		"Datadog message without": {`datadog_monitor.m|{"type":"query alert","query":"q","message":"@pagerduty"}`, []Verdict{No}},
		"New Relic runbook_url":   {`newrelic_nrql_alert_condition.c|{"enabled":true,"runbook_url":"https://r","nrql":[{"query":"SELECT 1 FROM Transaction"}]}`, []Verdict{Yes}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := planOf(t, tc.resource)
			addr, _, _ := strings.Cut(tc.resource, "|")
			var got []Verdict
			for _, r := range Of(p).RulesOf(p.Lookup(addr)) {
				v, _ := r.Runbook()
				got = append(got, v)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("runbooks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDashboards(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		resource         string
		found, undecided int
	}{
		"sidecar ConfigMap":                     {`kubernetes_config_map_v1.d|{"metadata":[{"name":"d","labels":{"grafana_dashboard":"1"}}],"data":{}}`, 1, 0},
		"unlabelled ConfigMap":                  {`kubernetes_config_map_v1.d|{"metadata":[{"name":"d","labels":{"app":"x"}}],"data":{}}`, 0, 0},
		"GrafanaDashboard":                      {`kubernetes_manifest.d|{"manifest":{"kind":"GrafanaDashboard","metadata":{"name":"d"}}}`, 1, 0},
		"kube-prometheus-stack by default":      {`helm_release.k|{"chart":"kube-prometheus-stack","set":[]}`, 1, 0},
		"kube-prometheus-stack without Grafana": {`helm_release.k|{"chart":"kube-prometheus-stack","values":["grafana:\n  enabled: false\n"],"set":[]}`, 0, 0},
		"kube-prometheus-stack, values unknown": {`helm_release.k|{"chart":"kube-prometheus-stack","set":[]}||{"values":true}`, 0, 1},
		"Container Insights add-on":             {`aws_eks_addon.o|{"addon_name":"amazon-cloudwatch-observability"}`, 1, 0},
		"New Relic raw dashboard":               {`newrelic_one_dashboard_raw.d|{"name":"d"}`, 1, 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			found, undecided := Dashboards(planOf(t, tc.resource))
			if len(found) != tc.found || len(undecided) != tc.undecided {
				t.Errorf("found %d, undecided %d; want %d, %d", len(found), len(undecided), tc.found, tc.undecided)
			}
		})
	}
}
