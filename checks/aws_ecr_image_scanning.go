package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECRImageScanning requires the images pushed to an ECR repository to be
// scanned for vulnerabilities.
var AWSECRImageScanning = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecr_image_scanning",
		Title:         "ECR repository images are scanned for vulnerabilities",
		Section:       "quality",
		Category:      "image_scanning",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecr_repository"},
		Description: "An image built on a base with a known vulnerability ships it to production unnoticed " +
			"unless the registry scans it. ECR scans a repository's images when the registry's scanning " +
			"configuration (aws_ecr_registry_scanning_configuration) has a rule whose repository filter matches " +
			"the repository, with SCAN_ON_PUSH or, with ENHANCED scanning (Amazon Inspector), CONTINUOUS_SCAN; " +
			"such a configuration replaces the repositories' own setting. Without one, Amazon Inspector " +
			"activated for ECR (aws_inspector2_enabler with resource_types including ECR) scans every " +
			"repository continuously, and otherwise the repository's image_scanning_configuration.scan_on_push " +
			"decides. Scanning on push alone checks an image once: continuous scanning also finds " +
			"vulnerabilities published after the push, which is what scanning regularly asks.",
		Remediation: "Activate Amazon Inspector for ECR (aws_inspector2_enabler with resource_types = " +
			"[\"ECR\"]) and give the registry an ENHANCED aws_ecr_registry_scanning_configuration with a " +
			"CONTINUOUS_SCAN rule, or at least set image_scanning_configuration { scan_on_push = true } on the " +
			"repository.",
		Example: `resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if cfg, why := ecrRegistryScanning(p, r); why != "" {
			return unknown(why, evText("aws_ecr_registry_scanning_configuration", "%s", addresses(p.OfType("aws_ecr_registry_scanning_configuration"))))
		} else if cfg != nil {
			return ecrRuleFinding(p, r, cfg)
		}
		inspector, inspectorWhy, ie := ecrInspector(p)
		if inspector != nil {
			return pass("Amazon Inspector scans the registry's images continuously", ie)
		}
		path := []model.Step{"image_scanning_configuration", 0, "scan_on_push"}
		a := r.Attr(path...)
		e := ev(p, r, path...)
		switch {
		case a.Unknown || r.Attr("image_scanning_configuration").Unknown:
			return unknown("image_scanning_configuration is known only after apply", e)
		case a.Value == nil:
			e.Value = "(not set: defaults to false)"
			if maybeDynamic(r, "image_scanning_configuration") {
				e = assumeUnset(e, "image_scanning_configuration")
			}
		}
		on, _ := boolOf(a.Value)
		switch {
		case on:
			return pass("images are scanned when pushed (basic scanning; not rescanned for vulnerabilities found later)", e)
		case inspectorWhy != "":
			return unknown("the repository does not scan on push, and "+inspectorWhy, e, ie)
		}
		return fail("no scanning covers the repository: scan_on_push is off and the plan configures no registry "+
			"scanning or Amazon Inspector for ECR", e)
	},
}

// ecrRegistryScanning returns the registry scanning configuration that
// governs repository r: the one in r's region, or the plan's only one
// when a region is unknown. why says when several may govern it.
func ecrRegistryScanning(p *model.Plan, r *model.Resource) (*model.Resource, string) {
	cfgs := p.OfType("aws_ecr_registry_scanning_configuration")
	region, regionKnown := ecrRegion(p, r)
	var candidates []*model.Resource
	for _, c := range cfgs {
		cr, ok := ecrRegion(p, c)
		if regionKnown && ok && cr != region {
			continue
		}
		candidates = append(candidates, c)
	}
	switch len(candidates) {
	case 0:
		return nil, ""
	case 1:
		return candidates[0], ""
	}
	return nil, "several registry scanning configurations may govern the repository: their regions are not known"
}

// ecrRegion is a resource's region: its own region argument (aws 6), or
// its provider configuration's.
func ecrRegion(p *model.Plan, r *model.Resource) (string, bool) {
	if s := strAt(r, "region"); s != "" {
		return s, true
	}
	return p.ProviderRegion(r)
}

// ecrFrequencies ranks scan frequencies: when a repository matches rules
// of several, ECR applies the highest.
var ecrFrequencies = []string{"MANUAL", "SCAN_ON_PUSH", "CONTINUOUS_SCAN"}

// ecrRuleFinding judges repository r by the registry scanning
// configuration cfg.
func ecrRuleFinding(p *model.Plan, r, cfg *model.Resource) check.Finding {
	typeEv := evAt(p, cfg, "scan_type")
	rulesEv := evAt(p, cfg, "rule")
	scanType := cfg.Attr("scan_type")
	if scanType.Unknown {
		return unknown("the registry's scan_type is known only after apply", typeEv)
	}
	if cfg.Attr("rule").Unknown || cfg.HasUnknown("rule") {
		return unknown("the registry's scanning rules are known only after apply", rulesEv)
	}
	nameAttr := r.Attr("name")
	name, nameKnown := nameAttr.Str()
	best, bestRank := "", -1
	var undecided bool
	for _, rule := range cfg.Attr("rule").List() {
		freq, _ := fieldOf(rule, "scan_frequency").(string)
		rank := slices.Index(ecrFrequencies, freq)
		for _, f := range k8sList(fieldOf(rule, "repository_filter")) {
			filter, _ := fieldOf(f, "filter").(string)
			switch {
			case filter == "*":
			case !nameKnown:
				undecided = true
				continue
			case !ecrWildcard(filter, name):
				continue
			}
			if rank > bestRank {
				best, bestRank = freq, rank
			}
		}
	}
	st, _ := scanType.Str()
	switch {
	case best == "CONTINUOUS_SCAN" && st == "ENHANCED":
		return pass("Amazon Inspector scans the repository's images continuously (enhanced scanning)", typeEv, rulesEv)
	case best == "SCAN_ON_PUSH" || best == "CONTINUOUS_SCAN":
		return pass(fmt.Sprintf("the registry scans the repository's images on push (%s scanning; not rescanned "+
			"for vulnerabilities found later)", strings.ToLower(st)), typeEv, rulesEv)
	case undecided:
		return unknown("the repository's name is known only after apply: whether a registry scanning rule matches it cannot be told",
			ev(p, r, "name"), rulesEv)
	case best == "MANUAL":
		return fail("the registry's scanning rule for the repository is MANUAL: its images are never scanned automatically",
			ev(p, r, "name"), rulesEv)
	}
	return fail("no rule of the registry's scanning configuration matches the repository: its images are never scanned "+
		"(the configuration overrides the repository's scan_on_push)", ev(p, r, "name"), rulesEv)
}

// ecrWildcard matches an ECR repository filter, where * stands for any
// characters.
func ecrWildcard(filter, name string) bool {
	parts := strings.Split(filter, "*")
	if len(parts) == 1 {
		return filter == name
	}
	if !strings.HasPrefix(name, parts[0]) {
		return false
	}
	rest := name[len(parts[0]):]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, mid)
		if i < 0 {
			return false
		}
		rest = rest[i+len(mid):]
	}
	return strings.HasSuffix(rest, parts[len(parts)-1])
}

// ecrInspector returns an aws_inspector2_enabler that activates ECR
// scanning; why says when one may, but its resource types are unknown.
func ecrInspector(p *model.Plan) (*model.Resource, string, check.Evidence) {
	var why string
	var e check.Evidence
	for _, en := range p.OfType("aws_inspector2_enabler") {
		a := en.Attr("resource_types")
		if a.Unknown || en.HasUnknown("resource_types") {
			why, e = "the resource types of the Amazon Inspector enabler are known only after apply", evAt(p, en, "resource_types")
			continue
		}
		if slices.Contains(a.Strings(), "ECR") {
			return en, "", evAt(p, en, "resource_types")
		}
	}
	return nil, why, e
}
