package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(a.stdout, "readiness %s\n", versionString(Version, Commit))
			return err
		},
	}
}

// versionString is the version, with the commit when the build recorded it.
func versionString(version, commit string) string {
	if commit == "" {
		return version
	}
	return version + " (commit " + commit + ")"
}
