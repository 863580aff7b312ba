package hclconfig

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/prodready/terraform-provider-readiness/internal/budget"
	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// maxFileSize bounds a file the file functions read: a larger one leaves
// the expression unknown.
const maxFileSize = 4 << 20

// maxFilesetEntries bounds the directory entries fileset looks at.
const maxFilesetEntries = 100_000

// functions are the functions of an evaluation in this scope's module:
// every pure function, with the file functions confined to the module's
// directory, all charged to the load's budget, and each also under
// Terraform's core:: namespace. They are built once per module instance.
func (s *scope) functions() map[string]function.Function {
	if s.fns == nil {
		s.fns = s.l.moduleFunctions(s.mod.dir)
	}
	return s.fns
}

// moduleFunctions builds the functions of a module in dir.
func (l *loader) moduleFunctions(dir string) map[string]function.Function {
	all := make(map[string]function.Function, 2*(len(l.functions)+16))
	files := newModuleFiles(l.root, dir)
	for name, f := range l.functions {
		all[name] = f
	}
	for name, f := range l.budget.Functions(files.functions(func() map[string]function.Function { return all })) {
		all[name] = f
	}
	core := make(map[string]function.Function, len(all))
	for name, f := range all {
		if !strings.Contains(name, "::") {
			core["core::"+name] = f
		}
	}
	maps.Copy(all, core)
	return all
}

// moduleFiles reads the files of one module directory, as Terraform's file
// functions do (paths relative to the directory Terraform runs in, the
// root), but only inside the module's directory: a path that leaves it
// (../, absolute, ~, or a link to elsewhere) is not read, and the function
// returns an unknown value.
type moduleFiles struct {
	root     string                          // where Terraform runs: relative paths start here
	dir      string                          // the module's directory
	realDir  string                          // dir with its links resolved
	template map[string]hclsyntax.Expression // parsed templates, by real path
}

func newModuleFiles(root, dir string) *moduleFiles {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = dir
	}
	return &moduleFiles{root: root, dir: dir, realDir: real, template: map[string]hclsyntax.Expression{}}
}

// within reports whether path p is dir or under it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve turns a path argument into the path to read, with its links
// resolved; ok is false when that is outside the module's directory. A
// path that does not exist is resolved as written, so that reading it
// fails as in Terraform.
func (m *moduleFiles) resolve(p string) (string, bool) {
	if strings.HasPrefix(p, "~") {
		return "", false
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(m.root, p)
	}
	p = filepath.Clean(p)
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		if _, lerr := os.Lstat(p); lerr == nil {
			return "", false // a link that cannot be followed
		}
		return p, within(m.dir, p) || within(m.realDir, p)
	}
	return real, within(m.realDir, real)
}

// errUnread says a file is not read: its function's result is unknown.
var errUnread = errors.New("not read")

// read reads a regular file inside the module, up to maxFileSize.
func (m *moduleFiles) read(p string) ([]byte, error) {
	real, ok := m.resolve(p)
	if !ok {
		return nil, errUnread
	}
	info, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no file exists at %s; this function works only with files that are distributed as part of the configuration source code", p)
	case err != nil:
		return nil, fmt.Errorf("failed to read %s", p)
	case info.IsDir():
		return nil, fmt.Errorf("failed to read %s: is a directory", p)
	case !info.Mode().IsRegular(), info.Size() > maxFileSize:
		return nil, errUnread // a device or pipe would block, a large file is not read
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s", p)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("failed to read %s", p)
	}
	if len(b) > maxFileSize {
		return nil, errUnread
	}
	return b, nil
}

