package instancetypes

import "testing"

func TestSuggest(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		name, want string
	}{
		"ec2":                   {name: "m7g.lrage", want: "m7g.large"},
		"rds class":             {name: "db.m6g.lrge", want: "db.m6g.large"},
		"elasticache class":     {name: "cache.r6g.xlarg", want: "cache.r6g.xlarge"},
		"opensearch class":      {name: "r6g.larg.search", want: "r6g.large.search"},
		"google":                {name: "n2-standrd-4", want: "n2-standard-4"},
		"azure":                 {name: "Standrd_D4s_v5", want: "Standard_D4s_v5"},
		"azure database server": {name: "GP_Standrd_D2ds_v4", want: "GP_Standard_D2ds_v4"},
		"far from any":          {name: "quantum.huge"},
		"empty":                 {name: ""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := Suggest(tt.name)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Suggest(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
			}
			if ok {
				if _, known := Lookup(got); !known {
					t.Errorf("Suggest(%q) = %q, which Lookup does not know", tt.name, got)
				}
			}
		})
	}
}
