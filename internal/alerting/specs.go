package alerting

import (
	"sort"
	"strings"
)

// Spec says how the monitoring systems name one kind of resource: the
// CloudWatch namespaces and dimensions of its metrics, the resource
// attribute whose value those dimensions hold, and the metric families
// (prefixes) under which Prometheus exporters, Datadog integrations and
// New Relic read the same service.
type Spec struct {
	// Noun names the resource in messages ("RDS instance").
	Noun string
	// Namespaces and Dimensions are CloudWatch's; ID is the attribute
	// holding the dimensions' value.
	Namespaces []string
	Dimensions []string
	ID         string
	// AltIDs are other attributes whose value names the resource in tags
	// and labels (a load balancer's name beside its ARN suffix).
	AltIDs []string
	// Prefix: a dimension value id-NNN names a member of the resource too
	// (ElastiCache reports per node: CacheClusterId = <group>-001).
	Prefix bool
	// Labels are the tag and label keys, other than the dimensions', that
	// identify the resource (Datadog's autoscaling_group, ecs_service).
	Labels []string
	// Family is the metric family of the service: its metrics, whatever
	// system reads them.
	Family string
}

// Family lists the metric-name prefixes under which a service's metrics
// appear: Prometheus (CloudWatch exporter and YACE aws_<service>_,
// service exporters), Datadog (integrations, agent checks) and New Relic
// (event types and provider names).
type Family struct {
	Prometheus []string
	Datadog    []string
	NRQL       []string
}

// families are the known metric families. A rule whose metrics all fall
// in other families than a resource's does not watch it; a rule whose
// metrics fall in none may watch anything.
var families = map[string]Family{
	"rds": {
		Prometheus: []string{"aws_rds_", "pg_", "postgres_", "postgresql_", "mysql_", "mysqld_"},
		Datadog:    []string{"aws.rds.", "postgresql.", "mysql.", "dbm."},
		NRQL:       []string{"datastoresample", "rdsdbinstance", "rdsdbcluster", "postgresqlsample", "mysqlsample"},
	},
	"docdb":   {Prometheus: []string{"aws_docdb_", "mongodb_"}, Datadog: []string{"aws.docdb.", "mongodb."}, NRQL: []string{"docdb"}},
	"neptune": {Prometheus: []string{"aws_neptune_"}, Datadog: []string{"aws.neptune."}, NRQL: []string{"neptune"}},
	"redshift": {
		Prometheus: []string{"aws_redshift_"}, Datadog: []string{"aws.redshift.", "redshift."}, NRQL: []string{"redshift"},
	},
	"dynamodb": {Prometheus: []string{"aws_dynamodb_"}, Datadog: []string{"aws.dynamodb."}, NRQL: []string{"dynamodb"}},
	"elasticache": {
		Prometheus: []string{"aws_elasticache_", "redis_", "memcached_"},
		Datadog:    []string{"aws.elasticache.", "redis.", "memcache."},
		NRQL:       []string{"elasticache", "redissample"},
	},
	"memorydb": {Prometheus: []string{"aws_memorydb_", "redis_"}, Datadog: []string{"aws.memorydb.", "redis."}, NRQL: []string{"memorydb"}},
	"es": {
		Prometheus: []string{"aws_es_", "elasticsearch_", "opensearch_"},
		Datadog:    []string{"aws.es.", "elasticsearch.", "opensearch."},
		NRQL:       []string{"elasticsearch", "opensearch"},
	},
	"kafka":  {Prometheus: []string{"aws_kafka_", "kafka_"}, Datadog: []string{"aws.kafka.", "kafka."}, NRQL: []string{"kafka", "msk"}},
	"lambda": {Prometheus: []string{"aws_lambda_"}, Datadog: []string{"aws.lambda."}, NRQL: []string{"lambda", "serverlesssample"}},
	"ecs": {
		Prometheus: []string{"aws_ecs_", "aws_ecs_containerinsights_", "ecs_"},
		Datadog:    []string{"aws.ecs.", "ecs.", "ecs.fargate."},
		NRQL:       []string{"ecs", "containersample"},
	},
	"ec2": {
		Prometheus: []string{"aws_ec2_", "aws_autoscaling_", "node_", "cwagent_"},
		Datadog:    []string{"aws.ec2.", "aws.autoscaling.", "system.", "disk.", "cwagent."},
		NRQL:       []string{"systemsample", "processsample", "storagesample", "networksample", "ec2", "autoscaling"},
	},
	"elb": {
		Prometheus: []string{"aws_applicationelb_", "aws_networkelb_", "aws_elb_", "aws_alb_", "aws_nlb_"},
		Datadog:    []string{"aws.applicationelb.", "aws.networkelb.", "aws.elb."},
		NRQL:       []string{"loadbalancer", "elb", "alb"},
	},
	"kinesis": {Prometheus: []string{"aws_kinesis_"}, Datadog: []string{"aws.kinesis."}, NRQL: []string{"kinesis"}},
	"sqs":     {Prometheus: []string{"aws_sqs_"}, Datadog: []string{"aws.sqs."}, NRQL: []string{"sqs", "queuesample"}},
	// Families no AWS resource of the table is watched through: a rule
	// reading only them watches something else.
	"kubernetes": {
		Prometheus: []string{"kube_", "container_", "kubelet_", "apiserver_", "kubernetes_", "coredns_", "etcd_", "scheduler_", "workqueue_", "argocd_", "karpenter_"},
		Datadog:    []string{"kubernetes.", "kubernetes_state.", "kube_", "docker.", "containerd.", "container."},
		NRQL:       []string{"k8s"},
	},
	"application": {
		Prometheus: []string{"http_", "grpc_", "flask_", "django_", "celery_", "gunicorn_", "uwsgi_", "process_", "python_", "nginx_", "istio_", "envoy_", "probe_"},
		Datadog:    []string{"trace.", "http.", "synthetics.", "gunicorn.", "celery.", "nginx."},
		NRQL:       []string{"transaction", "span", "log", "syntheticcheck", "pageview"},
	},
}

