package checks

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the plan-level and AWS observability checks: which alarms watch
// a resource, where an alarm's actions go, who receives them, and which
// resources are workloads worth watching, owning and replicating.

// alarmSpec says how CloudWatch names a resource in its metrics: the
// namespaces they live in, the dimensions that identify the resource, and
// the resource attribute whose value those dimensions hold.
type alarmSpec struct {
	noun       string
	namespaces []string
	dimensions []string
	id         string
	// prefix: a dimension value id-NNN names a member of the resource too
	// (ElastiCache reports per node: CacheClusterId = <group>-001).
	prefix bool
	// datadog is the metric prefix of Datadog's AWS integration.
	datadog string
}

// awsAlarmSpecs lists the AWS compute and data resources that must be
// watched by an alarm, and how an alarm names each.
var awsAlarmSpecs = map[string]alarmSpec{
	"aws_db_instance":                   {"RDS instance", []string{"AWS/RDS"}, []string{"DBInstanceIdentifier"}, "identifier", false, "aws.rds."},
	"aws_rds_cluster":                   {"RDS cluster", []string{"AWS/RDS"}, []string{"DBClusterIdentifier"}, "cluster_identifier", false, "aws.rds."},
	"aws_docdb_cluster":                 {"DocumentDB cluster", []string{"AWS/DocDB"}, []string{"DBClusterIdentifier"}, "cluster_identifier", false, "aws.docdb."},
	"aws_neptune_cluster":               {"Neptune cluster", []string{"AWS/Neptune"}, []string{"DBClusterIdentifier"}, "cluster_identifier", false, "aws.neptune."},
	"aws_redshift_cluster":              {"Redshift cluster", []string{"AWS/Redshift"}, []string{"ClusterIdentifier"}, "cluster_identifier", false, "aws.redshift."},
	"aws_dynamodb_table":                {"DynamoDB table", []string{"AWS/DynamoDB"}, []string{"TableName"}, "name", false, "aws.dynamodb."},
	"aws_elasticache_replication_group": {"ElastiCache replication group", []string{"AWS/ElastiCache"}, []string{"ReplicationGroupId", "CacheClusterId"}, "replication_group_id", true, "aws.elasticache."},
	"aws_elasticache_cluster":           {"ElastiCache cluster", []string{"AWS/ElastiCache"}, []string{"CacheClusterId"}, "cluster_id", false, "aws.elasticache."},
	"aws_memorydb_cluster":              {"MemoryDB cluster", []string{"AWS/MemoryDB"}, []string{"ClusterName"}, "name", false, "aws.memorydb."},
	"aws_opensearch_domain":             {"OpenSearch domain", []string{"AWS/ES"}, []string{"DomainName"}, "domain_name", false, "aws.es."},
	"aws_elasticsearch_domain":          {"Elasticsearch domain", []string{"AWS/ES"}, []string{"DomainName"}, "domain_name", false, "aws.es."},
	"aws_msk_cluster":                   {"MSK cluster", []string{"AWS/Kafka"}, []string{"Cluster Name"}, "cluster_name", false, "aws.kafka."},
	"aws_lambda_function":               {"Lambda function", []string{"AWS/Lambda"}, []string{"FunctionName"}, "function_name", false, "aws.lambda."},
	"aws_ecs_service":                   {"ECS service", []string{"AWS/ECS", "ECS/ContainerInsights"}, []string{"ServiceName"}, "name", false, "aws.ecs."},
	"aws_autoscaling_group":             {"Auto Scaling group", []string{"AWS/EC2", "AWS/AutoScaling", "CWAgent"}, []string{"AutoScalingGroupName"}, "name", false, "aws.autoscaling."},
	"aws_instance":                      {"EC2 instance", []string{"AWS/EC2", "CWAgent"}, []string{"InstanceId"}, "id", false, "aws.ec2."},
	"aws_lb":                            {"load balancer", []string{"AWS/ApplicationELB", "AWS/NetworkELB"}, []string{"LoadBalancer"}, "arn_suffix", false, "aws.applicationelb."},
	"aws_alb":                           {"load balancer", []string{"AWS/ApplicationELB"}, []string{"LoadBalancer"}, "arn_suffix", false, "aws.applicationelb."},
	"aws_elb":                           {"Classic Load Balancer", []string{"AWS/ELB"}, []string{"LoadBalancerName"}, "name", false, "aws.elb."},
	"aws_kinesis_stream":                {"Kinesis stream", []string{"AWS/Kinesis"}, []string{"StreamName"}, "name", false, "aws.kinesis."},
	// Only dead-letter queues: see isDeadLetterQueue.
	"aws_sqs_queue": {"dead-letter queue", []string{"AWS/SQS"}, []string{"QueueName"}, "name", false, "aws.sqs."},
}

