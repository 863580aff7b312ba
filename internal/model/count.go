package model

import "fmt"

// Count is what an input knows of how many instances a resource's block
// has. A plan always knows: Terraform expands count and for_each before it
// writes one, so every instance in it is one that is planned, and the zero
// Count says so. A configuration read without Terraform may not know them
// (a variable without a value, a value known only after apply): the block
// is then one instance keyed [*] that stands for any number of instances,
// none included. Every finding about such an instance holds only if it is
// created; a verdict that depends on how many there are cannot be given.
type Count struct {
	// Unknown names the meta-argument whose value is not known, "count" or
	// "for_each"; "" when the number of instances is known.
	Unknown string
	// Of is the configuration address of the block that has it, without
	// instance keys: the resource's own block, or the module call that
	// holds it (module.db when module "db" has the unknown count).
	Of string
}

// UnknownCount is the Count of an instance whose number of siblings is
// not known because the count or for_each (argument) of the block at
// configuration address of is unknown.
func UnknownCount(argument, of string) Count {
	return Count{Unknown: argument, Of: of}
}

// Known reports whether the number of instances is known.
func (c Count) Known() bool { return c.Unknown == "" }

// Reason says why the number of instances is not known, naming the block:
// "the count of module.db.aws_rds_cluster_instance.this is known only
// after apply". It is "" for a known count.
func (c Count) Reason() string {
	if c.Known() {
		return ""
	}
	return fmt.Sprintf("the %s of %s is known only after apply", c.Unknown, c.Of)
}
