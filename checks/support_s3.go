package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// What an S3 bucket is for, where a check's question fits some buckets and
// not others: a bucket that serves a static website from its S3 website
// endpoint answers plain HTTP only (a policy that denies requests without
// TLS takes the site down), and a bucket that receives logs holds copies of
// what happened elsewhere, not data a regional outage would lose. The plan
// shows both through references or known names; each answer says how it
// was found, for evidence and tests. Read once per plan.

// s3Roles are the plan's website and log buckets, by resource and by known
// bucket name.
type s3Roles struct {
	website, logs             map[*model.Resource]string
	websiteByName, logsByName map[string]string
}

type s3RolesKey struct{}

// s3RolesOf reads the plan's website and log buckets once.
func s3RolesOf(p *model.Plan) *s3Roles {
	return p.Memo(s3RolesKey{}, func() any {
		x := &s3Roles{
			website: map[*model.Resource]string{}, logs: map[*model.Resource]string{},
			websiteByName: map[string]string{}, logsByName: map[string]string{},
		}
		x.readWebsites(p)
		x.readLogTargets(p)
		return x
	}).(*s3Roles)
}

// s3WebsiteBucket reports whether a bucket serves a static website from its
// S3 website endpoint: it has a website configuration (the inline website
// block, or an aws_s3_bucket_website_configuration), or a CloudFront origin
// reaches it through custom_origin_config at its website endpoint.
func s3WebsiteBucket(p *model.Plan, bucket *model.Resource) (string, bool) {
	if len(bucket.Attr("website").List()) > 0 {
		return "its website block configures the S3 website endpoint", true
	}
	if rs := s3Linked(p, bucket, "aws_s3_bucket_website_configuration"); len(rs) > 0 {
		return rs[0].Address + " configures the S3 website endpoint", true
	}
	x := s3RolesOf(p)
	if why, ok := x.website[bucket]; ok {
		return why, true
	}
	why, ok := x.websiteByName[strAt(bucket, "bucket")]
	return why, ok && strAt(bucket, "bucket") != ""
}

// s3LogBucket reports whether a bucket receives logs: S3 server access
// logs (another bucket's logging block, aws_s3_bucket_logging), load
// balancer access or connection logs, CloudTrail, VPC flow logs or
// CloudFront standard logs name it, or its ACL is log-delivery-write.
func s3LogBucket(p *model.Plan, bucket *model.Resource) (string, bool) {
	for _, r := range append([]*model.Resource{bucket}, s3Linked(p, bucket, "aws_s3_bucket_acl")...) {
		if strAt(r, "acl") == "log-delivery-write" {
			return r.Address + " grants log-delivery-write", true
		}
	}
	x := s3RolesOf(p)
	if why, ok := x.logs[bucket]; ok {
		return why, true
	}
	name := strAt(bucket, "bucket")
	why, ok := x.logsByName[name]
	return why, ok && name != ""
}

// logTargets are the attributes that name a bucket logs go to, and how a
// known value names it.
var logTargets = []struct {
	types []string
	path  model.Path
	name  func(string) string // the bucket name in a known value
}{
	{[]string{"aws_s3_bucket"}, model.Path{"logging", 0, "target_bucket"}, plainName},
	{[]string{"aws_s3_bucket_logging"}, model.Path{"target_bucket"}, plainName},
	{[]string{"aws_lb", "aws_alb", "aws_elb"}, model.Path{"access_logs", 0, "bucket"}, plainName},
	{[]string{"aws_lb", "aws_alb"}, model.Path{"connection_logs", 0, "bucket"}, plainName},
	{[]string{"aws_cloudtrail"}, model.Path{"s3_bucket_name"}, plainName},
	{[]string{"aws_flow_log"}, model.Path{"log_destination"}, arnBucketName},
	{[]string{"aws_cloudfront_distribution"}, model.Path{"logging_config", 0, "bucket"}, domainBucketName},
}

func plainName(s string) string { return s }

// arnBucketName reads the bucket of an S3 ARN (arn:aws:s3:::logs/prefix).
func arnBucketName(s string) string {
	const prefix = ":s3:::"
	i := strings.Index(s, prefix)
	if !strings.HasPrefix(s, "arn:") || i < 0 {
		return ""
	}
	name, _, _ := strings.Cut(s[i+len(prefix):], "/")
	return name
}

// domainBucketName reads the bucket of an S3 domain name
// (logs.s3.amazonaws.com, logs.s3.eu-west-1.amazonaws.com).
func domainBucketName(s string) string {
	name, _, ok := strings.Cut(s, ".s3.")
	if !ok {
		name, _, ok = strings.Cut(s, ".s3-")
	}
	if !ok {
		return ""
	}
	return name
}

func (x *s3Roles) readLogTargets(p *model.Plan) {
	for _, t := range logTargets {
		for _, src := range p.OfType(t.types...) {
			if !src.Exists() {
				continue
			}
			why := fmt.Sprintf("%s.%s names it", src.Address, t.path)
			if s := strAt(src, t.path...); s != "" {
				if name := t.name(s); name != "" && x.logsByName[name] == "" {
					x.logsByName[name] = why
				}
				continue
			}
			top, _ := t.path[0].(string)
			for _, b := range refsWithin(p, src, top, t.path[len(t.path)-1].(string)) {
				if b.Type == "aws_s3_bucket" && x.logs[b] == "" {
					x.logs[b] = why
				}
			}
		}
	}
}

// readWebsites finds the buckets that CloudFront reaches at their S3
// website endpoint: an origin with custom_origin_config whose domain_name
// refers to a bucket's website_endpoint or website_domain, or is known to
// be a website endpoint (NAME.s3-website-REGION.amazonaws.com,
// NAME.s3-website.REGION.amazonaws.com).
func (x *s3Roles) readWebsites(p *model.Plan) {
	for _, d := range p.OfType("aws_cloudfront_distribution") {
		if !d.Exists() {
			continue
		}
		for i, o := range d.Attr("origin").List() {
			if l, _ := fieldOf(o, "custom_origin_config").([]any); len(l) == 0 {
				continue
			}
			if s := strAt(d, "origin", i, "domain_name"); s != "" {
				if name, _, ok := strings.Cut(s, ".s3-website"); ok && name != "" {
					x.websiteByName[name] = fmt.Sprintf("%s has it as an HTTP origin at its website endpoint (%s)", d.Address, s)
				}
			}
		}
		for _, origin := range d.ConfigExpr("origin").Blocks() {
			domain := origin.Expr("domain_name")
			if !origin.Expr("custom_origin_config").Set() || !domain.Set() {
				continue
			}
			var refs []string
			for _, ref := range domain.Refs() {
				if r, _ := model.ParseRef(ref); r.Last == "website_endpoint" || r.Last == "website_domain" {
					refs = append(refs, ref)
				}
			}
			for _, b := range p.RefsOf(d, refs) {
				if b.Type == "aws_s3_bucket" && x.website[b] == "" {
					x.website[b] = fmt.Sprintf("%s has it as an HTTP origin at its website endpoint", d.Address)
				}
			}
		}
	}
}

// refsWithin returns the resources that the attribute attr of r's block
// top refers to (target_bucket inside logging), or of the top-level
// attribute top itself when attr is top.
func refsWithin(p *model.Plan, r *model.Resource, top, attr string) []*model.Resource {
	if top == attr {
		return p.Refs(r, top)
	}
	var refs []string
	for _, block := range r.ConfigExpr(top).Blocks() {
		refs = append(refs, block.Expr(attr).Refs()...)
	}
	return p.RefsOf(r, refs)
}