// alarmTypes are the resources that raise alerts about others.
var alarmTypes = []string{"aws_cloudwatch_metric_alarm", "datadog_monitor"}

// workloadTypes are the compute and data resources a team watches, pages
// about and replicates: what a dashboard, an owner tag and a second region
// are for. Queues, streams and network plumbing are left out.
var workloadTypes = typeSet(
	// AWS data
	"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_redshift_cluster",
	"aws_dynamodb_table", "aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_memorydb_cluster",
	"aws_opensearch_domain", "aws_elasticsearch_domain", "aws_msk_cluster", "aws_efs_file_system",
	// AWS compute
	"aws_instance", "aws_autoscaling_group", "aws_ecs_service", "aws_eks_cluster", "aws_eks_node_group",
	"aws_lambda_function", "aws_lb", "aws_alb", "aws_elb", "aws_apprunner_service", "aws_elastic_beanstalk_environment",
	// Google Cloud
	"google_sql_database_instance", "google_alloydb_cluster", "google_spanner_instance", "google_bigtable_instance",
	"google_redis_instance", "google_filestore_instance", "google_container_cluster", "google_container_node_pool",
	"google_compute_instance", "google_compute_instance_group_manager", "google_compute_region_instance_group_manager",
	"google_cloud_run_service", "google_cloud_run_v2_service", "google_cloudfunctions_function", "google_cloudfunctions2_function",
	// Azure
	"azurerm_mssql_database", "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server",
	"azurerm_cosmosdb_account", "azurerm_redis_cache", "azurerm_kubernetes_cluster",
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_container_app",
	// Kubernetes
	"kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1",
)

// alarmWatch is what the plan says of the alarms on one resource.
type alarmWatch struct {
	// Watching are the alarms and monitors whose metric names the resource,
	// through a reference or a matching known value.
	Watching []*model.Resource
	// Undecided are alarms that may name it but whose dimensions are known
	// only after apply.
	Undecided []*model.Resource
	// Alarms counts the plan's alerting alarms; Namespaces are theirs.
	Alarms     int
	Namespaces []string
}

// alarmIndex holds a plan's alerting alarms, indexed by the resources their
// metrics refer to and by their known dimension values. Build it once per
// plan (alarmIndexOf) and ask it about many resources (watching).
type alarmIndex struct {
	plan      *model.Plan
	alarms    []*alarmInfo
	byRef     map[*model.Resource][]*alarmInfo
	byDim     map[string][]dimValue // dimension name -> known values
	undecided []*alarmInfo          // some dimension known only after apply
	// undecidedByType caches undecidedFor.
	undecidedByType map[string][]*model.Resource
	datadog         []*alarmInfo
	namespaces      []string
}

type alarmInfo struct {
	r       *model.Resource
	metrics []alarmMetric
	refs    []*model.Resource // what the metric's dimensions refer to
}

type dimValue struct {
	value  string
	ns     model.Attr
	alarm  *alarmInfo
	metric alarmMetric
}

// alarmMetric locates one metric of an alarm: its namespace and dimensions.
type alarmMetric struct{ ns, dims model.Path }

