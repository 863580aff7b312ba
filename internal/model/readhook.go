package model

import (
	"strings"
	"sync/atomic"
	"unsafe"
)

// A ReadHook is told of every value a reader asks a resource for, by
// attribute name: tests install one to hold what the checks read to the
// providers' schemas (internal/schematest). Nothing installs one in
// production, where it costs one atomic load per read; it is handed
// copies, so that what readers pass never escapes to the heap for it.
type ReadHook struct {
	// Attr is called by Resource.Attr and Resource.HasUnknown with the
	// resource's type, whether it is a data source, and the path asked
	// for, whether or not the plan holds it.
	Attr func(typ string, data bool, path Path)
	// Member is called by Object.Get, on any object, with the object's
	// ObjectID and the name asked for: the hook tells a resource's objects
	// from others itself.
	Member func(object uintptr, name string)
}

var readHook atomic.Pointer[ReadHook]

// SetReadHook installs h (nil removes the hook) and returns the hook it
// replaces. Readers running while it is called may or may not report to h.
func SetReadHook(h *ReadHook) (previous *ReadHook) { return readHook.Swap(h) }

// ObjectID identifies a non-empty object by the address of its fields,
// which decoding never moves: 0 for an empty one.
func ObjectID(o Object) uintptr {
	if len(o) == 0 {
		return 0
	}
	return uintptr(unsafe.Pointer(unsafe.SliceData(o)))
}

// readMember and readAttr report a read to the hook. They are kept out of
// the readers, which check for a hook first, so that a reader without one
// does no more.
//
//go:noinline
func readMember(o Object, name string) {
	if h := readHook.Load(); h != nil && h.Member != nil {
		h.Member(ObjectID(o), strings.Clone(name))
	}
}

//go:noinline
func readAttr(r *Resource, path Path) {
	h := readHook.Load()
	if h == nil || h.Attr == nil {
		return
	}
	own := make(Path, len(path))
	for i, s := range path {
		switch s := s.(type) {
		case string:
			own[i] = strings.Clone(s)
		case int:
			own[i] = s
		}
	}
	h.Attr(strings.Clone(r.Type), !r.Managed(), own)
}
