package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

func (a *app) checksCommand() *cobra.Command {
	var format string
	var filter checkFilter
	var checklist bool
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List every check",
		Long: `Checks lists the catalogue: each check's ID, severity, section, category and
title. --format json writes every field of every check, for tools.

--profile lists the checks a profile runs, at the severity it gives them
(production, staging, development, or prod, stage, dev): staging and
development leave out the checks that ask for a second region, and
development reports most checks as low. Without it, each check's declared
severity is shown.

--cloud, --section, --category and --severity list only the checks they name;
each takes several values, repeated or separated by commas, and a check must
match every flag given (--severity the profile's severity, with --profile).
--cloud aws lists the AWS checks and those for any cloud (check blocks, for
instance); gcp is google.

--checklist prints the checklist instead: its 50 items by section, each with
its status, the checks that verify it (pass or fail), the evidence checks that
show a team's tooling exists (pass or unknown, never fail), and what is left
for the team to attest, manual items with the reason code cannot show them.
The statuses: verified (checks verify it), partly (checks verify it but for a
part the team attests), evidence (only evidence checks answer it), unchecked
(code could show it, no check does yet) and manual (code cannot show it).
There --section lists only that section's items, and the other flags choose
the checks that count: --cloud aws,kubernetes shows the checklist as an AWS
and Kubernetes stack sees it. docs/checklist.md is the same table.`,
		Example: `  readiness checks --cloud aws --severity critical,high
  readiness checks --profile staging --section disaster_recovery
  readiness checks --section disaster_recovery --format json
  readiness checks --checklist --cloud aws,kubernetes`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if err := filter.parse(); err != nil {
				return err
			}
			switch {
			case format == "text" && checklist:
				return a.checklistText(filter)
			case format == "json" && checklist:
				return a.checklistJSON(filter)
			case format == "text":
				return a.listChecksText(filter)
			case format == "json":
				return a.listChecksJSON(filter)
			}
			err := fmt.Errorf("unknown format %q for checks (want json or text)", format)
			return usageError{withSuggestion(err, format, []string{"json", "text"})}
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "text", "output `FMT`: text or json")
	f.BoolVar(&checklist, "checklist", false, "print the checklist's items, each with its status and the checks that answer it, instead of the checks")
	f.StringVar(&filter.profileName, "profile", "", "list the checks profile `NAME` runs, at its severities: "+strings.Join(profile.Names(), ", "))
	f.StringSliceVar(&filter.clouds, "cloud", nil, "list the checks of `CLOUD` (and those for any cloud): "+strings.Join(clouds, ", ")+"; repeatable")
	f.StringSliceVar(&filter.sections, "section", nil, "list the checks of the checklist `SECTION`: "+strings.Join(check.Sections, ", ")+"; repeatable")
	f.StringSliceVar(&filter.categories, "category", nil, "list the checks of `CATEGORY` (multi_az, backup, ...); repeatable")
	f.StringSliceVar(&filter.severities, "severity", nil, "list the checks of severity `LEVEL`: critical, high, medium or low; repeatable")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"json", "text"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("profile", cobra.FixedCompletions(profile.AcceptedNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("cloud", cobra.FixedCompletions(clouds, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("section", cobra.FixedCompletions(check.Sections, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("category", cobra.FixedCompletions(check.Categories, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("severity", cobra.FixedCompletions(severities, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) listChecksText(filter checkFilter) error {
	all := a.cat.all()
	if len(all) == 0 {
		_, err := fmt.Fprintln(a.stdout, "No checks are registered.")
		return err
	}
	if all = filter.apply(all); len(all) == 0 {
		_, err := fmt.Fprintln(a.stdout, "No check matches these filters.")
		return err
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tSECTION\tCATEGORY\tTITLE")
	for _, c := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.ID, c.Severity, c.Section, c.Category, c.Title)
	}
	return tw.Flush()
}

// checkJSON is one check as `readiness checks --format json` writes it.
type checkJSON struct {
	ID            string         `json:"id"`
	Aliases       []string       `json:"aliases"`
	Title         string         `json:"title"`
	Section       string         `json:"section"`
	Category      string         `json:"category"`
	Severity      check.Severity `json:"severity"`
	Cloud         string         `json:"cloud"`
	ResourceTypes []string       `json:"resource_types"`
	Description   string         `json:"description"`
	Remediation   string         `json:"remediation"`
	Example       string         `json:"example"`
	Docs          string         `json:"docs"`
}

func (a *app) listChecksJSON(filter checkFilter) error {
	out := []checkJSON{}
	for _, c := range filter.apply(a.cat.all()) {
		out = append(out, checkJSON{
			ID:            c.ID,
			Aliases:       orEmpty(c.Aliases),
			Title:         c.Title,
			Section:       c.Section,
			Category:      c.Category,
			Severity:      c.Severity,
			Cloud:         c.Cloud,
			ResourceTypes: orEmpty(c.ResourceTypes),
			Description:   c.Description,
			Remediation:   c.Remediation,
			Example:       c.Example,
			Docs:          c.DocsURL(),
		})
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// checklistAnswers answers the checklist with the checks the filter
// chooses; its sections choose the items instead of the checks.
func (a *app) checklistAnswers(filter checkFilter) []check.Answer {
	sections := filter.sections
	filter.sections = nil
	var out []check.Answer
	for _, ans := range check.Answers(filter.apply(a.cat.all())) {
		if len(sections) == 0 || slices.Contains(sections, ans.Section) {
			out = append(out, ans)
		}
	}
	return out
}

func (a *app) checklistText(filter checkFilter) error {
	answers := a.checklistAnswers(filter)
	count := check.Count(answers)
	var parts []string
	for _, s := range check.ItemStatuses {
		parts = append(parts, fmt.Sprintf("%d %s", count[s], s))
	}
	w := &errWriter{w: a.stdout}
	fmt.Fprintf(w, "%d checklist items: %s.\n", len(answers), strings.Join(parts, ", "))
	section := ""
	for _, ans := range answers {
		if ans.Section != section {
			section = ans.Section
			fmt.Fprintf(w, "\n%s. %s (%s)\n", strings.SplitN(ans.Number, ".", 2)[0], check.SectionTitles[section], section)
		}
		fmt.Fprintf(w, "  %-5s %-10s%s\n", ans.Number, ans.Status, ans.Text)
		line := func(label, value string) {
			if value != "" {
				fmt.Fprintf(w, "  %5s %-10s%s\n", "", label, value)
			}
		}
		line("checks", strings.Join(ans.Verifying, ", "))
		line("evidence", strings.Join(ans.Evidence, ", "))
		key := ""
		if ans.Attest != "" {
			key = fmt.Sprintf(" (attest %q in .readiness.hcl)", ans.Attest)
		}
		if ans.Manual != "" {
			line("manual", ans.Manual+key)
		} else if ans.Rest != "" {
			line("attest", ans.Rest+key)
		}
	}
	return w.err
}

// errWriter keeps the first write error, so a long listing checks it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// checklistJSON is the checklist as `readiness checks --checklist --format
// json` writes it.
type checklistJSON struct {
	Counts checklistCounts `json:"counts"`
	Items  []itemJSON      `json:"items"`
}

type checklistCounts struct {
	Items     int `json:"items"`
	Verified  int `json:"verified"`
	Partly    int `json:"partly"`
	Evidence  int `json:"evidence"`
	Unchecked int `json:"unchecked"`
	Manual    int `json:"manual"`
}

type itemJSON struct {
	Number   string           `json:"number"`
	Section  string           `json:"section"`
	Text     string           `json:"text"`
	Status   check.ItemStatus `json:"status"`
	Checks   []string         `json:"checks"`
	Evidence []string         `json:"evidence"`
	Manual   string           `json:"manual"`
	ToAttest string           `json:"to_attest"`
	Attest   string           `json:"attest"`
}

func (a *app) checklistJSON(filter checkFilter) error {
	answers := a.checklistAnswers(filter)
	n := check.Count(answers)
	out := checklistJSON{
		Counts: checklistCounts{Items: len(answers), Verified: n[check.ItemVerified], Partly: n[check.ItemPartly],
			Evidence: n[check.ItemEvidence], Unchecked: n[check.ItemUnchecked], Manual: n[check.ItemManual]},
		Items: []itemJSON{},
	}
	for _, ans := range answers {
		out.Items = append(out.Items, itemJSON{
			Number: ans.Number, Section: ans.Section, Text: ans.Text, Status: ans.Status,
			Checks: ans.Verifying, Evidence: ans.Evidence, Manual: ans.Manual, ToAttest: ans.Rest, Attest: ans.Attest,
		})
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
