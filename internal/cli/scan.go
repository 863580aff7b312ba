package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/report"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

const scanHelp = `Scan judges every PATH with every check of the profile and writes a report.

PATH is a plan or a state as 'terraform show -json' writes it (UTF-8 or the
UTF-16 that PowerShell writes), a state file as Terraform keeps it
(terraform.tfstate, state format version 4), a binary plan file from
'terraform plan -out' when terraform is on PATH or TERRAFORM_PATH names it,
or a directory of Terraform configuration, read statically (what only a plan
would know is unknown). PATH - is standard input, a plan or a state:
'terraform show -json tfplan | readiness scan -'. A binary plan is read by
running 'terraform show -json' in its directory, which starts that
configuration's provider plugins: it runs their code, so scan only binary
plans you trust. A PATH may be a pipe (<(terraform show -json tfplan),
/dev/stdin), read for as long as its writer takes; a named pipe that nobody
opens for writing, or a device that delivers nothing, within 30 seconds is an
error. Every input is read before anything is written: if one cannot be
read, the scan stops with exit code 1 and writes no report.

A directory's root variables take their defaults, then the values of
terraform.tfvars, terraform.tfvars.json and the *.auto.tfvars(.json) files
in lexical order, then those of --var-file FILE and --var NAME=VALUE in the
order given: the later value wins, as in terraform plan. A --var value is an
HCL expression for a variable whose type is a list, set, map, object, tuple
or any ('tags={team="web"}'), else plain text. --workspace NAME sets
terraform.workspace, unknown without it. A root variable without a value
stays unknown, and the report lists it once as a warning. These flags apply
to directories: with a plan or a state they are a usage error. A module call
that cannot be read (a registry or Git module terraform init has not
installed, a local source that is not there, errors in the module's files)
is an error naming the call's file and line and its source: run terraform
init, or pass --skip-unread-modules to judge the rest; each call not read
is then a warning in every report, and the verdict covers only what was
read.

A PATH that does not exist and holds a glob pattern (*, ?, [...], {a,b}, **
for any depth) is expanded as a shell would: readiness scan "plans/**/*.json".
With --recursive, a directory PATH is every .json plan or state under it
(hidden directories left out; JSON that is no plan or state is skipped and
named on standard error). Inputs are read and judged in parallel and
reported in command-line order; a progress bar shows on standard error when it is a
terminal and CI is not set.

--check NAME runs only the checks NAME names, and --skip-check NAME leaves
them out: a check ID, a former ID, a category or a section, as in the
configuration's checks { enabled disabled }; both are repeatable and take
names separated by commas. --check replaces the file's enabled list (a check
it names by ID runs even if the file disables it); --skip-check adds to the
file's disabled list and wins.

Several PATHs are judged each on its own, unless --pool joins them into one
estate (an application's root and the monitoring root that watches it):
cross-resource checks (alarm coverage, dashboards, backup plans, on-call)
then see the resources of every PATH, inputs link to each other by known
values (names, ARNs) as separate roots do, and each finding still names the
PATH it comes from; a finding about the whole estate names them all.

--format FMT writes the report in format FMT to standard output;
--format FMT=FILE writes it to FILE instead. A FILE that is a regular file,
or does not exist yet, is replaced in one step (a temporary file beside it,
then a rename); through a symbolic link, the file the link leads to is
replaced and the link stays. A FILE that is a device, a named pipe or a
socket (/dev/null, /dev/stderr), or a link to one, is written into, never
replaced. Repeat --format to write several reports from one scan; at most
one of them may go to standard output. File reports are put in place
together once all are written: if one fails, no file is replaced. A report
may not overwrite an input or another report; paths are compared as files,
through symbolic links and hard links. Without --format the report is text
on standard output. Colour is used only when standard output is a terminal,
NO_COLOR is not set and --no-color is not given.

The text report starts with the verdict: NOT READY when a failure is at or
above --fail-on, NOT READY (not enforced) when --fail-on none lets failures
pass (the exit code is then 0), UNDECIDED when nothing blocks but part of
the plan could not be judged (see the report's errors; the exit code is
1), READY otherwise; the score, with the
failures the baseline and waivers set aside counted beside it; the failures
by severity; then the blocking failures, those that decide the exit code,
most severe first, each with its check, file:line and a one-line fix. The
sections follow, with everything else. --quiet keeps text reports to the
verdict and the blocking failures; other formats are unchanged.

A plan knows the world before it (its prior state), so each result of a
plan says what the plan does to it: introduced (fails now, not before),
existing (failed before and still does), resolved (failed before, not now)
or unchanged; the text report then leads with it: "this plan introduces 2
blocking gaps and resolves 1; 11 were there before". --gate introduced lets
only the failures a plan introduces decide the verdict and the exit code:
those there before it are listed apart and do not block, so a team can
adopt the gate on a workspace that already has gaps. A state or a directory
has no prior world: under --gate introduced each of its failures counts.
Waivers and the baseline apply first, under either gate.

A .readiness.hcl in the working directory or a parent (up to the
repository's root), or the file --config names, sets the default profile,
threshold and gate, chooses checks, declares recovery objectives, attests manual
checklist items, waives known failures and adds the team's own checks
(docs/configuration.md; 'readiness init' writes a starter). --write-baseline
FILE records this scan's failures; --baseline FILE then waives them, so that
only new failures count.

SIGINT or SIGTERM removes the temporary files of reports being written and
ends the scan with exit code 130 or 143 (128 plus the signal's number).

Exit codes: 0 ready, 1 error, 2 not ready (a failure at or above --fail-on;
under --gate introduced, one the plans introduce), 130 or 143 stopped by a
signal.`

