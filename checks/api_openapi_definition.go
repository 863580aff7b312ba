package checks

import (
	"encoding/json"
	"regexp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// apiGatewayAPITypes are the APIs that an OpenAPI document may define.
var apiGatewayAPITypes = []string{"aws_api_gateway_rest_api", "aws_apigatewayv2_api"}

// apiDocumentationTypes document a REST API part by part.
var apiDocumentationTypes = []string{"aws_api_gateway_documentation_part", "aws_api_gateway_documentation_version"}

// yamlOpenAPIKey finds the top-level openapi or swagger key of a YAML
// document.
var yamlOpenAPIKey = regexp.MustCompile(`(?m)^["']?(openapi|swagger)["']?\s*:`)

// APIOpenAPIDefinition shows that the plan's APIs are defined by an OpenAPI
// (or Swagger) document, or documented in API Gateway: the API's
// documentation exists and is versioned with its code. Whether it is
// complete and current is for the team to attest.
var APIOpenAPIDefinition = check.Check{
	Meta: check.Meta{
		ID:            "api_openapi_definition",
		Title:         "APIs are defined by an OpenAPI document",
		Section:       "release",
		Category:      "api_documentation",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		Evidence:      true,
		ResourceTypes: typeSet(apiGatewayAPITypes, apiDocumentationTypes),
		Description: "An API whose definition is an OpenAPI (Swagger) document has its documentation in the " +
			"same change as its routes, so clients and reviewers read what is deployed. The check looks at " +
			"plans with API Gateway APIs and passes when every one of them is defined by a body holding an " +
			"OpenAPI or Swagger document, or documented by API Gateway documentation parts. Otherwise it is " +
			"unknown, once per plan: a service behind a load balancer often serves its own document " +
			"(FastAPI's /openapi.json), which the team attests. It never fails; plans without API Gateway " +
			"get no finding.",
		Remediation: "Define the API from its OpenAPI document (body = file(\"openapi.yaml\")), or document it " +
			"with aws_api_gateway_documentation_part and publish an aws_api_gateway_documentation_version; " +
			"or attest where the service publishes its document.",
		Example: `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  body = file("${path.module}/openapi.yaml")
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		apis := p.OfType(apiGatewayAPITypes...)
		if len(apis) == 0 {
			return nil
		}
		docs := p.OfType(apiDocumentationTypes...)
		var found, notes []check.Evidence
		var undefined []*model.Resource
		for _, r := range apis {
			body := r.Attr("body")
			switch s, _ := body.Str(); {
			case body.Unknown:
				notes = append(notes, evText(r.Address+".body", "known only after apply"))
				undefined = append(undefined, r)
			case openAPIDocument(s):
				found = append(found, evText(r.Address+".body", "an OpenAPI document"))
			case r.Type == "aws_api_gateway_rest_api" && len(docs) > 0:
				found = append(found, evText(r.Address, "documented by %s", someOf(docs)))
			default:
				undefined = append(undefined, r)
			}
		}
		if len(undefined) > 0 {
			return evidenceVerdict(nil, "", "the plan defines APIs without an OpenAPI document or documentation parts: "+
				"attest where their documentation is published", "APIs without a document", undefined, append(found, notes...)...)
		}
		return evidenceVerdict(found, "every API is defined by an OpenAPI document or documented", "", "", nil)
	},
}

// openAPIDocument reports whether an API's body is an OpenAPI or Swagger
// document: JSON with a top-level openapi or swagger member, or YAML with
// such a top-level key.
func openAPIDocument(body string) bool {
	if body == "" {
		return false
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &doc) == nil {
		_, oa := doc["openapi"]
		_, sw := doc["swagger"]
		return oa || sw
	}
	return yamlOpenAPIKey.MatchString(body)
}
