package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is the bar a scan of several inputs draws on standard error
// while it reads and judges them, on a terminal only: never on a pipe, in
// a file or in CI logs. A nil *progress draws nothing.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns the bar for n inputs (each read, then the judging),
// or nil when standard error is not a terminal, CI is set, or there is
// only one input.
func (a *app) newProgress(n int) *progress {
	if n < 2 || !a.progressAllowed() {
		return nil
	}
	return &progress{bar: progressbar.NewOptions(n+1,
		progressbar.OptionSetWriter(a.stderr),
		progressbar.OptionSetDescription(fmt.Sprintf("reading %d inputs", n)),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// progressAllowed reports whether a bar may be drawn on a's stderr.
func (a *app) progressAllowed() bool {
	if a.forceProgress {
		return true
	}
	f, ok := a.stderr.(*os.File)
	return progressAllowed(ok && isTerminal(f), os.Getenv)
}

// progressAllowed reports whether a bar may be drawn: standard error is a
// terminal, and CI is not set (CI services set it to true, 1 or a name;
// empty, false and 0 leave it off).
func progressAllowed(terminal bool, getenv func(string) string) bool {
	switch getenv("CI") {
	case "", "false", "0":
		return terminal
	}
	return false
}

// step counts one input read, or the judging.
func (p *progress) step() {
	if p != nil {
		_ = p.bar.Add(1)
	}
}

// judging says the inputs are read and the checks run.
func (p *progress) judging() {
	if p != nil {
		p.bar.Describe("judging")
	}
}

// note writes a line on standard error: the bar is cleared first, and
// drawn again at the next step.
func (p *progress) note(a *app, format string, args ...any) {
	if p != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintf(a.stderr, format, args...)
}

// done clears the bar for good, so that a report written to the terminal
// next starts on a clean line.
func (p *progress) done() {
	if p != nil && !p.bar.IsFinished() {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
