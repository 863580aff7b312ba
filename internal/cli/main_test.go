package cli

import (
	"os"
	"testing"
)

// helperEnv makes the test binary run the readiness command as main does,
// signal handling included, for tests that start it as a process.
const helperEnv = "READINESS_TEST_RUN_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		exit := HandleSignals(os.Stderr, os.Exit)
		exit(Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
