package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// BaselineVersion is the version of the baseline file's shape.
const BaselineVersion = 1

// BaselineEntry is one failure a baseline records: which check failed on
// which address of which input. Input is the input's file name without its
// directory, so that a baseline written on one machine matches on another.
type BaselineEntry struct {
	Input   string `json:"input"`
	CheckID string `json:"check_id"`
	Address string `json:"address"`
}

// Baseline is a set of failures recorded earlier: a scan with a baseline
// reports only failures that are not in it.
type Baseline struct {
	// Name is the baseline file as given, for messages.
	Name    string
	entries map[BaselineEntry]bool
}

type baselineFile struct {
	Version  int             `json:"version"`
	Failures []BaselineEntry `json:"failures"`
}

// NewBaseline builds a baseline from entries, as WriteBaseline records them.
func NewBaseline(name string, entries []BaselineEntry) *Baseline {
	b := &Baseline{Name: name, entries: map[BaselineEntry]bool{}}
	for _, e := range entries {
		e.Input = filepath.Base(e.Input)
		b.entries[e] = true
	}
	return b
}

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := oserr.ReadFile(path, oserr.MaxConfigFile)
	if err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f baselineFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("read baseline %s: not a readiness baseline (want {\"version\": 1, \"failures\": [...]}): %v", path, err)
	}
	if f.Version != BaselineVersion {
		return nil, fmt.Errorf("read baseline %s: unsupported version %d (want %d)", path, f.Version, BaselineVersion)
	}
	return NewBaseline(path, f.Failures), nil
}

// has reports whether the baseline records check m (by its ID or a former
// ID) failing at address in input.
func (b *Baseline) has(input string, m check.Meta, address string) bool {
	if b == nil {
		return false
	}
	for _, id := range append([]string{m.ID}, m.Aliases...) {
		if b.entries[BaselineEntry{Input: filepath.Base(input), CheckID: id, Address: address}] {
			return true
		}
	}
	return false
}

// Len is the number of failures the baseline records.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return len(b.entries)
}

// EncodeBaseline writes entries as a baseline file: inputs reduced to their
// file names, duplicates dropped, sorted by input, check ID and address, so
// that the same failures always give the same bytes.
func EncodeBaseline(entries []BaselineEntry) []byte {
	set := map[BaselineEntry]bool{}
	list := []BaselineEntry{}
	for _, e := range entries {
		e.Input = filepath.Base(e.Input)
		if !set[e] {
			set[e] = true
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Input != b.Input {
			return a.Input < b.Input
		}
		if a.CheckID != b.CheckID {
			return a.CheckID < b.CheckID
		}
		return a.Address < b.Address
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(baselineFile{Version: BaselineVersion, Failures: list})
	return buf.Bytes()
}
