package engine

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// The secret sits across the cap, so that a cap before redaction would
// leave its first part in the report.
var boundarySecret = "Zq" + strings.Repeat("s3cret", 20)

const boundaryPlan = `{"format_version":"1.2","resource_changes":[
 {"address":"aws_db_instance.db","mode":"managed","type":"aws_db_instance","name":"db","change":{"actions":["create"],
  "after":{"password":"SECRET","port":5432,"user_data":"LONG"},"after_unknown":{},"after_sensitive":{"password":true,"port":true}}}]}`

// careless prints raw values everywhere a check can put text: message,
// evidence, an error and a panic.
func careless(kind string) check.Check {
	c := check.Check{Meta: meta("t_careless_"+kind, "security", "access_control", check.SeverityHigh)}
	c.Resource = func(p *model.Plan, r *model.Resource) check.Finding {
		pw, _ := r.Attr("password").Str()
		port, _ := r.Attr("port").Number()
		data, _ := r.Attr("user_data").Str()
		switch kind {
		case "panic":
			panic("cannot parse " + pw)
		case "invalid":
			return check.Finding{Err: errors.New("bad condition near " + pw)}
		}
		return check.Finding{
			Status:  check.StatusFail,
			Message: strings.Repeat("m", MaxText-40) + pw,
			Evidence: []check.Evidence{
				{Attribute: "port", Value: fmt.Sprintf("listening on %g", port)},
				{Attribute: "user_data", Value: data},
				{Attribute: "password " + pw, Value: pw},
			},
		}
	}
	return c
}

func TestBoundaryRedactsAndCaps(t *testing.T) {
	t.Parallel()
	doc := strings.NewReplacer("SECRET", boundarySecret, "LONG", strings.Repeat("é", 200_000)).Replace(boundaryPlan)
	p, err := model.Decode("plan.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := profile.Lookup(profile.Default)
	checks := []check.Check{careless("finding"), careless("panic"), careless("invalid")}
	rep := Run([]*model.Plan{p}, checks, Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})

	var texts []string
	for _, r := range rep.Results {
		texts = append(texts, r.Message)
		for _, e := range r.Evidence {
			texts = append(texts, e.Attribute, e.Value)
		}
	}
	texts = append(texts, rep.Errors...)
	if len(rep.Results) != 1 || len(rep.Errors) != 2 || !rep.Invalid {
		t.Fatalf("want 1 result, a panic and an invalid check; got %d results, errors %q, invalid %t", len(rep.Results), rep.Errors, rep.Invalid)
	}
	for _, s := range texts {
		if strings.Contains(s, "Zqs3cret") || strings.Contains(s, "s3crets3cret") {
			t.Errorf("the secret (or its start) survives: %.80q…", s)
		}
		if len(s) > MaxText+40 {
			t.Errorf("a text of %d bytes passes the %d-byte cap", len(s), MaxText)
		}
		if !utf8.ValidString(s) {
			t.Errorf("the cap cut a character in two: …%q", s[len(s)-30:])
		}
	}
	res := rep.Results[0]
	if got := res.Evidence[0].Value; got != "listening on (sensitive)" {
		t.Errorf("the resource's marked number is printed: %q", got)
	}
	if got := res.Evidence[1].Value; !strings.HasSuffix(got, "… (400000 bytes)") {
		t.Errorf("a 400,000-byte value is not capped with its size: …%q", got[max(0, len(got)-40):])
	}
	if !strings.HasSuffix(res.Message, model.Redacted) {
		t.Errorf("the secret at the end of a long message is not redacted before the cap: …%q", res.Message[len(res.Message)-40:])
	}
}

func TestInputWording(t *testing.T) {
	t.Parallel()
	const text = "nothing in the plan enables it; The plan's alarms; this plan; planned values; a backup plan; the planet"
	tests := map[model.Kind]string{
		model.KindPlan:   text,
		model.KindState:  text,
		model.KindConfig: "nothing in the configuration enables it; The configuration's alarms; this configuration; planned values; a backup plan; the planet",
	}
	for kind, want := range tests {
		t.Run(string(kind), func(t *testing.T) {
			t.Parallel()
			p := model.NewPlan("in", kind, nil, nil, nil)
			if got := inputWording(p, text); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
