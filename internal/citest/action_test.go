package citest

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The action's steps, by their names in action.yml.
const (
	stepInstall = "Install readiness"
	stepScan    = "Scan"
	stepSummary = "Job summary"
	stepSARIF   = "Upload SARIF to code scanning"
	stepComment = "Pull-request comment"
	stepVerdict = "Verdict"
)

// The Markdown report's headings (its second line).
const (
	ready       = "## ✅ **READY** ·"
	notReady    = "## ❌ **NOT READY** ·"
	notEnforced = "## ⚠️ **NOT READY (not enforced)** ·"
)

// commentMarker starts every comment the action posts.
const commentMarker = "<!-- readiness-action "

// TestActionVerdicts runs the whole action on a ready and a not-ready plan,
// on each kind of runner: the outputs are the JSON report's, the summary
// and the comment hold the Markdown report, the binary is on PATH for the
// steps after, and only the verdict step fails the job, with exit 2, when
// the plan is not ready.
func TestActionVerdicts(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		plan      string
		with      map[string]string
		env       map[string]string
		platform  string
		wantReady bool
		// wantHeading is the report's verdict.
		wantHeading string
		// realBinary: the release holds the binary, not a launcher.
		realBinary bool
		// wantLatest: the version is looked up at releases/latest.
		wantLatest bool
	}{
		"ready plan": {
			plan: readyPlan, wantReady: true, wantHeading: ready, wantLatest: true, realBinary: true,
		},
		"not-ready plan": {
			plan: notReadyPlan, wantReady: false, wantHeading: notReady, wantLatest: true,
		},
		"not-ready plan under fail-on none": {
			plan: notReadyPlan, with: map[string]string{"fail-on": "none"}, wantReady: true, wantHeading: notEnforced, wantLatest: true,
		},
		"not-ready plan with extra args": {
			plan: notReadyPlan, with: map[string]string{"args": "--fail-on=none\n--profile=production\n"}, wantReady: true, wantHeading: notEnforced, wantLatest: true,
		},
		"pinned version with v": {
			plan: notReadyPlan, with: map[string]string{"version": "v" + releaseVersion}, wantHeading: notReady,
		},
		"pinned version without v": {
			plan: readyPlan, with: map[string]string{"version": releaseVersion}, wantReady: true, wantHeading: ready,
		},
		"Windows runner": {
			plan: readyPlan, env: map[string]string{"RUNNER_OS": "Windows"}, platform: "windows_amd64", wantReady: true, wantHeading: ready, wantLatest: true,
		},
		"macOS ARM64 runner": {
			plan: notReadyPlan, env: map[string]string{"RUNNER_OS": "macOS", "RUNNER_ARCH": "ARM64"}, platform: "darwin_arm64", wantHeading: notReady, wantLatest: true,
		},
		"Linux ARM64 runner": {
			plan: readyPlan, env: map[string]string{"RUNNER_ARCH": "ARM64"}, platform: "linux_arm64", wantReady: true, wantHeading: ready, wantLatest: true,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			platform := tc.platform
			if platform == "" {
				platform = "linux_amd64"
			}
			w := newWorldOf(t, tc.realBinary, platform, "linux_amd64")
			with := map[string]string{"plan": tc.plan}
			for k, v := range tc.with {
				with[k] = v
			}
			j := w.job(t, with)
			for k, v := range tc.env {
				j.env[k] = v
			}
			res := j.run(t)

			wantFailed, wantExit := "", 0
			if !tc.wantReady {
				wantFailed, wantExit = stepVerdict, 2
			}
			if got := res.failedStep(); got != wantFailed {
				t.Fatalf("failed step %q, want %q\n%s", got, wantFailed, res.logs())
			}
			if got := res.step(t, stepVerdict); !got.ran || got.exit != wantExit {
				t.Fatalf("verdict step ran %v, exit %d, want exit %d\n%s", got.ran, got.exit, wantExit, got.log)
			}

			// The outputs are the JSON report's.
			ready, score, fail := summaryOf(t, res.outputs["json"])
			if ready != tc.wantReady {
				t.Errorf("the report says ready=%v, want %v", ready, tc.wantReady)
			}
			want := map[string]string{
				"ready":     strconv.FormatBool(tc.wantReady),
				"score":     strconv.Itoa(score),
				"failures":  strconv.Itoa(fail),
				"exit-code": strconv.Itoa(wantExit),
				"version":   releaseVersion,
			}
			for k, v := range want {
				if res.outputs[k] != v {
					t.Errorf("output %s = %q, want %q", k, res.outputs[k], v)
				}
			}
			if fail == 0 && tc.plan == notReadyPlan {
				t.Error("the not-ready plan has no failures: the test proves nothing")
			}

			// The summary and the comment hold the Markdown report.
			markdown := readFile(t, res.outputs["markdown"])
			if !strings.HasPrefix(markdown, "<!-- readiness-report -->\n") {
				t.Fatalf("the Markdown report starts %q", markdown[:min(len(markdown), 40)])
			}
			if res.summary != markdown {
				t.Errorf("the job summary (%d bytes) is not the Markdown report (%d bytes)", len(res.summary), len(markdown))
			}
			if heading := strings.SplitN(markdown, "\n", 3)[1]; !strings.HasPrefix(heading, tc.wantHeading) {
				t.Errorf("the report's heading is %q, want it to start %q", heading, tc.wantHeading)
			}
			comments := ours(w.github.allComments())
			if len(comments) != 1 || !strings.HasSuffix(comments[0].Body, "\n"+markdown) {
				t.Errorf("want one comment holding the report, got %d: %+v", len(comments), comments)
			}

			// The installed binary is on PATH for the workflow's
			// later steps.
			exe := "readiness"
			if strings.HasPrefix(platform, "windows") {
				exe += ".exe"
			}
			if len(res.path) != 1 || !isExecutable(filepath.Join(res.path[0], exe)) {
				t.Errorf("GITHUB_PATH got %q, want one directory holding %s", res.path, exe)
			} else if tc.realBinary && readFile(t, filepath.Join(res.path[0], exe)) != readFile(t, readinessBinary) {
				t.Errorf("the installed %s is not the binary the release holds", exe)
			}
			archive := "/v" + releaseVersion + "/readiness_" + releaseVersion + "_" + platform + ".tar.gz"
			if got := w.release.requested(); !slices.Contains(got, archive) {
				t.Errorf("the release was asked for %q, not %s", got, archive)
			}
			if latest := w.github.requestsTo("GET", "/repos/prodready/terraform-provider-readiness/releases/latest"); (latest == 1) != tc.wantLatest {
				t.Errorf("releases/latest asked %d times, want it asked: %v", latest, tc.wantLatest)
			}
			if res.sarif != "" || res.step(t, stepSARIF).ran {
				t.Error("the SARIF upload ran without upload-sarif: true")
			}
			checkTokenKept(t, w, res)
		})
	}
}