// newAlarmIndex indexes the plan's alerting alarms: CloudWatch metric alarms
// that do not only drive scaling or EC2 actions, and Datadog monitors.
func newAlarmIndex(p *model.Plan) *alarmIndex {
	x := &alarmIndex{
		plan:  p,
		byRef: map[*model.Resource][]*alarmInfo{}, byDim: map[string][]dimValue{},
		undecidedByType: map[string][]*model.Resource{},
	}
	namespaces := map[string]bool{}
	for _, a := range p.OfType(alarmTypes...) {
		if a.Type == "datadog_monitor" {
			info := &alarmInfo{r: a, refs: p.Refs(a)}
			x.alarms = append(x.alarms, info)
			x.datadog = append(x.datadog, info)
			for _, t := range info.refs {
				x.byRef[t] = append(x.byRef[t], info)
			}
			continue
		}
		if scalingOnly(p, a) {
			continue
		}
		info := &alarmInfo{r: a, metrics: alarmMetrics(a), refs: p.Refs(a, "dimensions", "metric_query")}
		x.alarms = append(x.alarms, info)
		for _, t := range info.refs {
			x.byRef[t] = append(x.byRef[t], info)
		}
		undecided := false
		for _, m := range info.metrics {
			ns := a.Attr(m.ns...)
			if s, ok := ns.Str(); ok && s != "" {
				namespaces[s] = true
			}
			dims := a.Attr(m.dims...)
			if dims.Unknown {
				undecided = true
				continue
			}
			for _, f := range dims.Object() {
				if v, ok := f.Value.(string); ok {
					x.byDim[f.Name] = append(x.byDim[f.Name], dimValue{v, ns, info, m})
				}
			}
			if hasUnknownMember(a, m.dims) {
				undecided = true
			}
		}
		if undecided {
			x.undecided = append(x.undecided, info)
		}
	}
	x.namespaces = mapKeys(namespaces)
	return x
}

// hasUnknownMember reports whether a known map holds values known only
// after apply (they are absent from the planned value).
func hasUnknownMember(a *model.Resource, path model.Path) bool {
	o, ok := model.Lookup(a.AfterUnknown, path)
	if !ok {
		return false
	}
	m, _ := o.(model.Object)
	for _, f := range m {
		if b, _ := f.Value.(bool); b {
			return true
		}
	}
	return false
}

type alarmIndexKey struct{}

// alarmIndexOf returns the plan's alarm index, built once.
func alarmIndexOf(p *model.Plan) *alarmIndex {
	return p.Memo(alarmIndexKey{}, func() any { return newAlarmIndex(p) }).(*alarmIndex)
}

// watching finds the alarms that watch r: a CloudWatch metric alarm whose
// dimensions (or metric queries) refer to r, or hold r's identifier in the
// right namespace; a Datadog monitor that refers to r. Alarms that only
// drive scaling or EC2 actions do not count.
func (x *alarmIndex) watching(r *model.Resource) alarmWatch {
	w := alarmWatch{Alarms: len(x.alarms), Namespaces: x.namespaces}
	seen := map[*alarmInfo]bool{}
	add := func(a *alarmInfo) {
		if !seen[a] {
			seen[a] = true
			w.Watching = append(w.Watching, a.r)
		}
	}
	for _, a := range x.byRef[r] {
		add(a)
	}
	spec, ok := awsAlarmSpecs[r.Type]
	if !ok {
		return w
	}
	id, idKnown := r.Attr(spec.id).Str()
	if idKnown && id != "" {
		for _, d := range spec.dimensions {
			for _, v := range x.byDim[d] {
				if (v.value == id || spec.prefix && strings.HasPrefix(v.value, id+"-")) && inNamespace(v.ns, spec) {
					add(v.alarm)
				}
			}
		}
	}
	for _, a := range x.memberAlarms(r, spec) {
		add(a)
	}
	var ddUndecided []*model.Resource
	for _, a := range x.datadog {
		switch datadogCovers(a.r, spec, id, idKnown) {
		case pageYes:
			add(a)
		case pageUndecided:
			ddUndecided = append(ddUndecided, a.r)
		}
	}
	if len(w.Watching) > 0 {
		return w
	}
	w.Undecided = append(append([]*model.Resource(nil), x.undecidedFor(r.Type, spec)...), ddUndecided...)
	return w
}

// clusterMembers says which resources are the instances of a cluster and
// how CloudWatch names one: an alarm on an Aurora, DocumentDB or Neptune
// member instance watches its cluster too.
var clusterMembers = map[string]string{
	"aws_rds_cluster":     "aws_rds_cluster_instance",
	"aws_docdb_cluster":   "aws_docdb_cluster_instance",
	"aws_neptune_cluster": "aws_neptune_cluster_instance",
}

