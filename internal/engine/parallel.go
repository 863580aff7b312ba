package engine

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// judged is what Run learns of one input: its planned world's report and,
// for a plan, its prior world's report and the results the prior world
// takes from the planned one (see judgeInput).
type judged struct {
	input   *model.Plan
	planned *Report
	// prior holds the errors of judging the prior world, nil without
	// one; priorResults its results.
	prior        *Report
	priorResults []priorResult
	same         map[resultKey]bool
}

// judgeAll judges each input on its own, up to GOMAXPROCS at a time, and
// returns what it learned in the order of plans. Checks share nothing
// between inputs but the policy, whose caches are guarded, and a custom
// check's run, which evaluates one condition at a time. A panic outside a
// check's guard (the engine's own) is raised again in the caller, as it
// would have been had the inputs been judged one after another.
func judgeAll(plans []*model.Plan, enabled []check.Check, opts Options) []judged {
	out := make([]judged, len(plans))
	if len(plans) == 1 {
		out[0] = judgeInput(plans[0], enabled, opts)
		return out
	}
	var (
		wg      sync.WaitGroup
		slots   = make(chan struct{}, runtime.GOMAXPROCS(0))
		mu      sync.Mutex
		panicky any
	)
	for i, p := range plans {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() {
				if v := recover(); v != nil {
					mu.Lock()
					if panicky == nil {
						panicky = fmt.Errorf("judging input %d of %d: %v", i+1, len(plans), v)
					}
					mu.Unlock()
				}
				<-slots
				wg.Done()
			}()
			out[i] = judgeInput(p, enabled, opts)
		}()
	}
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
	return out
}
