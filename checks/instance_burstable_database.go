package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/instancetypes"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// InstanceBurstableDatabase flags databases, caches, search domains and
// brokers on burstable or shared-core classes.
var InstanceBurstableDatabase = check.Check{
	Meta: check.Meta{
		ID:            "instance_burstable_database",
		Title:         "Databases, caches and search domains run on non-burstable classes",
		Section:       "deployment",
		Category:      "instance_choice",
		Severity:      check.SeverityHigh,
		ResourceTypes: instDataTypes,
		Description: "A data store carries steady load and cannot be scaled out in a hurry. Burstable classes (db.t*, " +
			"cache.t*, t*.search, kafka.t3, mq.t*, Azure B_Standard_B*) run at a fraction of a core once their CPU credits " +
			"are spent, or bill for every credit beyond the baseline; shared-core tiers (Cloud SQL db-f1-micro and " +
			"db-g1-small) share a core with other tenants and are outside the Cloud SQL SLA. The rule: any burstable " +
			"or shared-core class on a database, cache, search domain or broker fails, whatever its size. db.serverless " +
			"and other non-burstable classes pass.",
		Remediation: "Use a general-purpose or memory-optimised class: db.m7g/db.r7g (or db.serverless) on RDS and Aurora, " +
			"cache.m7g/cache.r7g on ElastiCache, m7g/r7g.search on OpenSearch, a db-custom-N-M or db-perf-optimized " +
			"tier on Cloud SQL, GP_Standard_D*ds or MO_Standard_E*ds on Azure flexible servers.",
		Example: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.m7g.large"
  multi_az       = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return instJudge(p, r, func(t instancetypes.Type) string {
			switch {
			case t.SharedCore:
				return "a shared-core class"
			case t.Burstable:
				return "a burstable class"
			}
			return ""
		}, "the data store runs on a class with dedicated, steady CPU", "burstable or shared-core class for a data store")
	},
}