// memberAlarms are the alarms on the member instances of cluster r: by a
// reference to the member, or by its known identifier in the
// DBInstanceIdentifier dimension of the cluster's namespace.
func (x *alarmIndex) memberAlarms(r *model.Resource, spec alarmSpec) []*alarmInfo {
	memberType, ok := clusterMembers[r.Type]
	if !ok {
		return nil
	}
	var out []*alarmInfo
	for _, m := range linkedFrom(x.plan, r, "cluster_identifier", model.Path{"cluster_identifier"}, memberType) {
		out = append(out, x.byRef[m]...)
		id, ok := m.Attr("identifier").Str()
		if !ok || id == "" {
			continue
		}
		for _, v := range x.byDim["DBInstanceIdentifier"] {
			if v.value == id && inNamespace(v.ns, spec) {
				out = append(out, v.alarm)
			}
		}
	}
	return out
}

// undecidedFor returns the alarms whose unknown dimensions may name a
// resource of the type: the same for every resource of it, so computed once.
func (x *alarmIndex) undecidedFor(typ string, spec alarmSpec) []*model.Resource {
	if out, ok := x.undecidedByType[typ]; ok {
		return out
	}
	var out []*model.Resource
	for _, a := range x.undecided {
		if mayMatch(a, spec, typ) {
			out = append(out, a.r)
		}
	}
	x.undecidedByType[typ] = out
	return out
}

// alarmMetrics lists an alarm's metrics: the top-level one and every
// metric_query[].metric[0].
func alarmMetrics(a *model.Resource) []alarmMetric {
	out := []alarmMetric{{model.Path{"namespace"}, model.Path{"dimensions"}}}
	for i := range a.Attr("metric_query").List() {
		if len(a.Attr("metric_query", i, "metric").List()) > 0 {
			out = append(out, alarmMetric{
				model.Path{"metric_query", i, "metric", 0, "namespace"},
				model.Path{"metric_query", i, "metric", 0, "dimensions"},
			})
		}
	}
	return out
}

// inNamespace reports whether a metric's namespace may be one of spec's:
// known and listed, or not known.
func inNamespace(ns model.Attr, spec alarmSpec) bool {
	s, ok := ns.Str()
	if !ok {
		return ns.Unknown
	}
	for _, n := range spec.namespaces {
		if n == s {
			return true
		}
	}
	return false
}

// mayMatch reports whether an alarm in r's namespace has dimensions that are
// known only after apply and that no reference explains (a reference to
// another resource of r's type, or of its alias, says whom the alarm
// watches: an alarm on an aws_lb does not watch an aws_alb).
func mayMatch(a *alarmInfo, spec alarmSpec, typ string) bool {
	for _, x := range a.refs {
		if sameType(x.Type, typ) {
			return false
		}
	}
	for _, m := range a.metrics {
		if !inNamespace(a.r.Attr(m.ns...), spec) {
			continue
		}
		if a.r.Attr(m.dims...).Unknown {
			return true
		}
		for _, d := range spec.dimensions {
			if a.r.Attr(append(append(model.Path{}, m.dims...), d)...).Unknown {
				return true
			}
		}
	}
	return false
}

// datadogCovers judges a Datadog monitor's query by the known-value
// fallback: a query over the resource's service that names its identifier
// covers it (pageYes); one over the service that does not name it may cover
// it by tag, and one known only after apply may cover anything
// (pageUndecided).
func datadogCovers(a *model.Resource, spec alarmSpec, id string, idKnown bool) pageVerdict {
	q := a.Attr("query")
	if q.Unknown {
		return pageUndecided
	}
	s, _ := q.Str()
	s = strings.ToLower(s)
	switch {
	case !strings.Contains(s, spec.datadog):
		return pageNo
	case idKnown && id != "" && strings.Contains(s, strings.ToLower(id)):
		return pageYes
	}
	return pageUndecided
}

// targetKind says what an alarm action does.
type targetKind int

const (
	targetUnknown  targetKind = iota // known only after apply, or not a kind this package knows
	targetNotify                     // SNS, Lambda, Incident Manager: someone or something is told
	targetAutomate                   // scaling policies and EC2 actions: no one is told
)

