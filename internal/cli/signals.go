package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
)

// HandleSignals makes SIGINT and SIGTERM end the process without leaving a
// temporary report file behind: the files in flight are removed, stderr
// says why, and exit is called with 128 plus the signal's number (130 for
// SIGINT, 143 for SIGTERM), as shells report a process a signal ended, even
// when the write was blocked (a FIFO nobody reads).
//
// main calls it before Run and ends the process with the function it
// returns, which never races the handler: once a signal is being handled,
// the process ends with the signal's status. While `readiness serve` runs,
// the signals are its own (takeSignals): it drains, then exits 0.
func HandleSignals(stderr io.Writer, exit func(int)) (exitWith func(int)) {
	var mu sync.Mutex
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		for signalsTaken.Load() > 0 {
			sig = <-ch // serve drains on its own
		}
		mu.Lock()
		inFlight.stop()
		name, n := "SIGINT", int(syscall.SIGINT)
		if sig == syscall.SIGTERM {
			name, n = "SIGTERM", int(syscall.SIGTERM)
		}
		fmt.Fprintf(stderr, "readiness: stopped by %s; temporary report files removed\n", name)
		exit(128 + n)
	}()
	return func(code int) {
		mu.Lock()
		signal.Stop(ch)
		exit(code)
	}
}

// signalsTaken counts the commands running that handle SIGINT and SIGTERM
// themselves: `readiness serve` drains its run tasks, then exits 0. While
// it is above zero, HandleSignals lets the signals be.
var signalsTaken atomic.Int32

// takeSignals keeps HandleSignals from ending the process on SIGINT and
// SIGTERM until release is called; the caller must signal.Notify for them
// itself.
func takeSignals() (release func()) {
	signalsTaken.Add(1)
	return func() { signalsTaken.Add(-1) }
}
