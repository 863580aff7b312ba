package runtask

import (
	"net/url"
	"testing"
)

func TestRunTaskGuardAPI(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		address string
		url     string
		ok      bool
	}{
		"HCP Terraform":                    {"https://app.terraform.io", "https://app.terraform.io/api/v2/plans/plan-1/json-output", true},
		"explicit default port":            {"https://app.terraform.io", "https://app.terraform.io:443/api/v2/x", true},
		"host in capitals":                 {"https://app.terraform.io", "https://APP.terraform.io/api/v2/x", true},
		"another host":                     {"https://app.terraform.io", "https://evil.example.com/api/v2/x", false},
		"a suffix of the host":             {"https://app.terraform.io", "https://app.terraform.io.evil.example.com/api/v2/x", false},
		"the archivist":                    {"https://app.terraform.io", "https://archivist.terraform.io/v1/object/x", false},
		"plain http":                       {"https://app.terraform.io", "http://app.terraform.io/api/v2/x", false},
		"another port":                     {"https://app.terraform.io", "https://app.terraform.io:8443/api/v2/x", false},
		"user information":                 {"https://app.terraform.io", "https://x@app.terraform.io/api/v2/x", false},
		"user information hiding host":     {"https://app.terraform.io", "https://app.terraform.io@evil.example.com/api/v2/x", false},
		"relative":                         {"https://app.terraform.io", "/api/v2/x", false},
		"no scheme":                        {"https://app.terraform.io", "//app.terraform.io/api/v2/x", false},
		"opaque":                           {"https://app.terraform.io", "https:app.terraform.io/x", false},
		"IP instead of the name":           {"https://app.terraform.io", "https://10.0.0.1/api/v2/x", false},
		"metadata endpoint":                {"https://app.terraform.io", "http://169.254.169.254/latest/meta-data/", false},
		"Enterprise under a path":          {"https://tfe.example.com/tfe", "https://tfe.example.com/tfe/api/v2/x", true},
		"the path itself":                  {"https://tfe.example.com/tfe/", "https://tfe.example.com/tfe", true},
		"outside the path":                 {"https://tfe.example.com/tfe", "https://tfe.example.com/other/api/v2/x", false},
		"a longer first segment":           {"https://tfe.example.com/tfe", "https://tfe.example.com/tfe-evil/api/v2/x", false},
		"out of the path by dots":          {"https://tfe.example.com/tfe", "https://tfe.example.com/tfe/../admin", false},
		"out of the path by dots, escaped": {"https://tfe.example.com/tfe", "https://tfe.example.com/tfe/%2e%2e/admin", false},
		"IPv6 host":                        {"https://[::1]:8443", "https://[::1]:8443/api/v2/x", true},
		"IPv6 host, another port":          {"https://[::1]:8443", "https://[::1]/api/v2/x", false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g, err := newGuard(tt.address, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := g.api(tt.url); (err == nil) != tt.ok {
				t.Errorf("api(%q) under %q: %v, want ok=%v", tt.url, tt.address, err, tt.ok)
			}
		})
	}
}

func TestRunTaskGuardDownload(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		address   string
		downloads []string
		url       string
		ok        bool
	}{
		"HCP Terraform's archivist":            {"https://app.terraform.io", nil, "https://archivist.terraform.io/v1/object/abc", true},
		"HCP Europe's archivist":               {"https://app.eu.terraform.io", nil, "https://archivist.eu.terraform.io/v1/object/abc", true},
		"another region's archivist":           {"https://app.eu.terraform.io", nil, "https://archivist.terraform.io/v1/object/abc", false},
		"the archivist over http":              {"https://app.terraform.io", nil, "http://archivist.terraform.io/v1/object/abc", false},
		"the archivist on another port":        {"https://app.terraform.io", nil, "https://archivist.terraform.io:8443/v1/object/abc", false},
		"a look-alike archivist":               {"https://app.terraform.io", nil, "https://archivist.terraform.io.evil.example.com/v1/object/abc", false},
		"Enterprise's own archivist":           {"https://tfe.example.com", nil, "https://tfe.example.com/_archivist/v1/object/abc", true},
		"no archivist beside Enterprise":       {"https://tfe.example.com", nil, "https://archivist.example.com/v1/object/abc", false},
		"a download host given":                {"https://tfe.example.com", []string{"objects.example.com"}, "https://objects.example.com/bucket/plan", true},
		"a download host given, another port":  {"https://tfe.example.com", []string{"objects.example.com"}, "https://objects.example.com:9000/bucket/plan", false},
		"a download host with its port":        {"https://tfe.example.com", []string{"objects.example.com:9000"}, "https://objects.example.com:9000/bucket/plan", true},
		"a download host over http":            {"https://tfe.example.com", []string{"objects.example.com"}, "http://objects.example.com/bucket/plan", false},
		"user information":                     {"https://app.terraform.io", nil, "https://x:y@archivist.terraform.io/v1/object/abc", false},
		"anywhere else":                        {"https://app.terraform.io", nil, "https://169.254.169.254/latest/meta-data/", false},
		"http under an http address":           {"http://127.0.0.1:8080", []string{"localhost:9090"}, "http://localhost:9090/v1/object/abc", true},
		"https under an http address":          {"http://127.0.0.1:8080", []string{"localhost:9090"}, "https://localhost:9090/v1/object/abc", true},
		"http elsewhere under an http address": {"http://127.0.0.1:8080", []string{"localhost:9090"}, "http://localhost:9091/v1/object/abc", false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g, err := newGuard(tt.address, tt.downloads)
			if err != nil {
				t.Fatal(err)
			}
			u, err := url.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if err := g.download(u); (err == nil) != tt.ok {
				t.Errorf("download(%q) under %q: %v, want ok=%v", tt.url, tt.address, err, tt.ok)
			}
		})
	}
}

func TestRunTaskGuardAddress(t *testing.T) {
	t.Parallel()
	for address, ok := range map[string]bool{
		"https://app.terraform.io":         true,
		"https://tfe.example.com:8443/tfe": true,
		"http://127.0.0.1:8080":            true,
		"app.terraform.io":                 false,
		"ftp://app.terraform.io":           false,
		"https://user:pw@app.terraform.io": false,
		"https://app.terraform.io/?x=1":    false,
		"https://app.terraform.io/#x":      false,
		"https://":                         false,
		"https://tfe.example.com/a/../b":   false,
	} {
		if _, err := newGuard(address, nil); (err == nil) != ok {
			t.Errorf("newGuard(%q): %v, want ok=%v", address, err, ok)
		}
	}
	if _, err := newGuard("https://app.terraform.io", []string{"https://objects.example.com/x"}); err == nil {
		t.Error("a download host given as a URL: want an error")
	}
}
