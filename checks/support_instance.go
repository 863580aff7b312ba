package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/instancetypes"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the instance_choice checks: where each resource type names its
// instance type, how that name is read from a plan, and what in a
// configuration asks for a GPU.

// instSlot says where a resource names an instance type.
type instSlot struct {
	path []model.Step
	// list: the attribute holds a list of types (EKS instance_types).
	list bool
	// dflt is the type the API chooses when the attribute is unset.
	dflt string
	// inherit names an attribute that, when set, supplies the type instead
	// (a launch template, a replication group): the type is judged there.
	inherit string
	// when is a boolean beside the type that must be true for the type to
	// be used (dedicated_master_enabled).
	when []model.Step
	// unless lists booleans that, when true, mean the resource runs no
	// instances of this type (a GKE cluster whose default pool is removed).
	unless []string
}

var (
	instOpenSearch = []instSlot{
		{path: []model.Step{"cluster_config", 0, "instance_type"}},
		{path: []model.Step{"cluster_config", 0, "dedicated_master_type"}, when: []model.Step{"cluster_config", 0, "dedicated_master_enabled"}},
	}
	instGKEPool = []model.Step{"node_config", 0}
)

// instSlots maps every resource type the instance_choice checks read to
// where it names its instance types.
var instSlots = map[string][]instSlot{
	// AWS compute.
	"aws_instance":             {{path: []model.Step{"instance_type"}, inherit: "launch_template"}},
	"aws_launch_template":      {{path: []model.Step{"instance_type"}}},
	"aws_launch_configuration": {{path: []model.Step{"instance_type"}}},
	"aws_eks_node_group":       {{path: []model.Step{"instance_types"}, list: true, dflt: "t3.medium", inherit: "launch_template"}},
	// AWS data stores.
	"aws_db_instance":                   {{path: []model.Step{"instance_class"}}},
	"aws_rds_cluster_instance":          {{path: []model.Step{"instance_class"}}},
	"aws_rds_cluster":                   {{path: []model.Step{"db_cluster_instance_class"}}},
	"aws_docdb_cluster_instance":        {{path: []model.Step{"instance_class"}}},
	"aws_neptune_cluster_instance":      {{path: []model.Step{"instance_class"}}},
	"aws_elasticache_cluster":           {{path: []model.Step{"node_type"}, inherit: "replication_group_id"}},
	"aws_elasticache_replication_group": {{path: []model.Step{"node_type"}, inherit: "global_replication_group_id"}},
	"aws_memorydb_cluster":              {{path: []model.Step{"node_type"}}},
	"aws_opensearch_domain":             instOpenSearch,
	"aws_elasticsearch_domain":          instOpenSearch,
	"aws_msk_cluster":                   {{path: []model.Step{"broker_node_group_info", 0, "instance_type"}}},
	"aws_mq_broker":                     {{path: []model.Step{"host_instance_type"}}},
	// Google Cloud.
	"google_compute_instance":                 {{path: []model.Step{"machine_type"}}},
	"google_compute_instance_template":        {{path: []model.Step{"machine_type"}}},
	"google_compute_region_instance_template": {{path: []model.Step{"machine_type"}}},
	"google_container_node_pool":              {{path: []model.Step{"node_config", 0, "machine_type"}, dflt: "e2-medium"}},
	"google_container_cluster": {{path: []model.Step{"node_config", 0, "machine_type"}, dflt: "e2-medium",
		unless: []string{"remove_default_node_pool", "enable_autopilot"}}},
	"google_sql_database_instance": {{path: []model.Step{"settings", 0, "tier"}}},
	// Azure.
	"azurerm_linux_virtual_machine":             {{path: []model.Step{"size"}}},
	"azurerm_windows_virtual_machine":           {{path: []model.Step{"size"}}},
	"azurerm_linux_virtual_machine_scale_set":   {{path: []model.Step{"sku"}}},
	"azurerm_windows_virtual_machine_scale_set": {{path: []model.Step{"sku"}}},
	"azurerm_virtual_machine":                   {{path: []model.Step{"vm_size"}}},
	"azurerm_kubernetes_cluster":                {{path: []model.Step{"default_node_pool", 0, "vm_size"}}},
	"azurerm_kubernetes_cluster_node_pool":      {{path: []model.Step{"vm_size"}}},
	"azurerm_postgresql_flexible_server":        {{path: []model.Step{"sku_name"}}},
	"azurerm_mysql_flexible_server":             {{path: []model.Step{"sku_name"}}},
}

// instComputeTypes run services: virtual machines, templates and Kubernetes
// node pools.
var instComputeTypes = []string{
	"aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_eks_node_group",
	"google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template",
	"google_container_node_pool", "google_container_cluster",
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
	"azurerm_virtual_machine", "azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool",
}

