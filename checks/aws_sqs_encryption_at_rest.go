package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSSQSEncryptionAtRest requires SQS queues to encrypt messages at rest,
// with SQS managed keys (SSE-SQS) or a KMS key (SSE-KMS).
var AWSSQSEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_sqs_encryption_at_rest",
		Title:         "SQS queue encrypts messages at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_sqs_queue"},
		Description: "Messages wait in a queue for up to two weeks, often carrying the same data as the stores " +
			"they feed. Since October 2022 SQS encrypts new queues with SQS managed keys (SSE-SQS) unless told " +
			"otherwise, and the AWS provider never sends sqs_managed_sse_enabled = false when it creates a queue; " +
			"but a new queue left to that default shows nothing in the plan, so its result is unknown rather " +
			"than pass, as for S3's default encryption. Existing queues with sqs_managed_sse_enabled = false " +
			"and no KMS key are not encrypted.",
		Remediation: "Set sqs_managed_sse_enabled = true, or kms_master_key_id to a KMS key (with a key policy " +
			"that lets the producers, such as SNS or EventBridge, use it).",
		Example: `resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		kms, decided, kmsEv := kmsKeySet(p, r, "kms_master_key_id")
		if kms {
			return pass("the queue is encrypted with a KMS key (SSE-KMS)", kmsEv)
		}
		sse := r.Attr("sqs_managed_sse_enabled")
		e := ev(p, r, "sqs_managed_sse_enabled")
		on, ok := sse.Bool()
		switch {
		case ok && on:
			return pass("the queue is encrypted with SQS managed keys (SSE-SQS)", e)
		case !decided:
			return unknown("kms_master_key_id is known only after apply", kmsEv, e)
		case ok && !dataCreated(r):
			return fail("the queue does not encrypt its messages at rest", e, kmsEv)
		case ok || (sse.Unknown && dataCreated(r) && r.Configured("sqs_managed_sse_enabled") == model.NotSet):
			// The provider sends no false on create: SQS's default applies.
			e.Value += " (not sent on create: SQS applies SSE-SQS to queues created since October 2022)"
			return unknown("the plan creates the queue without asking for encryption: SQS's default (SSE-SQS) decides, which the plan cannot show", e, kmsEv)
		case sse.Unknown:
			return unknown("sqs_managed_sse_enabled is known only after apply", e, kmsEv)
		case !sse.Present:
			return unknown("the plan does not hold sqs_managed_sse_enabled (provider before SSE-SQS support)", e, kmsEv)
		}
		return unknown("sqs_managed_sse_enabled is unset: encryption depends on when SQS created the queue", e, kmsEv)
	},
}
