package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// ReleaseVersioning shows that releases are versioned and a version, once
// published, means one thing: image tags in ECR cannot be overwritten and
// Helm releases pin their chart's version. It is evidence: the versioning
// scheme of the APIs is for the team to attest.
var ReleaseVersioning = check.Check{
	Meta: check.Meta{
		ID:            "release_versioning",
		Title:         "Release versions are immutable and pinned",
		Section:       "release",
		Category:      "release_versioning",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: []string{"aws_ecr_repository", "helm_release"},
		Description: "A version that can be overwritten (a mutable image tag) or left to float (a chart without " +
			"a version) makes a rollback deploy something else than what ran before. The check looks at plans " +
			"with ECR repositories or Helm releases of the team's own charts (cluster add-ons left out) and passes when every repository makes its tags " +
			"immutable (image_tag_mutability IMMUTABLE or IMMUTABLE_WITH_EXCLUSION) and every release pins " +
			"its chart's version. Otherwise it is unknown, once per plan, naming what floats: tags promoted " +
			"by digest, and the versioning scheme of the APIs, are for the team to attest. It never fails.",
		Remediation: "Set image_tag_mutability = \"IMMUTABLE\" on the ECR repositories and a version on every " +
			"helm_release; or attest how releases are versioned.",
		Example: `resource "aws_ecr_repository" "orders" {
  name                 = "orders"
  image_tag_mutability = "IMMUTABLE"
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		repos := p.OfType("aws_ecr_repository")
		var releases []*model.Resource
		for _, r := range p.OfType("helm_release") {
			if _, infra := helmInfrastructure(r); !infra {
				releases = append(releases, r) // the team's own releases, not the platform's add-ons
			}
		}
		if len(repos) == 0 && len(releases) == 0 {
			return nil
		}
		var found, floating []check.Evidence
		for _, r := range repos {
			a := r.Attr("image_tag_mutability")
			switch s, _ := a.Str(); {
			case a.Unknown:
				floating = append(floating, evText(r.Address+".image_tag_mutability", "known only after apply"))
			case strings.HasPrefix(s, "IMMUTABLE"):
				found = append(found, evAt(p, r, "image_tag_mutability"))
			default:
				floating = append(floating, evAt(p, r, "image_tag_mutability"))
			}
		}
		for _, r := range releases {
			a := r.Attr("version")
			switch s, _ := a.Str(); {
			case a.Unknown:
				floating = append(floating, evText(r.Address+".version", "known only after apply"))
			case s != "":
				found = append(found, evAt(p, r, "version"))
			default:
				floating = append(floating, evText(r.Address+".version", "unset: installs the chart's latest version"))
			}
		}
		if len(floating) > 0 {
			return []check.Finding{unknown("some release versions can change after they are published: "+
				"attest how releases are versioned", floating...)}
		}
		return []check.Finding{pass("every image tag is immutable and every chart version pinned", found...)}
	},
}
