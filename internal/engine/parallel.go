package engine

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// judgeAll judges each plan on its own, up to GOMAXPROCS at a time, and
// returns their reports in the order of plans. Checks share nothing
// between inputs but the policy, whose caches are guarded, and a custom
// check's run, which evaluates one condition at a time. A panic outside a
// check's guard (the engine's own) is raised again in the caller, as it
// would have been had the inputs been judged one after another.
func judgeAll(plans []*model.Plan, enabled []check.Check, opts Options) []*Report {
	parts := make([]*Report, len(plans))
	if len(plans) == 1 {
		parts[0] = judge(plans[0], enabled, opts)
		return parts
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
			parts[i] = judge(p, enabled, opts)
		}()
	}
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
	return parts
}
