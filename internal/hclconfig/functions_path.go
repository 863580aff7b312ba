package hclconfig

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// The path functions of Terraform's language: they read no file.

var basenameFunc = stringFunc("path", func(p string) (string, error) {
	return filepath.Base(p), nil
})

var dirnameFunc = stringFunc("path", func(p string) (string, error) {
	return filepath.Dir(p), nil
})

// pathexpandFunc is pathexpand(path): a path starting with ~ is in the
// home directory of whoever runs Terraform, which a directory does not
// say, so it is unknown; any other path is returned as it is.
var pathexpandFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "path", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p := args[0].AsString()
		switch {
		case !strings.HasPrefix(p, "~"):
			return args[0], nil
		case len(p) > 1 && p[1] != '/' && p[1] != '\\':
			return cty.NilVal, errors.New("cannot expand user-specific home dir")
		}
		return cty.UnknownVal(cty.String), nil
	},
})

// abspathFunc is abspath(path) in a configuration read from root: Terraform
// runs there, so a relative path is relative to it.
func abspathFunc(root string) function.Function {
	return stringFunc("path", func(p string) (string, error) {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		return filepath.ToSlash(filepath.Clean(p)), nil
	})
}