// alarmTarget is one action of an alarm.
type alarmTarget struct {
	Kind  targetKind
	Label string          // an address or an ARN, for evidence
	Topic *model.Resource // the SNS topic (managed or data source) when it is in the plan
	ARN   string          // the known ARN
}

// alarmTargets classifies where an alarm's alarm_actions go. Known ARNs are
// read as such; unknown elements, and a set unknown as a whole (a set with
// an element known only after apply, such as a new topic's ARN, is planned
// unknown whole), are resolved through the configuration's references.
func alarmTargets(p *model.Plan, a *model.Resource) []alarmTarget {
	var out []alarmTarget
	seen := map[*model.Resource]bool{}
	unresolved := a.Attr("alarm_actions").Unknown
	for _, e := range a.Attr("alarm_actions").List() {
		arn, ok := e.(string)
		if !ok {
			unresolved = true
			continue
		}
		t := alarmTarget{Kind: arnKind(arn), Label: arn, ARN: arn}
		if strings.Contains(arn, ":sns:") {
			if topics := p.WithValue(arn, model.Path{"arn"}, "aws_sns_topic"); len(topics) > 0 {
				t.Topic, t.Label = topics[0], topics[0].Address
				seen[topics[0]] = true
			}
		}
		out = append(out, t)
	}
	if !unresolved {
		return out
	}
	resolved := false
	for _, x := range p.Refs(a, "alarm_actions") {
		if seen[x] {
			resolved = true
			continue
		}
		switch x.Type {
		case "aws_sns_topic":
			out = append(out, alarmTarget{Kind: targetNotify, Label: x.Address, Topic: x})
		case "aws_lambda_function", "aws_lambda_alias", "aws_ssmincidents_response_plan":
			out = append(out, alarmTarget{Kind: targetNotify, Label: x.Address})
		case "aws_autoscaling_policy", "aws_appautoscaling_policy":
			out = append(out, alarmTarget{Kind: targetAutomate, Label: x.Address})
		default:
			continue
		}
		resolved = true
	}
	if !resolved {
		out = append(out, alarmTarget{Kind: targetUnknown, Label: "(known after apply)"})
	}
	return out
}

// arnKind classifies an alarm action ARN.
func arnKind(arn string) targetKind {
	switch {
	case strings.Contains(arn, ":sns:"), strings.Contains(arn, ":lambda:"),
		strings.Contains(arn, ":ssm-incidents:"), strings.Contains(arn, ":opsitem:"):
		return targetNotify
	case strings.Contains(arn, ":autoscaling:"), strings.Contains(arn, ":automate:"),
		strings.HasPrefix(arn, "arn:aws:swf:"):
		return targetAutomate
	}
	return targetUnknown
}

// scalingOnly reports whether an alarm's every action scales or acts on an
// instance: such an alarm drives automation and alerts no one, so the alert
// checks leave it alone.
func scalingOnly(p *model.Plan, a *model.Resource) bool {
	ts := alarmTargets(p, a)
	for _, t := range ts {
		if t.Kind != targetAutomate {
			return false
		}
	}
	return len(ts) > 0
}

// notifiesNoOne reports whether an alarm's configuration sends its alarms
// nowhere: alarm_actions known to be empty, or actions_enabled false.
func notifiesNoOne(a *model.Resource) bool {
	if on, ok := a.Attr("actions_enabled").Bool(); ok && !on {
		return true
	}
	actions := a.Attr("alarm_actions")
	return !actions.Unknown && len(actions.List()) == 0
}

// alertingAlarms returns the plan's CloudWatch metric alarms that are meant
// to alert (not scaling-only ones).
func alertingAlarms(p *model.Plan) []*model.Resource {
	var out []*model.Resource
	for _, a := range p.OfType("aws_cloudwatch_metric_alarm") {
		if !scalingOnly(p, a) {
			out = append(out, a)
		}
	}
	return out
}