type scanFlags struct {
	formats []string
	failOn  string
	profile string
	// gate says which failures decide the verdict: all, or those the plans
	// introduce (--gate).
	gate string
	// config, baseline and writeBaseline: see policy.go.
	config, baseline, writeBaseline string
	profileSet, failOnSet, gateSet  bool
	// configDir holds the .tf files that locate findings (--config-dir).
	configDir string
	// vars (--var, --var-file, in command-line order), workspace and
	// skipUnreadModules say how directories are read: see variables.go.
	vars              []hclconfig.Var
	workspace         string
	workspaceSet      bool
	skipUnreadModules bool
	// pool judges every PATH as one estate (--pool).
	pool bool
	// recursive reads a directory PATH as a tree of JSON plans and states.
	recursive bool
	// checks and skipChecks are --check and --skip-check: see
	// select_checks.go.
	checks, skipChecks []string
	// quiet keeps text reports to the verdict and the blocking failures;
	// noColor turns colour off on a terminal, as NO_COLOR does.
	quiet, noColor bool
}

func (a *app) scanCommand() *cobra.Command {
	var fl scanFlags
	cmd := &cobra.Command{
		Use:   "scan [flags] PATH...",
		Short: "Judge plans and write a readiness report",
		Long:  scanHelp,
		Example: `  terraform show -json plan.tfplan > plan.json
  readiness scan plan.json
  terraform show -json plan.tfplan | readiness scan -
  readiness scan --fail-on critical --profile staging plan.json
  readiness scan --recursive --check multi_az,backup plans/
  readiness scan --format text --format json=readiness.json prod.json edge.json
  readiness scan --var-file prod.tfvars --var replicas=3 --workspace prod infra/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			fl.profileSet, fl.failOnSet = cmd.Flags().Changed("profile"), cmd.Flags().Changed("fail-on")
			fl.gateSet = cmd.Flags().Changed("gate")
			fl.workspaceSet = cmd.Flags().Changed("workspace")
			return a.scan(fl, paths)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&fl.formats, "format", nil,
		"write the report as `FMT` to standard output, or as FMT=FILE to a file; repeatable; FMT is "+strings.Join(report.Names(), " or ")+" (default text)")
	f.StringVar(&fl.failOn, "fail-on", "high",
		"lowest severity `LEVEL` whose failures make a plan not ready: critical, high, medium, low or none")
	f.StringVar(&fl.gate, "gate", string(engine.GateAll),
		"which failures at or above --fail-on make a plan not ready, `GATE`: all, or introduced (only those the plan introduces; those there before it are reported, not blocking)")
	f.StringVar(&fl.profile, "profile", profile.Default,
		"readiness profile `NAME`: "+strings.Join(profile.Names(), ", ")+" (or "+strings.Join(profile.Aliases(), ", ")+")")
	f.StringVar(&fl.config, "config", "",
		"read the configuration from `FILE` instead of the "+config.FileName+" found in the working directory or a parent")
	f.StringVar(&fl.baseline, "baseline", "",
		"waive the failures recorded in the baseline `FILE`: report only new ones")
	f.StringVar(&fl.writeBaseline, "write-baseline", "",
		"record this scan's failures in the baseline `FILE`")
	f.StringVar(&fl.configDir, "config-dir", "",
		"find each resource's file and line in the Terraform configuration in `DIR` (default: the plan's directory, when it holds .tf files)")
	_ = cmd.MarkFlagDirname("config-dir")
	f.Var(varFlag{vars: &fl.vars}, "var",
		"set a root variable of a directory PATH, as terraform plan -var does; repeatable, applied after its .tfvars files and in order with --var-file")
	f.Var(varFlag{vars: &fl.vars, file: true}, "var-file",
		"read root variables of a directory PATH from `FILE`, as terraform plan -var-file does; repeatable")
	f.StringVar(&fl.workspace, "workspace", "",
		"the `NAME` terraform.workspace has in a directory PATH (default: unknown)")
	f.BoolVar(&fl.skipUnreadModules, "skip-unread-modules", false,
		"judge a directory PATH without the module calls that cannot be read (not installed by terraform init, a wrong source, errors in the module), as warnings, instead of failing")
	f.BoolVar(&fl.pool, "pool", false,
		"judge every PATH as one estate: cross-resource checks (alarms, dashboards, backup plans, on-call) see the resources of all of them, and each finding names the PATH it comes from")
	f.BoolVarP(&fl.recursive, "recursive", "r", false,
		"read a directory PATH as a tree of plans and states: every .json file under it (hidden directories, .tf.json and .tfvars.json left out), instead of a Terraform configuration")
	f.StringSliceVar(&fl.checks, "check", nil,
		"run only the checks `NAME` names (an ID, a former ID, a category or a section), instead of the configuration's checks { enabled }; repeatable or comma-separated")
	f.StringSliceVar(&fl.skipChecks, "skip-check", nil,
		"do not run the checks `NAME` names (an ID, a former ID, a category or a section), beside the configuration's checks { disabled }; repeatable or comma-separated")
	f.BoolVarP(&fl.quiet, "quiet", "q", false,
		"text reports show only the verdict and the failures that decide the exit code (other formats are unchanged)")
	f.BoolVar(&fl.noColor, "no-color", false,
		"no colour in the text report, even on a terminal (as NO_COLOR=1 does)")
	_ = cmd.MarkFlagFilename("var-file", "tfvars", "json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Names(), cobra.ShellCompDirectiveNoSpace))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions(check.ThresholdNames, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("profile", cobra.FixedCompletions(profile.AcceptedNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("gate", cobra.FixedCompletions(engine.GateNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// output is one report to write: to a file, or to standard output when path
// is "". Its formatter is made when the scan is done, with the source
// locations the scan found.
type output struct {
	spec   string // as --format gave it
	path   string
	format string
	opts   report.Options
}

func (a *app) scan(fl scanFlags, paths []string) error {
	outs, err := a.outputs(fl.formats, reportStyle{quiet: fl.quiet, color: a.color && !fl.noColor})
	if err != nil {
		return err
	}
	ins, err := a.expandInputs(paths, fl.recursive)
	if err != nil {
		return err
	}
	paths = inputPaths(ins)
	if err := checkPlaces(fl, paths, outs); err != nil {
		return err
	}
	pol, err := a.loadPolicy(&fl)
	if err != nil {
		return err
	}
	if err := fl.selectChecks(pol, a.cat.all()); err != nil {
		return err
	}
	failOn, err := check.ParseThreshold(fl.failOn)
	if err != nil {
		return usageError{withSuggestion(err, fl.failOn, check.ThresholdNames)}
	}
	prof, err := profile.Lookup(fl.profile)
	if err != nil {
		return usageError{withSuggestion(err, fl.profile, profile.AcceptedNames())}
	}
	gate, err := engine.ParseGate(fl.gate)
	if err != nil {
		return usageError{withSuggestion(err, fl.gate, engine.GateNames())}
	}
	dirOpts, err := fl.dirOptions(paths)
	if err != nil {
		return err
	}
	reader := input.Reader{Config: dirOpts}

	budget := budgetMemory(paths)
	defer budget.restore()
	prog := a.newProgress(len(ins))
	defer prog.done()
	var plans []*model.Plan
	var loadErrs []error
	budget.reading(func() { plans, paths, loadErrs = a.readInputs(reader, ins, prog) })
	locs, err := source.ForInputs(fl.configDir, paths)
	if err != nil {
		loadErrs = append(loadErrs, err)
	}
	if len(loadErrs) > 0 {
		return errors.Join(loadErrs...)
	}
	for i, plan := range plans {
		if plan.Kind != model.KindConfig {
			locs.Complete(paths[i], plan) // dynamic blocks, which plans leave out
		}
	}
	if fl.pool {
		plans = []*model.Plan{model.Pool(plans)}
	}

	prog.judging()
	rep := engine.Run(plans, a.cat.all(), engine.Options{Profile: prof, FailOn: failOn, Gate: gate, Policy: pol})
	prog.done()
	a.warnExpired(pol)

	if err := a.writeReports(outs, fl.writeBaseline, rep, locs); err != nil {
		return err
	}

	switch {
	case rep.Invalid:
		for _, e := range rep.Errors {
			fmt.Fprintf(a.stderr, "readiness: %s\n", report.SafeLine(e))
		}
		fmt.Fprintf(a.stderr, "readiness: the configuration's checks are invalid; fix them to get a verdict\n")
		a.code = ExitError
	case !rep.Summary.Ready:
		a.code = ExitNotReady
	case len(rep.Errors) > 0:
		fmt.Fprintf(a.stderr, "readiness: %d error(s): the plan cannot be called ready while part of it could not be judged (see errors in the report)\n", len(rep.Errors))
		a.code = ExitError
	}
	return nil
}

// reportStyle is what --quiet and --no-color ask of the reports: color
// applies to standard output only, quiet to every text report.
type reportStyle struct{ quiet, color bool }

// outputs reads the --format values. Nothing is opened yet: files are
// written only once the scan is done.
func (a *app) outputs(specs []string, style reportStyle) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []output
	toStdout := 0
	for _, spec := range specs {
		name, path, toFile := strings.Cut(spec, "=")
		opts := report.Options{ToolVersion: Version, Quiet: style.quiet}
		switch {
		case !toFile:
			toStdout++
			if toStdout > 1 {
				return nil, usageError{errors.New("only one --format can write to standard output; send the others to files with --format FMT=FILE")}
			}
			opts.Color = style.color
		case path == "":
			return nil, usageError{fmt.Errorf("--format %s: missing file name after '='", spec)}
		}
		if _, err := report.Lookup(name, opts); err != nil {
			return nil, usageError{withSuggestion(err, name, report.Names())}
		}
		outs = append(outs, output{spec: spec, path: path, format: name, opts: opts})
	}
	return outs, nil
}
