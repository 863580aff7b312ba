package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/report"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

const scanHelp = `Scan judges every PATH with every check of the profile and writes a report.

PATH is a plan or a state as 'terraform show -json' writes it (UTF-8 or the
UTF-16 that PowerShell writes), a binary plan file from 'terraform plan -out'
when terraform is on PATH or TERRAFORM_PATH names it, or a directory of
Terraform configuration, read statically (what only a plan would know is
unknown). Every input is read
before anything is written: if one cannot be read, the scan stops with exit
code 1 and writes no report.

--format FMT writes the report in format FMT to standard output;
--format FMT=FILE writes it to FILE instead, replacing it in one step (a
temporary file in the same directory, then a rename). Repeat --format to write
several reports from one scan; at most one of them may go to standard output.
Without --format the report is text on standard output. Colour is used only
when standard output is a terminal and NO_COLOR is not set.

A .readiness.hcl in the working directory or a parent (up to the
repository's root), or the file --config names, sets the default profile and
threshold, chooses checks, declares recovery objectives, attests manual
checklist items, waives known failures and adds the team's own checks
(docs/configuration.md; 'readiness init' writes a starter). --write-baseline
FILE records this scan's failures; --baseline FILE then waives them, so that
only new failures count.

Exit codes: 0 ready, 1 error, 2 not ready (a failure at or above --fail-on).`

type scanFlags struct {
	formats []string
	failOn  string
	profile string
	// config, baseline and writeBaseline: see policy.go.
	config, baseline, writeBaseline string
	profileSet, failOnSet           bool
	// configDir holds the .tf files that locate findings (--config-dir).
	configDir string
}