// ours keeps the comments the action posted.
func ours(comments []comment) []comment {
	var out []comment
	for _, c := range comments {
		if strings.HasPrefix(c.Body, commentMarker) {
			out = append(out, c)
		}
	}
	return out
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// checkTokenKept: the token went to the API only, and no log shows it.
func checkTokenKept(t *testing.T, w *world, res jobResult) {
	t.Helper()
	if strings.Contains(res.logs(), testToken) {
		t.Error("a step's log shows the token")
	}
	if w.release.authorization != "" {
		t.Errorf("the release download carried an Authorization header %q: the token is for the API only", w.release.authorization)
	}
	for _, r := range w.github.allRequests() {
		if r.authHeader != "" && !r.authorized {
			t.Errorf("%s %s carried Authorization %q, not the token", r.method, r.path, r.authHeader)
		}
	}
}

// TestActionUploadsSARIFWhenAsked: with upload-sarif: true, the upload step
// gets the scan's SARIF report, a SARIF 2.1.0 log.
func TestActionUploadsSARIFWhenAsked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := w.job(t, map[string]string{"plan": notReadyPlan, "upload-sarif": "true"}).run(t)
	if !res.step(t, stepSARIF).ran || res.sarif == "" {
		t.Fatal("the SARIF upload step did not run")
	}
	if res.sarif != res.outputs["sarif"] {
		t.Errorf("the upload step uploads %q, the sarif output is %q", res.sarif, res.outputs["sarif"])
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(readFile(t, res.sarif)), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Errorf("the SARIF report is version %q with %d runs, want 2.1.0 with results", log.Version, len(log.Runs))
	}
	if got := res.failedStep(); got != stepVerdict {
		t.Errorf("failed step %q, want the verdict after the upload", got)
	}
}

