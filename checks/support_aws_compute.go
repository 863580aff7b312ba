package checks

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the AWS compute, networking and delivery checks.

// configuredOrDefault explains a value that is unknown because the provider
// computes it: when the configuration does not set it, AWS applies dflt.
// It returns the value to judge and whether it is decided. Unlike settle
// (support_values.go), it reads an attribute missing from the plan as unset
// too, which is what these AWS checks have always done.
func configuredOrDefault(r *model.Resource, a model.Attr, dflt any, path ...model.Step) (any, bool) {
	if !a.Unknown {
		if a.Value == nil {
			return dflt, true
		}
		return a.Value, true
	}
	if r.Configured(path...) == model.NotSet {
		return dflt, true
	}
	return nil, false
}

// containers parses an ECS task definition's container_definitions, which
// the plan holds as a JSON string.
func containers(p *model.Plan, td *model.Resource) (defs []map[string]any, known bool, e check.Evidence) {
	a := td.Attr("container_definitions")
	e = check.Evidence{Attribute: "container_definitions", Value: p.Show(td, a)}
	s, ok := a.Str()
	if !ok || a.Sensitive {
		return nil, false, e
	}
	if err := json.Unmarshal([]byte(s), &defs); err != nil {
		return nil, false, e
	}
	names := make([]string, 0, len(defs))
	for _, d := range defs {
		n, _ := d["name"].(string)
		names = append(names, n)
	}
	e.Value = fmt.Sprintf("%d container(s): %s", len(defs), strings.Join(names, ", "))
	return defs, true, e
}

// taskDefinitionOf finds the task definition an ECS service runs: through
// the configuration reference, or its known ARN or family.
func taskDefinitionOf(p *model.Plan, svc *model.Resource) *model.Resource {
	for _, td := range p.Refs(svc, "task_definition") {
		if td.Type == "aws_ecs_task_definition" {
			return td
		}
	}
	v, ok := svc.Attr("task_definition").Str()
	if !ok || v == "" {
		return nil
	}
	if found := p.WithValue(v, model.Path{"arn"}, "aws_ecs_task_definition"); len(found) > 0 {
		return found[0]
	}
	family, _, _ := strings.Cut(v[strings.LastIndexByte(v, '/')+1:], ":")
	if found := p.WithValue(family, model.Path{"family"}, "aws_ecs_task_definition"); len(found) == 1 {
		return found[0]
	}
	return nil
}

