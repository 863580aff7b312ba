package hclconfig

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/prodready/terraform-provider-readiness/internal/nesting"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// rootValues gathers the values of the root module's variables as
// Terraform does, a later value winning: terraform.tfvars,
// terraform.tfvars.json, the *.auto.tfvars and *.auto.tfvars.json files in
// lexical order, then the values given from outside in their order. A
// variable none of them sets keeps its default, or stays unknown.
func (l *loader) rootValues(s *scope, given []Var) (map[string]cty.Value, error) {
	files, err := autoVarFiles(l.root)
	if err != nil {
		return nil, describe(err)
	}
	out := map[string]cty.Value{}
	var diags hcl.Diagnostics
	for _, path := range files {
		diags = append(diags, l.varFile(s, path, false, out)...)
	}
	if diags.HasErrors() {
		return nil, l.diagError(diags)
	}
	var errs []error
	for _, v := range given {
		if v.File != "" {
			if info, err := os.Stat(v.File); err != nil || info.IsDir() {
				errs = append(errs, fmt.Errorf("variable definitions file %s: %w", v.File, fileError(err)))
				continue
			}
			if d := l.varFile(s, v.File, true, out); d.HasErrors() {
				errs = append(errs, l.diagError(d))
			}
			continue
		}
		decl := s.mod.variables[v.Name]
		if decl == nil {
			errs = append(errs, fmt.Errorf("%s: the configuration declares no variable %q", v.origin(), v.Name))
			continue
		}
		val, d := decl.parse(v.Value)
		if d.HasErrors() {
			errs = append(errs, fmt.Errorf("%s: %w", v.origin(), l.diagError(d)))
			continue
		}
		if err := decl.check(val); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", v.origin(), err))
			continue
		}
		out[v.Name] = val
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// autoVarFiles lists the variable definitions files Terraform reads from a
// root module's directory without being told, in the order it reads them.
func autoVarFiles(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var files, auto []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case e.IsDir():
		case n == "terraform.tfvars", n == "terraform.tfvars.json":
			files = append(files, n)
		case strings.HasSuffix(n, ".auto.tfvars"), strings.HasSuffix(n, ".auto.tfvars.json"):
			auto = append(auto, n)
		}
	}
	sort.Strings(files) // terraform.tfvars, then terraform.tfvars.json
	sort.Strings(auto)
	out := make([]string, 0, len(files)+len(auto))
	for _, n := range append(files, auto...) {
		out = append(out, filepath.Join(root, n))
	}
	return out, nil
}

// varFile reads a variable definitions file (HCL, or JSON when its name
// ends in .json) into out. A value that does not convert to its variable's
// type is an error at its line, as in Terraform; a value for a variable
// the configuration does not declare is ignored (Terraform warns).
func (l *loader) varFile(s *scope, path string, given bool, out map[string]cty.Value) hcl.Diagnostics {
	parse := nesting.ParseFile
	if given { // --var-file <(sops -d prod.tfvars) is a pipe
		parse = nesting.ParseGivenFile
	}
	f, diags := parse(l.parser, path)
	if diags.HasErrors() || f == nil {
		return diags
	}
	attrs, d := f.Body.JustAttributes()
	diags = append(diags, d...)
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := attrs[n]
		val := s.constant(a.Expr)
		if decl := s.mod.variables[n]; decl != nil {
			if err := decl.check(val); err != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError, Summary: "Invalid value for variable",
					Detail: err.Error(), Subject: a.Expr.Range().Ptr(),
				})
				continue
			}
		}
		out[n] = val
	}
	return diags
}

// parse reads a value given as text, as terraform plan's -var does: an HCL
// expression without references or functions for a variable whose type is
// not a primitive one (string, number, bool), else the text itself, which
// the variable's type then converts.
func (v *variable) parse(text string) (cty.Value, hcl.Diagnostics) {
	if !v.hclValue {
		return cty.StringVal(text), nil
	}
	name := fmt.Sprintf("<value for var.%s>", v.name)
	if diags := nesting.Check([]byte(text), name); diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	expr, diags := hclsyntax.ParseExpression([]byte(text), name, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	val, d := expr.Value(nil)
	return val, append(diags, d...)
}

// check says why a value does not convert to the variable's type, as
// Terraform does before it plans; a value still unknown passes.
func (v *variable) check(val cty.Value) error {
	if v.typ == cty.NilType || v.typ == cty.DynamicPseudoType {
		return nil
	}
	plain, _ := val.UnmarkDeep()
	if v.defaults != nil {
		plain = v.defaults.Apply(plain)
	}
	if _, err := convert.Convert(plain, v.typ); err != nil {
		return fmt.Errorf("variable %q needs a value of type %s: %s", v.name, v.typ.FriendlyNameForConstraint(), convertMessage(err))
	}
	return nil
}

// convertMessage is a conversion error's text, with the path into the value
// where it has one (.tags["team"]: a string is required).
func convertMessage(err error) string {
	var pe cty.PathError
	if errors.As(err, &pe) && len(pe.Path) > 0 {
		return fmt.Sprintf("at %s: %s", pathString(pe.Path), pe.Error())
	}
	return err.Error()
}

func pathString(path cty.Path) string {
	var b strings.Builder
	for _, step := range path {
		switch s := step.(type) {
		case cty.GetAttrStep:
			b.WriteString("." + s.Name)
		case cty.IndexStep:
			if s.Key.Type() == cty.String {
				fmt.Fprintf(&b, "[%q]", s.Key.AsString())
			} else if s.Key.Type() == cty.Number {
				fmt.Fprintf(&b, "[%s]", s.Key.AsBigFloat().Text('f', -1))
			}
		}
	}
	return b.String()
}

// fileError says why a file cannot be read, in words.
func fileError(err error) error {
	if err == nil {
		return errors.New("is a directory")
	}
	return oserr.Describe(err, "no such file")
}

// UnsetVariable is a root variable without a value: no default, no
// variable definitions file, no value given. It stays unknown, and so does
// whatever depends on it.
type UnsetVariable struct {
	Name string
	// File and Line are where the variable block is, File relative to
	// the directory read.
	File    string
	Line    int
	warning string
}

// Warning is the variable as a warning, once for all the findings it
// leaves unknown.
func (u UnsetVariable) Warning() string { return u.warning }

// unset lists the root variables that have no value at all, by name.
func (l *loader) unset(s *scope, values map[string]cty.Value) {
	names := make([]string, 0, len(s.mod.variables))
	for name, v := range s.mod.variables {
		if _, ok := values[name]; !ok && v.def == nil {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		v := s.mod.variables[name]
		l.unsetVars = append(l.unsetVars, UnsetVariable{
			Name: name, File: l.rel(v.decl.Filename), Line: v.decl.Start.Line,
			warning: fmt.Sprintf("%s:%d: variable %s has no value: what depends on it is unknown", l.shown(v.decl.Filename), v.decl.Start.Line, name),
		})
	}
}

// workspaceValue is what terraform.workspace evaluates to.
func (l *loader) workspaceValue() cty.Value {
	if l.workspace == "" {
		return cty.UnknownVal(cty.String)
	}
	return cty.StringVal(l.workspace)
}