// instDataTypes hold state: databases, caches, search domains and brokers.
var instDataTypes = []string{
	"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster", "aws_docdb_cluster_instance",
	"aws_neptune_cluster_instance", "aws_elasticache_cluster", "aws_elasticache_replication_group",
	"aws_memorydb_cluster", "aws_opensearch_domain", "aws_elasticsearch_domain", "aws_msk_cluster",
	"aws_mq_broker", "google_sql_database_instance",
	"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server",
}

// instAllTypes is every resource type in instSlots, compute first.
var instAllTypes = append(append([]string(nil), instComputeTypes...), instDataTypes...)

// instNamed is one instance type a resource names.
type instNamed struct {
	ev    check.Evidence
	typ   instancetypes.Type
	found bool   // known and in the catalogue
	why   string // why not found
}

// instTypes returns the instance types r names. An unset attribute is read
// as the API's default where there is one; one whose type comes from
// elsewhere (a launch template) is not judged here.
func instTypes(p *model.Plan, r *model.Resource) []instNamed {
	var out []instNamed
	for _, s := range instSlots[r.Type] {
		if instAnyTrue(r, s.unless...) {
			return nil
		}
		if s.when != nil {
			if on, ok := r.Attr(s.when...).Bool(); ok && !on {
				continue
			}
		}
		out = append(out, instSlotTypes(p, r, s)...)
	}
	return out
}

func instSlotTypes(p *model.Plan, r *model.Resource, s instSlot) []instNamed {
	a := r.Attr(s.path...)
	e := ev(p, r, s.path...)
	path := model.Path(s.path).String()
	switch {
	case a.Unknown && r.Configured(s.path...) != model.NotSet:
		return []instNamed{{ev: e, why: path + " is known only after apply"}}
	case !a.Unknown && !a.Present && !parentPresent(r, s.path) && !instBlockEmpty(r, s.path):
		return []instNamed{{ev: e, why: "the plan does not hold " + path}}
	case a.Unknown || a.Value == nil:
		// Unset: null, or Optional+Computed and absent from the configuration.
		switch {
		case s.inherit != "" && instInherits(r, s.inherit):
			return nil // judged where the type is chosen
		case s.dflt != "":
			e.Value += fmt.Sprintf(" (unset: the API defaults to %q)", s.dflt)
			return []instNamed{instNamedType(e, s.dflt)}
		case a.Unknown:
			return []instNamed{{ev: e, why: path + " is unset: the API chooses the type at apply"}}
		}
		return nil // nothing is named here (a template without a type, a master that is off)
	}
	if !s.list {
		name, ok := a.Str()
		if !ok {
			return []instNamed{{ev: e, why: path + " is not a string"}}
		}
		return []instNamed{instNamedType(e, name)}
	}
	var out []instNamed
	for i := range a.List() {
		at := subPath(s.path, i)
		ei := ev(p, r, at...)
		ai := r.Attr(at...)
		name, ok := ai.Str()
		if !ok {
			out = append(out, instNamed{ev: ei, why: model.Path(at).String() + " is known only after apply"})
			continue
		}
		out = append(out, instNamedType(ei, name))
	}
	return out
}

func instNamedType(e check.Evidence, name string) instNamed {
	t, ok := instancetypes.Lookup(name)
	if !ok {
		e.Value += " (not in the catalogue)"
		return instNamed{ev: e, why: fmt.Sprintf("%q is not in the instance type catalogue", name)}
	}
	return instNamed{ev: e, typ: t, found: true}
}

// instVerdict says what is wrong with a known instance type, or "".
type instVerdict func(t instancetypes.Type) string

// instJudge fails when verdict finds fault with any type r names, is unknown
// when a type is known only after apply or is not in the catalogue, and
// passes otherwise. It skips resources that name no type.
func instJudge(p *model.Plan, r *model.Resource, verdict instVerdict, passMsg, failMsg string) check.Finding {
	return instJudgeTypes(instTypes(p, r), verdict, passMsg, failMsg)
}

func instJudgeTypes(types []instNamed, verdict instVerdict, passMsg, failMsg string) check.Finding {
	if len(types) == 0 {
		return check.Skip
	}
	var evs []check.Evidence
	var faults, undecided []string
	for _, nt := range types {
		e := nt.ev
		switch {
		case !nt.found:
			undecided = append(undecided, nt.why)
		default:
			if why := verdict(nt.typ); why != "" {
				faults = append(faults, fmt.Sprintf("%s is %s", nt.typ.Name, why))
				e.Value += " (" + why + ")"
			}
		}
		evs = append(evs, e)
	}
	switch {
	case len(faults) > 0:
		return fail(failMsg+": "+strings.Join(faults, "; "), evs...)
	case len(undecided) > 0:
		return unknown(strings.Join(undecided, "; "), evs...)
	}
	return pass(passMsg, evs...)
}

