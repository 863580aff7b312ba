package check

// Status is the outcome of one check on one resource (or the whole plan).
type Status string

// Statuses. Unknown means a value the check needs is unknown until apply or
// lies outside the plan: the check neither passes nor fails silently.
const (
	StatusPass    Status = "pass"
	StatusFail    Status = "fail"
	StatusUnknown Status = "unknown"
	StatusWaived  Status = "waived"
)
