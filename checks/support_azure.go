package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the Azure checks.

// azureVMSSTypes are the virtual machine scale set resources.
var azureVMSSTypes = []string{
	"azurerm_linux_virtual_machine_scale_set",
	"azurerm_windows_virtual_machine_scale_set",
	"azurerm_orchestrated_virtual_machine_scale_set",
}

// azureZoneCount reads a zones attribute (a list, or a single zone string
// in newer VM resources): how many zones it names, or why the plan cannot
// tell.
func azureZoneCount(p *model.Plan, r *model.Resource, path ...model.Step) (int, check.Evidence, string) {
	v, e, why := settle(p, r, nil, path...)
	switch v := v.(type) {
	case []any:
		return len(v), e, why
	case string:
		if v == "" {
			return 0, e, why
		}
		return 1, e, why
	}
	return 0, e, why
}

// azureAutoscaleSettings returns the autoscale settings whose target is r:
// by reference first, by r's known ID otherwise.
func azureAutoscaleSettings(p *model.Plan, r *model.Resource) []*model.Resource {
	return azureAutoscaleTargets.to(p, r, strAt(r, "id"))
}

// azureAutoscaleTargets finds the autoscale settings whose
// target_resource_id refers to a resource or holds its known ID, in any
// case.
var azureAutoscaleTargets = &backLink{types: []string{"azurerm_monitor_autoscale_setting"}, attr: "target_resource_id", fold: true}

// azureNodePool returns the path prefix of an AKS node pool's settings:
// default_node_pool[0] in a cluster, the resource itself for a node pool.
func azureNodePool(r *model.Resource) []model.Step {
	if r.Type == "azurerm_kubernetes_cluster" {
		return []model.Step{"default_node_pool", 0}
	}
	return nil
}

// azureRiskyPorts are the admin and database ports that must never face the
// internet.
var azureRiskyPorts = []struct {
	port int
	name string
}{
	{22, "SSH"}, {23, "Telnet"}, {135, "RPC"}, {139, "NetBIOS"}, {445, "SMB"}, {1433, "SQL Server"},
	{1521, "Oracle"}, {2375, "Docker"}, {2376, "Docker"}, {3306, "MySQL"}, {3389, "RDP"}, {5432, "PostgreSQL"},
	{5984, "CouchDB"}, {5985, "WinRM"}, {5986, "WinRM"}, {6379, "Redis"}, {9042, "Cassandra"},
	{9200, "Elasticsearch"}, {11211, "Memcached"}, {27017, "MongoDB"},
}

// nsgExposure is what a set of security rules opens to the internet.
type nsgExposure struct {
	risky     []string // rules opening admin or database ports
	other     []string // rules opening ports other than 80 and 443
	undecided []string // rules whose source, ports or action are unknown
	web       []string // rules opening only 80 and 443
}

// add judges one security rule; field reads one of its attributes.
func (x *nsgExposure) add(name string, field func(string) model.Attr) {
	for _, f := range []string{"access", "direction", "protocol"} {
		if field(f).Unknown {
			x.undecided = append(x.undecided, fmt.Sprintf("%s: %s known only after apply", name, f))
			return
		}
	}
	access, _ := field("access").Str()
	direction, _ := field("direction").Str()
	protocol, _ := field("protocol").Str()
	if !strings.EqualFold(access, "Allow") || !strings.EqualFold(direction, "Inbound") || strings.EqualFold(protocol, "Icmp") {
		return
	}
	sources, ok := azureRuleValues(field, "source_address_prefix", "source_address_prefixes")
	if !ok {
		x.undecided = append(x.undecided, name+": source known only after apply")
		return
	}
	world := ""
	for _, s := range sources {
		if admitsAnyAddress(s) {
			world = s
		}
	}
	if world == "" {
		return
	}
	ports, ok := azureRuleValues(field, "destination_port_range", "destination_port_ranges")
	if !ok {
		x.undecided = append(x.undecided, name+": ports known only after apply from "+world)
		return
	}
	var risky []string
	webOnly := true
	for _, pr := range ports {
		lo, hi, ok := azurePortRange(pr)
		if !ok {
			x.undecided = append(x.undecided, fmt.Sprintf("%s: port range %q not understood", name, pr))
			return
		}
		for _, rp := range azureRiskyPorts {
			if rp.port >= lo && rp.port <= hi {
				risky = append(risky, fmt.Sprintf("%d (%s)", rp.port, rp.name))
			}
		}
		if !(lo == hi && (lo == 80 || lo == 443)) {
			webOnly = false
		}
	}
	desc := fmt.Sprintf("%s: %s from %s", name, strings.Join(ports, ","), world)
	switch {
	case len(risky) > 0:
		x.risky = append(x.risky, fmt.Sprintf("%s (port(s) %s open to the internet)", desc, strings.Join(risky, ", ")))
	case webOnly:
		x.web = append(x.web, desc+" (web only)")
	default:
		x.other = append(x.other, desc)
	}
}

// finding turns the exposure into a result.
func (x *nsgExposure) finding() check.Finding {
	var e []check.Evidence
	for _, l := range [][]string{x.risky, x.undecided, x.other, x.web} {
		for _, s := range l {
			e = append(e, evText("inbound from any address", "%s", s))
		}
	}
	switch {
	case len(x.risky) > 0:
		return fail("admin or database ports are open to the whole internet", e...)
	case len(x.undecided) > 0:
		return unknown("some inbound rules are known only after apply", e...)
	case len(x.other) > 0:
		return unknown("ports other than 80 and 443 are open to the whole internet: the plan cannot tell whether they should be", e...)
	case len(x.web) > 0:
		return pass("only web ports (80, 443) are open to the internet", e...)
	}
	return pass("no inbound rule admits the whole internet", evText("inbound from any address", "none"))
}

// azureRuleValues joins a rule's single and plural forms of one field
// (source_address_prefix and source_address_prefixes); false when unknown.
func azureRuleValues(field func(string) model.Attr, one, many string) ([]string, bool) {
	a, b := field(one), field(many)
	if a.Unknown || b.Unknown {
		return nil, false
	}
	out := b.Strings()
	if s, ok := a.Str(); ok && s != "" {
		out = append(out, s)
	}
	return out, true
}

// azurePortRange parses "*", "22" or "1000-2000".
func azurePortRange(s string) (int, int, bool) {
	s = strings.TrimSpace(s)
	if s == "*" {
		return 0, 65535, true
	}
	lo, hi, found := strings.Cut(s, "-")
	if !found {
		hi = lo
	}
	a, err1 := strconv.Atoi(strings.TrimSpace(lo))
	b, err2 := strconv.Atoi(strings.TrimSpace(hi))
	return a, b, err1 == nil && err2 == nil && a <= b
}