// functions are the module's file functions; all returns every function
// of the module, which templates call.
func (m *moduleFiles) functions(all func() map[string]function.Function) map[string]function.Function {
	contents := func(ty cty.Type, f func(p string, b []byte) (cty.Value, error)) function.Function {
		return function.New(&function.Spec{
			Params:       []function.Parameter{{Name: "path", Type: cty.String}},
			Type:         function.StaticReturnType(ty),
			RefineResult: notNull,
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				p := args[0].AsString()
				b, err := m.read(p)
				if errors.Is(err, errUnread) {
					return cty.UnknownVal(ty), nil
				}
				if err != nil {
					return cty.NilVal, function.NewArgError(0, err)
				}
				return f(p, b)
			},
		})
	}
	hash := func(sum func([]byte) []byte, enc func([]byte) string) function.Function {
		return contents(cty.String, func(_ string, b []byte) (cty.Value, error) {
			return cty.StringVal(enc(sum(b))), nil
		})
	}
	return map[string]function.Function{
		"abspath": abspathFunc(m.root),
		"file": contents(cty.String, func(p string, b []byte) (cty.Value, error) {
			if !utf8.Valid(b) {
				return cty.NilVal, function.NewArgErrorf(0, "contents of %s are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead", p)
			}
			return cty.StringVal(string(b)), nil
		}),
		"filebase64": contents(cty.String, func(_ string, b []byte) (cty.Value, error) {
			return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
		}),
		"filebase64sha256": hash(sha256Sum, base64Text),
		"filebase64sha512": hash(sha512Sum, base64Text),
		"filemd5":          hash(md5Sum, hexText),
		"filesha1":         hash(sha1Sum, hexText),
		"filesha256":       hash(sha256Sum, hexText),
		"filesha512":       hash(sha512Sum, hexText),
		"fileexists":       m.fileexistsFunc(),
		"fileset":          m.filesetFunc(),
		"templatefile":     m.templatefileFunc(all),
	}
}

// fileexistsFunc is fileexists(path): whether a regular file is there.
func (m *moduleFiles) fileexistsFunc() function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			real, ok := m.resolve(p)
			if !ok {
				return cty.UnknownVal(cty.Bool), nil
			}
			info, err := os.Stat(real)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return cty.False, nil
			case err != nil:
				return cty.NilVal, fmt.Errorf("failed to stat %s", p)
			case info.Mode().IsRegular():
				return cty.True, nil
			case info.IsDir():
				return cty.NilVal, fmt.Errorf("%s is a directory, not a file", p)
			}
			return cty.NilVal, fmt.Errorf("%s is not a regular file", p)
		},
	})
}

// filesetFunc is fileset(path, pattern): the regular files under path
// that pattern matches (doublestar's syntax, as Terraform's), relative to
// path. Files reached through a link that leaves the module, or a walk
// longer than maxFilesetEntries, leave the result unknown.
func (m *moduleFiles) filesetFunc() function.Function {
	unknown := cty.UnknownVal(cty.Set(cty.String))
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Set(cty.String)),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			base := args[0].AsString()
			if !filepath.IsAbs(base) {
				base = filepath.Join(m.root, base)
			}
			pattern := filepath.Join(base, args[1].AsString())
			if _, err := doublestar.PathMatch(pattern, pattern); err != nil {
				return cty.NilVal, fmt.Errorf("failed to glob pattern (%s): %s", pattern, err)
			}
			start, depth := globStart(pattern)
			if _, ok := m.resolve(start); !ok {
				return unknown, nil
			}
			files, ok := m.walk(start, depth)
			if !ok {
				return unknown, nil
			}
			var out []cty.Value
			for _, f := range files {
				if match, _ := doublestar.PathMatch(pattern, f); !match {
					continue
				}
				rel, err := filepath.Rel(base, f)
				if err != nil {
					return unknown, nil
				}
				out = append(out, cty.StringVal(filepath.ToSlash(rel)))
			}
			if len(out) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(out), nil
		},
	})
}

// globStart splits a clean pattern into the directory before its first
// wildcard and how deep under it matches lie (-1: any depth).
func globStart(pattern string) (string, int) {
	parts := strings.Split(pattern, string(filepath.Separator))
	for i, p := range parts {
		if strings.ContainsAny(p, "*?[{\\") {
			depth := len(parts) - i
			for _, q := range parts[i:] {
				if q == "**" {
					depth = -1
				}
			}
			return strings.Join(parts[:i], string(filepath.Separator)), depth
		}
	}
	return filepath.Dir(pattern), 1
}

