// Package instancetypes is a catalogue of cloud instance types: AWS EC2 types
// and the RDS, ElastiCache, OpenSearch, MSK and Amazon MQ classes built on
// them; Google Compute Engine machine types and Cloud SQL tiers; Azure VM
// sizes and the flexible-server SKUs built on them. For each it knows the
// vCPUs, memory, accelerators (GPU, Inferentia, Trainium), generation,
// whether the type is burstable or shared-core, and the CPU architecture.
//
// The data is types.csv, embedded, written by hand from the clouds' published
// size tables. Names that follow a documented pattern instead of a table
// (GCE custom machine types, Cloud SQL db-custom tiers, service-prefixed AWS
// classes) are parsed by rule. A name that is in neither is not found: the
// catalogue never guesses from a name's shape alone.
package instancetypes

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Type is one instance type, machine type or VM size.
type Type struct {
	// Name is the name as the cloud spells it (db.t3.micro,
	// t2.small.elasticsearch, e2-medium, Standard_D2s_v3).
	Name string
	// Cloud is aws, google or azure.
	Cloud string
	// Service is what the name is for: ec2, rds, elasticache, opensearch,
	// msk or mq on AWS; compute or cloudsql on Google Cloud; vm or
	// flexible-server on Azure.
	Service string
	// Family is the instance family (t3, m7g, mac2-m2), the machine series
	// (e2, n2d, a3) or the VM size series (Dsv5, B, NCasT4_v3). Service
	// classes keep the family of the EC2 type they run on.
	Family string
	// Size is the size part of the name: nano, micro, small, medium, large,
	// xlarge, 2xlarge ... metal on AWS; micro, small, medium, standard-4,
	// highmem-8, highgpu-1g ... on Google Cloud ("custom" for custom types).
	// Azure names carry no size word: it is empty there.
	Size string
	// VCPUs is the number of vCPUs the type lists (for shared-core types,
	// the vCPUs they may burst to). Zero for db.serverless.
	VCPUs int
	// MemoryGiB is the instance's memory. For cache. and .search classes it
	// is the memory of the underlying instance, of which the service keeps
	// part for itself.
	MemoryGiB float64
	// GPUs is the number of GPUs (a partition of a GPU counts as one) and
	// GPUModel their model, for types whose accelerator is a GPU.
	GPUs     int
	GPUModel string
	// Accelerator is the kind of accelerator: gpu, inferentia, trainium,
	// gaudi, or "" for none. Accelerators counts the devices of any kind and
	// AcceleratorModel names them.
	Accelerator      string
	Accelerators     int
	AcceleratorModel string
	// Generation is current or previous: the cloud lists the family among
	// its previous-generation or retired types.
	Generation string
	// Burstable types earn CPU credits below a baseline and spend them above
	// it (AWS T, Azure B, GCE shared-core).
	Burstable bool
	// SharedCore types get a fraction of a physical core (GCE e2-micro,
	// e2-small, e2-medium, f1-micro, g1-small, Cloud SQL db-f1-micro and
	// db-g1-small, Azure A0).
	SharedCore bool
	// Architecture is x86_64 or arm64 ("" when the service does not say).
	Architecture string
}

// Previous reports whether the type belongs to a previous generation.
func (t Type) Previous() bool { return t.Generation == "previous" }

//go:embed types.csv
var data string

var (
	once  sync.Once
	table map[string]Type
)

// catalogue returns the embedded table keyed by lowercase name.
func catalogue() map[string]Type {
	once.Do(func() {
		var err error
		if table, err = parse(data); err != nil {
			panic(err) // the embedded file is tested; this cannot happen in a release
		}
	})
	return table
}

func parse(text string) (map[string]Type, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comment = '#'
	r.FieldsPerRecord = 14
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read types.csv: %w", err)
	}
	out := make(map[string]Type, len(recs))
	for i, c := range recs {
		if i == 0 {
			continue // header
		}
		vcpus, err1 := strconv.Atoi(c[5])
		mem, err2 := strconv.ParseFloat(c[6], 64)
		n, err3 := strconv.Atoi(c[8])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("types.csv: bad number in row %q", c[2])
		}
		t := Type{
			Cloud: c[0], Service: c[1], Name: c[2], Family: c[3], Size: c[4],
			VCPUs: vcpus, MemoryGiB: mem,
			Accelerator: c[7], Accelerators: n, AcceleratorModel: c[9],
			Generation: c[10], Burstable: c[11] == "true", SharedCore: c[12] == "true",
			Architecture: c[13],
		}
		if t.Accelerator == "gpu" {
			t.GPUs, t.GPUModel = n, c[9]
		}
		key := strings.ToLower(t.Name)
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("types.csv: %s listed twice", t.Name)
		}
		out[key] = t
	}
	return out, nil
}