// specs lists the AWS compute and data resources that must be watched by
// an alert rule, and how each system names one.
var specs = map[string]Spec{
	"aws_db_instance":                   {Noun: "RDS instance", Namespaces: []string{"AWS/RDS"}, Dimensions: []string{"DBInstanceIdentifier"}, ID: "identifier", Family: "rds"},
	"aws_rds_cluster":                   {Noun: "RDS cluster", Namespaces: []string{"AWS/RDS"}, Dimensions: []string{"DBClusterIdentifier"}, ID: "cluster_identifier", Family: "rds"},
	"aws_docdb_cluster":                 {Noun: "DocumentDB cluster", Namespaces: []string{"AWS/DocDB"}, Dimensions: []string{"DBClusterIdentifier"}, ID: "cluster_identifier", Family: "docdb"},
	"aws_neptune_cluster":               {Noun: "Neptune cluster", Namespaces: []string{"AWS/Neptune"}, Dimensions: []string{"DBClusterIdentifier"}, ID: "cluster_identifier", Family: "neptune"},
	"aws_redshift_cluster":              {Noun: "Redshift cluster", Namespaces: []string{"AWS/Redshift"}, Dimensions: []string{"ClusterIdentifier"}, ID: "cluster_identifier", Family: "redshift"},
	"aws_dynamodb_table":                {Noun: "DynamoDB table", Namespaces: []string{"AWS/DynamoDB"}, Dimensions: []string{"TableName"}, ID: "name", Family: "dynamodb"},
	"aws_elasticache_replication_group": {Noun: "ElastiCache replication group", Namespaces: []string{"AWS/ElastiCache"}, Dimensions: []string{"ReplicationGroupId", "CacheClusterId"}, ID: "replication_group_id", Prefix: true, Labels: []string{"replication_group", "cacheclusterid"}, Family: "elasticache"},
	"aws_elasticache_cluster":           {Noun: "ElastiCache cluster", Namespaces: []string{"AWS/ElastiCache"}, Dimensions: []string{"CacheClusterId"}, ID: "cluster_id", Labels: []string{"cache_cluster_id"}, Family: "elasticache"},
	"aws_memorydb_cluster":              {Noun: "MemoryDB cluster", Namespaces: []string{"AWS/MemoryDB"}, Dimensions: []string{"ClusterName"}, ID: "name", Family: "memorydb"},
	"aws_opensearch_domain":             {Noun: "OpenSearch domain", Namespaces: []string{"AWS/ES"}, Dimensions: []string{"DomainName"}, ID: "domain_name", Family: "es"},
	"aws_elasticsearch_domain":          {Noun: "Elasticsearch domain", Namespaces: []string{"AWS/ES"}, Dimensions: []string{"DomainName"}, ID: "domain_name", Family: "es"},
	"aws_msk_cluster":                   {Noun: "MSK cluster", Namespaces: []string{"AWS/Kafka"}, Dimensions: []string{"Cluster Name"}, ID: "cluster_name", Labels: []string{"cluster_name"}, Family: "kafka"},
	"aws_lambda_function":               {Noun: "Lambda function", Namespaces: []string{"AWS/Lambda"}, Dimensions: []string{"FunctionName"}, ID: "function_name", Labels: []string{"functionname"}, Family: "lambda"},
	"aws_ecs_service":                   {Noun: "ECS service", Namespaces: []string{"AWS/ECS", "ECS/ContainerInsights"}, Dimensions: []string{"ServiceName"}, ID: "name", Labels: []string{"ecs_service", "service_name", "task_family"}, Family: "ecs"},
	"aws_autoscaling_group":             {Noun: "Auto Scaling group", Namespaces: []string{"AWS/EC2", "AWS/AutoScaling", "CWAgent"}, Dimensions: []string{"AutoScalingGroupName"}, ID: "name", Labels: []string{"autoscaling_group", "aws_autoscaling_groupname"}, Family: "ec2"},
	"aws_instance":                      {Noun: "EC2 instance", Namespaces: []string{"AWS/EC2", "CWAgent"}, Dimensions: []string{"InstanceId"}, ID: "id", Labels: []string{"instance_id", "host"}, Family: "ec2"},
	"aws_lb":                            {Noun: "load balancer", Namespaces: []string{"AWS/ApplicationELB", "AWS/NetworkELB"}, Dimensions: []string{"LoadBalancer"}, ID: "arn_suffix", AltIDs: []string{"name"}, Labels: []string{"loadbalancer", "load_balancer_name"}, Family: "elb"},
	"aws_alb":                           {Noun: "load balancer", Namespaces: []string{"AWS/ApplicationELB"}, Dimensions: []string{"LoadBalancer"}, ID: "arn_suffix", AltIDs: []string{"name"}, Labels: []string{"loadbalancer", "load_balancer_name"}, Family: "elb"},
	"aws_elb":                           {Noun: "Classic Load Balancer", Namespaces: []string{"AWS/ELB"}, Dimensions: []string{"LoadBalancerName"}, ID: "name", Labels: []string{"load_balancer_name"}, Family: "elb"},
	"aws_kinesis_stream":                {Noun: "Kinesis stream", Namespaces: []string{"AWS/Kinesis"}, Dimensions: []string{"StreamName"}, ID: "name", Family: "kinesis"},
	// Only dead-letter queues are judged; the caller decides which.
	"aws_sqs_queue": {Noun: "dead-letter queue", Namespaces: []string{"AWS/SQS"}, Dimensions: []string{"QueueName"}, ID: "name", Labels: []string{"queue_name"}, Family: "sqs"},
}

