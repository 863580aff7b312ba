package suggest

import "testing"

func TestClosest(t *testing.T) {
	t.Parallel()
	types := []string{"aws_db_instance", "aws_rds_cluster", "aws_instance", "aws_s3_bucket", "google_sql_database_instance"}
	tests := map[string]struct {
		name, want string
		ok         bool
	}{
		"a transposition":     {name: "aws_db_instanse", want: "aws_db_instance", ok: true},
		"a missing letter":    {name: "aws_s3_buckt", want: "aws_s3_bucket", ok: true},
		"letter case":         {name: "AWS_RDS_CLUSTER", want: "aws_rds_cluster", ok: true},
		"exact":               {name: "aws_instance", want: "aws_instance", ok: true},
		"too far":             {name: "azurerm_storage_account", ok: false},
		"short and different": {name: "abc", ok: false},
		"empty":               {name: "", ok: false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := Closest(tc.name, types)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Closest(%q) = %q, %t; want %q, %t", tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
	if got := DidYouMean("aws_db_instanse", types); got != ` Did you mean "aws_db_instance"?` {
		t.Errorf("DidYouMean = %q", got)
	}
	if got := DidYouMean("zzz", types); got != "" {
		t.Errorf("DidYouMean far = %q", got)
	}
}