// Lookup returns the type called name. Names are matched without regard to
// case; GCE machine type URLs (zones/z/machineTypes/n2-standard-4) are
// reduced to their last part. Beside the table it understands:
//   - AWS service classes over EC2 types: db.<type> (RDS, Aurora,
//     DocumentDB, Neptune, MemoryDB), cache.<type> (ElastiCache),
//     <type>.search and <type>.elasticsearch (OpenSearch), kafka.<type>
//     (MSK) and mq.<type> (Amazon MQ), for the families each service offers;
//   - GCE custom machine types: custom-N-M (N1), e2-, n2-, n2d- and
//     n4-custom-N-M, with -ext for extended memory where allowed;
//   - Cloud SQL db-custom-N-M tiers;
//   - Azure database flexible-server SKUs: B_, GP_ and MO_ before a VM size.
//
// Anything else is not found.
func Lookup(name string) (Type, bool) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndex(name, "/machineTypes/"); i >= 0 {
		name = name[i+len("/machineTypes/"):]
	}
	key := strings.ToLower(name)
	if t, ok := catalogue()[key]; ok {
		return t, true
	}
	for _, s := range services {
		if base, ok := s.base(key); ok {
			return s.lookup(name, base)
		}
	}
	if t, ok := azureDatabase(name, key); ok {
		return t, true
	}
	return customMachine(name, key)
}

// service is an AWS service whose classes are EC2 types with a prefix or
// suffix.
type service struct {
	name, prefix, suffix string
	// families the service offers, with the sizes it offers where they are
	// fewer than EC2's.
	families map[string][]string
}

var all []string // no size restriction

var services = []service{
	{name: "rds", prefix: "db.", families: map[string][]string{
		"t2": all, "t3": all, "t4g": all, "m1": all, "m2": all, "m3": all, "m4": all,
		"m5": all, "m5d": all, "m6g": all, "m6gd": all, "m6i": all, "m6id": all, "m6idn": all, "m6in": all,
		"m7g": all, "m7i": all, "m8g": all, "c6gd": all,
		"r3": all, "r4": all, "r5": all, "r5b": all, "r5d": all, "r6g": all, "r6gd": all, "r6i": all,
		"r6id": all, "r6idn": all, "r6in": all, "r7g": all, "r7i": all, "r8g": all,
		"x1": all, "x1e": all, "x2idn": all, "x2iedn": all, "x2iezn": all, "z1d": all,
	}},
	{name: "elasticache", prefix: "cache.", families: map[string][]string{
		"t1": {"micro"}, "t2": {"micro", "small", "medium"}, "t3": {"micro", "small", "medium"},
		"t4g": {"micro", "small", "medium"}, "m1": all, "m2": all, "m3": all, "m4": all, "m5": all,
		"m6g": all, "m7g": all, "c1": {"xlarge"}, "c7gn": all,
		"r3": all, "r4": all, "r5": all, "r6g": all, "r6gd": all, "r7g": all,
	}},
	{name: "opensearch", suffix: ".search", families: openSearchFamilies},
	{name: "opensearch", suffix: ".elasticsearch", families: openSearchFamilies},
	{name: "msk", prefix: "kafka.", families: map[string][]string{
		"t3": {"small"}, "m5": all, "m7g": all,
	}},
	{name: "mq", prefix: "mq.", families: map[string][]string{
		"t2": {"micro"}, "t3": {"micro"}, "m4": {"large"}, "m5": {"large", "xlarge", "2xlarge", "4xlarge"},
	}},
}

var openSearchFamilies = map[string][]string{
	"t2": {"micro", "small", "medium"}, "t3": {"small", "medium"},
	"m3": all, "m4": all, "m5": all, "m6g": all, "m7g": all, "m7i": all,
	"c4": all, "c5": all, "c6g": all, "c7g": all, "c7i": all,
	"r3": all, "r4": all, "r5": all, "r6g": all, "r6gd": all, "r7g": all, "r7gd": all, "r7i": all,
	"i2": all, "i3": all, "im4gn": all,
}

