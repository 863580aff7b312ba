package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/input"
)

// varFlag is --var or --var-file: both add to one list, so that their
// values apply in the order the command line gives them, as terraform
// plan's -var and -var-file do.
type varFlag struct {
	vars *[]hclconfig.Var
	file bool
}

func (f varFlag) String() string { return "" }

func (f varFlag) Type() string {
	if f.file {
		return "FILE"
	}
	return "NAME=VALUE"
}

func (f varFlag) Set(s string) error {
	if f.file {
		if s == "" {
			return errors.New("missing file name")
		}
		*f.vars = append(*f.vars, hclconfig.Var{File: s, Origin: "--var-file " + s})
		return nil
	}
	name, value, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		// The value is not quoted back: it may be a secret.
		return errors.New(`want a variable name and a value separated by an equals sign, like --var "region=eu-west-1"`)
	}
	*f.vars = append(*f.vars, hclconfig.Var{Name: name, Value: value, Origin: "--var " + name})
	return nil
}

// dirOptions are the flags that say how a directory of configuration is
// read. A plan or a state already holds its variables and workspace, so
// giving them with one is a mistake of the command line.
func (fl scanFlags) dirOptions(paths []string) (hclconfig.Options, error) {
	opts := hclconfig.Options{Vars: fl.vars, Workspace: fl.workspace, SkipUnreadModules: fl.skipUnreadModules}
	if len(fl.vars) == 0 && !fl.workspaceSet {
		return opts, nil
	}
	for _, p := range paths {
		if info, err := os.Stat(p); p == input.Stdin || err == nil && !info.IsDir() {
			return opts, usageError{fmt.Errorf("%s is a plan or a state, which holds its own variables and workspace: --var, --var-file and --workspace apply to directories of .tf files only", p)}
		}
	}
	if fl.workspaceSet && fl.workspace == "" {
		return opts, usageError{errors.New("--workspace: missing workspace name")}
	}
	return opts, nil
}