// SpecOf returns how the monitoring systems name a resource type.
func SpecOf(typ string) (Spec, bool) {
	s, ok := specs[typ]
	return s, ok
}

// CoveredTypes lists the resource types an alert rule must watch, sorted.
func CoveredTypes() []string {
	out := make([]string, 0, len(specs))
	for t := range specs {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// identifierLabels are the spec's keys that identify a resource, in
// normalised form (see normLabel).
func (s Spec) identifierLabels() []string {
	var out []string
	for _, d := range s.Dimensions {
		out = append(out, normLabel(d))
	}
	for _, l := range s.Labels {
		out = append(out, normLabel(l))
	}
	return out
}

// normLabel reduces a dimension, label or tag key to the letters and
// digits that every system keeps: CloudWatch's DBInstanceIdentifier, the
// CloudWatch exporter's dbinstance_identifier, YACE's
// dimension_DBInstanceIdentifier and Datadog's dbinstanceidentifier are
// one key.
func normLabel(k string) string {
	k = strings.ToLower(k)
	k = strings.TrimPrefix(k, "dimension_")
	k = strings.TrimPrefix(k, "tag_")
	var b strings.Builder
	for _, c := range k {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// familyOf returns the family a metric name belongs to in a system's
// naming, or "".
func familyOf(sys system, metric string) string {
	metric = strings.ToLower(metric)
	best, bestLen := "", 0
	for name, f := range families {
		var prefixes []string
		switch sys {
		case sysPrometheus:
			prefixes = f.Prometheus
		case sysDatadog:
			prefixes = f.Datadog
		case sysNRQL:
			// Event types, and the dotted names of CloudWatch metric
			// streams (aws.rds.CPUUtilization), named as Datadog names them.
			prefixes = append(append([]string(nil), f.NRQL...), f.Datadog...)
		}
		for _, p := range prefixes {
			if strings.HasPrefix(metric, p) && len(p) > bestLen {
				best, bestLen = name, len(p)
			}
		}
	}
	return best
}

// system is a query language whose metric names familyOf reads.
type system int

const (
	sysPrometheus system = iota
	sysDatadog
	sysNRQL
)
