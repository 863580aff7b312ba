//go:build race

package runtask_test

// The race detector slows the load test tenfold: it sends fewer requests.
const raceDetector = true
