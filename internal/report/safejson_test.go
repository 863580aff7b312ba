package report

import (
	"encoding/json"
	"testing"
)

func TestSafeJSON(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in, want string
	}{
		"plain":          {in: "multi_az ::/0 é", want: `"multi_az ::/0 é"`},
		"c0 by encoding": {in: "\x1b[2J\x07\x00", want: `"\u001b[2J\u0007\u0000"`},
		"del and c1":     {in: "a\x7f\u009bb\u0085", want: `"a\u007f\u009bb\u0085"`},
		"bidi":           {in: "\u202eabc\u2066\u200f\u061c", want: `"\u202eabc\u2066\u200f\u061c"`},
		"separators":     {in: "\u2028\u2029", want: `"\u2028\u2029"`},
		"legacy command": {in: "x ##[add-mask]y ##vso[task]", want: `"x ##\u005badd-mask]y ##vso\u005btask]"`},
		"hashes":         {in: "## #[", want: `"## #["`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			enc, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := safeJSON(enc)
			if string(got) != tt.want {
				t.Errorf("safeJSON(%s) = %s, want %s", enc, got, tt.want)
			}
			var back string
			if err := json.Unmarshal(got, &back); err != nil || back != tt.in {
				t.Errorf("decodes to %q (%v), want %q", back, err, tt.in)
			}
		})
	}
}
