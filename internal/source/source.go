// Package source finds where in the Terraform configuration a plan's
// resources are declared. Plans carry no file positions, so the
// configuration's .tf files are read with HCL and each resource, data source
// and module call is indexed by its address without instance keys, following
// module calls whose source is a local path ("./..." or "../...").
package source

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/prodready/terraform-provider-readiness/internal/configfiles"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/nesting"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// maxDepth bounds how deep module calls are followed, as a guard against
// configurations that call themselves through symlinks.
const maxDepth = 32

// Locations maps configuration addresses (module.a.aws_s3_bucket.logs,
// module.a.data.aws_iam_policy_document.p, module.a) to the file and line of
// their block. The zero value and nil find nothing.
type Locations struct {
	at map[string]Location
	// bodies are the resource and data blocks, for Complete.
	bodies map[string]blockBody
}

// Location is a block's position: File joins the indexed directory and the
// file's path below it, so it is as reachable from the current directory as
// the directory given to Index; Line counts from 1.
type Location struct {
	File string
	Line int
}

// configSchema is the part of a Terraform file the index reads.
var configSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "module", LabelNames: []string{"name"}},
		// Blocks whose conditions a plan records: a failed check block,
		// output or variable validation points at its block.
		{Type: "check", LabelNames: []string{"name"}},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
	},
}

var moduleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "source"}}}

// Index reads the root module in dir (its *.tf and *.tf.json files) and every
// module it calls through a local source path. A file HCL cannot fully parse
// still gives the blocks it could read: locations are a help, not a
// verdict. Index fails only when dir cannot be read, or when a file nests
// too deep to be parsed safely (see package nesting).
func Index(dir string) (*Locations, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("read configuration %s: %w", dir, describe(err))
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("read configuration %s: not a directory", dir)
	}
	ix := &indexer{locs: &Locations{at: map[string]Location{}}, parser: hclparse.NewParser()}
	if err := ix.module(dir, "", nil); err != nil {
		return nil, fmt.Errorf("read configuration %s: %w", dir, describe(err))
	}
	return ix.locs, nil
}

// HasConfig reports whether dir holds Terraform files, so that it is worth
// indexing.
func HasConfig(dir string) bool {
	files, err := configFiles(dir)
	return err == nil && len(files) > 0
}

// Find returns where the resource instance, data source or module call at
// address is declared. Instance keys are ignored (aws_instance.web[2] is
// declared where aws_instance.web is). An address inside a module that was
// not indexed (one from a registry or a Git repository) is found at its
// module call, the nearest place in this configuration that decides it.
func (l *Locations) Find(address string) (file string, line int, ok bool) {
	if l == nil || address == "" {
		return "", 0, false
	}
	addr := model.StripKeys(address)
	if loc, ok := l.at[addr]; ok {
		return loc.File, loc.Line, true
	}
	// Walk up the module path: module.a.module.b.aws_x.y is decided by
	// module.a.module.b, else by module.a.
	parts := strings.Split(addr, ".")
	for end := len(parts) - 1; end >= 2; end-- {
		if parts[end-2] != "module" {
			continue
		}
		if loc, ok := l.at[strings.Join(parts[:end], ".")]; ok {
			return loc.File, loc.Line, true
		}
	}
	return "", 0, false
}

// Len is the number of indexed blocks.
func (l *Locations) Len() int {
	if l == nil {
		return 0
	}
	return len(l.at)
}

type indexer struct {
	locs   *Locations
	parser *hclparse.Parser
}

// module indexes the module in dir under the address prefix ("" for the
// root, "module.a." for a call). chain holds the directories of the calls
// that led here, so that a module calling itself stops.
func (ix *indexer) module(dir, prefix string, chain []string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for _, d := range chain {
		if d == abs {
			return nil
		}
	}
	if len(chain) >= maxDepth {
		return nil
	}
	chain = append(chain, abs)

	files, err := configFiles(dir)
	if err != nil {
		return err
	}
	type call struct{ name, dir string }
	var calls []call
	for _, path := range files {
		f, diags := nesting.ParseFile(ix.parser, path)
		if nesting.TooDeep(diags) {
			return tooDeepError{diags[0]}
		}
		if f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(configSchema)
		if content == nil {
			continue
		}
		for _, b := range content.Blocks {
			var addr string
			switch b.Type {
			case "resource":
				addr = prefix + b.Labels[0] + "." + b.Labels[1]
				ix.recordBody(addr, b.Body, !diags.HasErrors())
			case "data":
				addr = prefix + "data." + b.Labels[0] + "." + b.Labels[1]
				ix.recordBody(addr, b.Body, !diags.HasErrors())
			case "module":
				addr = prefix + "module." + b.Labels[0]
				if src, ok := localSource(b.Body); ok {
					calls = append(calls, call{name: b.Labels[0], dir: filepath.Join(dir, filepath.FromSlash(src))})
				}
			case "check":
				addr = prefix + "check." + b.Labels[0]
			case "output":
				addr = prefix + "output." + b.Labels[0]
			case "variable":
				addr = prefix + "var." + b.Labels[0]
			}
			ix.record(addr, path, b.DefRange.Start.Line)
		}
	}
	for _, c := range calls {
		// A called module that cannot be read leaves its addresses at the
		// module call; one nested too deep is refused as the root would be.
		var deep tooDeepError
		if err := ix.module(c.dir, prefix+"module."+c.name+".", chain); errors.As(err, &deep) {
			return err
		}
	}
	return nil
}

// tooDeepError is a file refused before parsing (see package nesting):
// unlike a syntax error, which only loses some locations, it fails the
// index, as reading the file would take the process down.
type tooDeepError struct{ d *hcl.Diagnostic }

func (e tooDeepError) Error() string {
	return fmt.Sprintf("%s: %s: %s", e.d.Subject, e.d.Summary, strings.TrimSuffix(e.d.Detail, "."))
}

// record keeps the first declaration of addr: files are read in name order
// with override files (*_override.tf, override.tf) last, so an override
// never hides the block it changes.
func (ix *indexer) record(addr, file string, line int) {
	if _, seen := ix.locs.at[addr]; seen {
		return
	}
	ix.locs.at[addr] = Location{File: file, Line: line}
}

// localSource returns a module call's source when it is a literal local
// path.
func localSource(body hcl.Body) (string, bool) {
	content, _, _ := body.PartialContent(moduleSchema)
	if content == nil {
		return "", false
	}
	attr, ok := content.Attributes["source"]
	if !ok {
		return "", false
	}
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() || v.IsNull() || !v.IsKnown() || !v.Type().Equals(cty.String) {
		return "", false
	}
	src := v.AsString()
	if !strings.HasPrefix(src, "./") && !strings.HasPrefix(src, "../") {
		return "", false
	}
	return src, true
}

// configFiles lists dir's Terraform files in the order Terraform merges
// them: primary files by name, then override files by name.
func configFiles(dir string) ([]string, error) {
	listed, err := configfiles.List(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, name := range append(listed.Primary, listed.Override...) {
		paths = append(paths, filepath.Join(dir, name))
	}
	return paths, nil
}

// describe drops Go's operation and path from a file system error.
func describe(err error) error { return oserr.Describe(err, "no such directory") }
