package cli

import (
	"bytes"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

func (a *app) explainCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "explain CHECK_ID",
		Short: "Explain one check: why it matters and how to fix it",
		Long: `Explain describes one check: its title, severity, section and category, the
resource types it reads, why it matters, how to fix a failure, an example
that passes, and its documentation page. An old ID of a renamed check works too.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.explain(args[0])
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var ids []cobra.Completion
			for _, c := range a.cat.all() {
				ids = append(ids, c.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
	}
}

func (a *app) explain(id string) error {
	c, ok := a.cat.byID(id)
	if !ok {
		if s := suggest.DidYouMean(id, a.checkNames()); s != "" {
			return fmt.Errorf("unknown check %q.%s 'readiness checks' lists them", id, s)
		}
		return fmt.Errorf("unknown check %q: 'readiness checks' lists them", id)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: %s\n", c.ID, c.Title)
	if id != c.ID {
		fmt.Fprintf(&b, "(%s is a former ID of %s)\n", id, c.ID)
	}
	b.WriteString("\n")

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  severity\t%s\n", c.Severity)
	fmt.Fprintf(tw, "  profiles\t%s\n", profileSeverities(c.Meta))
	fmt.Fprintf(tw, "  section\t%s\n", c.Section)
	fmt.Fprintf(tw, "  category\t%s\n", c.Category)
	if c.Cloud != "" {
		fmt.Fprintf(tw, "  cloud\t%s\n", c.Cloud)
	}
	if len(c.ResourceTypes) > 0 {
		fmt.Fprintf(tw, "  resource types\t%s\n", strings.Join(c.ResourceTypes, ", "))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(tw, "  former IDs\t%s\n", strings.Join(c.Aliases, ", "))
	}
	fmt.Fprintf(tw, "  docs\t%s\n", c.DocsURL())
	if err := tw.Flush(); err != nil {
		return err
	}

	for _, part := range []struct{ title, text string }{
		{"Why it matters", c.Description},
		{"How to fix", c.Remediation},
		{"Example", c.Example},
	} {
		if strings.TrimSpace(part.text) != "" {
			fmt.Fprintf(&b, "\n%s\n%s\n", part.title, indent(part.text, "  "))
		}
	}
	_, err := a.stdout.Write(b.Bytes())
	return err
}

// checkNames are the IDs and former IDs explain knows.
func (a *app) checkNames() []string {
	var names []string
	for _, c := range a.cat.all() {
		names = append(names, c.ID)
		names = append(names, c.Aliases...)
	}
	return names
}

// profileSeverities says how each profile treats a check, e.g.
// "production high, staging high, development low".
func profileSeverities(m check.Meta) string {
	var parts []string
	for _, name := range profile.Names() {
		p, err := profile.Lookup(name)
		if err != nil {
			continue
		}
		if pm, enabled := p.Apply(m); enabled {
			parts = append(parts, name+" "+pm.Severity.String())
		} else {
			parts = append(parts, name+" not run")
		}
	}
	return strings.Join(parts, ", ")
}

// indent prefixes every non-empty line of text.
func indent(text, prefix string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
