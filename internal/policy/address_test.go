package policy

import "testing"

func TestPatternMatch(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		pattern string
		address string
		want    bool
	}{
		"exact":                         {`aws_db_instance.main`, `aws_db_instance.main`, true},
		"other name":                    {`aws_db_instance.main`, `aws_db_instance.other`, false},
		"no key matches count":          {`aws_db_instance.main`, `aws_db_instance.main[0]`, true},
		"no key matches for_each":       {`aws_db_instance.main`, `aws_db_instance.main["a.b[c]"]`, true},
		"key must match":                {`aws_db_instance.main[1]`, `aws_db_instance.main[0]`, false},
		"count key":                     {`aws_db_instance.main[0]`, `aws_db_instance.main[0]`, true},
		"count key with a leading zero": {`aws_db_instance.main[00]`, `aws_db_instance.main[0]`, true},
		"count key as a number":         {`aws_db_instance.main[1e0]`, `aws_db_instance.main[1]`, true},
		"quoted number is a string":     {`aws_db_instance.main["00"]`, `aws_db_instance.main[0]`, false},
		"bare number string key":        {`aws_db_instance.main[01]`, `aws_db_instance.main["01"]`, true},
		"quoted key":                    {`module.app["blue"].aws_db_instance.main`, `module.app["blue"].aws_db_instance.main[0]`, true},
		"unquoted key":                  {`module.app[blue].aws_db_instance.main`, `module.app["blue"].aws_db_instance.main[0]`, true},
		"other key":                     {`module.app["blue"].aws_db_instance.main`, `module.app["green"].aws_db_instance.main`, false},
		"star key quoted":               {`module.app["*"].aws_db_instance.*`, `module.app["green"].aws_db_instance.main[0]`, true},
		"star key bare":                 {`module.app[*].aws_db_instance.*`, `module.app["green"].aws_db_instance.main`, true},
		"star key needs a key":          {`module.app[*].aws_db_instance.*`, `module.app.aws_db_instance.main`, false},
		"module without key":            {`module.app.aws_db_instance.main`, `module.app["blue"].aws_db_instance.main`, true},
		"glob in key":                   {`module.app["prod-*"].aws_db_instance.main`, `module.app["prod-eu"].aws_db_instance.main`, true},
		"glob in key misses":            {`module.app["prod-*"].aws_db_instance.main`, `module.app["dev-eu"].aws_db_instance.main`, false},
		"star name":                     {`aws_db_instance.*`, `aws_db_instance.x[3]`, true},
		"star type prefix":              {`aws_db_*.*`, `aws_db_instance.x`, true},
		"star does not cross a step":    {`aws_db_instance.*`, `module.a.aws_db_instance.x`, false},
		"double star any module":        {`**.aws_db_instance.*`, `module.a["x"].module.b.aws_db_instance.x`, true},
		"double star no module":         {`**.aws_db_instance.*`, `aws_db_instance.x`, true},
		"double star alone":             {`**`, `module.a.aws_s3_bucket.b`, true},
		"double star whole plan":        {`**`, ``, true},
		"whole plan only matches **":    {`aws_db_instance.*`, ``, false},
		"data source":                   {`data.aws_iam_policy_document.*`, `data.aws_iam_policy_document.x`, true},
		"question mark":                 {`aws_db_instance.db?`, `aws_db_instance.db1`, true},
		"longer pattern":                {`module.a.aws_db_instance.x`, `aws_db_instance.x`, false},
		"nested module keys":            {`module.a[*].module.b[0].aws_sqs_queue.q`, `module.a["x"].module.b[0].aws_sqs_queue.q`, true},
		"escaped quote in key":          {`aws_s3_bucket.b["a\"b"]`, `aws_s3_bucket.b["a\"b"]`, true},
		"dot in quoted key is not step": {`aws_s3_bucket.b["a.b"]`, `aws_s3_bucket.b["a.b"]`, true},
		"brackets in quoted key":        {`aws_s3_bucket.b["a]["]`, `aws_s3_bucket.b["a]["]`, true},
		"HCL escapes read alike":        {`aws_s3_bucket.b["a\nb\u00e9"]`, `aws_s3_bucket.b["a\nb\u00e9"]`, true},
		"escape and character alike":    {`aws_s3_bucket.b["\u00e9"]`, `aws_s3_bucket.b["é"]`, true},
		"escaped n is not n":            {`aws_s3_bucket.b["a\nb"]`, `aws_s3_bucket.b["anb"]`, false},
		"template marks escaped":        {`aws_s3_bucket.b["$${x}"]`, `aws_s3_bucket.b["$${x}"]`, true},
		"unicode key":                   {`module.app["zürich-*"].aws_db_instance.main`, `module.app["zürich-東京"].aws_db_instance.main`, true},
		"unicode name":                  {`aws_db_instance.d*`, `aws_db_instance.dé`, true},
		"dash glob bare key":            {`module.app[blue-*].x.y`, `module.app["blue-eu"].x.y`, true},
		"star dash bare key":            {`module.app[*-eu].x.y`, `module.app["blue-eu"].x.y`, true},
		"count key matches number":      {`aws_db_instance.main[1?]`, `aws_db_instance.main[12]`, true},
		"unknown count instance":        {`module.b[*].aws_db_instance.x`, `module.b[*].aws_db_instance.x[*]`, true},
		"module call":                   {`module.app[*]`, `module.app["a"]`, true},
		"output in a module":            {`**.output.*`, `module.a["x"].output.url`, true},
		"unreadable address":            {`helm_release.*`, `helm_release.x (rendered Deployment "web")`, false},
		"unreadable address and **":     {`**`, `helm_release.x (rendered Deployment "web")`, true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := ParsePattern(tt.pattern)
			if err != nil {
				t.Fatalf("ParsePattern(%q): %v", tt.pattern, err)
			}
			if got := p.Match(tt.address); got != tt.want {
				t.Errorf("%q matches %q = %v, want %v", tt.pattern, tt.address, got, tt.want)
			}
		})
	}
}

func TestParsePatternErrors(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{`aws_db_instance.`, `a.b[0`, `a.b["x]`, `a.b[0][1]`, `a.b[0]x`, `a.**x.b`, ``,
		`a..b`, `.a`, `a b`, `a.b # note`, `a/b`, `a.b["${var.x}"]`, `a.b[]`, "a.b[\"\xff\"]", `a.b["x" "y"]`} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q) succeeded, want an error", bad)
		}
	}
}

func TestGlob(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true}, {"*", "abc", true}, {"a*c", "abbbc", true}, {"a*c", "abd", false},
		{"*.json", "plan.json", true}, {"?", "", false}, {"a**b", "ab", true}, {"", "", true}, {"", "a", false},
	}
	for _, tt := range tests {
		if got := glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}
