package provider

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
)

// options are how readiness_config reads its directory: var_files, then
// variables (by name: each is set once), the workspace, and whether module
// calls that cannot be read are errors.
func (cfg configModel) options(ctx context.Context) (hclconfig.Options, diag.Diagnostics) {
	var diags diag.Diagnostics
	opts := hclconfig.Options{
		Workspace:         cfg.Workspace.ValueString(),
		SkipUnreadModules: cfg.SkipUnreadModules.ValueBool(),
	}
	var files []string
	diags.Append(cfg.VarFiles.ElementsAs(ctx, &files, false)...)
	for i, f := range files {
		if strings.TrimSpace(f) == "" {
			diags.AddAttributeError(path.Root("var_files").AtListIndex(i), "Invalid Variable Definitions File",
				"An element of var_files is empty. Set it to the path of a .tfvars or .tfvars.json file.")
			continue
		}
		opts.Vars = append(opts.Vars, hclconfig.Var{File: f, Origin: fmt.Sprintf("var_files[%d] (%s)", i, f)})
	}
	values := map[string]string{}
	diags.Append(cfg.Variables.ElementsAs(ctx, &values, false)...)
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		opts.Vars = append(opts.Vars, hclconfig.Var{Name: name, Value: values[name], Origin: fmt.Sprintf("variables[%q]", name)})
	}
	return opts, diags
}

// configError reports a directory that cannot be judged: one error per
// module call it cannot read (a verdict must not claim what nobody read),
// or one for the directory.
func configError(diags *diag.Diagnostics, dir string, err error) {
	var unread *hclconfig.UnreadError
	if !errors.As(err, &unread) {
		readError(diags, "dir", "Unreadable Configuration",
			"readiness_config could not read the configuration in "+dir+". Check that dir names a directory of .tf or .tf.json "+
				"files that terraform validate accepts, and that var_files and variables suit its variables.", err)
		return
	}
	for _, u := range unread.Modules {
		todo := "set skip_unread_modules = true to judge the rest without it (the verdict then covers only what was read)"
		if u.Fix != "" {
			todo = u.Fix + ", or " + todo
		}
		diags.AddAttributeError(path.Root("dir"), "Module Not Read",
			fmt.Sprintf("readiness_config cannot read a module the configuration in %s calls, so it cannot judge the "+
				"configuration as a whole. To read it, %s.\n\n%s", dir, todo, u))
	}
}

// configWarnings reports what the verdict does not cover: module calls not
// read (with skip_unread_modules), root variables without a value, files
// not read (OpenTofu's .tofu files). Each warning passes the plan's
// redaction, as reports do.
func configWarnings(diags *diag.Diagnostics, res *hclconfig.Result) {
	done := map[string]bool{}
	for _, u := range res.Unread {
		done[u.Warning()] = true
		diags.AddAttributeWarning(path.Root("dir"), "Module Not Read",
			"A module call could not be read, so the checks do not see its resources: ready covers only the rest. "+
				"Run terraform init in dir to install remote modules, or judge a plan with readiness_plan instead.\n\n"+
				res.Plan.Scrub(u.Warning()))
	}
	for _, u := range res.Unset {
		done[u.Warning()] = true
		diags.AddAttributeWarning(path.Root("dir"), "Variable Without Value",
			"A root variable has no value, so what depends on it is unknown and the checks that need it say unknown. "+
				"Give it one in variables or var_files.\n\n"+res.Plan.Scrub(u.Warning()))
	}
	for _, w := range res.Warnings {
		if !done[w] {
			diags.AddAttributeWarning(path.Root("dir"), "Configuration Partly Read",
				"Part of the directory is not read as Terraform would read it, so the checks may not see it as planned.\n\n"+
					res.Plan.Scrub(w))
		}
	}
}