// instBlockEmpty reports whether a nested path's top block is present but
// empty or null: the block is not set, so neither is anything in it.
func instBlockEmpty(r *model.Resource, path []model.Step) bool {
	if len(path) < 2 {
		return false
	}
	a := r.Attr(path[0])
	return a.Present && !a.Unknown && len(a.List()) == 0 && a.Object() == nil
}

// instInherits reports whether r takes its type from the named attribute.
func instInherits(r *model.Resource, attr string) bool {
	a := r.Attr(attr)
	if l, isList := a.Value.([]any); a.Unknown || (a.Value != nil && (!isList || len(l) > 0)) {
		return true
	}
	return r.Configured(attr) == model.Set
}

func instAnyTrue(r *model.Resource, attrs ...string) bool {
	for _, a := range attrs {
		if b, ok := r.Attr(a).Bool(); ok && b {
			return true
		}
	}
	return false
}

// instSetting reads a setting, taking the API default when it is unset (null,
// or computed and absent from the configuration). It reports whether the
// value is known. Unlike settle (support_values.go), it reads an attribute
// missing from a block that is present as unset, and booleans written as
// strings as booleans.
func instSetting(p *model.Plan, r *model.Resource, path []model.Step, dflt any) (check.Evidence, any, bool) {
	a := r.Attr(path...)
	e := ev(p, r, path...)
	switch {
	case a.Unknown && r.Configured(path...) != model.NotSet:
		return e, nil, false
	case a.Unknown, a.Value == nil && (a.Present || parentPresent(r, path) || instBlockEmpty(r, path)):
		e.Value += " (unset: defaults to " + model.Render(dflt) + ")"
		return e, dflt, true
	case !a.Present:
		return e, nil, false
	}
	if b, ok := a.Bool(); ok {
		return e, b, true
	}
	return e, a.Value, true
}

// instAccelerated reports whether a type carries a GPU or other accelerator.
func instAccelerated(t instancetypes.Type) bool { return t.Accelerators > 0 }

// instAccelName names a type's accelerators for messages.
func instAccelName(t instancetypes.Type) string {
	return fmt.Sprintf("%d x %s", t.Accelerators, t.AcceleratorModel)
}

// GPU requests.

// instGPUWords in a tag, label or taint mean a GPU or accelerator is wanted;
// instMLWords mean work that usually is, and justify one without demanding it.
var (
	instGPUKeyWords = []string{"gpu", "gpus", "cuda", "nvidia", "neuron", "accelerator"}
	instGPUWords    = []string{"gpu", "gpus", "cuda", "nvidia", "neuron"}
	instMLWords     = []string{"ml", "ai", "llm", "training", "inference", "learning", "neural", "rendering", "transcoding"}
	instNegations   = []string{"no", "non", "not", "without", "none", "false", "off", "disabled", "0"}
)

// instGPURequest is what in a configuration asks for an accelerator.
type instGPURequest struct {
	// strong evidence demands an accelerator; weak evidence only explains one.
	strong, weak []check.Evidence
	// attached is set when accelerators are attached to the machine itself
	// (GCE guest_accelerator, AKS gpu_instance), apart from its type.
	attached bool
}

// instGPURequestOf collects the tags, labels, taints, AMI types and attached
// accelerators of r that ask for a GPU or other accelerator.
func instGPURequestOf(p *model.Plan, r *model.Resource) instGPURequest {
	var req instGPURequest
	maps := [][]model.Step{{"tags"}, {"labels"}}
	var taints [][]model.Step
	switch r.Type {
	case "aws_eks_node_group":
		if s, ok := r.Attr("ami_type").Str(); ok && instGPUAMI(s) {
			req.strong = append(req.strong, ev(p, r, "ami_type"))
		}
		taints = append(taints, []model.Step{"taint"})
	case "google_container_node_pool", "google_container_cluster":
		nc := instGKEPool
		maps = append(maps, subPath(nc, "labels"), subPath(nc, "resource_labels"))
		taints = append(taints, subPath(nc, "taint"))
		req.attach(p, r, subPath(nc, "guest_accelerator"))
	case "google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template":
		req.attach(p, r, []model.Step{"guest_accelerator"})
	case "azurerm_kubernetes_cluster_node_pool", "azurerm_kubernetes_cluster":
		pool := []model.Step{}
		if r.Type == "azurerm_kubernetes_cluster" {
			pool = []model.Step{"default_node_pool", 0}
		}
		maps = append(maps, subPath(pool, "node_labels"))
		req.strong = append(req.strong, instTaintStrings(p, r, subPath(pool, "node_taints"))...)
		if s, ok := r.Attr(subPath(pool, "gpu_instance")...).Str(); ok && s != "" {
			req.strong = append(req.strong, ev(p, r, subPath(pool, "gpu_instance")...))
		}
	}
	for _, m := range maps {
		strong, weak := instLabelRequests(p, r, m)
		req.strong = append(req.strong, strong...)
		req.weak = append(req.weak, weak...)
	}
	for _, t := range taints {
		for i := range r.Attr(t...).List() {
			key := subPath(t, i, "key")
			if s, ok := r.Attr(key...).Str(); ok && instGPUKey(s) {
				req.strong = append(req.strong, ev(p, r, key...))
			}
		}
	}
	return req
}

