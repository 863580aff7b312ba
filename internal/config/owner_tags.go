package config

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// ownerTags reads owner_tags: the tag and label keys that name a resource's
// owner, replacing the owner_tag check's default list. Each is a key or a
// pattern with * (any characters); a list that names none would fail every
// resource, and a key of only * and separators would pass every tagged one.
func (c *Config) ownerTags(d *decoder, a *hcl.Attribute) {
	before := len(d.diags)
	names := d.strList(a)
	if len(names) == 0 && len(d.diags) == before {
		d.errorf(a.Expr.Range(), "Invalid owner_tags", "List at least one tag key, like [\"owner\", \"team\"]; to stop asking for an owner, disable the owner_tag check.")
		return
	}
	for _, n := range names {
		if strings.Trim(n.Value, "*-_.:/ ") == "" {
			d.errorf(n.Range, "Invalid owner_tags", "%q names no key: write a key such as \"owner\" or a pattern such as \"*owner*\".", n.Value)
			continue
		}
		c.Policy.OwnerTags = append(c.Policy.OwnerTags, n.Value)
	}
}
