package hclconfig

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestDefaultTags(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/default_tags").Plan
	tests := map[string]struct {
		address string
		want    any
		unknown bool
		absent  bool
	}{
		"defaults alone":          {address: "aws_s3_bucket.plain", want: model.Object{{Name: "environment", Value: "production"}, {Name: "owner", Value: "payments"}}},
		"own tags win":            {address: "aws_db_instance.tagged", want: model.Object{{Name: "environment", Value: "staging"}, {Name: "owner", Value: "payments"}, {Name: "team", Value: "orders"}}},
		"defaults unknown":        {address: "aws_s3_bucket.dr", unknown: true}, // owner from a variable without a value
		"a provider without them": {address: "aws_s3_bucket.bare", want: nil},
		"a type without tags_all": {address: "aws_s3_bucket_versioning.plain", absent: true},
		"in a module":             {address: "module.store.aws_dynamodb_table.this", want: model.Object{{Name: "environment", Value: "production"}, {Name: "owner", Value: "payments"}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := p.Lookup(tc.address)
			if r == nil {
				t.Fatalf("no %s", tc.address)
			}
			_, present := model.Lookup(r.After, model.Path{"tags_all"})
			a := r.Attr("tags_all")
			switch {
			case tc.absent:
				if present {
					t.Errorf("tags_all = %v, want none", a.Value)
				}
			case tc.unknown:
				if !r.HasUnknown("tags_all", "owner") {
					t.Errorf("tags_all = %v, want its owner known only after apply", a.Value)
				}
			default:
				got := a.Object()
				sort.Slice(got, func(i, j int) bool { return got[i].Name < got[j].Name })
				var want model.Object
				if tc.want != nil {
					want = tc.want.(model.Object)
				}
				if diff := cmp.Diff(want, got); diff != "" || a.Unknown {
					t.Errorf("tags_all (-want +got):\n%s (unknown %t)", diff, a.Unknown)
				}
			}
		})
	}
}

// TestAWSTaggableTypesAreCurrent holds awsTagsAll and awsUntagged to the
// real AWS provider schemas beside the project.
func TestAWSTaggableTypesAreCurrent(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../../shared/fixtures/schemas/aws.json")
	more, _ := filepath.Glob("../../../shared/fixtures/schemas/previous-major/aws-*.json")
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("the provider schemas are not beside the project (../shared/fixtures/schemas)")
	}
	tagged, untagged := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			ProviderSchemas map[string]struct {
				ResourceSchemas map[string]struct {
					Block struct {
						Attributes map[string]json.RawMessage `json:"attributes"`
					} `json:"block"`
				} `json:"resource_schemas"`
			} `json:"provider_schemas"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, ps := range doc.ProviderSchemas {
			for typ, s := range ps.ResourceSchemas {
				if _, ok := s.Block.Attributes["tags_all"]; ok {
					tagged[typ] = true
				} else {
					untagged[typ] = true
				}
			}
		}
	}
	for typ := range tagged {
		delete(untagged, typ)
	}
	if diff := cmp.Diff(tagged, awsTagsAll); diff != "" {
		t.Errorf("awsTagsAll differs from the schemas (-schemas +code):\n%s", diff)
	}
	if diff := cmp.Diff(untagged, awsUntagged); diff != "" {
		t.Errorf("awsUntagged differs from the schemas (-schemas +code):\n%s", diff)
	}
}
