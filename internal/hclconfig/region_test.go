package hclconfig

import "testing"

func TestRegionsFromExpressions(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/regions").Plan
	tests := map[string]struct {
		address, want string
		known         bool
	}{
		"from a local":                  {"aws_dynamodb_table.main", "eu-west-1", true},
		"from a variable's default":     {"aws_dynamodb_table.dr", "eu-central-1", true},
		"from a variable without value": {"aws_dynamodb_table.elsewhere", "", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := p.Region(p.Lookup(tc.address))
			if got != tc.want || ok != tc.known {
				t.Errorf("Region(%s) = %q, %t; want %q, %t", tc.address, got, ok, tc.want, tc.known)
			}
		})
	}
}
