data "readiness_instance_type" "inference" {
  name = "g5.xlarge"
}

output "gpus" {
  value = "${data.readiness_instance_type.inference.gpus} x ${data.readiness_instance_type.inference.gpu_model}"
}

output "memory_per_vcpu" {
  value = data.readiness_instance_type.inference.memory_gib / data.readiness_instance_type.inference.vcpus
}
