package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/report"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

// writeReports writes every report of a scan, then the baseline. Standard
// output and streams get theirs in command-line order; files are written
// to temporary files and put in place together at the end, so that a scan
// that fails to write one report, or is stopped while it writes, replaces
// no file.
func (a *app) writeReports(outs []output, baseline string, rep *engine.Report, locs *source.Set) error {
	type pending struct {
		label string
		s     staged
	}
	var ready []pending
	var errs []error
	for _, o := range outs {
		o.opts.Locate = locs.Locate
		f, err := report.Lookup(o.format, o.opts) // known: outputs checked it
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if o.path == "" {
			if err := f.Write(a.stdout, rep); err != nil {
				errs = append(errs, fmt.Errorf("write standard output: %w", err))
			}
			continue
		}
		label := "write " + o.path
		s, err := stage(o.path, func(w io.Writer) error { return f.Write(w, rep) })
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", label, err))
			continue
		}
		ready = append(ready, pending{label, s})
	}
	if baseline != "" {
		label := "write baseline " + baseline
		s, err := stage(baseline, writeBytes(encodeBaseline(rep)))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", label, err))
		} else {
			ready = append(ready, pending{label, s})
		}
	}
	if len(errs) > 0 {
		for _, p := range ready {
			p.s.discard()
		}
		return errors.Join(errs...)
	}
	for _, p := range ready {
		if err := p.s.commit(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p.label, err))
		}
	}
	return errors.Join(errs...)
}
