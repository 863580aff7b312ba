package oserr

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestDescribe(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		err  error
		want string
	}{
		"missing":    {&fs.PathError{Op: "open", Path: "/x/plan.json", Err: syscall.ENOENT}, "no such file"},
		"permission": {&fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}, "permission denied"},
		"path error": {&fs.PathError{Op: "read", Path: "/x", Err: syscall.EISDIR}, syscall.EISDIR.Error()},
		"link error": {&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EXDEV}, syscall.EXDEV.Error()},
		"other":      {errors.New("boom"), "boom"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := Describe(tc.err, "no such file"); got == nil || got.Error() != tc.want {
				t.Errorf("Describe = %v, want %q", got, tc.want)
			}
		})
	}
	if Describe(nil, "no such file") != nil {
		t.Error("nil must stay nil")
	}
}