// ecsScalableTargets finds the Application Auto Scaling targets of an ECS
// service: by reference, or by resource_id service/<cluster>/<service>.
func ecsScalableTargets(p *model.Plan, svc *model.Resource) []*model.Resource {
	out := p.Referrers(svc, "aws_appautoscaling_target")
	name, ok1 := svc.Attr("name").Str()
	cluster, ok2 := svc.Attr("cluster").Str()
	for _, c := range p.Refs(svc, "cluster") {
		if c.Type == "aws_ecs_cluster" && !ok2 {
			cluster, ok2 = c.Attr("name").Str()
		}
	}
	if ok1 && ok2 && name != "" && cluster != "" {
		id := "service/" + cluster[strings.LastIndexByte(cluster, '/')+1:] + "/" + name
		for _, t := range p.WithValue(id, model.Path{"resource_id"}, "aws_appautoscaling_target") {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// scalingPolicies finds the policies and scheduled actions of an
// Application Auto Scaling target.
func scalingPolicies(p *model.Plan, target *model.Resource) []*model.Resource {
	return linkedFrom(p, target, "resource_id", model.Path{"resource_id"},
		"aws_appautoscaling_policy", "aws_appautoscaling_scheduled_action")
}

// ebsDefaultEncryption finds an aws_ebs_encryption_by_default in the plan
// that turns encryption of new volumes on in r's region (enabled defaults to
// true).
func ebsDefaultEncryption(p *model.Plan, r *model.Resource) (*model.Resource, bool) {
	x := p.Memo(ebsDefaultsKey{}, func() any {
		x := &ebsDefaults{byRegion: map[string]*model.Resource{}, ordinal: map[*model.Resource]int{}}
		for i, d := range p.OfType("aws_ebs_encryption_by_default") {
			a := d.Attr("enabled")
			if on, ok := a.Bool(); a.Unknown || (a.Value != nil && (!ok || !on)) {
				continue
			}
			x.ordinal[d] = i
			if x.first == nil {
				x.first = d
			}
			reg, ok := p.Region(d)
			switch {
			case !ok && x.anyRegion == nil:
				x.anyRegion = d
			case ok && x.byRegion[reg] == nil:
				x.byRegion[reg] = d
			}
		}
		return x
	}).(*ebsDefaults)
	d := x.in(p.Region(r))
	return d, d != nil
}

type ebsDefaultsKey struct{}

// ebsDefaults holds, once per plan, the aws_ebs_encryption_by_default
// resources that turn encryption on.
type ebsDefaults struct {
	first     *model.Resource            // the first of all
	anyRegion *model.Resource            // the first whose region is not known
	byRegion  map[string]*model.Resource // the first of each known region
	ordinal   map[*model.Resource]int    // plan order
}

// in returns the first, in plan order, that may apply in a region: one in
// that region or in a region not known; any when the region is not known.
func (x *ebsDefaults) in(region string, known bool) *model.Resource {
	if !known {
		return x.first
	}
	a, b := x.anyRegion, x.byRegion[region]
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case x.ordinal[a] < x.ordinal[b]:
		return a
	}
	return b
}

// volumeVerdict sorts block devices by their encrypted flag (a boolean, or
// "true"/"false" in launch templates): plain when known false, unknown when
// unknown or unset.
type volumeVerdict struct {
	plain, unknown, encrypted []string
	total                     int
}

func (v *volumeVerdict) add(name string, a model.Attr) {
	v.total++
	b, ok := a.Bool()
	switch {
	case a.Unknown || !ok:
		v.unknown = append(v.unknown, name)
	case !b:
		v.plain = append(v.plain, name)
	default:
		v.encrypted = append(v.encrypted, name)
	}
}

func (v *volumeVerdict) describe() string {
	var parts []string
	for _, n := range v.encrypted {
		parts = append(parts, n+": encrypted")
	}
	for _, n := range v.plain {
		parts = append(parts, n+": not encrypted")
	}
	for _, n := range v.unknown {
		parts = append(parts, n+": unknown")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// portRule is one ingress rule of a security group, as the plan shows it.
type portRule struct {
	protocol string
	from, to int
	world    []string // 0.0.0.0/0 or ::/0 sources
	known    bool     // ports, protocol and sources are known
}

// adminPorts are the ports that must never be open to the whole internet:
// remote administration, databases, caches, search and message brokers.
var adminPorts = map[int]string{
	20: "FTP data", 21: "FTP", 22: "SSH", 23: "Telnet", 135: "MS RPC", 139: "NetBIOS", 445: "SMB",
	1433: "SQL Server", 1521: "Oracle", 2049: "NFS", 2375: "Docker API", 2376: "Docker API",
	2379: "etcd", 3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL", 5439: "Redshift", 5601: "Kibana",
	5900: "VNC", 5984: "CouchDB", 6379: "Redis", 7000: "Cassandra", 7001: "Cassandra", 8020: "HDFS",
	9042: "Cassandra", 9092: "Kafka", 9200: "Elasticsearch", 9300: "Elasticsearch", 10250: "kubelet",
	11211: "Memcached", 2181: "ZooKeeper", 27017: "MongoDB", 27018: "MongoDB", 6443: "Kubernetes API",
}

// worldCIDR reports whether a CIDR is the whole IPv4 or IPv6 internet.
func worldCIDR(c string) bool { return c == "0.0.0.0/0" || c == "::/0" }

// judgeRule says what a world-open rule exposes: "all ports", the admin
// ports in its range, or nothing beyond 80/443 (web), else other ports.
func judgeRule(rule portRule) (critical []string, other string) {
	proto := strings.ToLower(rule.protocol)
	switch proto {
	case "icmp", "1", "icmpv6", "58":
		return nil, ""
	case "-1", "all":
		return []string{"all ports"}, ""
	}
	from, to := rule.from, rule.to
	if from <= 0 && to >= 65535 {
		return []string{"all ports"}, ""
	}
	var ports []int
	for port := range adminPorts {
		if from <= port && port <= to {
			ports = append(ports, port)
		}
	}
	sort.Ints(ports)
	for _, port := range ports {
		critical = append(critical, fmt.Sprintf("%d (%s)", port, adminPorts[port]))
	}
	if critical != nil {
		return critical, ""
	}
	if (from == 80 || from == 443) && from == to {
		return nil, ""
	}
	if from == to {
		return nil, fmt.Sprintf("%s/%d", proto, from)
	}
	return nil, fmt.Sprintf("%s/%d-%d", proto, from, to)
}

func intOf(v any) (int, bool) {
	f, ok := model.Attr{Value: v, Present: true}.Number()
	return int(f), ok
}

// sgRuleFromObject reads an inline ingress rule of aws_security_group (or
// the attributes of aws_security_group_rule, which use the same names).
func sgRuleFromObject(o model.Object, unknownMarks any) portRule {
	get := func(name string) any { v, _ := o.Get(name); return v }
	rule := portRule{known: !unknownInside(unknownMarks)}
	rule.protocol, _ = get("protocol").(string)
	var ok1, ok2 bool
	rule.from, ok1 = intOf(get("from_port"))
	rule.to, ok2 = intOf(get("to_port"))
	rule.known = rule.known && ok1 && ok2 && rule.protocol != ""
	for _, list := range []string{"cidr_blocks", "ipv6_cidr_blocks"} {
		l, _ := get(list).([]any)
		for _, c := range l {
			if s, _ := c.(string); worldCIDR(s) {
				rule.world = append(rule.world, s)
			}
		}
	}
	return rule
}