// base returns the EC2 type name inside a service class name.
func (s service) base(key string) (string, bool) {
	switch {
	case s.prefix != "" && strings.HasPrefix(key, s.prefix):
		return key[len(s.prefix):], true
	case s.suffix != "" && strings.HasSuffix(key, s.suffix):
		return key[:len(key)-len(s.suffix)], true
	}
	return "", false
}

func (s service) lookup(name, base string) (Type, bool) {
	t, ok := catalogue()[base]
	if !ok || t.Service != "ec2" {
		return Type{}, false
	}
	sizes, offered := s.families[t.Family]
	switch {
	case !offered, strings.HasPrefix(t.Size, "metal"), t.Size == "nano":
		return Type{}, false
	case sizes != nil && !contains(sizes, t.Size):
		return Type{}, false
	case sizes == nil && t.Size == "medium" && !t.Burstable && !t.Previous():
		// Services start current non-burstable families at large.
		return Type{}, false
	}
	t.Name = strings.ToLower(name)
	t.Service = s.name
	return t, true
}

// azureDatabase reads Azure Database flexible-server SKUs: B_Standard_B1ms,
// GP_Standard_D2ds_v4, MO_Standard_E4ds_v5.
func azureDatabase(name, key string) (Type, bool) {
	for _, tier := range []string{"b_", "gp_", "mo_"} {
		if !strings.HasPrefix(key, tier+"standard_") {
			continue
		}
		t, ok := catalogue()[key[len(tier):]]
		if !ok || t.Cloud != "azure" || (tier == "b_") != t.Burstable {
			return Type{}, false
		}
		t.Name = name[:len(tier)-1] + "_" + t.Name
		t.Service = "flexible-server"
		return t, true
	}
	return Type{}, false
}

// customRule bounds one family of custom machine types.
type customRule struct {
	family, generation string
	maxVCPUs           int
	minPerVCPU         float64 // GiB of memory per vCPU
	maxPerVCPU         float64
	ext                bool // extended memory (-ext) allowed
	service            string
}

var customRules = map[string]customRule{
	"custom-":     {family: "n1", generation: "previous", maxVCPUs: 96, minPerVCPU: 0.9, maxPerVCPU: 6.5, ext: true, service: "compute"},
	"n2-custom-":  {family: "n2", generation: "current", maxVCPUs: 128, minPerVCPU: 0.5, maxPerVCPU: 8, ext: true, service: "compute"},
	"n2d-custom-": {family: "n2d", generation: "current", maxVCPUs: 224, minPerVCPU: 0.5, maxPerVCPU: 8, ext: true, service: "compute"},
	"e2-custom-":  {family: "e2", generation: "current", maxVCPUs: 32, minPerVCPU: 0.5, maxPerVCPU: 8, service: "compute"},
	"n4-custom-":  {family: "n4", generation: "current", maxVCPUs: 80, minPerVCPU: 2, maxPerVCPU: 8, service: "compute"},
	"db-custom-":  {family: "db-custom", generation: "current", maxVCPUs: 96, minPerVCPU: 0.9, maxPerVCPU: 6.5, service: "cloudsql"},
}

// customMachine reads <prefix>N-M[-ext]: N vCPUs (one, or an even number)
// and M MiB of memory, a multiple of 256 within the family's bounds.
func customMachine(name, key string) (Type, bool) {
	for prefix, rule := range customRules {
		if !strings.HasPrefix(key, prefix) {
			continue
		}
		rest := key[len(prefix):]
		ext := strings.HasSuffix(rest, "-ext")
		if ext {
			if !rule.ext {
				return Type{}, false
			}
			rest = strings.TrimSuffix(rest, "-ext")
		}
		n, m, ok := strings.Cut(rest, "-")
		if !ok {
			return Type{}, false
		}
		vcpus, err1 := strconv.Atoi(n)
		mib, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || vcpus < 1 || vcpus > rule.maxVCPUs || (vcpus > 1 && vcpus%2 != 0) || mib <= 0 || mib%256 != 0 {
			return Type{}, false
		}
		gib := float64(mib) / 1024
		per := gib / float64(vcpus)
		if per < rule.minPerVCPU || (!ext && per > rule.maxPerVCPU) {
			return Type{}, false
		}
		return Type{
			Name: key, Cloud: "google", Service: rule.service, Family: rule.family, Size: "custom",
			VCPUs: vcpus, MemoryGiB: gib, Generation: rule.generation, Architecture: "x86_64",
		}, true
	}
	return Type{}, false
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
