package input

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// TestReadSilentDevice reads a terminal nobody types into: the terminal
// side of a new pseudo-terminal.
func TestReadSilentDevice(t *testing.T) {
	t.Parallel()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here:", err)
	}
	defer ptmx.Close()
	var n uint32
	unlock := int32(0)
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno != 0 {
		t.Skip("cannot unlock a pseudo-terminal:", errno)
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); errno != 0 {
		t.Skip("cannot name a pseudo-terminal:", errno)
	}
	path := fmt.Sprintf("/dev/pts/%d", n)
	start := time.Now()
	_, err = Reader{Wait: wait}.Read(path)
	if err == nil || !strings.Contains(err.Error(), path+": nothing arrived within 200ms") {
		t.Errorf("error = %v", err)
	}
	if took := time.Since(start); took > 10*wait {
		t.Errorf("the read took %s", took)
	}
}
