package model

// Setting is what a resource's configuration says of one of its arguments
// or blocks.
type Setting uint8

const (
	// NotSet: the configuration does not set it.
	NotSet Setting = iota
	// Set: the configuration sets it, to a constant, a reference or blocks.
	Set
	// CannotTell: the plan cannot say. It holds no configuration for the
	// resource, or the argument is missing from the configuration while
	// its planned value is unknown or holds blocks: a `dynamic` block sets
	// it that way, and plan JSON's configuration leaves dynamic blocks out.
	// Reading the .tf files (Resource.ConfigComplete) decides.
	CannotTell
)

func (s Setting) String() string {
	switch s {
	case NotSet:
		return "not set"
	case Set:
		return "set"
	}
	return "cannot tell"
}

// Configured says whether r's configuration sets the argument at path:
// attribute names, each optionally followed by a block index (the first
// block when it is left out); every step but the last names a block, or the
// step after an attribute is a key inside its value, set with it. An
// argument missing from a block the configuration spells out is not set; a
// block on the way that the configuration lacks may be a dynamic one.
func (r *Resource) Configured(path ...Step) Setting { return r.configured(path, false) }

// ConfiguredBlock is Configured for a path whose last step names a block
// type, which a dynamic block may set: missing from the plan's
// configuration, it is not set only when the planned value holds no block
// (or the .tf source was read: ConfigComplete).
func (r *Resource) ConfiguredBlock(path ...Step) Setting { return r.configured(path, true) }

func (r *Resource) configured(path []Step, lastIsBlock bool) Setting {
	if r.Config == nil {
		return CannotTell
	}
	exprs := r.Config.Expressions
	var planned Path // the same place in the planned value
	for i := 0; i < len(path); i++ {
		name, ok := path[i].(string)
		if !ok {
			return CannotTell
		}
		planned = append(planned, name)
		e := exprs[name]
		switch {
		case e == nil || e.ExpressionData == nil:
			if i == len(path)-1 && !lastIsBlock {
				return NotSet
			}
			return r.missingBlock(planned)
		case i == len(path)-1 || len(e.NestedBlocks) == 0:
			// What follows an attribute is inside its value.
			return Set
		}
		idx, indexed := path[i+1].(int)
		if indexed {
			i++
		}
		if idx >= len(e.NestedBlocks) {
			// More blocks planned than the configuration spells out.
			return CannotTell
		}
		exprs = e.NestedBlocks[idx]
		planned = append(planned, idx)
	}
	return Set
}

// missingBlock judges a block type the configuration does not hold: not
// set, unless the plan's configuration may have left out a dynamic block
// that sets it, since the planned value holds blocks or is unknown.
func (r *Resource) missingBlock(planned Path) Setting {
	if r.ConfigComplete {
		return NotSet
	}
	a := r.Attr(planned...)
	switch v := a.Value.(type) {
	case nil:
		if a.Unknown {
			return CannotTell
		}
		return NotSet
	case []any:
		if len(v) == 0 {
			return NotSet
		}
	}
	return CannotTell
}
