// Package cli is the readiness command line: scan plans, list and explain
// checks. Run takes its arguments and output streams and returns the exit
// code, so that it runs in-process in tests.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-colorable"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// Exit codes.
const (
	// ExitReady: no failure at or above --fail-on (or a command other than
	// scan succeeded).
	ExitReady = 0
	// ExitError: bad usage, an unreadable input, an unwritable output, or a
	// plan otherwise ready that was not judged whole.
	ExitError = 1
	// ExitNotReady: at least one failure at or above --fail-on.
	ExitNotReady = 2
)

// Version and Commit are set at build time by GoReleaser:
//
//	-X github.com/prodready/terraform-provider-readiness/internal/cli.Version={{.Version}}
//	-X github.com/prodready/terraform-provider-readiness/internal/cli.Commit={{.ShortCommit}}
var (
	Version = "dev"
	Commit  = ""
)

// Run runs the readiness command with args (without the program name) and
// returns the exit code. It never calls os.Exit.
func Run(args []string, stdout, stderr io.Writer) int {
	return runWith(args, stdout, stderr, catalogue{all: checks.All, byID: checks.ByID})
}

// catalogue is the set of checks the commands read; tests substitute their
// own.
type catalogue struct {
	all  func() []check.Check
	byID func(id string) (check.Check, bool)
}

// app is one invocation's state, shared by the commands.
type app struct {
	stdout, stderr io.Writer
	color          bool // stdout is a terminal that accepts colour
	cat            catalogue
	code           int
	// started is set once flags and arguments are parsed: errors before
	// that are usage errors.
	started bool
	// stdin is what `scan -` reads: os.Stdin when nil (tests set it).
	stdin io.Reader
	// forceProgress draws the progress bar whatever stderr and CI are
	// (tests).
	forceProgress bool
	// getenv reads the environment: os.Getenv when nil (tests set it).
	getenv func(string) string
}

// usageError is a mistake in the command line found by a command itself.
type usageError struct{ error }

func runWith(args []string, stdout, stderr io.Writer, cat catalogue) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "readiness: missing command: scan, checks, explain, init, serve or version\nRun 'readiness --help' for usage.\n")
		return ExitError
	}
	color := false
	if f, ok := stdout.(*os.File); ok && isTerminal(f) && colorAllowed(os.Getenv) {
		color = true
		stdout = colorable.NewColorable(f)
	}
	return runApp(&app{stdout: stdout, stderr: stderr, cat: cat, code: ExitReady, color: color}, args)
}

// runApp runs the command line with a, whose color says whether standard
// output is a terminal that accepts colour (tests set it as a terminal would).
func runApp(a *app, args []string) int {
	stderr := a.stderr
	root := a.rootCommand()
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return a.code
	}
	for _, e := range unjoin(err) {
		fmt.Fprintf(stderr, "readiness: %s\n", report.SafeLine(oneLine(e.Error())))
	}
	var ue usageError
	if !a.started || errors.As(err, &ue) {
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return ExitError
}

const rootHelp = `readiness judges Terraform plans against a production-readiness checklist
(alerts, on-call, deployment, observability, disaster recovery, security) and
says whether they are ready for production.

  readiness scan plan.json      judge plans, states or directories of .tf files
  readiness checks              list every check
  readiness explain CHECK_ID    explain one check: why it matters, how to fix it
  readiness init                write a commented starter .readiness.hcl
  readiness serve               run an HCP Terraform / Terraform Enterprise run
                                task that judges every run's plan

A plan is the output of 'terraform show -json PLANFILE' (or the binary plan
file itself, when terraform is on PATH). The same binary is the Terraform
provider prodready/readiness when Terraform launches it: its data sources and
functions run these checks inside a configuration.

Exit codes:
  0  ready: no failure at or above --fail-on
  1  error: bad usage, an unreadable input, an unwritable output, or a plan
     otherwise ready that was not judged whole (a check could not judge part
     of it, or Terraform recorded it as errored)
  2  not ready: at least one failure at or above --fail-on`

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "readiness",
		Short:         "Judge Terraform plans against a production-readiness checklist",
		Long:          rootHelp,
		Version:       versionString(Version, Commit),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRun: func(*cobra.Command, []string) {
			a.started = true
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetVersionTemplate("readiness {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.scanCommand(), a.checksCommand(), a.explainCommand(), a.versionCommand(), a.initCommand(), a.serveCommand())
	return root
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// colorAllowed applies the NO_COLOR convention (https://no-color.org) and
// TERM=dumb.
func colorAllowed(getenv func(string) string) bool {
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// unjoin splits an errors.Join of several problems, so that each gets its
// own line.
func unjoin(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, unjoin(e)...)
	}
	return out
}

// oneLine folds a message onto one line.
func oneLine(s string) string {
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}
