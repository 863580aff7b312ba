package model

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

// TestDecodeStrictJSON: what RFC 8259 does not allow, or leaves to the
// reader and Terraform never writes, is an error naming its line and
// column, from bytes and from a stream alike.
func TestDecodeStrictJSON(t *testing.T) {
	t.Parallel()
	change := func(after string) string {
		return "{\n\"format_version\": \"1.2\",\n\"resource_changes\": [{\"address\": \"a.b\", \"type\": \"a\", \"name\": \"b\",\n  \"change\": {\"actions\": [\"create\"], \"after\": " + after + "}}]}"
	}
	tests := map[string]struct {
		in, want string
	}{
		"leading zero":        {change(`{"port": 01}`), "line 4, column 56: invalid character '1' after object value"},
		"no digit after dot":  {change(`{"port": 1.}`), "line 4, column 57: invalid character '}' in number"},
		"bare minus":          {change(`{"port": -}`), "line 4, column 56: invalid character '}' in number"},
		"duplicate member":    {change(`{"port": 1, "port": 2}`), "line 4, column 58: duplicate member name"},
		"duplicate top-level": {"{\"format_version\": \"1.2\",\n \"format_version\": \"1.2\"}", "line 2, column 2: duplicate member name"},
		"duplicate skipped":   {"{\"format_version\": \"1.2\",\n \"planned_values\": {\"x\": 1,\n \"x\": 2}}", "line 3, column 2: duplicate member name"},
		"duplicate escaped":   {change(`{"port": 1, "p\u006frt": 2}`), "line 4, column 58: duplicate member name"},
		"invalid UTF-8":       {change("{\"name\": \"a\xffb\"}"), "line 4, column 57: invalid UTF-8"},
		"unpaired surrogate":  {change(`{"name": "\ud800"}`), "line 4, column 56: invalid surrogate pair"},
		"out of range":        {change(`{"port": 1e999}`), "line 4, column 55: number 1e999 is out of range"},
		// A character of several bytes, which a stream may deliver apart,
		// is named whole either way.
		"not ASCII": {change(`{"port": “1”}`), "line 4, column 55: invalid character '“' at start of value"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Decode("plan.json", []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), "invalid JSON at "+tc.want) {
				t.Fatalf("err = %v, want it to name %q", err, tc.want)
			}
			_, streamErr := DecodeReader("plan.json", iotest.OneByteReader(strings.NewReader(tc.in)))
			if streamErr == nil || streamErr.Error() != err.Error() {
				t.Errorf("stream: %v, bytes: %v", streamErr, err)
			}
		})
	}
}

// TestSkipCostsNoMemory: a value under a member the model does not read
// (here 64 MiB under an unknown key and in planned_values) is not kept:
// the heap does not grow by its size while the plan is read. Streamed, a
// skipped list or object is read token by token; a single skipped string
// is not covered from a stream: jsontext holds each token whole in its
// buffer.
func TestSkipCostsNoMemory(t *testing.T) {
	const size = 64 << 20
	big := strings.Repeat("x", size)
	list := "[" + strings.Repeat(`"abcdefghijklmnopqrstuvwxyz",`, size/30) + "0]"
	docs := map[string]string{
		"string, unknown key":      `{"format_version":"1.2","future":"` + big + `","resource_changes":[]}`,
		"list, planned_values":     `{"format_version":"1.2","planned_values":` + list + `,"resource_changes":[]}`,
		"list, unknown key":        `{"format_version":"1.2","future":{"a":` + list + `},"resource_changes":[]}`,
		"string in planned_values": `{"format_version":"1.2","planned_values":{"a":["` + big + `"]},"resource_changes":[]}`,
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			for _, stream := range []bool{false, true} {
				if stream && strings.HasPrefix(name, "string") {
					continue
				}
				data := []byte(doc)
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				var err error
				if stream {
					_, err = DecodeReader("plan.json", bytes.NewReader(data))
				} else {
					_, err = Decode("plan.json", data)
				}
				runtime.ReadMemStats(&after)
				if err != nil {
					t.Fatal(err)
				}
				if grown := after.TotalAlloc - before.TotalAlloc; grown > size/8 {
					t.Errorf("stream %v: reading allocated %d MiB beside a %d MiB value", stream, grown>>20, size>>20)
				}
				runtime.KeepAlive(data)
			}
		})
	}
}