// attach records accelerators attached through a guest_accelerator list.
func (req *instGPURequest) attach(p *model.Plan, r *model.Resource, path []model.Step) {
	for i := range r.Attr(path...).List() {
		count := subPath(path, i, "count")
		if n, ok := r.Attr(count...).Number(); ok && n > 0 {
			req.attached = true
			req.strong = append(req.strong, ev(p, r, subPath(path, i)...))
		}
	}
}

func (req instGPURequest) any() bool { return len(req.strong) > 0 || len(req.weak) > 0 }

// instLabelRequests reads a tags or labels map for accelerator requests.
func instLabelRequests(p *model.Plan, r *model.Resource, path []model.Step) (strong, weak []check.Evidence) {
	for _, f := range r.Attr(path...).Object() {
		v, _ := f.Value.(string)
		switch instLabelAsks(f.Name, v) {
		case instAsksStrong:
			strong = append(strong, ev(p, r, subPath(path, f.Name)...))
		case instAsksWeak:
			weak = append(weak, ev(p, r, subPath(path, f.Name)...))
		}
	}
	return strong, weak
}

// How strongly a tag or label asks for an accelerator.
const (
	instAsksNothing = iota
	instAsksWeak    // machine-learning work: explains an accelerator
	instAsksStrong  // GPU work: demands one
)

// instLabelAsks judges one tag or label: a GPU word in the key (gpu,
// nvidia.com/gpu, k8s.amazonaws.com/accelerator) with a value that is not a
// negation, or in the value (workload = "gpu"), asks for an accelerator; a
// machine-learning word in the value (ml, training, inference) explains one.
// Values such as "false", "none" or "no-gpu" ask for nothing.
func instLabelAsks(key, value string) int {
	switch {
	case strings.TrimSpace(value) == "" || instHasWord(value, instNegations):
		return instAsksNothing
	case instGPUKey(key), instHasWord(value, instGPUWords):
		return instAsksStrong
	case instHasWord(value, instMLWords):
		return instAsksWeak
	}
	return instAsksNothing
}

// instTaintStrings reads AKS node_taints ("nvidia.com/gpu=true:NoSchedule").
func instTaintStrings(p *model.Plan, r *model.Resource, path []model.Step) []check.Evidence {
	var out []check.Evidence
	for i, t := range r.Attr(path...).List() {
		s, _ := t.(string)
		key, _, _ := strings.Cut(s, "=")
		key, _, _ = strings.Cut(key, ":")
		if instGPUKey(key) {
			out = append(out, ev(p, r, subPath(path, i)...))
		}
	}
	return out
}

// instGPUKey reports whether a tag, label or taint key names a GPU or
// accelerator (gpu, nvidia.com/gpu, k8s.amazonaws.com/accelerator,
// cloud.google.com/gke-accelerator, aws.amazon.com/neuron).
func instGPUKey(key string) bool { return instHasWord(key, instGPUKeyWords) }

// instHasWord reports whether s holds one of words as a whole word, words
// being split at anything but letters and digits.
func instHasWord(s string, words []string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(c rune) bool {
		return (c < 'a' || c > 'z') && (c < '0' || c > '9')
	}) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// instGPUAMI reports whether an EKS AMI type carries accelerator drivers.
func instGPUAMI(ami string) bool {
	return ami == "AL2_x86_64_GPU" || strings.Contains(ami, "NVIDIA") || strings.Contains(ami, "NEURON")
}

// instAMIServes reports whether an EKS AMI type has drivers for a type's
// accelerators: NVIDIA GPUs need an NVIDIA or AL2 GPU AMI, Inferentia and
// Trainium a Neuron or AL2 GPU AMI; nothing else has drivers in an
// EKS-optimized AMI.
func instAMIServes(ami string, t instancetypes.Type) bool {
	switch {
	case t.Accelerator == "gpu" && strings.HasPrefix(t.GPUModel, "NVIDIA"):
		return ami == "AL2_x86_64_GPU" || strings.Contains(ami, "NVIDIA")
	case t.Accelerator == "inferentia", t.Accelerator == "trainium":
		return ami == "AL2_x86_64_GPU" || strings.Contains(ami, "NEURON")
	}
	return false
}