// TestActionRefusesToInstall: an archive that does not match SHA256SUMS, or
// that SHA256SUMS does not list, a release that is not there, a runner the
// release does not serve and a version that is not one stop the install
// step with an error that says why; nothing is installed and nothing after
// it runs.
func TestActionRefusesToInstall(t *testing.T) {
	t.Parallel()
	archive := "readiness_" + releaseVersion + "_linux_amd64.tar.gz"
	tests := map[string]struct {
		tamper func(t *testing.T, r *fakeRelease)
		with   map[string]string
		env    map[string]string
		want   string
		// wantNoDownload: refused before any download.
		wantNoDownload bool
	}{
		"checksum mismatch": {
			tamper: func(t *testing.T, r *fakeRelease) {
				r.files[archive] = tarGz(t, map[string][]byte{"readiness": []byte("#!/bin/sh\necho pwned\n")})
			},
			want: "checksum mismatch: " + archive + " has SHA-256 ",
		},
		"archive missing from SHA256SUMS": {
			tamper: func(t *testing.T, r *fakeRelease) {
				var kept []string
				for _, line := range strings.SplitAfter(string(r.files[r.sumsName()]), "\n") {
					if !strings.Contains(line, archive) {
						kept = append(kept, line)
					}
				}
				r.files[r.sumsName()] = []byte(strings.Join(kept, ""))
			},
			want: "does not list " + archive + ": nothing installed",
		},
		"SHA256SUMS with a broken hash": {
			tamper: func(t *testing.T, r *fakeRelease) {
				r.files[r.sumsName()] = []byte("not-a-hash  " + archive + "\n")
			},
			want: "which is not a SHA-256: nothing installed",
		},
		"archive without the binary": {
			tamper: func(t *testing.T, r *fakeRelease) {
				r.files[archive] = tarGz(t, map[string][]byte{"README.md": []byte("# readiness\n")})
				r.files[r.sumsName()] = sums(map[string][]byte{archive: r.files[archive]})
			},
			want: archive + " does not hold readiness: nothing installed",
		},
		"archive whose binary does not run": {
			tamper: func(t *testing.T, r *fakeRelease) {
				r.files[archive] = tarGz(t, map[string][]byte{"readiness": []byte("\x7fELF\x02\x01\x01 not for this machine")})
				r.files[r.sumsName()] = sums(map[string][]byte{archive: r.files[archive]})
			},
			want: archive + "'s readiness does not run on this runner: nothing installed",
		},
		"release that does not exist": {
			with: map[string]string{"version": "9.9.9"},
			want: "could not download " + "RELEASE/v9.9.9/terraform-provider-readiness_9.9.9_SHA256SUMS",
		},
		"platform the release lacks": {
			env:  map[string]string{"RUNNER_OS": "macOS"},
			want: "could not download RELEASE/v" + releaseVersion + "/readiness_" + releaseVersion + "_darwin_amd64.tar.gz",
		},
		"unknown OS": {
			env:            map[string]string{"RUNNER_OS": "FreeBSD"},
			want:           `Linux, macOS and Windows runners; this runner's RUNNER_OS is "FreeBSD"`,
			wantNoDownload: true,
		},
		"32-bit runner": {
			env:            map[string]string{"RUNNER_ARCH": "X86"},
			want:           `X64 and ARM64 runners; this runner's RUNNER_ARCH is "X86"`,
			wantNoDownload: true,
		},
		"ARM32 runner": {
			env:            map[string]string{"RUNNER_ARCH": "ARM"},
			want:           `RUNNER_ARCH is "ARM"`,
			wantNoDownload: true,
		},
		"version that is a path": {
			with:           map[string]string{"version": "1.2.3/../../evil"},
			want:           `version "1.2.3/../../evil" is not a release of readiness`,
			wantNoDownload: true,
		},
		"version with a newline": {
			with:           map[string]string{"version": "1.2.3\n::error::forged"},
			want:           `version "1.2.3%0A::error::forged" is not a release of readiness`,
			wantNoDownload: true,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			if tc.tamper != nil {
				tc.tamper(t, w.release)
			}
			j := w.job(t, tc.with)
			for k, v := range tc.env {
				j.env[k] = v
			}
			res := j.run(t)

			install := res.step(t, stepInstall)
			if install.exit != 1 {
				t.Fatalf("install exit %d, want 1\n%s", install.exit, install.log)
			}
			want := strings.ReplaceAll(tc.want, "RELEASE", w.release.url)
			if !strings.Contains(install.log, "::error title=readiness::") || !strings.Contains(install.log, want) {
				t.Errorf("the install log does not say %q:\n%s", want, install.log)
			}
			for _, s := range res.steps[1:] {
				if s.ran {
					t.Errorf("step %q ran after the install failed", s.name)
				}
			}
			if len(res.path) != 0 || res.stepOutputs["install"]["path"] != "" {
				t.Errorf("something was installed: GITHUB_PATH %q, path output %q", res.path, res.stepOutputs["install"]["path"])
			}
			if found := findFiles(t, w.temp, "readiness", "readiness.exe"); len(found) != 0 {
				t.Errorf("a binary was left under RUNNER_TEMP: %q", found)
			}
			if tc.wantNoDownload && len(w.release.requested()) != 0 {
				t.Errorf("the release was asked for %q before the runner was checked", w.release.requested())
			}
		})
	}
}

