// Package bench measures a whole scan against the cost of merely decoding
// the same plan with encoding/json, on synthetic plans of 1,000, 10,000 and
// 50,000 resources from ../shared/tools/genplan. Run it with `make bench`.
package bench
