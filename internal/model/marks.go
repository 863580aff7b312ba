package model

import "encoding/binary"

// Marks trees (after_unknown, after_sensitive, before_sensitive) repeat
// from one resource to the next: resources of one type mark the same
// attributes. The reader keeps one copy of each distinct tree, and of each
// distinct subtree, and hands it to every resource that has it, so that the
// marks of a large plan cost about what its resource types do. Marks trees
// are read, never changed, once decoded.

// marksTrue is the id of the tree true; a pruned tree (nil) has id 0, and
// every distinct object or list the next id from marksTrue+1.
const marksTrue = 1

// sharedMarks is the table of distinct marks trees of one decoding, by
// their shape: members' names and the ids of their trees, or the ids of a
// list's elements.
type sharedMarks struct {
	byShape map[string]sharedTree
	shape   []byte // scratch for the shape being looked up
	ids     []uint32
}

type sharedTree struct {
	tree any
	id   uint32
}

// marks reads an after_unknown or after_sensitive tree keeping only what
// leads to a true: false, empty objects and lists, and members or elements
// without a true inside become nil, so that the marks of a large plan cost
// almost nothing. Lookups of pruned paths find no mark, as before pruning.
func (p *parser) marks() (any, error) {
	v, _, err := p.marksTree()
	return v, err
}

// marksTree reads a marks tree and returns the shared copy of it, with its
// id.
func (p *parser) marksTree() (any, uint32, error) {
	switch p.dec.PeekKind() {
	case '{':
		if err := p.enter('{'); err != nil {
			return nil, 0, err
		}
		mark := len(p.fields)
		var err error
		for p.dec.PeekKind() != '}' {
			var key string
			if key, err = p.str(); err != nil {
				break
			}
			var v any
			var id uint32
			v, id, err = p.marksTree()
			if v != nil {
				p.fields = append(p.fields, Field{Name: key, Value: v})
				p.marked.ids = append(p.marked.ids, id)
			}
			if err != nil {
				break
			}
		}
		if err == nil {
			err = p.leave()
		}
		fields, ids := p.fields[mark:], p.marked.ids[len(p.marked.ids)-(len(p.fields)-mark):]
		var tree any
		var id uint32
		if len(fields) > 0 {
			if err == nil {
				tree, id = p.sharedObject(fields, ids)
			} else {
				tree = exactCopy(Object(fields))
			}
		}
		clear(fields)
		p.fields = p.fields[:mark]
		p.marked.ids = p.marked.ids[:len(p.marked.ids)-len(ids)]
		return tree, id, err
	case '[':
		if err := p.enter('['); err != nil {
			return nil, 0, err
		}
		mark := len(p.elems)
		marked := false
		var err error
		for p.dec.PeekKind() != ']' {
			var v any
			var id uint32
			v, id, err = p.marksTree()
			marked = marked || v != nil
			p.elems = append(p.elems, v)
			p.marked.ids = append(p.marked.ids, id)
			if err != nil {
				break
			}
		}
		if err == nil {
			err = p.leave()
		}
		elems, ids := p.elems[mark:], p.marked.ids[len(p.marked.ids)-(len(p.elems)-mark):]
		var tree any
		var id uint32
		if marked {
			if err == nil {
				tree, id = p.sharedList(elems, ids)
			} else {
				tree = exactCopy(elems)
			}
		}
		clear(elems)
		p.elems = p.elems[:mark]
		p.marked.ids = p.marked.ids[:len(p.marked.ids)-len(ids)]
		return tree, id, err
	case 't':
		_, err := p.dec.ReadToken()
		return true, marksTrue, p.wrap(err)
	default:
		return nil, 0, p.skip()
	}
}

// sharedObject returns the shared copy of the object of fields, whose
// trees have ids.
func (p *parser) sharedObject(fields []Field, ids []uint32) (any, uint32) {
	s := &p.marked
	s.shape = append(s.shape[:0], '{')
	for i, f := range fields {
		s.shape = binary.AppendUvarint(s.shape, uint64(len(f.Name)))
		s.shape = append(s.shape, f.Name...)
		s.shape = binary.AppendUvarint(s.shape, uint64(ids[i]))
	}
	return s.share(func() any { return exactCopy(Object(fields)) })
}

// sharedList returns the shared copy of the list of elems, whose trees
// have ids.
func (p *parser) sharedList(elems []any, ids []uint32) (any, uint32) {
	s := &p.marked
	s.shape = append(s.shape[:0], '[')
	for _, id := range ids {
		s.shape = binary.AppendUvarint(s.shape, uint64(id))
	}
	return s.share(func() any { return exactCopy(elems) })
}

// share returns the tree of the shape in s.shape, made by build the first
// time.
func (s *sharedMarks) share(build func() any) (any, uint32) {
	if t, ok := s.byShape[string(s.shape)]; ok {
		return t.tree, t.id
	}
	if s.byShape == nil {
		s.byShape = map[string]sharedTree{}
	}
	t := sharedTree{tree: build(), id: uint32(len(s.byShape)) + marksTrue + 1}
	s.byShape[string(s.shape)] = t
	return t.tree, t.id
}

// exactCopy copies s into a slice with no spare capacity, so that an append
// to a shared tree never writes into it.
func exactCopy[S ~[]E, E any](s S) S {
	out := make(S, len(s))
	copy(out, s)
	return out
}
