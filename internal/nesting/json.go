package nesting

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// MaxData is the deepest JSON data (jsondecode's argument) may nest, as the
// plan reader allows.
const MaxData = 1000

// JSON checks a file in HCL's JSON syntax: arrays and objects nest, and so
// do the templates that strings hold ("${...}"), which HCL parses when it
// evaluates them, from the depth of the string.
func JSON(src []byte, filename string) hcl.Diagnostics {
	s := jsonScanner{src: src, filename: filename, max: Max, templates: true, pos: hcl.InitialPos}
	return s.scan()
}

// Data checks JSON data, whose strings are only strings.
func Data(src []byte) error {
	s := jsonScanner{src: src, max: MaxData, pos: hcl.InitialPos}
	if diags := s.scan(); diags.HasErrors() {
		return fmt.Errorf("the JSON nests deeper than %d levels at line %d, column %d", MaxData, diags[0].Subject.Start.Line, diags[0].Subject.Start.Column)
	}
	return nil
}

type jsonScanner struct {
	src       []byte
	filename  string
	max       int
	templates bool
	pos       hcl.Pos // of src[pos.Byte]
	depth     int
}

func (s *jsonScanner) scan() hcl.Diagnostics {
	for s.pos.Byte < len(s.src) {
		switch c := s.src[s.pos.Byte]; c {
		case '[', '{':
			if s.depth++; s.depth > s.max {
				return newDiag(s.here(), s.max)
			}
		case ']', '}':
			s.depth = max(0, s.depth-1)
		case '"':
			start := s.pos
			raw := s.str()
			if s.templates {
				if diags := s.template(raw, start); diags != nil {
					return diags
				}
			}
			continue
		}
		s.next()
	}
	return nil
}

// str consumes a string and returns it with its quotes.
func (s *jsonScanner) str() []byte {
	from := s.pos.Byte
	s.next()
	for s.pos.Byte < len(s.src) {
		switch s.src[s.pos.Byte] {
		case '\\':
			s.next()
		case '"':
			s.next()
			return s.src[from:s.pos.Byte]
		}
		if s.pos.Byte < len(s.src) {
			s.next()
		}
	}
	return s.src[from:]
}

// template checks a string as the template HCL would parse, counting from
// the string's depth.
func (s *jsonScanner) template(raw []byte, at hcl.Pos) hcl.Diagnostics {
	text := raw
	if bytes.IndexByte(raw, '\\') >= 0 {
		var str string
		if json.Unmarshal(raw, &str) == nil {
			text = []byte(str)
		}
	} else if len(raw) >= 2 {
		text = raw[1 : len(raw)-1]
	}
	if !bytes.Contains(text, []byte("${")) && !bytes.Contains(text, []byte("%{")) {
		return nil
	}
	at.Column++
	at.Byte++
	c := counter{max: s.max, depth: s.depth}
	if measure(text, inTemplate, &c) {
		return nil
	}
	return newDiag(rangeAt(text, s.filename, at, c.at), s.max)
}

func (s *jsonScanner) next() {
	if s.src[s.pos.Byte] == '\n' {
		s.pos.Line++
		s.pos.Column = 0
	}
	s.pos.Byte++
	s.pos.Column++
}

func (s *jsonScanner) here() hcl.Range {
	end := s.pos
	end.Byte++
	end.Column++
	return hcl.Range{Filename: s.filename, Start: s.pos, End: end}
}
