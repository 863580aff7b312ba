package schematest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Verdict is what the schemas say of one fixture.
type Verdict struct {
	Checked int            // resource instances held to a schema (one per section that writes them)
	Skipped map[string]int // instances by type that no stored schema knows
	Fits    map[string][]*Version
	// Problems, one line each: "address: path: what in aws 5.100.0 or 6.47.0".
	Problems []string
}

// Judge holds every resource instance of a fixture that a stored schema
// knows to the schemas of its provider. All the instances of one provider
// must fit one version of it together: a plan is made with one version of
// each provider. Fits gives the versions that accept them all.
func (s *Schemas) Judge(f *Fixture) Verdict {
	out := Verdict{Skipped: map[string]int{}, Fits: map[string][]*Version{}}
	out.Problems = append(out.Problems, f.Problems...)
	byProvider := map[string][]Resource{}
	for _, r := range f.Resources {
		mode := r.Mode
		if mode != "data" {
			mode = "managed"
		}
		if !s.Knows(r.Provider, mode, r.Type) {
			out.Skipped[r.Type]++
			continue
		}
		out.Checked++
		byProvider[r.Provider] = append(byProvider[r.Provider], r)
	}
	for _, p := range slices.Sorted(maps.Keys(byProvider)) {
		out.Problems = append(out.Problems, s.judgeProvider(p, byProvider[p], &out)...)
	}
	for i, p := range out.Problems {
		out.Problems[i] = printable(p)
	}
	return out
}

// printable escapes what a terminal would act on (control characters,
// bidi overrides) in a problem quoting a hostile fixture's text.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError, unicode.IsGraphic(r):
			b.WriteRune(r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

// missing stands for a version without the type at all: it never counts as
// the nearest version.
const missing = 1 << 30

func (s *Schemas) judgeProvider(provider string, rs []Resource, out *Verdict) []string {
	versions := s.Versions(provider)
	// problems[i][j]: resource i held to version j.
	problems := make([][][]Problem, len(rs))
	count := make([][]int, len(rs))
	for i, r := range rs {
		problems[i] = make([][]Problem, len(versions))
		count[i] = make([]int, len(versions))
		for j, v := range versions {
			mode := r.Mode
			if mode != "data" {
				mode = "managed"
			}
			sch := v.Schema(mode, r.Type)
			if sch == nil {
				count[i][j] = missing
				continue
			}
			for _, val := range r.Values {
				problems[i][j] = append(problems[i][j], Check(mode, r.Type, sch, val)...)
			}
			count[i][j] = len(problems[i][j])
		}
	}
	for j, v := range versions {
		if !slices.ContainsFunc(count, func(c []int) bool { return c[j] != 0 }) {
			out.Fits[provider] = append(out.Fits[provider], v)
		}
	}
	if len(out.Fits[provider]) > 0 {
		return nil
	}
	var lines []string
	fitsSome := true
	for i, r := range rs {
		if slices.Contains(count[i], 0) {
			continue
		}
		fitsSome = false
		lines = append(lines, describe(r, versions, problems[i], count[i])...)
	}
	if fitsSome {
		// Each fits some version, but no version fits them all.
		var parts []string
		for i, r := range rs {
			var fit []string
			for j, v := range versions {
				if count[i][j] == 0 {
					fit = append(fit, v.Version)
				}
			}
			if len(fit) < len(versions) {
				parts = append(parts, r.Where+" only in "+strings.Join(fit, ", "))
			}
		}
		lines = append(lines, fmt.Sprintf("no one version of %s fits every resource: %s", provider, strings.Join(parts, "; ")))
	}
	return lines
}

// describe lists the problems of a resource no version accepts: those of
// the versions it comes nearest to fitting, each with every version it
// occurs in.
func describe(r Resource, versions []*Version, problems [][]Problem, count []int) []string {
	least := slices.Min(count)
	if least == missing {
		var names []string
		for _, v := range versions {
			names = append(names, v.Version)
		}
		return []string{fmt.Sprintf("%s: %s is no %s of %s %s", r.Where, r.Type, kindOf(r.Mode), versions[0].Provider, orList(names))}
	}
	in := map[Problem][]string{}
	for j, ps := range problems {
		for _, p := range ps {
			if !slices.Contains(in[p], versions[j].Version) {
				in[p] = append(in[p], versions[j].Version)
			}
		}
	}
	var lines []string
	seen := map[Problem]bool{}
	for j, ps := range problems {
		if count[j] != least {
			continue
		}
		for _, p := range ps {
			if seen[p] {
				continue
			}
			seen[p] = true
			lines = append(lines, fmt.Sprintf("%s: %s in %s %s", r.Where, p, versions[j].Provider, orList(in[p])))
		}
	}
	if len(lines) > 0 {
		var others []string
		for j, v := range versions {
			switch {
			case count[j] == missing:
				others = append(others, v.Version+" has no such type")
			case count[j] != least:
				others = append(others, fmt.Sprintf("%s has %d problems with it", v.Version, count[j]))
			}
		}
		if len(others) > 0 {
			lines[len(lines)-1] += "; of the rest, " + strings.Join(others, ", ")
		}
	}
	return lines
}

func kindOf(mode string) string {
	if mode == "data" {
		return "data source"
	}
	return "resource type"
}

func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
