package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

func (a *app) checksCommand() *cobra.Command {
	var format string
	var filter checkFilter
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
instance); gcp is google.`,
		Example: `  readiness checks --cloud aws --severity critical,high
  readiness checks --profile staging --section disaster_recovery
  readiness checks --section disaster_recovery --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if err := filter.parse(); err != nil {
				return err
			}
			switch format {
			case "text":
				return a.listChecksText(filter)
			case "json":
				return a.listChecksJSON(filter)
			}
			err := fmt.Errorf("unknown format %q for checks (want json or text)", format)
			return usageError{withSuggestion(err, format, []string{"json", "text"})}
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "text", "output `FMT`: text or json")
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
