package engine

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// world is one thing Run judges: an input's planned world, or the world
// before a plan (model.Plan.Prior), built by the goroutine that judges it.
type world struct {
	input *model.Plan
	prior bool
}

func (w world) plan() *model.Plan {
	if w.prior {
		p, _ := w.input.Prior()
		return p
	}
	return w.input
}

// worldsOf lists the worlds of the inputs, in their order: each input's
// planned world, followed by its prior world when it has one.
func worldsOf(plans []*model.Plan) []world {
	out := make([]world, 0, 2*len(plans))
	for _, p := range plans {
		out = append(out, world{input: p})
		if p.HasPrior() {
			out = append(out, world{input: p, prior: true})
		}
	}
	return out
}

// judgeAll judges each world on its own, up to GOMAXPROCS at a time, and
// returns their reports in the order of worlds. Checks share nothing
// between worlds but the policy, whose caches are guarded, and a custom
// check's run, which evaluates one condition at a time. A panic outside a
// check's guard (the engine's own) is raised again in the caller, as it
// would have been had the worlds been judged one after another.
func judgeAll(worlds []world, enabled []check.Check, opts Options) []*Report {
	parts := make([]*Report, len(worlds))
	if len(worlds) == 1 {
		parts[0] = judge(worlds[0], enabled, opts)
		return parts
	}
	var (
		wg      sync.WaitGroup
		slots   = make(chan struct{}, runtime.GOMAXPROCS(0))
		mu      sync.Mutex
		panicky any
	)
	for i, w := range worlds {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() {
				if v := recover(); v != nil {
					mu.Lock()
					if panicky == nil {
						panicky = fmt.Errorf("judging world %d of %d: %v", i+1, len(worlds), v)
					}
					mu.Unlock()
				}
				<-slots
				wg.Done()
			}()
			parts[i] = judge(w, enabled, opts)
		}()
	}
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
	return parts
}
