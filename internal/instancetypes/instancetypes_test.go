package instancetypes

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := map[string]Type{
		"t2.nano": {Name: "t2.nano", Cloud: "aws", Service: "ec2", Family: "t2", Size: "nano", VCPUs: 1, MemoryGiB: 0.5,
			Generation: "previous", Burstable: true, Architecture: "x86_64"},
		"t3.micro": {Name: "t3.micro", Cloud: "aws", Service: "ec2", Family: "t3", Size: "micro", VCPUs: 2, MemoryGiB: 1,
			Generation: "current", Burstable: true, Architecture: "x86_64"},
		"m5.4xlarge": {Name: "m5.4xlarge", Cloud: "aws", Service: "ec2", Family: "m5", Size: "4xlarge", VCPUs: 16, MemoryGiB: 64,
			Generation: "current", Architecture: "x86_64"},
		"r5a.large": {Name: "r5a.large", Cloud: "aws", Service: "ec2", Family: "r5a", Size: "large", VCPUs: 2, MemoryGiB: 16,
			Generation: "current", Architecture: "x86_64"},
		"m7g.medium": {Name: "m7g.medium", Cloud: "aws", Service: "ec2", Family: "m7g", Size: "medium", VCPUs: 1, MemoryGiB: 4,
			Generation: "current", Architecture: "arm64"},
		"c7i.metal-48xl": {Name: "c7i.metal-48xl", Cloud: "aws", Service: "ec2", Family: "c7i", Size: "metal-48xl", VCPUs: 192, MemoryGiB: 384,
			Generation: "current", Architecture: "x86_64"},
		"c5n.9xlarge": {Name: "c5n.9xlarge", Cloud: "aws", Service: "ec2", Family: "c5n", Size: "9xlarge", VCPUs: 36, MemoryGiB: 96,
			Generation: "current", Architecture: "x86_64"},
		"m4.10xlarge": {Name: "m4.10xlarge", Cloud: "aws", Service: "ec2", Family: "m4", Size: "10xlarge", VCPUs: 40, MemoryGiB: 160,
			Generation: "previous", Architecture: "x86_64"},
		"a1.large": {Name: "a1.large", Cloud: "aws", Service: "ec2", Family: "a1", Size: "large", VCPUs: 2, MemoryGiB: 4,
			Generation: "previous", Architecture: "arm64"},
		"x2iedn.xlarge": {Name: "x2iedn.xlarge", Cloud: "aws", Service: "ec2", Family: "x2iedn", Size: "xlarge", VCPUs: 4, MemoryGiB: 128,
			Generation: "current", Architecture: "x86_64"},
		"p3.2xlarge": {Name: "p3.2xlarge", Cloud: "aws", Service: "ec2", Family: "p3", Size: "2xlarge", VCPUs: 8, MemoryGiB: 61,
			GPUs: 1, GPUModel: "NVIDIA Tesla V100", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA Tesla V100",
			Generation: "current", Architecture: "x86_64"},
		"p4d.24xlarge": {Name: "p4d.24xlarge", Cloud: "aws", Service: "ec2", Family: "p4d", Size: "24xlarge", VCPUs: 96, MemoryGiB: 1152,
			GPUs: 8, GPUModel: "NVIDIA A100", Accelerator: "gpu", Accelerators: 8, AcceleratorModel: "NVIDIA A100",
			Generation: "current", Architecture: "x86_64"},
		"p5.48xlarge": {Name: "p5.48xlarge", Cloud: "aws", Service: "ec2", Family: "p5", Size: "48xlarge", VCPUs: 192, MemoryGiB: 2048,
			GPUs: 8, GPUModel: "NVIDIA H100", Accelerator: "gpu", Accelerators: 8, AcceleratorModel: "NVIDIA H100",
			Generation: "current", Architecture: "x86_64"},
		"g4dn.12xlarge": {Name: "g4dn.12xlarge", Cloud: "aws", Service: "ec2", Family: "g4dn", Size: "12xlarge", VCPUs: 48, MemoryGiB: 192,
			GPUs: 4, GPUModel: "NVIDIA T4", Accelerator: "gpu", Accelerators: 4, AcceleratorModel: "NVIDIA T4",
			Generation: "current", Architecture: "x86_64"},
		"g5g.xlarge": {Name: "g5g.xlarge", Cloud: "aws", Service: "ec2", Family: "g5g", Size: "xlarge", VCPUs: 4, MemoryGiB: 8,
			GPUs: 1, GPUModel: "NVIDIA T4G", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA T4G",
			Generation: "current", Architecture: "arm64"},
		"g4ad.xlarge": {Name: "g4ad.xlarge", Cloud: "aws", Service: "ec2", Family: "g4ad", Size: "xlarge", VCPUs: 4, MemoryGiB: 16,
			GPUs: 1, GPUModel: "AMD Radeon Pro V520", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "AMD Radeon Pro V520",
			Generation: "current", Architecture: "x86_64"},
		"p2.xlarge": {Name: "p2.xlarge", Cloud: "aws", Service: "ec2", Family: "p2", Size: "xlarge", VCPUs: 4, MemoryGiB: 61,
			GPUs: 1, GPUModel: "NVIDIA Tesla K80", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA Tesla K80",
			Generation: "previous", Architecture: "x86_64"},
		"inf2.xlarge": {Name: "inf2.xlarge", Cloud: "aws", Service: "ec2", Family: "inf2", Size: "xlarge", VCPUs: 4, MemoryGiB: 16,
			Accelerator: "inferentia", Accelerators: 1, AcceleratorModel: "AWS Inferentia2", Generation: "current", Architecture: "x86_64"},
		"trn1.32xlarge": {Name: "trn1.32xlarge", Cloud: "aws", Service: "ec2", Family: "trn1", Size: "32xlarge", VCPUs: 128, MemoryGiB: 512,
			Accelerator: "trainium", Accelerators: 16, AcceleratorModel: "AWS Trainium", Generation: "current", Architecture: "x86_64"},
		"mac2.metal": {Name: "mac2.metal", Cloud: "aws", Service: "ec2", Family: "mac2", Size: "metal", VCPUs: 8, MemoryGiB: 16,
			Generation: "current", Architecture: "arm64"},
		"db.t3.micro": {Name: "db.t3.micro", Cloud: "aws", Service: "rds", Family: "t3", Size: "micro", VCPUs: 2, MemoryGiB: 1,
			Generation: "current", Burstable: true, Architecture: "x86_64"},
		"db.r6g.large": {Name: "db.r6g.large", Cloud: "aws", Service: "rds", Family: "r6g", Size: "large", VCPUs: 2, MemoryGiB: 16,
			Generation: "current", Architecture: "arm64"},
		"db.m4.large": {Name: "db.m4.large", Cloud: "aws", Service: "rds", Family: "m4", Size: "large", VCPUs: 2, MemoryGiB: 8,
			Generation: "previous", Architecture: "x86_64"},
		"db.x2g.large": {Name: "db.x2g.large", Cloud: "aws", Service: "rds", Family: "x2g", Size: "large", VCPUs: 2, MemoryGiB: 32,
			Generation: "current", Architecture: "arm64"},
		"db.serverless": {Name: "db.serverless", Cloud: "aws", Service: "rds", Family: "serverless", Size: "serverless",
			Generation: "current"},
		"db.m5d.xlarge": {Name: "db.m5d.xlarge", Cloud: "aws", Service: "rds", Family: "m5d", Size: "xlarge", VCPUs: 4, MemoryGiB: 16,
			Generation: "current", Architecture: "x86_64"},
		"cache.t4g.micro": {Name: "cache.t4g.micro", Cloud: "aws", Service: "elasticache", Family: "t4g", Size: "micro", VCPUs: 2, MemoryGiB: 1,
			Generation: "current", Burstable: true, Architecture: "arm64"},
		"cache.r7g.xlarge": {Name: "cache.r7g.xlarge", Cloud: "aws", Service: "elasticache", Family: "r7g", Size: "xlarge", VCPUs: 4, MemoryGiB: 32,
			Generation: "current", Architecture: "arm64"},
		"t2.small.elasticsearch": {Name: "t2.small.elasticsearch", Cloud: "aws", Service: "opensearch", Family: "t2", Size: "small", VCPUs: 1, MemoryGiB: 2,
			Generation: "previous", Burstable: true, Architecture: "x86_64"},
		"r6g.large.search": {Name: "r6g.large.search", Cloud: "aws", Service: "opensearch", Family: "r6g", Size: "large", VCPUs: 2, MemoryGiB: 16,
			Generation: "current", Architecture: "arm64"},
		"or1.medium.search": {Name: "or1.medium.search", Cloud: "aws", Service: "opensearch", Family: "or1", Size: "medium", VCPUs: 1, MemoryGiB: 8,
			Generation: "current", Architecture: "arm64"},
		"kafka.t3.small": {Name: "kafka.t3.small", Cloud: "aws", Service: "msk", Family: "t3", Size: "small", VCPUs: 2, MemoryGiB: 2,
			Generation: "current", Burstable: true, Architecture: "x86_64"},
		"mq.m5.large": {Name: "mq.m5.large", Cloud: "aws", Service: "mq", Family: "m5", Size: "large", VCPUs: 2, MemoryGiB: 8,
			Generation: "current", Architecture: "x86_64"},
		"e2-micro": {Name: "e2-micro", Cloud: "google", Service: "compute", Family: "e2", Size: "micro", VCPUs: 2, MemoryGiB: 1,
			Generation: "current", Burstable: true, SharedCore: true, Architecture: "x86_64"},
		"e2-medium": {Name: "e2-medium", Cloud: "google", Service: "compute", Family: "e2", Size: "medium", VCPUs: 2, MemoryGiB: 4,
			Generation: "current", Burstable: true, SharedCore: true, Architecture: "x86_64"},
		"f1-micro": {Name: "f1-micro", Cloud: "google", Service: "compute", Family: "f1", Size: "micro", VCPUs: 1, MemoryGiB: 0.6,
			Generation: "previous", Burstable: true, SharedCore: true, Architecture: "x86_64"},
		"n1-standard-4": {Name: "n1-standard-4", Cloud: "google", Service: "compute", Family: "n1", Size: "standard-4", VCPUs: 4, MemoryGiB: 15,
			Generation: "previous", Architecture: "x86_64"},
		"n2-highmem-128": {Name: "n2-highmem-128", Cloud: "google", Service: "compute", Family: "n2", Size: "highmem-128", VCPUs: 128, MemoryGiB: 864,
			Generation: "current", Architecture: "x86_64"},
		"c4-standard-2": {Name: "c4-standard-2", Cloud: "google", Service: "compute", Family: "c4", Size: "standard-2", VCPUs: 2, MemoryGiB: 7,
			Generation: "current", Architecture: "x86_64"},
		"t2a-standard-4": {Name: "t2a-standard-4", Cloud: "google", Service: "compute", Family: "t2a", Size: "standard-4", VCPUs: 4, MemoryGiB: 16,
			Generation: "current", Architecture: "arm64"},
		"a2-highgpu-1g": {Name: "a2-highgpu-1g", Cloud: "google", Service: "compute", Family: "a2", Size: "highgpu-1g", VCPUs: 12, MemoryGiB: 85,
			GPUs: 1, GPUModel: "NVIDIA A100 40GB", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA A100 40GB",
			Generation: "current", Architecture: "x86_64"},
		"a3-highgpu-8g": {Name: "a3-highgpu-8g", Cloud: "google", Service: "compute", Family: "a3", Size: "highgpu-8g", VCPUs: 208, MemoryGiB: 1872,
			GPUs: 8, GPUModel: "NVIDIA H100 80GB", Accelerator: "gpu", Accelerators: 8, AcceleratorModel: "NVIDIA H100 80GB",
			Generation: "current", Architecture: "x86_64"},
		"g2-standard-24": {Name: "g2-standard-24", Cloud: "google", Service: "compute", Family: "g2", Size: "standard-24", VCPUs: 24, MemoryGiB: 96,
			GPUs: 2, GPUModel: "NVIDIA L4", Accelerator: "gpu", Accelerators: 2, AcceleratorModel: "NVIDIA L4",
			Generation: "current", Architecture: "x86_64"},
		"zones/us-central1-a/machineTypes/n2-standard-4": {Name: "n2-standard-4", Cloud: "google", Service: "compute", Family: "n2",
			Size: "standard-4", VCPUs: 4, MemoryGiB: 16, Generation: "current", Architecture: "x86_64"},
		"n2-custom-4-16384": {Name: "n2-custom-4-16384", Cloud: "google", Service: "compute", Family: "n2", Size: "custom", VCPUs: 4, MemoryGiB: 16,
			Generation: "current", Architecture: "x86_64"},
		"custom-2-15360-ext": {Name: "custom-2-15360-ext", Cloud: "google", Service: "compute", Family: "n1", Size: "custom", VCPUs: 2, MemoryGiB: 15,
			Generation: "previous", Architecture: "x86_64"},
		"db-f1-micro": {Name: "db-f1-micro", Cloud: "google", Service: "cloudsql", Family: "db-f1", Size: "micro", VCPUs: 1, MemoryGiB: 0.6,
			Generation: "current", Burstable: true, SharedCore: true, Architecture: "x86_64"},
		"db-g1-small": {Name: "db-g1-small", Cloud: "google", Service: "cloudsql", Family: "db-g1", Size: "small", VCPUs: 1, MemoryGiB: 1.7,
			Generation: "current", Burstable: true, SharedCore: true, Architecture: "x86_64"},
		"db-custom-2-7680": {Name: "db-custom-2-7680", Cloud: "google", Service: "cloudsql", Family: "db-custom", Size: "custom", VCPUs: 2, MemoryGiB: 7.5,
			Generation: "current", Architecture: "x86_64"},
		"Standard_B1s": {Name: "Standard_B1s", Cloud: "azure", Service: "vm", Family: "B", VCPUs: 1, MemoryGiB: 1,
			Generation: "current", Burstable: true, Architecture: "x86_64"},
		"standard_d2s_v3": {Name: "Standard_D2s_v3", Cloud: "azure", Service: "vm", Family: "Dsv3", VCPUs: 2, MemoryGiB: 8,
			Generation: "current", Architecture: "x86_64"},
		"Standard_D4ps_v5": {Name: "Standard_D4ps_v5", Cloud: "azure", Service: "vm", Family: "Dpsv5", VCPUs: 4, MemoryGiB: 16,
			Generation: "current", Architecture: "arm64"},
		"Standard_E64_v3": {Name: "Standard_E64_v3", Cloud: "azure", Service: "vm", Family: "Ev3", VCPUs: 64, MemoryGiB: 432,
			Generation: "current", Architecture: "x86_64"},
		"Standard_DS2": {Name: "Standard_DS2", Cloud: "azure", Service: "vm", Family: "DS", VCPUs: 2, MemoryGiB: 7,
			Generation: "previous", Architecture: "x86_64"},
		"Standard_A0": {Name: "Standard_A0", Cloud: "azure", Service: "vm", Family: "A", VCPUs: 1, MemoryGiB: 0.75,
			Generation: "previous", SharedCore: true, Architecture: "x86_64"},
		"Basic_A1": {Name: "Basic_A1", Cloud: "azure", Service: "vm", Family: "Basic_A", VCPUs: 1, MemoryGiB: 1.75,
			Generation: "previous", Architecture: "x86_64"},
		"Standard_GS5": {Name: "Standard_GS5", Cloud: "azure", Service: "vm", Family: "GS", VCPUs: 32, MemoryGiB: 448,
			Generation: "previous", Architecture: "x86_64"},
		"Standard_NC6s_v3": {Name: "Standard_NC6s_v3", Cloud: "azure", Service: "vm", Family: "NCv3", VCPUs: 6, MemoryGiB: 112,
			GPUs: 1, GPUModel: "NVIDIA Tesla V100", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA Tesla V100",
			Generation: "current", Architecture: "x86_64"},
		"Standard_NC4as_T4_v3": {Name: "Standard_NC4as_T4_v3", Cloud: "azure", Service: "vm", Family: "NCasT4_v3", VCPUs: 4, MemoryGiB: 28,
			GPUs: 1, GPUModel: "NVIDIA T4", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA T4",
			Generation: "current", Architecture: "x86_64"},
		"Standard_ND96isr_H100_v5": {Name: "Standard_ND96isr_H100_v5", Cloud: "azure", Service: "vm", Family: "ND_H100_v5", VCPUs: 96, MemoryGiB: 1900,
			GPUs: 8, GPUModel: "NVIDIA H100", Accelerator: "gpu", Accelerators: 8, AcceleratorModel: "NVIDIA H100",
			Generation: "current", Architecture: "x86_64"},
		"Standard_NV12s_v3": {Name: "Standard_NV12s_v3", Cloud: "azure", Service: "vm", Family: "NVv3", VCPUs: 12, MemoryGiB: 112,
			GPUs: 1, GPUModel: "NVIDIA Tesla M60", Accelerator: "gpu", Accelerators: 1, AcceleratorModel: "NVIDIA Tesla M60",
			Generation: "current", Architecture: "x86_64"},
		"B_Standard_B1ms": {Name: "B_Standard_B1ms", Cloud: "azure", Service: "flexible-server", Family: "B", VCPUs: 1, MemoryGiB: 2,
			Generation: "current", Burstable: true, Architecture: "x86_64"},
		"GP_Standard_D2ds_v4": {Name: "GP_Standard_D2ds_v4", Cloud: "azure", Service: "flexible-server", Family: "Ddsv4", VCPUs: 2, MemoryGiB: 8,
			Generation: "current", Architecture: "x86_64"},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := Lookup(name)
			if !ok {
				t.Fatalf("Lookup(%q) not found", name)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Lookup(%q) (-want +got):\n%s", name, diff)
			}
		})
	}
}

