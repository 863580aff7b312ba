package docgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// ProfilesPage is the page that names each profile's exact check set.
const ProfilesPage = "docs/profiles/README.md"

// profiles renders every profile: what it changes, the checks it does not
// run, and every check's severity under each profile.
func profiles(checks []check.Check) []byte {
	sorted := append([]check.Check(nil), checks...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	names := profileOrder()

	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("# Profiles\n\n" +
		"A profile decides which checks run and at what severity, for an environment tier. Name it with " +
		"`readiness scan --profile`, `profile` in `.readiness.hcl`, or the provider's and the scanning data " +
		"sources' `profile`; a resource whose tier tag (`tier_tags` in `.readiness.hcl`) names a tier is judged " +
		"with that tier's profile. `readiness checks --profile NAME` lists the checks a profile runs.\n\n" +
		"| Profile | Also accepted | Tier tag values |\n|---|---|---|\n")
	for _, n := range names {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", n, codeList(aliasesOf(n)), codeList(tierValuesOf(n)))
	}
	b.WriteString("\nThe recovery objective checks and a team's own checks of `.readiness.hcl` follow the same " +
		"rules: development reports them as low, and a team check of category `multi_region` runs in production only.\n")

	for _, n := range names {
		p, _ := profile.Lookup(n)
		var off []string
		runs := 0
		for _, c := range sorted {
			if _, ok := p.Apply(c.Meta); ok {
				runs++
			} else {
				off = append(off, fmt.Sprintf("[`%s`](../checks/%s.md)", c.ID, strings.ToLower(c.ID)))
			}
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n%d of %d checks run.", n, p.Description, runs, len(sorted))
		if len(off) > 0 {
			fmt.Fprintf(&b, " Not run: %s.", strings.Join(off, ", "))
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Every check by profile\n\nThe severity each profile gives a check; `off` where it does not run.\n\n| Check |")
	for _, n := range names {
		fmt.Fprintf(&b, " %s |", n)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(names)) + "\n")
	for _, c := range sorted {
		fmt.Fprintf(&b, "| [`%s`](../checks/%s.md) |", c.ID, strings.ToLower(c.ID))
		for _, n := range names {
			p, _ := profile.Lookup(n)
			cell := "off"
			if m, ok := p.Apply(c.Meta); ok {
				cell = m.Severity.String()
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// profilesRunning lists the profiles that run a check, in profileOrder.
func profilesRunning(m check.Meta) []string {
	var out []string
	for _, n := range profileOrder() {
		if p, err := profile.Lookup(n); err == nil {
			if _, ok := p.Apply(m); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// profileOrder is production first, then each profile that asks less.
func profileOrder() []string {
	order := map[string]int{profile.Default: 0, "staging": 1, "development": 2}
	names := profile.Names()
	sort.SliceStable(names, func(i, j int) bool { return order[names[i]] < order[names[j]] })
	return names
}

func aliasesOf(name string) []string {
	var out []string
	for _, a := range profile.Aliases() {
		if p, err := profile.Lookup(a); err == nil && p.Name == name {
			out = append(out, a)
		}
	}
	return out
}

func tierValuesOf(name string) []string {
	var out []string
	for _, v := range profile.TierValues() {
		if p, ok := profile.ForTier(v); ok && p.Name == name {
			out = append(out, v)
		}
	}
	return out
}

func codeList(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return "`" + strings.Join(list, "`, `") + "`"
}
