package cli

import (
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// clouds are the values of `checks --cloud`, as checks declare them.
var clouds = []string{"aws", "azure", "google", "kubernetes"}

// severities are the values of `checks --severity`.
var severities = []string{"critical", "high", "medium", "low"}

// checkFilter is what `readiness checks --profile --cloud --section
// --category --severity` asks for: a check is listed when it matches one
// value of each flag given. With a profile, only the checks it runs are
// listed, at the severity it gives them.
type checkFilter struct {
	clouds, sections, categories, severities []string
	profileName                              string
	profile                                  *profile.Profile
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
	if f.severities, err = oneOf("severity", f.severities, severities); err != nil {
		return err
	}
	if f.profileName != "" {
		p, err := profile.Lookup(f.profileName)
		if err != nil {
			return usageError{withSuggestion(err, f.profileName, profile.AcceptedNames())}
		}
		f.profile = &p
	}
	return nil
}

// matches reports whether the filter lists a check with metadata m. A
// check for any cloud (Cloud "") is listed under every cloud.
func (f checkFilter) matches(m check.Meta) bool {
	return (len(f.clouds) == 0 || m.Cloud == "" || slices.Contains(f.clouds, m.Cloud)) &&
		(len(f.sections) == 0 || slices.Contains(f.sections, m.Section)) &&
		(len(f.categories) == 0 || slices.Contains(f.categories, m.Category)) &&
		(len(f.severities) == 0 || slices.Contains(f.severities, m.Severity.String()))
}

// apply returns the checks the filter lists, in catalogue order, each
// with its metadata as the filter's profile sees it.
func (f checkFilter) apply(all []check.Check) []check.Check {
	var out []check.Check
	for _, c := range all {
		if f.profile != nil {
			m, runs := f.profile.Apply(c.Meta)
			if !runs {
				continue
			}
			c.Meta = m
		}
		if f.matches(c.Meta) {
			out = append(out, c)
		}
	}
	return out
}