// walk lists the regular files under dir, depth levels deep at most (-1:
// any), following links to directories as Terraform does; ok is false when
// a file lies outside the module, a link loops back to a directory it is
// in (Terraform would follow it until the system refuses), or there are
// too many entries.
func (m *moduleFiles) walk(dir string, depth int) (files []string, ok bool) {
	stack := map[string]bool{} // the directories being walked, by real path
	entries := 0
	var visit func(dir string, depth int) bool
	visit = func(dir string, depth int) bool {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return true
		}
		if stack[real] {
			return false
		}
		stack[real] = true
		defer delete(stack, real)
		list, err := os.ReadDir(dir)
		if err != nil {
			return true
		}
		for _, e := range list {
			if entries++; entries > maxFilesetEntries {
				return false
			}
			p := filepath.Join(dir, e.Name())
			real, err := filepath.EvalSymlinks(p)
			if err != nil {
				continue
			}
			info, err := os.Stat(real)
			switch {
			case err != nil:
				continue
			case !within(m.realDir, real):
				return false
			case info.IsDir() && depth != 1:
				if !visit(p, depth-1) {
					return false
				}
			case info.Mode().IsRegular():
				files = append(files, p)
			}
		}
		return true
	}
	if !visit(dir, depth) {
		return nil, false
	}
	sort.Strings(files)
	return files, true
}

// templatefileFunc is templatefile(path, vars): the template in a file,
// rendered with vars and every function but templatefile itself.
func (m *moduleFiles) templatefileFunc(all func() map[string]function.Function) function.Function {
	params := []function.Parameter{
		{Name: "path", Type: cty.String, AllowMarked: true},
		{Name: "vars", Type: cty.DynamicPseudoType},
	}
	render := func(args []cty.Value) (cty.Value, error) {
		path, marks := args[0].Unmark()
		expr, err := m.loadTemplate(path.AsString())
		if err != nil || expr == nil {
			return cty.DynamicVal, err
		}
		v, err := renderTemplate(expr, args[1], all())
		return v.WithMarks(marks), err
	}
	return function.New(&function.Spec{
		Params: params,
		Type: func(args []cty.Value) (cty.Type, error) {
			if !args[0].IsKnown() || !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			v, err := render(args)
			return v.Type(), err
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return render(args)
		},
	})
}

// loadTemplate parses a template file once; nil without error when the
// file is not read.
func (m *moduleFiles) loadTemplate(p string) (hclsyntax.Expression, error) {
	real, ok := m.resolve(p)
	if !ok {
		return nil, nil
	}
	if expr, ok := m.template[real]; ok {
		return expr, nil
	}
	b, err := m.read(p)
	if errors.Is(err, errUnread) {
		return nil, nil
	}
	if err != nil {
		return nil, function.NewArgError(0, err)
	}
	if nesting.HCL(heredoc(b), p).HasErrors() {
		return nil, nil // nested too deep to parse safely: unknown
	}
	expr, diags := hclsyntax.ParseTemplate(b, p, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return nil, function.NewArgErrorf(0, "failed to parse template: %s", diags.Error())
	}
	budget.Instrument(expr)
	m.template[real] = expr
	return expr, nil
}

// heredoc wraps a template in a heredoc, so that the nesting check reads it
// as HCL will: as a template.
func heredoc(b []byte) []byte {
	lines := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	marker := "EOT"
	for i := 0; lines[marker]; i++ {
		marker = "EOT" + strconv.Itoa(i)
	}
	return []byte("t = <<" + marker + "\n" + string(b) + "\n" + marker + "\n")
}

// renderTemplate evaluates a template with the variables vars gives, as
// Terraform's templatefile does.
func renderTemplate(expr hclsyntax.Expression, vars cty.Value, all map[string]function.Function) (cty.Value, error) {
	ty := vars.Type()
	if !ty.IsMapType() && !ty.IsObjectType() {
		return cty.DynamicVal, function.NewArgErrorf(1, "invalid vars value: must be a map")
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if !hclsyntax.ValidIdentifier(name) {
			return cty.DynamicVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", name)
		}
		ctx.Variables[name] = v
	}
	for _, tr := range expr.Variables() {
		if _, ok := ctx.Variables[tr.RootName()]; !ok {
			return cty.DynamicVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", tr.RootName(), tr.SourceRange())
		}
	}
	recursive := function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, errors.New("cannot recursively call templatefile from inside templatefile call")
		},
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.NilVal, errors.New("cannot recursively call templatefile from inside templatefile call")
		},
	})
	for name, f := range all {
		ctx.Functions[name] = f
	}
	ctx.Functions["templatefile"] = recursive
	ctx.Functions["core::templatefile"] = recursive
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return v, nil
}
