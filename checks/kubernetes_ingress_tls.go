package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesIngressTLS requires a Kubernetes Ingress to serve HTTPS.
var KubernetesIngressTLS = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_ingress_tls",
		Title:         "Kubernetes Ingress serves HTTPS",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "kubernetes",
		ResourceTypes: []string{"kubernetes_ingress_v1", "kubernetes_ingress", "kubernetes_manifest"},
		Description: "An Ingress that serves plain HTTP sends its users' requests, cookies and tokens in clear " +
			"text. An Ingress serves HTTPS when its spec has a tls section, or, for the AWS Load Balancer " +
			"Controller (whose ALBs are not in the plan, so the aws_lb_* checks never see them), when its " +
			"alb.ingress.kubernetes.io/certificate-arn annotation names a certificate or its listen-ports " +
			"annotation opens an HTTPS port (the controller then finds a certificate for the hosts); Traefik's " +
			"router.tls and GKE's pre-shared or managed certificate annotations count too. An ALB whose scheme " +
			"is internal (the controller's default) is reported at medium severity, and so is an Ingress of another " +
			"controller (NGINX, ...), whose own load balancer may terminate TLS where the Ingress does not show it. " +
			"An Ingress of an ALB group (group.name) shares its listeners with the group: another Ingress of the " +
			"group with a certificate serves it HTTPS, and a group with none in the plan is unknown.",
		Remediation: "Add a tls block with the hosts and the Secret holding their certificate, or, on the AWS " +
			"Load Balancer Controller, set alb.ingress.kubernetes.io/certificate-arn to an ACM certificate, " +
			"listen-ports to [{\"HTTP\": 80}, {\"HTTPS\": 443}] and ssl-redirect to 443.",
		Example: `resource "kubernetes_ingress_v1" "api" {
  metadata {
    name = "api"
    annotations = {
      "alb.ingress.kubernetes.io/scheme"          = "internet-facing"
      "alb.ingress.kubernetes.io/certificate-arn" = aws_acm_certificate.api.arn
      "alb.ingress.kubernetes.io/listen-ports"    = jsonencode([{ HTTP = 80 }, { HTTPS = 443 }])
      "alb.ingress.kubernetes.io/ssl-redirect"    = "443"
    }
  }
  spec {
    ingress_class_name = "alb"
    # rule { ... }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		paths, ok := ingressPaths(r)
		if !ok {
			return check.Skip
		}
		tls := r.Attr(paths.tls...)
		tlsEv := ev(p, r, paths.tls...)
		switch {
		case tls.Unknown:
			return unknown("the ingress's tls section is known only after apply", tlsEv)
		case len(tls.List()) > 0:
			return pass("the ingress terminates TLS for its hosts (spec.tls)", tlsEv)
		}
		ann := r.Attr(paths.annotations...)
		annEv := ev(p, r, paths.annotations...)
		if ann.Unknown {
			return unknown("the ingress's annotations are known only after apply", tlsEv, annEv)
		}
		for _, key := range ingressTLSAnnotations {
			a := r.Attr(subPath(paths.annotations, key)...)
			e := ev(p, r, subPath(paths.annotations, key)...)
			e.Attribute = model.Path(paths.annotations).String() + `["` + key + `"]`
			if a.Unknown {
				return unknown("the ingress's "+key+" annotation is known only after apply", e)
			}
			v, _ := a.Str()
			if ingressTLSValue(key, v) {
				return pass("the ingress serves HTTPS ("+key+")", e)
			}
		}
		groupKey := subPath(paths.annotations, "alb.ingress.kubernetes.io/group.name")
		if group, _ := r.Attr(groupKey...).Str(); group != "" {
			// The group's Ingresses share one ALB and its listeners.
			if other := ingressGroupTLS(p, r, group); other != nil {
				return pass("another Ingress of its ALB group gives the shared load balancer an HTTPS listener: "+
					other.Address, ev(p, r, groupKey...))
			}
			return unknown("the ingress joins an ALB group whose HTTPS listener may come from an Ingress outside the plan",
				ev(p, r, groupKey...), tlsEv)
		}
		f := fail("the ingress serves HTTP only: it has no tls section and no annotation that gives its load balancer "+
			"a certificate or an HTTPS listener", tlsEv, annEv)
		switch {
		case !ingressALB(r, paths):
			// Its controller's own load balancer may terminate TLS, which
			// the Ingress does not show: visible, not blocking.
			f.Severity = check.SeverityMedium
			f.Message += ", unless its controller terminates TLS at its own load balancer"
		case ingressInternalALB(r, paths):
			f.Severity = check.SeverityMedium
			f.Message += " (an internal ALB)"
		}
		return f
	},
}

// ingressGroupTLS returns another Ingress of the plan in the same ALB
// group that gives the group's load balancer an HTTPS listener, or nil.
func ingressGroupTLS(p *model.Plan, r *model.Resource, group string) *model.Resource {
	for _, typ := range []string{"kubernetes_ingress_v1", "kubernetes_ingress", "kubernetes_manifest"} {
		for _, o := range p.OfType(typ) {
			paths, ok := ingressPaths(o)
			if o == r || !ok {
				continue
			}
			if g, _ := o.Attr(subPath(paths.annotations, "alb.ingress.kubernetes.io/group.name")...).Str(); g != group {
				continue
			}
			if len(o.Attr(paths.tls...).List()) > 0 {
				return o
			}
			for _, key := range ingressTLSAnnotations {
				if v, _ := o.Attr(subPath(paths.annotations, key)...).Str(); ingressTLSValue(key, v) {
					return o
				}
			}
		}
	}
	return nil
}

// ingressTLSAnnotations are the controller annotations that give an
// Ingress an HTTPS listener.
var ingressTLSAnnotations = []string{
	"alb.ingress.kubernetes.io/certificate-arn",
	"alb.ingress.kubernetes.io/listen-ports",
	"traefik.ingress.kubernetes.io/router.tls",
	"ingress.gcp.kubernetes.io/pre-shared-cert",
	"networking.gke.io/managed-certificates",
}

// ingressTLSValue reports whether an annotation's value turns TLS on.
func ingressTLSValue(key, v string) bool {
	v = strings.TrimSpace(v)
	switch key {
	case "alb.ingress.kubernetes.io/listen-ports":
		return strings.Contains(strings.ToUpper(v), `"HTTPS"`)
	case "traefik.ingress.kubernetes.io/router.tls":
		b, ok := boolOf(v)
		return ok && b
	}
	return v != ""
}

type ingressPath struct {
	tls, annotations, className []model.Step
}

// ingressPaths returns where an Ingress resource holds its TLS section,
// annotations and class, for the typed resources and for manifests.
func ingressPaths(r *model.Resource) (ingressPath, bool) {
	switch r.Type {
	case "kubernetes_ingress_v1", "kubernetes_ingress":
		return ingressPath{
			tls:         []model.Step{"spec", 0, "tls"},
			annotations: []model.Step{"metadata", 0, "annotations"},
			className:   []model.Step{"spec", 0, "ingress_class_name"},
		}, true
	case "kubernetes_manifest":
		if kind, _ := r.Attr("manifest", "kind").Str(); kind != "Ingress" {
			return ingressPath{}, false
		}
		return ingressPath{
			tls:         []model.Step{"manifest", "spec", "tls"},
			annotations: []model.Step{"manifest", "metadata", "annotations"},
			className:   []model.Step{"manifest", "spec", "ingressClassName"},
		}, true
	}
	return ingressPath{}, false
}

// ingressInternalALB reports whether an Ingress belongs to the AWS Load
// Balancer Controller with an internal scheme (its default).
func ingressInternalALB(r *model.Resource, paths ingressPath) bool {
	scheme, _ := r.Attr(subPath(paths.annotations, "alb.ingress.kubernetes.io/scheme")...).Str()
	return ingressALB(r, paths) && scheme != "internet-facing"
}

// ingressALB reports whether an Ingress belongs to the AWS Load Balancer
// Controller, which builds its load balancer from the Ingress alone.
func ingressALB(r *model.Resource, paths ingressPath) bool {
	class, _ := r.Attr(paths.className...).Str()
	legacy, _ := r.Attr(subPath(paths.annotations, "kubernetes.io/ingress.class")...).Str()
	if class == "alb" || legacy == "alb" {
		return true
	}
	for _, f := range r.Attr(paths.annotations...).Object() {
		if strings.HasPrefix(f.Name, "alb.ingress.kubernetes.io/") {
			return true
		}
	}
	return false
}
