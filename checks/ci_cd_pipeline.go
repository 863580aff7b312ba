package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// pipelineTypes are the resources of a build and deployment pipeline:
// AWS CodePipeline, CodeBuild and CodeDeploy, and GitHub Actions
// deployment environments.
var pipelineTypes = []string{
	"aws_codepipeline", "aws_codebuild_project", "aws_codedeploy_deployment_group",
	"github_repository_environment",
}

// CICDPipeline shows that a build and deployment pipeline is managed beside
// the services a plan runs. It is evidence: pipelines usually live in the
// application's repository, and the team attests them.
var CICDPipeline = check.Check{
	Meta: check.Meta{
		ID:            "ci_cd_pipeline",
		Title:         "A CI/CD pipeline builds and deploys the services",
		Section:       "quality",
		Category:      "ci_cd",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: typeSet(pipelineTypes),
		Description: "A pipeline that builds, tests and deploys every change makes releases repeatable and " +
			"leaves a record of what ran where. The check looks at plans that run services (ECS, Lambda, " +
			"Auto Scaling groups, EKS node groups, Kubernetes workloads and Helm-deployed applications, Cloud " +
			"Run, scale sets) or that define a pipeline, and passes when the plan holds one: an AWS " +
			"CodePipeline, a CodeBuild project, a CodeDeploy deployment group or a GitHub Actions deployment " +
			"environment (github_repository_environment). Otherwise it is unknown, once per plan: pipelines " +
			"usually live in the application's repository (GitHub Actions, GitLab CI), which the team " +
			"attests. It never fails.",
		Remediation: "Manage the pipeline with the service (aws_codepipeline with build and deploy stages, or a " +
			"github_repository_environment that the deployment workflow targets), or attest the pipeline " +
			"that deploys it.",
		Example: `resource "github_repository_environment" "production" {
  repository  = "orders"
  environment = "production"
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		pipelines := p.OfType(pipelineTypes...)
		svcs := services(p)
		if len(pipelines) == 0 && len(svcs) == 0 {
			return nil
		}
		var found []check.Evidence
		for _, r := range pipelines {
			found = append(found, evText(r.Address, "%s in plan", r.Type))
		}
		return evidenceVerdict(found, "a CI/CD pipeline is managed with the plan's services",
			"the plan runs services but holds no pipeline: attest the CI/CD pipeline that deploys them",
			"services", svcs)
	},
}