func (a *app) scanCommand() *cobra.Command {
	var fl scanFlags
	cmd := &cobra.Command{
		Use:   "scan [flags] PATH...",
		Short: "Judge plans and write a readiness report",
		Long:  scanHelp,
		Example: `  terraform show -json plan.tfplan > plan.json
  readiness scan plan.json
  readiness scan --fail-on critical --profile staging plan.json
  readiness scan --format text --format json=readiness.json prod.json edge.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			fl.profileSet, fl.failOnSet = cmd.Flags().Changed("profile"), cmd.Flags().Changed("fail-on")
			return a.scan(fl, paths)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&fl.formats, "format", nil,
		"write the report as `FMT` to standard output, or as FMT=FILE to a file; repeatable; FMT is "+strings.Join(report.Names(), " or ")+" (default text)")
	f.StringVar(&fl.failOn, "fail-on", "high",
		"lowest severity `LEVEL` whose failures make a plan not ready: critical, high, medium, low or none")
	f.StringVar(&fl.profile, "profile", profile.Default,
		"readiness profile `NAME`: "+strings.Join(profile.Names(), ", "))
	f.StringVar(&fl.config, "config", "",
		"read the configuration from `FILE` instead of the "+config.FileName+" found in the working directory or a parent")
	f.StringVar(&fl.baseline, "baseline", "",
		"waive the failures recorded in the baseline `FILE`: report only new ones")
	f.StringVar(&fl.writeBaseline, "write-baseline", "",
		"record this scan's failures in the baseline `FILE`")
	f.StringVar(&fl.configDir, "config-dir", "",
		"find each resource's file and line in the Terraform configuration in `DIR` (default: the plan's directory, when it holds .tf files)")
	_ = cmd.MarkFlagDirname("config-dir")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Names(), cobra.ShellCompDirectiveNoSpace))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"critical", "high", "medium", "low", "none"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("profile", cobra.FixedCompletions(profile.Names(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// output is one report to write: to a file, or to standard output when path
// is "". Its formatter is made when the scan is done, with the source
// locations the scan found.
type output struct {
	path   string
	format string
	opts   report.Options
}

func (a *app) scan(fl scanFlags, paths []string) error {
	outs, err := a.outputs(fl.formats, paths)
	if err != nil {
		return err
	}
	if err := checkBaselinePath(fl.writeBaseline, paths, outs); err != nil {
		return err
	}
	pol, err := a.loadPolicy(&fl)
	if err != nil {
		return err
	}
	failOn, err := check.ParseThreshold(fl.failOn)
	if err != nil {
		return usageError{err}
	}
	prof, err := profile.Lookup(fl.profile)
	if err != nil {
		return usageError{err}
	}

	defer budgetMemory(paths)()
	plans := make([]*model.Plan, 0, len(paths))
	var loadErrs []error
	for _, p := range paths {
		plan, err := input.Read(p)
		if err != nil {
			loadErrs = append(loadErrs, err)
			continue
		}
		plans = append(plans, plan)
	}
	locs, err := source.ForInputs(fl.configDir, paths)
	if err != nil {
		loadErrs = append(loadErrs, err)
	}
	if len(loadErrs) > 0 {
		return errors.Join(loadErrs...)
	}

	rep := engine.Run(plans, a.cat.all(), engine.Options{Profile: prof, FailOn: failOn, Policy: pol})
	a.warnExpired(pol)

	var writeErrs []error
	for _, o := range outs {
		o.opts.Locate = locs.Locate
		if err := a.write(o, rep); err != nil {
			writeErrs = append(writeErrs, err)
		}
	}
	if fl.writeBaseline != "" {
		if err := writeBaseline(fl.writeBaseline, rep); err != nil {
			writeErrs = append(writeErrs, err)
		}
	}
	if len(writeErrs) > 0 {
		return errors.Join(writeErrs...)
	}

	switch {
	case rep.Invalid:
		fmt.Fprintf(a.stderr, "readiness: the configuration's checks are invalid (see errors in the report); fix them to get a verdict\n")
		a.code = ExitError
	case !rep.Summary.Ready:
		a.code = ExitNotReady
	case len(rep.Errors) > 0:
		fmt.Fprintf(a.stderr, "readiness: %d check error(s): the plan cannot be called ready while some checks could not judge it (see errors in the report)\n", len(rep.Errors))
		a.code = ExitError
	}
	return nil
}

// outputs reads the --format values. Nothing is opened yet: files are
// written only once the scan is done.
func (a *app) outputs(specs, inputs []string) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	inputAt := map[string]bool{}
	for _, p := range inputs {
		inputAt[absPath(p)] = true
	}
	var outs []output
	toStdout := 0
	seen := map[string]bool{}
	for _, spec := range specs {
		name, path, toFile := strings.Cut(spec, "=")
		opts := report.Options{ToolVersion: Version}
		switch {
		case !toFile:
			toStdout++
			if toStdout > 1 {
				return nil, usageError{errors.New("only one --format can write to standard output; send the others to files with --format FMT=FILE")}
			}
			opts.Color = a.color
		case path == "":
			return nil, usageError{fmt.Errorf("--format %s: missing file name after '='", spec)}
		case inputAt[absPath(path)]:
			return nil, usageError{fmt.Errorf("--format %s: %s is an input; refusing to overwrite it", spec, path)}
		case seen[absPath(path)]:
			return nil, usageError{fmt.Errorf("--format %s: %s is written by another --format", spec, path)}
		}
		if toFile {
			seen[absPath(path)] = true
		}
		if _, err := report.Lookup(name, opts); err != nil {
			return nil, usageError{err}
		}
		outs = append(outs, output{path: path, format: name, opts: opts})
	}
	return outs, nil
}

func (a *app) write(o output, rep *engine.Report) error {
	f, err := report.Lookup(o.format, o.opts) // known: outputs checked it
	if err != nil {
		return err
	}
	if o.path == "" {
		if err := f.Write(a.stdout, rep); err != nil {
			return fmt.Errorf("write standard output: %w", err)
		}
		return nil
	}
	if err := writeFileAtomic(o.path, func(w io.Writer) error { return f.Write(w, rep) }); err != nil {
		return fmt.Errorf("write %s: %w", o.path, err)
	}
	return nil
}

// writeFileAtomic replaces path with what write produces, streamed into a
// temporary file in the same directory and then renamed, so that no reader
// sees half a report, a failed write leaves any earlier file as it was, and
// a large report is never held whole in memory.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return errors.New("is a directory")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return describeOSError(err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return describeOSError(err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return describeOSError(err)
	}
	if err = tmp.Sync(); err != nil {
		return describeOSError(err)
	}
	if err = tmp.Close(); err != nil {
		return describeOSError(err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return describeOSError(err)
	}
	return nil
}

// budgetMemory asks Go's runtime to keep the heap within a soft limit of
// two and a half times the inputs' size (at least 256 MiB) while a scan
// runs: a plan's model and results take about twice its size, and without a
// limit the collector lets garbage double that. GOMEMLIMIT, when set, wins.
// It returns the function that restores the previous limit.
func budgetMemory(paths []string) func() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var total int64
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			total += info.Size()
		}
	}
	old := debug.SetMemoryLimit(max(256<<20, total*5/2))
	return func() { debug.SetMemoryLimit(old) }
}

// writeBytes is a writer function for writeFileAtomic that writes data.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// describeOSError drops Go's operation and temporary file name from a file
// system error, keeping what went wrong.
func describeOSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// absPath is path made absolute for comparing paths; on error it is path.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
