package cli

import (
	"errors"
	"os"
	"runtime"
	"sync"

	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// readInputs reads the inputs, GOMAXPROCS of them at a time, and returns
// the plans and their paths in the inputs' order, whatever order the reads
// end in, and every error, each naming its input. A file --recursive found
// that is no Terraform plan or state (an IAM policy, a package.json) is
// left out and named on standard error.
func (a *app) readInputs(rd input.Reader, ins []scanInput, prog *progress) ([]*model.Plan, []string, []error) {
	type result struct {
		plan *model.Plan
		err  error
	}
	results := make([]result, len(ins))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, in := range ins {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			var r result
			if in.path == input.Stdin {
				r.plan, r.err = a.readStdin(rd)
			} else {
				r.plan, r.err = rd.Read(in.path)
			}
			results[i] = r
			prog.step()
		}()
	}
	wg.Wait()

	var plans []*model.Plan
	var kept []string
	var errs []error
	for i, r := range results {
		switch {
		case r.err != nil && ins[i].walked && errors.Is(r.err, model.ErrNotTerraform):
			prog.note(a, "readiness: skipped %s: not a Terraform plan or state\n", report.SafeLine(ins[i].path))
		case r.err != nil:
			errs = append(errs, unjoin(r.err)...)
		default:
			plans = append(plans, r.plan)
			kept = append(kept, ins[i].path)
		}
	}
	if len(errs) == 0 && len(plans) == 0 {
		errs = append(errs, errors.New("--recursive found no Terraform plan or state among the .json files"))
	}
	return plans, kept, errs
}

// readStdin reads standard input, which must not be a terminal: a scan
// would wait for a plan nobody types.
func (a *app) readStdin(rd input.Reader) (*model.Plan, error) {
	in := a.stdin
	if in == nil {
		in = os.Stdin
	}
	if f, ok := in.(*os.File); ok && isTerminal(f) {
		return nil, errors.New("read standard input: it is a terminal; pipe a plan into it, as in terraform show -json tfplan | readiness scan -")
	}
	return rd.ReadStdin(in)
}
