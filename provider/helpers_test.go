package provider

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// noResult fails when any result of the data source at address has the
// check ID.
func noResult(s *terraform.State, address, checkID string) error {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return fmt.Errorf("%s not in state", address)
	}
	for k, v := range rs.Primary.Attributes {
		if strings.HasPrefix(k, "results.") && strings.HasSuffix(k, ".check_id") && v == checkID {
			return fmt.Errorf("%s: %s = %s, want no result of that check", address, k, v)
		}
	}
	return nil
}

// words turns a phrase into a pattern that matches it across the line
// breaks Terraform puts in diagnostics.
func words(phrase string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(phrase)), `\s+`)
}
