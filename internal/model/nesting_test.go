package model

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// TestDecodeTooDeep: a value nested deeper than maxDepth anywhere in a plan
// or state (10,000 levels here; a million in the CLI's child-process
// test) is an error at its place, from bytes and from a stream alike,
// before anything recurses that far.
func TestDecodeTooDeep(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)
	deepObject := strings.Repeat(`{"a":`, 10_000) + "1" + strings.Repeat("}", 10_000)
	change := func(field, v string) string {
		return `{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":["create"],"` + field + `":` + v + `}}]}`
	}
	tests := map[string]string{
		"after":           change("after", `{"tags":`+deep+`}`),
		"after object":    change("after", deepObject),
		"before":          change("before", deep),
		"after_unknown":   change("after_unknown", deep),
		"after_sensitive": change("after_sensitive", deepObject),
		"variables":       `{"format_version":"1.2","variables":{"v":{"value":` + deep + `}}}`,
		"configuration":   `{"format_version":"1.2","configuration":{"root_module":{"resources":[{"address":"a.b","expressions":{"x":{"constant_value":` + deep + `}}}]}}}`,
		"planned_values":  `{"format_version":"1.2","planned_values":` + deep + `}`,
		"checks":          `{"format_version":"1.2","checks":` + deep + `}`,
		"state":           `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"a.b","type":"a","name":"b","values":` + deep + `}]}}}`,
		"unknown member":  `{"format_version":"1.2","future":` + deep + `}`,
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Decode("plan.json", []byte(src))
			if err == nil || !strings.Contains(err.Error(), "nesting deeper than 1000") || !strings.HasPrefix(err.Error(), "invalid JSON at line 1, column ") {
				t.Fatalf("err = %v", err)
			}
			_, streamErr := DecodeReader("plan.json", iotest.HalfReader(bytes.NewReader([]byte(src))))
			if streamErr == nil || streamErr.Error() != err.Error() {
				t.Errorf("stream: %v, bytes: %v", streamErr, err)
			}
		})
	}
}
