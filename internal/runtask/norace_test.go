//go:build !race

package runtask_test

const raceDetector = false
