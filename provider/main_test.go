package provider

import (
	"os"
	"testing"
)

// TestMain drops a TF_CLI_CONFIG_FILE that names a missing file (some
// machines set one), so that Terraform's warning about it does not clutter
// every acceptance test's output.
func TestMain(m *testing.M) {
	if f := os.Getenv("TF_CLI_CONFIG_FILE"); f != "" {
		if _, err := os.Stat(f); err != nil {
			os.Unsetenv("TF_CLI_CONFIG_FILE")
		}
	}
	os.Exit(m.Run())
}
