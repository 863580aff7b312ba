package policy

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// tagPaths are where resources keep their tags or labels. Earlier paths win
// for a key set in several: tags as written before tags_all, which adds the
// AWS provider's default_tags.
var tagPaths = []model.Path{
	{"tags"}, {"tags_all"},
	{"labels"}, {"effective_labels"}, {"terraform_labels"}, {"resource_labels"}, {"user_labels"},
	{"settings", 0, "user_labels"}, {"metadata", 0, "labels"},
}

// Tags are a resource's tags or labels, known at plan time.
type Tags map[string]string

// Get returns the value of the tag whose key equals key, ignoring case.
func (t Tags) Get(key string) (string, bool) {
	if v, ok := t[key]; ok {
		return v, true
	}
	for k, v := range t {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return "", false
}

// ResourceTags merges every known tag and label of r, including Auto Scaling
// groups' tag blocks. Unknown tag maps are left out.
func ResourceTags(r *model.Resource) Tags {
	out := Tags{}
	for _, path := range tagPaths {
		a := r.Attr(path...)
		if a.Unknown {
			continue
		}
		for _, f := range a.Object() {
			if _, seen := out[f.Name]; seen {
				continue
			}
			if s, ok := f.Value.(string); ok {
				out[f.Name] = s
			}
		}
	}
	// Auto Scaling groups' tag blocks, and the tags list of such maps they
	// had before AWS provider v5.
	for _, attr := range []string{"tag", "tags"} {
		for _, t := range r.Attr(attr).List() {
			o, _ := t.(model.Object)
			k, _ := o.Get("key")
			v, _ := o.Get("value")
			ks, ok1 := k.(string)
			vs, ok2 := v.(string)
			if _, seen := out[ks]; ok1 && ok2 && !seen {
				out[ks] = vs
			}
		}
	}
	return out
}