// findFiles lists the files under root with one of the names.
func findFiles(t *testing.T, root string, names ...string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && slices.Contains(names, d.Name()) {
			found = append(found, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestActionUpdatesItsComment: the first run comments on the pull request,
// the next ones edit that comment (found on the second page of a long
// discussion) instead of adding another; a scan of other plans has a
// comment of its own; other people's comments are left alone.
func TestActionUpdatesItsComment(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for i := range 120 {
		w.github.add(prNumber, "alice", "LGTM "+strconv.Itoa(i))
	}
	// A comment made by the old documented snippet, and one quoting the
	// action's marker: neither is this action's.
	w.github.add(prNumber, "bob", "<!-- readiness-report -->\n## old report")
	w.github.add(prNumber, "carol", "> "+commentMarker+"0000000000000000 -->\nquoted")
	w.github.add(prNumber+1, "dave", "another pull request")
	before := len(w.github.allComments())

	// run runs the action and says how many comments it created and
	// updated.
	run := func(with map[string]string) (res jobResult, writes string) {
		t.Helper()
		posts, patches := w.github.requestsTo("POST", "/repos/acme/infra/issues/"), w.github.requestsTo("PATCH", "/repos/acme/infra/issues/comments/")
		res = w.job(t, with).run(t)
		if s := res.step(t, stepComment); s.exit != 0 {
			t.Fatalf("comment step exit %d\n%s", s.exit, s.log)
		}
		posts = w.github.requestsTo("POST", "/repos/acme/infra/issues/") - posts
		patches = w.github.requestsTo("PATCH", "/repos/acme/infra/issues/comments/") - patches
		return res, strconv.Itoa(posts) + " created, " + strconv.Itoa(patches) + " updated"
	}

	if _, writes := run(map[string]string{"plan": notReadyPlan}); writes != "1 created, 0 updated" {
		t.Fatalf("first run: %s, want 1 created", writes)
	}
	mine := ours(w.github.allComments())
	if len(mine) != 1 || !strings.Contains(mine[0].Body, "\n"+notReady) {
		t.Fatalf("after the first run the action has %d comments, want 1 saying NOT READY", len(mine))
	}
	id := mine[0].ID

	second, writes := run(map[string]string{"plan": notReadyPlan, "fail-on": "none"})
	if writes != "0 created, 1 updated" {
		t.Fatalf("second run: %s, want 1 updated, not a new comment\n%s", writes, second.step(t, stepComment).log)
	}
	mine = ours(w.github.allComments())
	if len(mine) != 1 || mine[0].ID != id || !strings.Contains(mine[0].Body, "\n"+notEnforced) {
		t.Fatalf("after the second run the action's comments are %d, want comment %d, updated to the report under fail-on none", len(mine), id)
	}
	if len(w.github.allComments()) != before+1 {
		t.Errorf("%d comments, want %d", len(w.github.allComments()), before+1)
	}
	if w.github.requestsTo("GET", "/repos/acme/infra/issues/7/comments") < 4 {
		t.Error("the comments were not read page by page")
	}

	if _, writes := run(map[string]string{"plan": readyPlan}); writes != "1 created, 0 updated" {
		t.Fatalf("a scan of another plan: %s, want a comment of its own", writes)
	}
	if mine := ours(w.github.allComments()); len(mine) != 2 {
		t.Errorf("want one comment per scanned plan input, got %d", len(mine))
	}
	if _, writes := run(map[string]string{"plan": readyPlan, "comment-key": "prod"}); writes != "1 created, 0 updated" {
		t.Errorf("a scan with its own comment-key: %s, want a comment of its own", writes)
	}
	if _, writes := run(map[string]string{"plan": readyPlan, "comment-key": "prod"}); writes != "0 created, 1 updated" {
		t.Errorf("the same comment-key again: %s, want its comment updated", writes)
	}
	for _, c := range w.github.allComments() {
		if c.User.Login != "github-actions[bot]" && !strings.HasPrefix(c.Body, "LGTM") && !strings.Contains(c.Body, "old report") && !strings.Contains(c.Body, "quoted") && c.Body != "another pull request" {
			t.Errorf("%s's comment %d was changed to %q", c.User.Login, c.ID, c.Body)
		}
	}
}

// TestActionCommentSkipped: without a token, outside a pull request, with
// comment: false, or with a token that may not write, the comment step
// says why and passes; the verdict still decides the job.
func TestActionCommentSkipped(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		with   map[string]string
		event  map[string]any
		refuse int
		want   string
		// wantCommentRequests: requests to the comments endpoints.
		wantCommentRequests bool
	}{
		"no token": {
			// latest: the release is looked up without a token.
			with: map[string]string{"token": "", "version": "latest"},
			want: "::notice title=readiness::no token: the pull-request comment is left out",
		},
		"push event": {
			event: map[string]any{"ref": "refs/heads/main", "after": "0123abc"},
			want:  "::notice title=readiness::not a pull request (event push): no comment",
		},
		"comment off": {
			with: map[string]string{"comment": "false"},
		},
		"read-only token": {
			refuse:              403,
			want:                "::warning title=readiness::could not comment on pull request #7 (HTTP 403 Resource not accessible by integration)",
			wantCommentRequests: true,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			w.github.refuseWrites = tc.refuse
			with := map[string]string{"version": releaseVersion}
			for k, v := range tc.with {
				with[k] = v
			}
			j := w.job(t, with)
			if tc.event != nil {
				j.env["GITHUB_EVENT_NAME"] = "push"
				writeJSONFile(t, j.env["GITHUB_EVENT_PATH"], tc.event)
			}
			res := j.run(t)
			if got := res.failedStep(); got != "" {
				t.Fatalf("step %q failed\n%s", got, res.logs())
			}
			log := res.step(t, stepComment).log
			if !strings.Contains(log, tc.want) {
				t.Errorf("the comment step does not say %q:\n%s", tc.want, log)
			}
			if n := len(w.github.allComments()); n != 0 {
				t.Errorf("%d comments posted", n)
			}
			if got := w.github.requestsTo("GET", "/repos/acme/")+w.github.requestsTo("POST", "/repos/acme/")+w.github.requestsTo("PATCH", "/repos/acme/") > 0; got != tc.wantCommentRequests {
				t.Errorf("requests to the comments API: %v, want %v", got, tc.wantCommentRequests)
			}
			if !res.step(t, stepVerdict).ran || res.summary == "" {
				t.Error("the summary or the verdict was left out")
			}
		})
	}
}

// TestActionKeepsSensitiveValuesOut scans a plan whose sensitive values
// (after_sensitive, a sensitive variable) are canaries and whose addresses
// and tags carry workflow commands, output lines and comment markers: no
// canary reaches a log, an output, the summary or the comment, the outputs
// are the seven the scan sets with values of their kind, and no log line is
// a workflow command but the report's annotations.
func TestActionKeepsSensitiveValuesOut(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := w.job(t, map[string]string{"plan": hostilePlan}).run(t)
	if got := res.failedStep(); got != stepVerdict {
		t.Fatalf("failed step %q, want the verdict (the plan is not ready)\n%s", got, res.logs())
	}
	comments := ours(w.github.allComments())
	if len(comments) != 1 {
		t.Fatalf("%d comments, want 1", len(comments))
	}
	if !strings.Contains(comments[0].Body, "(sensitive)") || !strings.Contains(comments[0].Body, `set-output name=ready::true`) {
		t.Fatal("the comment shows neither the redacted identifier nor the hostile address: the plan proves nothing")
	}
	texts := map[string]string{
		"logs":    res.logs(),
		"summary": res.summary,
		"outputs": res.rawOutputs,
		"comment": comments[0].Body,
	}
	for name, value := range res.outputs {
		texts["output "+name] = value
	}
	for where, text := range texts {
		if i := strings.Index(text, "CANARY-"); i >= 0 {
			t.Errorf("%s leaks a sensitive value: ...%s...", where, text[max(0, i-60):min(len(text), i+40)])
		}
	}

	kinds := map[string]*regexp.Regexp{
		"ready":     regexp.MustCompile(`^(true|false)$`),
		"score":     regexp.MustCompile(`^[0-9]{1,3}$`),
		"failures":  regexp.MustCompile(`^[0-9]+$`),
		"exit-code": regexp.MustCompile(`^[02]$`),
		"json":      regexp.MustCompile(`^` + regexp.QuoteMeta(w.temp) + `/readiness-report\.[A-Za-z0-9]+/readiness\.json$`),
		"markdown":  regexp.MustCompile(`^` + regexp.QuoteMeta(w.temp) + `/readiness-report\.[A-Za-z0-9]+/readiness\.md$`),
		"sarif":     regexp.MustCompile(`^` + regexp.QuoteMeta(w.temp) + `/readiness-report\.[A-Za-z0-9]+/readiness\.sarif$`),
	}
	scan := res.stepOutputs["scan"]
	if len(scan) != len(kinds) {
		t.Errorf("the scan step set outputs %v, want exactly %d", scan, len(kinds))
	}
	for name, kind := range kinds {
		if !kind.MatchString(scan[name]) {
			t.Errorf("output %s = %q, want %s", name, scan[name], kind)
		}
	}
	if scan["ready"] != "false" {
		t.Errorf("ready = %q for a not-ready plan whose address says ready::true", scan["ready"])
	}
	for _, line := range strings.Split(res.rawOutputs, "\n") {
		name, _, _ := strings.Cut(line, "=")
		if line != "" && kinds[name] == nil && name != "version" && name != "path" {
			t.Errorf("GITHUB_OUTPUT has a line %q that no step meant to write", line)
		}
	}
	command := regexp.MustCompile(`^::([a-z-]+)`)
	for _, line := range strings.Split(res.logs(), "\n") {
		if m := command.FindStringSubmatch(line); m != nil && !slices.Contains([]string{"error", "warning", "notice"}, m[1]) {
			t.Errorf("a log line is a %s workflow command: %q", m[1], line)
		}
		if strings.Contains(line, "##[") {
			t.Errorf("a log line holds a legacy workflow command: %q", line)
		}
	}
	checkTokenKept(t, w, res)
}

// TestActionCommentFitsGitHub: a plan with thousands of failures gives a
// report cut to fit a comment, and the comment, marker included, stays
// within GitHub's 65,536 characters.
func TestActionCommentFitsGitHub(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var changes []map[string]any
	for i := range 2000 {
		changes = append(changes, map[string]any{
			"address": "aws_db_instance.db[" + strconv.Itoa(i) + "]", "mode": "managed", "type": "aws_db_instance", "name": "db", "index": i,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": []string{"create"}, "before": nil,
				"after":         map[string]any{"identifier": "db-" + strconv.Itoa(i), "engine": "postgres", "multi_az": false, "backup_retention_period": 0},
				"after_unknown": map[string]any{}, "before_sensitive": false, "after_sensitive": map[string]any{},
			},
		})
	}
	writeJSONFile(t, filepath.Join(w.workspace, "plans", "big.json"), map[string]any{"format_version": "1.2", "terraform_version": "1.8.5", "resource_changes": changes})
	res := w.job(t, map[string]string{"plan": "plans/big.json"}).run(t)
	if s := res.step(t, stepComment); s.exit != 0 {
		t.Fatalf("comment step exit %d\n%s", s.exit, s.log)
	}
	comments := ours(w.github.allComments())
	if len(comments) != 1 {
		t.Fatalf("%d comments, want 1\n%s", len(comments), res.step(t, stepComment).log)
	}
	if n := len([]rune(comments[0].Body)); n > 65536 || n < 60000 {
		t.Errorf("the comment is %d characters: want a report cut close to GitHub's 65,536", n)
	}
	if !strings.Contains(comments[0].Body, "more results and errors are not shown") {
		t.Error("the report was not cut: the plan proves nothing")
	}
}

