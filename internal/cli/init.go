package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/config"
)

func (a *app) initCommand() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter " + config.FileName,
		Long: `Init writes a commented starter configuration to FILE (default
` + config.FileName + ` in the working directory): profile, threshold, tier tags,
and commented examples of every setting. It refuses to replace an existing
file unless --force is given.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			path := config.FileName
			if len(args) == 1 {
				path = args[0]
			}
			if _, err := os.Stat(path); err == nil && !force {
				return fmt.Errorf("%s already exists; use --force to replace it", path)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("write %s: %w", path, describeOSError(err))
			}
			if err := writeFile(path, writeBytes([]byte(config.Starter))); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
			_, err := fmt.Fprintf(a.stdout, "wrote %s: edit it, then run 'readiness scan PLAN'\n", path)
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}