func TestLookupNotFound(t *testing.T) {
	t.Parallel()
	for _, name := range []string{
		"", "t3", "t3.huge", "m5.3xlarge", "m9.large", "x5.large", "db.t3.nano", "db.g5.xlarge", "db.m5.metal",
		"cache.m5.metal", "cache.t3.large", "t3.nano.search", "m6g.medium.search", "kafka.t3.micro", "mq.m5.8xlarge",
		"e2-standard-3", "n2-custom-3-4096", "n2-custom-4-1000", "e2-custom-4-8192-ext", "db-custom-2-100000",
		"db-custom-2", "Standard_D3s_v3", "Standard_Q2_v9", "B_Standard_D2s_v3", "GP_Standard_B1ms",
		"db-f1-small", "or1.medium.elasticsearch", "ec2.t3.micro",
	} {
		if got, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", name, got)
		}
	}
}

// TestCatalogue holds every row of types.csv to the catalogue's rules.
func TestCatalogue(t *testing.T) {
	t.Parallel()
	clouds := map[string][]string{
		"aws":    {"ec2", "rds", "opensearch"},
		"google": {"compute", "cloudsql"},
		"azure":  {"vm"},
	}
	counts := map[string]int{}
	for key, ty := range catalogue() {
		counts[ty.Cloud]++
		if key != strings.ToLower(ty.Name) {
			t.Errorf("%s: keyed as %q", ty.Name, key)
		}
		if !contains(clouds[ty.Cloud], ty.Service) {
			t.Errorf("%s: cloud %q service %q", ty.Name, ty.Cloud, ty.Service)
		}
		if ty.Generation != "current" && ty.Generation != "previous" {
			t.Errorf("%s: generation %q", ty.Name, ty.Generation)
		}
		if !contains([]string{"", "gpu", "inferentia", "trainium", "gaudi"}, ty.Accelerator) || (ty.Accelerator == "") != (ty.Accelerators == 0) {
			t.Errorf("%s: accelerator %q x%d", ty.Name, ty.Accelerator, ty.Accelerators)
		}
		if ty.Name != "db.serverless" && (ty.VCPUs <= 0 || ty.MemoryGiB <= 0 || (ty.Architecture != "x86_64" && ty.Architecture != "arm64")) {
			t.Errorf("%s: %d vCPUs, %g GiB, %q", ty.Name, ty.VCPUs, ty.MemoryGiB, ty.Architecture)
		}
		if ty.Cloud == "aws" && ty.Service == "ec2" && !strings.HasSuffix(ty.Name, "."+ty.Size) {
			t.Errorf("%s: size %q", ty.Name, ty.Size)
		}
	}
	for cloud := range clouds {
		if counts[cloud] < 200 {
			t.Errorf("only %d %s types", counts[cloud], cloud)
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"t3.micro", "db.r6g.large", "n2-custom-4-16384", "B_Standard_B1ms", "x.search"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if ty, ok := Lookup(name); ok && !strings.EqualFold(ty.Name, strings.TrimSpace(name)) && !strings.Contains(name, "/machineTypes/") {
			t.Errorf("Lookup(%q) named %q", name, ty.Name)
		}
	})
}
