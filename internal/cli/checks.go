package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

func (a *app) checksCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List every check",
		Long: `Checks lists the catalogue: each check's ID, severity, section, category and
title. --format json writes every field of every check, for tools.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			switch format {
			case "text":
				return a.listChecksText()
			case "json":
				return a.listChecksJSON()
			}
			return usageError{fmt.Errorf("unknown format %q for checks (want json or text)", format)}
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `FMT`: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"json", "text"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) listChecksText() error {
	all := a.cat.all()
	if len(all) == 0 {
		_, err := fmt.Fprintln(a.stdout, "No checks are registered.")
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

func (a *app) listChecksJSON() error {
	out := []checkJSON{}
	for _, c := range a.cat.all() {
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
