// Package budget bounds one evaluation of an HCL expression a team wrote
// (a custom check's condition): the steps it takes (iterations of for
// expressions, elements of the collections it builds), the bytes of the
// strings it builds, and its time. A runaway expression
// (setproduct(range(1024), range(1024), range(64)), three nested for
// expressions over range(1024)) then stops with an error within a second
// or so and tens of megabytes, instead of running for minutes or taking
// gigabytes.
//
// The count is exact rather than estimated up front, because the sizes
// that matter are those of plan values, known only while evaluating:
// Instrument rewrites the expression once so that each for expression's
// collection, each splat's source, each element of a tuple or object it
// builds and each part of a template passes through a function of the
// evaluation's context that charges it (HCL evaluates a for expression's
// collection once per iteration of the enclosing one, so nested loops are
// charged as they run), and Functions wraps the functions that build values
// so that they check, from their arguments and before building anything,
// that the result fits in what is left, then charge what they built.
package budget

import (
	"fmt"
	"time"
)

// Limits bound one evaluation.
type Limits struct {
	// Steps counts iterations of for expressions and splats, and elements
	// of the tuples, objects and collections the expression builds.
	Steps int
	// Bytes counts the bytes of the strings templates and functions build.
	Bytes int
	// Time is the wall-clock time of the evaluation, checked at every step.
	Time time.Duration
}

// Default is the budget of a custom check's condition and message for one
// resource. A check over plan values takes a few hundred steps, one over
// every referrer of a busy resource a few thousand; 100,000 steps take
// under a second at the worst (range's elements are the slowest) and, with
// the strings, a few tens of megabytes.
var Default = Limits{Steps: 100_000, Bytes: 16 << 20, Time: 2 * time.Second}

// Budget is what is left of an evaluation's limits. It is not safe for
// concurrent use: evaluations that share one take turns, each after Start.
type Budget struct {
	limits       Limits
	steps, bytes int
	deadline     time.Time
	err          *Error
}

// New starts a budget; the time runs from now.
func New(l Limits) *Budget {
	b := &Budget{limits: l}
	b.Start()
	return b
}

// Start gives the budget back whole, for the next evaluation; the time
// runs from now.
func (b *Budget) Start() {
	b.steps, b.bytes, b.err = 0, 0, nil
	b.deadline = time.Now().Add(b.limits.Time)
}

// Error says which limit an evaluation exceeded, as a predicate: "exceeds
// the evaluation budget of 100,000 steps (...)".
type Error struct {
	msg string
}

func (e *Error) Error() string { return e.msg }

// Err is the limit the evaluation exceeded, or nil. Once exceeded, every
// further step fails too, so that try() and can() cannot hide it: a caller
// checks Err after evaluating, whatever the result.
func (b *Budget) Err() error {
	if b.err == nil {
		return nil
	}
	return b.err
}

// charge spends steps and bytes, and fails once a limit is exceeded.
func (b *Budget) charge(steps, bytes int) error {
	if b.err != nil {
		return b.err
	}
	b.steps = add(b.steps, steps)
	b.bytes = add(b.bytes, bytes)
	return b.check()
}

// fits fails when a result of steps and bytes would exceed what is left,
// without spending anything: the function that would build it does not
// run.
func (b *Budget) fits(steps, bytes int) error {
	if b.err != nil {
		return b.err
	}
	if add(b.steps, steps) > b.limits.Steps || add(b.bytes, bytes) > b.limits.Bytes {
		b.steps, b.bytes = add(b.steps, steps), add(b.bytes, bytes)
	}
	return b.check()
}

func (b *Budget) check() error {
	switch {
	case b.steps > b.limits.Steps:
		b.err = &Error{fmt.Sprintf("exceeds the evaluation budget of %s steps (iterations of for expressions, elements of the collections built)", thousands(b.limits.Steps))}
	case b.bytes > b.limits.Bytes:
		b.err = &Error{fmt.Sprintf("exceeds the evaluation budget of %s bytes of strings built", thousands(b.limits.Bytes))}
	case time.Now().After(b.deadline):
		b.err = &Error{fmt.Sprintf("exceeds the evaluation budget of %s", b.limits.Time)}
	default:
		return nil
	}
	return b.err
}

// add adds non-negative sizes without overflowing.
func add(a, b int) int {
	if b > maxInt-a {
		return maxInt
	}
	return a + b
}

// mul multiplies non-negative sizes without overflowing.
func mul(a, b int) int {
	if a != 0 && b > maxInt/a {
		return maxInt
	}
	return a * b
}

const maxInt = int(^uint(0) >> 1)

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
