// Package nesting refuses configuration nested too deep before a parser
// recurses into it. HCL's parser and evaluator, like the JSON decoders, call
// themselves once per level, and Go cannot recover from a stack that
// overflows: a hostile or generated file (fail_on = [[[…]]] 100,000 deep)
// would end the process. One pass over the file's tokens finds the deepest
// point first.
package nesting

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// Max is the deepest nesting a configuration file may have. Hand-written
// and generated configurations stay far below it (blocks, a jsonencode'd
// policy document and a conditional rarely reach 20), and each level costs
// the parser and evaluator about 10 KB of stack, so Max levels use a few
// megabytes of Go's 1 GB. It is also below the plan reader's 1,000, so that
// any value a configuration can build fits in a plan.
const Max = 256

// summary names the diagnostic, and lets TooDeep find it.
const summary = "Nesting too deep"

type tooDeep struct{}

// TooDeep reports whether diags hold Check's error.
func TooDeep(diags hcl.Diagnostics) bool {
	for _, d := range diags {
		if _, ok := d.Extra.(tooDeep); ok {
			return true
		}
	}
	return false
}

// Check returns an error diagnostic at the first place where src nests
// deeper than Max, and nothing when it does not. A filename ending in
// .json is read as HCL's JSON syntax (whose strings are templates), any
// other as native syntax.
func Check(src []byte, filename string) hcl.Diagnostics {
	if strings.HasSuffix(filename, ".json") {
		return JSON(src, filename)
	}
	return HCL(src, filename)
}

// HCL checks a file in HCL's native syntax, telling code from strings,
// heredocs, comments and template sequences as HCL's scanner does.
func HCL(src []byte, filename string) hcl.Diagnostics {
	start := hcl.InitialPos
	if bom := []byte("\xef\xbb\xbf"); bytes.HasPrefix(src, bom) {
		// HCL's scanner skips it too.
		src = src[len(bom):]
		start.Byte += len(bom)
	}
	c := counter{max: Max}
	if measure(src, inCode, &c) {
		return nil
	}
	return newDiag(rangeAt(src, filename, start, c.at), Max)
}

// ParseFile reads and parses a configuration file as HCLparse's
// ParseHCLFile and ParseJSONFile do (by its suffix), refusing it before
// parsing when it nests deeper than Max. What a repository holds is read
// only as a regular file of at most oserr.MaxConfigFile (oserr.ReadFile):
// a link to a device or a pipe is an error, not a read without end.
func ParseFile(p *hclparse.Parser, path string) (*hcl.File, hcl.Diagnostics) {
	src, err := oserr.ReadFile(path, oserr.MaxConfigFile)
	return parse(p, path, src, err)
}

// ParseGivenFile parses a file named on the command line as ParseFile
// does, reading a pipe too (oserr.ReadGiven).
func ParseGivenFile(p *hclparse.Parser, path string) (*hcl.File, hcl.Diagnostics) {
	src, err := oserr.ReadGiven(path, oserr.MaxConfigFile)
	return parse(p, path, src, err)
}

func parse(p *hclparse.Parser, path string, src []byte, err error) (*hcl.File, hcl.Diagnostics) {
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Failed to read file",
			Detail:   err.Error(),
			Subject:  &hcl.Range{Filename: path},
		}}
	}
	if diags := Check(src, path); diags.HasErrors() {
		return nil, diags
	}
	if strings.HasSuffix(path, ".json") {
		return p.ParseJSON(src, path)
	}
	return p.ParseHCL(src, path)
}

// rangeAt is the range of the character at offset at of src, which starts
// at start in its file.
func rangeAt(src []byte, filename string, start hcl.Pos, at int) hcl.Range {
	pos := start
	line := 0
	if i := bytes.LastIndexByte(src[:at], '\n'); i >= 0 {
		pos.Line += bytes.Count(src[:at], []byte{'\n'})
		pos.Column = 1
		line = i + 1
	}
	pos.Column += utf8.RuneCount(src[line:at])
	pos.Byte += at
	end := pos
	end.Column++
	end.Byte++
	return hcl.Range{Filename: filename, Start: pos, End: end}
}

func newDiag(rng hcl.Range, max int) hcl.Diagnostics {
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail: fmt.Sprintf("Brackets, braces, parentheses, blocks, template sequences and operators nest more than %d levels deep here. "+
			"readiness refuses the file before parsing it, so that it cannot exhaust the stack.", max),
		Subject: &rng,
		Extra:   tooDeep{},
	}}
}
