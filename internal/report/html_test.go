package report

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// TestHTMLSelfContained: the page loads nothing: no external script, style,
// image, font or frame, and a Content-Security-Policy that forbids them.
func TestHTMLSelfContained(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (htmlFormat{opts: Options{ToolVersion: "1.2.3", Locate: locateCI}}).Write(&buf, ciReport()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`) {
		t.Error("no Content-Security-Policy forbidding loads")
	}
	for _, pattern := range []string{`(?i)<script[^>]+src=`, `(?i)<link\b`, `(?i)<img\b`, `(?i)<iframe\b`, `(?i)url\(`, `(?i)@import`, `(?i)fetch\(`, `(?i)XMLHttpRequest`} {
		if loc := regexp.MustCompile(pattern).FindStringIndex(page); loc != nil {
			t.Errorf("page matches %s: ...%s...", pattern, page[max(0, loc[0]-40):min(len(page), loc[1]+40)])
		}
	}
}

// TestHTMLEscapes puts markup in every field a plan or check controls: none
// of it may reach the page as markup.
func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	const evil = `</script><script>document.title="pwned"</script><img src=x onerror=alert(1)>`
	rep := ciReport()
	for i := range rep.Results {
		r := &rep.Results[i]
		r.Message = evil
		r.Address += evil
		r.Evidence = append(r.Evidence, check.Evidence{Attribute: evil, Value: evil})
		r.Docs = "javascript:alert(1)"
	}
	rep.Errors = append(rep.Errors, evil)
	rep.Inputs[0].Path = evil
	var buf bytes.Buffer
	if err := (htmlFormat{opts: Options{ToolVersion: evil}}).Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<img", `<script>document.title`, "javascript:alert"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if n := strings.Count(page, "<script>"); n != 1 {
		t.Errorf("page has %d <script> elements, want the one it ships", n)
	}
}

// TestHTMLInBrowser opens pages in headless Chromium and reads the DOM
// after the page's script ran: the score, the failing addresses, and the
// summary line the script writes, with filters taken from the URL.
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel()
	browser := findChromium()
	if browser == "" {
		t.Skip("chromium not found: `make tools-chromium` installs it (apt-get install chromium); the page was not tested in a browser")
	}
	dir := t.TempDir()
	write := func(name string, rep *engine.Report) string {
		var buf bytes.Buffer
		if err := (htmlFormat{opts: Options{ToolVersion: "1.2.3", Locate: locateCI}}).Write(&buf, rep); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	}
	mixed := write("mixed.html", mixedReport())
	ci := write("ci.html", ciReport())
	change := write("change.html", changeReport(engine.GateIntroduced))

	tests := map[string]struct {
		url         string
		want        []string
		wantVisible []string // addresses of rows left visible
		wantHidden  []string // addresses of rows the filters hide
	}{
		"mixed, no filter": {
			url:         mixed,
			want:        []string{`<p class="score" id="score">43/100</p>`, `id="shown" aria-live="polite">Showing 9 of 9 findings</p>`, "NOT READY"},
			wantVisible: []string{`module.app["blue"].aws_db_instance.main[0]`, "aws_autoscaling_group.web"},
		},
		"failures of high severity": {
			url:         mixed + "#status=fail&severity=high",
			want:        []string{"Showing 2 of 9 findings"},
			wantVisible: []string{`module.app["blue"].aws_db_instance.main[0]`},
			wantHidden:  []string{`module.app["green"].aws_db_instance.main[0]`, "aws_s3_bucket.logs"},
		},
		"text search": {
			url:         mixed + "#q=green",
			want:        []string{"Showing 2 of 9 findings"},
			wantVisible: []string{`module.app["green"].aws_db_instance.main[0]`},
			wantHidden:  []string{"aws_autoscaling_group.web"},
		},
		"unknown option is ignored": {
			url:  mixed + "#status=bogus",
			want: []string{"Showing 9 of 9 findings"},
		},
		"a plan with a prior world, failures only": {
			url: change + "#status=fail",
			want: []string{`<p class="change" id="change">This plan introduces 2 blocking gaps`, "Showing 5 of 9 findings",
				`<h2 id="h-there-before">There before this plan (1)</h2>`, `<span class="change-existing">existing</span>`},
			wantVisible: []string{"aws_db_instance.legacy", "aws_lambda_function.api"},
			wantHidden:  []string{"aws_db_instance.reports", "aws_autoscaling_group.web"},
		},
		"ci report with locations": {
			url:         ci + "#section=security",
			want:        []string{"40/100", "Showing 3 of 7 findings", `<code class="location">infra/storage, logs.tf:3</code>`, `<h2 id="h-blocking">Blocking (2)</h2>`},
			wantVisible: []string{"aws_s3_bucket.logs", "aws_s3_bucket.public_assets"},
			wantHidden:  []string{"aws_autoscaling_group.web"},
		},
	}
	// One browser at a time: the machine is small.
	for name, tt := range tests {
		dom := dumpDOM(t, browser, tt.url)
		for _, want := range tt.want {
			if !strings.Contains(dom, want) {
				t.Errorf("%s: the rendered page lacks %q", name, want)
			}
		}
		rows := renderedRows(dom)
		for _, addr := range tt.wantVisible {
			if hidden, ok := rows[addr]; !ok || hidden {
				t.Errorf("%s: row of %s present %v, hidden %v; want it shown", name, addr, ok, hidden)
			}
		}
		for _, addr := range tt.wantHidden {
			if hidden, ok := rows[addr]; !ok || !hidden {
				t.Errorf("%s: row of %s present %v, hidden %v; want it hidden", name, addr, ok, hidden)
			}
		}
		if t.Failed() {
			t.Logf("%s: DOM:\n%s", name, dom)
			return
		}
	}
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// dumpDOM loads url in headless Chromium, with everything that could reach
// the network switched off, and returns the DOM after the page's scripts
// ran.
func dumpDOM(t *testing.T, browser, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir="+t.TempDir(), "--dump-dom", url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s --dump-dom %s: %v\n%s", browser, url, err, stderr.String())
	}
	if stdout.Len() == 0 {
		t.Fatalf("%s printed no DOM:\n%s", browser, stderr.String())
	}
	return stdout.String()
}

var addressPattern = regexp.MustCompile(`<code class="address">([^<]*)</code>`)

// renderedRows maps each finding row's address (unescaped as far as the
// tests need) to whether the row is hidden.
func renderedRows(dom string) map[string]bool {
	rows := map[string]bool{}
	for _, chunk := range strings.Split(dom, "<tr data-status=")[1:] {
		row, _, _ := strings.Cut(chunk, "</tr>")
		tag, _, _ := strings.Cut(row, ">")
		m := addressPattern.FindStringSubmatch(row)
		if m == nil {
			continue // a finding about the whole plan
		}
		addr := strings.NewReplacer("&quot;", `"`, "&#34;", `"`, "&amp;", "&").Replace(m[1])
		hidden := strings.Contains(tag, " hidden")
		// An address in several rows is shown if any of them is.
		if was, seen := rows[addr]; !seen || was {
			rows[addr] = hidden
		}
	}
	return rows
}
