package model

import (
	"slices"
	"testing"
)

func TestReadHook(t *testing.T) {
	inner := Object{{Name: "encrypted", Value: true}}
	r := &Resource{Type: "aws_instance", Mode: "managed", After: Object{
		{Name: "root_block_device", Value: []any{inner}},
	}}
	type member struct {
		object uintptr
		name   string
	}
	var attrs []string
	var members []member
	previous := SetReadHook(&ReadHook{
		Attr: func(typ string, data bool, path Path) {
			if data {
				typ = "data." + typ
			}
			attrs = append(attrs, typ+" "+path.String())
		},
		Member: func(object uintptr, name string) { members = append(members, member{object, name}) },
	})
	r.Attr("root_block_device", 0, "encrypted")
	r.HasUnknown("tags")
	inner.Get("kms_key_id")
	Object{}.Get("absent")
	SetReadHook(previous)
	r.Attr("ami") // no hook: nothing reported

	if want := []string{"aws_instance root_block_device[0].encrypted", "aws_instance tags"}; !slices.Equal(attrs, want) {
		t.Errorf("Attr reports %q, want %q", attrs, want)
	}
	root := ObjectID(r.After.(Object))
	want := []member{
		{root, "root_block_device"}, // Attr's own lookup
		{ObjectID(inner), "encrypted"},
		{ObjectID(inner), "kms_key_id"},
		{0, "absent"},
	}
	if !slices.Equal(members, want) {
		t.Errorf("Member reports %v, want %v", members, want)
	}
	if ObjectID(inner) == 0 || ObjectID(inner) == root {
		t.Errorf("ObjectID does not tell the objects apart: %d, %d", ObjectID(inner), root)
	}
}

// TestReadHookOff shows that without a hook the readers allocate nothing.
func TestReadHookOff(t *testing.T) {
	r := &Resource{Type: "aws_instance", After: Object{{Name: "root_block_device", Value: []any{Object{{Name: "encrypted", Value: true}}}}}}
	allocs := testing.AllocsPerRun(100, func() {
		r.Attr("root_block_device", 0, "encrypted")
		r.HasUnknown("root_block_device", 0, "encrypted")
	})
	if allocs != 0 {
		t.Errorf("the readers allocate %.0f times a run without a hook", allocs)
	}
}

// getUnhooked is Object.Get as it was before the read hook, to measure
// what the hook's check costs a reader.
func getUnhooked(o Object, name string) (any, bool) {
	for i := range o {
		if o[i].Name == name {
			return o[i].Value, true
		}
	}
	return nil, false
}

var benchObject = Object{{Name: "engine", Value: "postgres"}, {Name: "multi_az", Value: true}, {Name: "storage_encrypted", Value: true}}

func BenchmarkGet(b *testing.B) {
	b.Run("hooked", func(b *testing.B) {
		for b.Loop() {
			benchObject.Get("storage_encrypted")
		}
	})
	b.Run("unhooked", func(b *testing.B) {
		for b.Loop() {
			getUnhooked(benchObject, "storage_encrypted")
		}
	})
}