// topicSubscriptions returns the SNS subscriptions in the plan that read a
// topic: by reference to the topic (managed or data source) or, as a
// fallback, by its known ARN.
func topicSubscriptions(p *model.Plan, topic *model.Resource, arn string) []*model.Resource {
	var out []*model.Resource
	seen := map[*model.Resource]bool{}
	if topic != nil {
		for _, s := range p.Referrers(topic, "aws_sns_topic_subscription") {
			if slices.Contains(p.Refs(s, "topic_arn"), topic) && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		if a, ok := topic.Attr("arn").Str(); ok {
			arn = a
		}
	}
	for _, s := range p.WithValue(arn, model.Path{"topic_arn"}, "aws_sns_topic_subscription") {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// onCallHosts are the paging services an SNS subscription may deliver to.
var onCallHosts = []string{
	"pagerduty.com", "opsgenie.com", "victorops.com", "xmatters.com", "incident.io",
	"squadcast.com", "ilert.com", "firehydrant.io", "splunk-oncall",
}

// onCallTypes are paging-service resources a subscription endpoint may refer to.
var onCallPrefixes = []string{"pagerduty_", "opsgenie_", "victorops_", "xmatters_", "incident_", "squadcast_", "ilert_"}

// pageVerdict says whether an SNS subscription pages someone on call.
type pageVerdict int

const (
	pageNo pageVerdict = iota
	pageYes
	pageUndecided
)

// subscriptionPages judges one SNS subscription: its endpoint's host, or the
// paging resource its endpoint refers to. A Lambda or an endpoint known only
// after apply may forward anywhere: undecided. It returns what it read, for
// evidence, never the full endpoint (a paging URL carries its integration
// key).
func subscriptionPages(p *model.Plan, s *model.Resource) (pageVerdict, string) {
	for _, x := range p.Refs(s, "endpoint") {
		for _, prefix := range onCallPrefixes {
			if strings.HasPrefix(x.Type, prefix) {
				return pageYes, "endpoint refers to " + x.Address
			}
		}
	}
	proto, _ := s.Attr("protocol").Str()
	ep := s.Attr("endpoint")
	host := ""
	if e, ok := ep.Str(); ok && !ep.Sensitive {
		if u, err := url.Parse(e); err == nil && u.Host != "" {
			host = strings.ToLower(u.Host)
		}
	}
	if host != "" {
		for _, h := range onCallHosts {
			if strings.Contains(host, h) {
				return pageYes, proto + " to " + host
			}
		}
	}
	switch {
	case proto == "lambda":
		return pageUndecided, "protocol lambda (the function may forward to a pager)"
	case ep.Unknown || ep.Sensitive:
		return pageUndecided, proto + " endpoint known only after apply or sensitive"
	case host != "":
		return pageNo, proto + " to " + host
	}
	return pageNo, "protocol " + proto
}

type dlqIndexKey struct{}

// dlqIndex holds the plan's dead-letter queues: those a redrive_policy
// refers to, and the known ARNs redrive policies name.
type dlqIndex struct {
	byRef map[*model.Resource]bool
	byARN map[string]bool
}

// isDeadLetterQueue reports whether an SQS queue receives another queue's
// failed messages: a queue or redrive policy refers to it from its
// redrive_policy, or a known redrive_policy names its ARN as
// deadLetterTargetArn. The plan's redrive policies are read once.
func isDeadLetterQueue(p *model.Plan, q *model.Resource) bool {
	x := p.Memo(dlqIndexKey{}, func() any {
		x := &dlqIndex{byRef: map[*model.Resource]bool{}, byARN: map[string]bool{}}
		for _, s := range p.OfType("aws_sqs_queue", "aws_sqs_queue_redrive_policy") {
			for _, t := range p.Refs(s, "redrive_policy") {
				if t.Type == "aws_sqs_queue" && t != s {
					x.byRef[t] = true
				}
			}
			var rp struct{ DeadLetterTargetArn string }
			if doc, ok := s.Attr("redrive_policy").Str(); ok && json.Unmarshal([]byte(doc), &rp) == nil && rp.DeadLetterTargetArn != "" {
				x.byARN[rp.DeadLetterTargetArn] = true
			}
		}
		return x
	}).(*dlqIndex)
	if x.byRef[q] {
		return true
	}
	arn, ok := q.Attr("arn").Str()
	return ok && arn != "" && x.byARN[arn]
}