// TestActionFile checks action.yml against the rules its harness and its
// safety rest on: a composite action whose shell steps each run one script
// of action/ (which exists and stops on errors), with every value given
// through env: as one whole expression (never ${{ }} in a script, where a
// plan path or a branch name could inject code), every input used, and
// every output taken from a step that sets it.
func TestActionFile(t *testing.T) {
	t.Parallel()
	needTools(t)
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using is %q, want composite", a.Runs.Using)
	}
	script := regexp.MustCompile(`^bash "\$GITHUB_ACTION_PATH/(action/[a-z]+\.sh)"\n?$`)
	whole := regexp.MustCompile(`^\$\{\{ (inputs\.[a-z-]+|steps\.[a-z]+\.outputs\.[a-z-]+) \}\}$`)
	used := map[string]bool{}
	ids := map[string]bool{}
	note := func(value string) {
		for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(value, -1) {
			used[m[1]] = true
		}
		for _, m := range regexp.MustCompile(`steps\.([a-z]+)\.outputs`).FindAllStringSubmatch(value, -1) {
			if !ids[m[1]] {
				t.Errorf("%q reads step %q, which no earlier step is", value, m[1])
			}
		}
	}
	for _, step := range a.Runs.Steps {
		note(step.If)
		for _, v := range step.With {
			note(v)
		}
		if step.Uses == "" {
			m := script.FindStringSubmatch(step.Run)
			if m == nil {
				t.Errorf("step %q runs %q, want bash \"$GITHUB_ACTION_PATH/action/NAME.sh\"", step.Name, step.Run)
				continue
			}
			body, err := os.ReadFile(filepath.Join(repoRoot, m[1]))
			if err != nil {
				t.Errorf("step %q: %v", step.Name, err)
			} else if !strings.Contains(string(body), "\nset -euo pipefail\n") {
				t.Errorf("%s does not set -euo pipefail", m[1])
			}
			for name, value := range step.Env {
				if !whole.MatchString(value) {
					t.Errorf("step %q: env %s is %q, want one whole ${{ inputs.NAME }} or ${{ steps.ID.outputs.NAME }}", step.Name, name, value)
				}
				note(value)
			}
		}
		if step.ID != "" {
			ids[step.ID] = true
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared and never used", name)
		}
	}
	for name, o := range a.Outputs {
		if !whole.MatchString(o.Value) {
			t.Errorf("output %s is %q, want one step output", name, o.Value)
		}
		note(o.Value)
	}
}
