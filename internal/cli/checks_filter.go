package cli

import (
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

// clouds are the values of `checks --cloud`, as checks declare them.
var clouds = []string{"aws", "azure", "google", "kubernetes"}

// severities are the values of `checks --severity`.
var severities = []string{"critical", "high", "medium", "low"}

// checkFilter is what `readiness checks --cloud --section --category
// --severity` asks for: a check is listed when it matches one value of
// each flag given.
type checkFilter struct {
	clouds, sections, categories, severities []string
}

// parse checks the values and brings them to their catalogue spelling.
func (f *checkFilter) parse() error {
	for i, v := range f.clouds {
		if strings.EqualFold(v, "gcp") {
			f.clouds[i] = "google"
		}
	}
	var err error
	if f.clouds, err = oneOf("cloud", f.clouds, clouds); err != nil {
		return err
	}
	if f.sections, err = oneOf("section", f.sections, check.Sections); err != nil {
		return err
	}
	if f.categories, err = oneOf("category", f.categories, check.Categories); err != nil {
		return err
	}
	f.severities, err = oneOf("severity", f.severities, severities)
	return err
}

// matches reports whether the filter lists a check with metadata m. A
// check for any cloud (Cloud "") is listed under every cloud.
func (f checkFilter) matches(m check.Meta) bool {
	return (len(f.clouds) == 0 || m.Cloud == "" || slices.Contains(f.clouds, m.Cloud)) &&
		(len(f.sections) == 0 || slices.Contains(f.sections, m.Section)) &&
		(len(f.categories) == 0 || slices.Contains(f.categories, m.Category)) &&
		(len(f.severities) == 0 || slices.Contains(f.severities, m.Severity.String()))
}

// apply returns the checks the filter lists, in catalogue order.
func (f checkFilter) apply(all []check.Check) []check.Check {
	var out []check.Check
	for _, c := range all {
		if f.matches(c.Meta) {
			out = append(out, c)
		}
	}
	return out
}
