package citest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// releaseVersion is the version of the fake release.
const releaseVersion = "1.4.0"

// fakeRelease serves a release directory as GitHub does
// (BASE/vVERSION/NAME): the CLI archives (tar.gz, as .goreleaser.yml makes
// them) holding the readiness built for the tests, a provider zip and the
// manifest, and the SHA256SUMS file over them all.
type fakeRelease struct {
	url   string
	files map[string][]byte

	mu       sync.Mutex
	requests []string
	// authorization is an Authorization header a request carried: the
	// token must go to the API only.
	authorization string
}

// newRelease makes the release for the given goreleaser platforms
// (linux_amd64, windows_arm64, ...), holding the real binary or a launcher
// (binaryArchive).
func newRelease(t *testing.T, real bool, platforms ...string) *fakeRelease {
	t.Helper()
	r := &fakeRelease{files: map[string][]byte{}}
	v := releaseVersion
	for _, p := range platforms {
		exe := "readiness"
		if strings.HasPrefix(p, "windows_") {
			exe += ".exe"
		}
		r.files["readiness_"+v+"_"+p+".tar.gz"] = binaryArchive(t, exe, real)
		r.files["terraform-provider-readiness_"+v+"_"+p+".zip"] = []byte("a provider zip for " + p)
	}
	r.files["terraform-provider-readiness_"+v+"_manifest.json"] = []byte(`{"version": 1, "metadata": {"protocol_versions": ["6.0"]}}`)
	r.files[r.sumsName()] = sums(r.files)

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.requests = append(r.requests, req.URL.Path)
		if auth := req.Header.Get("Authorization"); auth != "" {
			r.authorization = auth
		}
		r.mu.Unlock()
		name, ok := strings.CutPrefix(req.URL.Path, "/v"+releaseVersion+"/")
		body, found := r.files[name]
		if req.Method != http.MethodGet || !ok || !found {
			http.NotFound(w, req)
			return
		}
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

// archives caches the CLI archives by the binary's name in them and
// whether they hold the real binary: compressing its 37 MB takes longer
// than a run of the action.
var archives = struct {
	sync.Mutex
	byKey map[string][]byte
}{byKey: map[string][]byte{}}

// binaryArchive is a CLI archive as goreleaser makes it: readiness, named
// exe, beside a README. Unless real, the readiness in it is a launcher
// script that runs the binary built for the tests: the action checks,
// unpacks and runs it the same way, without copying 37 MB each time
// (TestReleaseLayout checks the real archives).
func binaryArchive(t *testing.T, exe string, real bool) []byte {
	t.Helper()
	archives.Lock()
	defer archives.Unlock()
	key := fmt.Sprint(exe, real)
	if b, ok := archives.byKey[key]; ok {
		return b
	}
	binary := []byte("#!/bin/sh\nexec " + shellQuote(readinessBinary) + " \"$@\"\n")
	if real {
		var err error
		if binary, err = os.ReadFile(readinessBinary); err != nil {
			t.Fatal(err)
		}
	}
	b := tarGz(t, map[string][]byte{"README.md": []byte("# readiness\n"), exe: binary})
	archives.byKey[key] = b
	return b
}

func (r *fakeRelease) sumsName() string {
	return "terraform-provider-readiness_" + releaseVersion + "_SHA256SUMS"
}

func (r *fakeRelease) requested() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.requests)
}

// sums writes a SHA256SUMS file as goreleaser does: "HASH  NAME", sorted.
func sums(files map[string][]byte) []byte {
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(files)) {
		sum := sha256.Sum256(files[name])
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	return b.Bytes()
}

func tarGz(t *testing.T, members map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	gz, err := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(gz)
	for _, name := range slices.Sorted(maps.Keys(members)) {
		body := members[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fakeGitHub is the part of GitHub's REST API the action calls: the latest
// release, and a pull request's issue comments (list with pagination,
// create, update). It records every request.
type fakeGitHub struct {
	url   string
	token string

	mu       sync.Mutex
	requests []apiRequest
	comments []comment
	nextID   int
	// refuseWrites answers creating and updating comments with this
	// status when it is not 0 (403: a read-only token).
	refuseWrites int
}

type apiRequest struct {
	method, path string
	// authorized: the request carried the token.
	authorized bool
	// authHeader is the Authorization header as received.
	authHeader string
}

type comment struct {
	ID    int    `json:"id"`
	Issue int    `json:"-"`
	Body  string `json:"body"`
	User  struct {
		Login string `json:"login"`
	} `json:"user"`
	HTMLURL string `json:"html_url"`
}

// latestTag is what releases/latest names.
const latestTag = "v" + releaseVersion

func newGitHub(t *testing.T, token string) *fakeGitHub {
	t.Helper()
	g := &fakeGitHub{token: token, nextID: 1000}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /repos/prodready/terraform-provider-readiness/releases/latest", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"tag_name": latestTag, "name": latestTag})
	})
	mux.HandleFunc("GET /repos/{owner}/{repo}/issues/{issue}/comments", g.authorized(g.list))
	mux.HandleFunc("POST /repos/{owner}/{repo}/issues/{issue}/comments", g.authorized(g.create))
	mux.HandleFunc("PATCH /repos/{owner}/{repo}/issues/comments/{id}", g.authorized(g.update))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		g.mu.Lock()
		g.requests = append(g.requests, apiRequest{method: r.Method, path: r.URL.Path, authorized: auth == "Bearer "+g.token, authHeader: auth})
		g.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	g.url = srv.URL
	return g
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (g *fakeGitHub) authorized(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+g.token {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Bad credentials"})
			return
		}
		if r.PathValue("owner") != "acme" || r.PathValue("repo") != "infra" {
			writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
			return
		}
		h(w, r)
	}
}

func (g *fakeGitHub) list(w http.ResponseWriter, r *http.Request) {
	issue, _ := strconv.Atoi(r.PathValue("issue"))
	perPage, page := 30, 1
	if n, err := strconv.Atoi(r.URL.Query().Get("per_page")); err == nil && n > 0 && n <= 100 {
		perPage = n
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 0 {
		page = n
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	var all []comment
	for _, c := range g.comments {
		if c.Issue == issue {
			all = append(all, c)
		}
	}
	from := min(len(all), (page-1)*perPage)
	to := min(len(all), from+perPage)
	writeJSON(w, http.StatusOK, append([]comment{}, all[from:to]...))
}

// body reads a comment request's JSON: {"body": "..."}.
func (g *fakeGitHub) body(w http.ResponseWriter, r *http.Request) (string, bool) {
	var req struct {
		Body *string `json:"body"`
	}
	if r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&req) != nil || req.Body == nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"message": "Invalid request: body is required"})
		return "", false
	}
	if g.refuseWrites != 0 {
		writeJSON(w, g.refuseWrites, map[string]string{"message": "Resource not accessible by integration"})
		return "", false
	}
	return *req.Body, true
}

func (g *fakeGitHub) create(w http.ResponseWriter, r *http.Request) {
	issue, err := strconv.Atoi(r.PathValue("issue"))
	if err != nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	body, ok := g.body(w, r)
	if !ok {
		return
	}
	c := g.addLocked(issue, "github-actions[bot]", body)
	writeJSON(w, http.StatusCreated, c)
}

func (g *fakeGitHub) update(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.PathValue("id"))
	g.mu.Lock()
	defer g.mu.Unlock()
	body, ok := g.body(w, r)
	if !ok {
		return
	}
	for i := range g.comments {
		if g.comments[i].ID == id {
			g.comments[i].Body = body
			writeJSON(w, http.StatusOK, g.comments[i])
			return
		}
	}
	writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
}

// add puts a comment on an issue, as someone else might have.
func (g *fakeGitHub) add(issue int, user, body string) comment {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.addLocked(issue, user, body)
}

func (g *fakeGitHub) addLocked(issue int, user, body string) comment {
	g.nextID++
	c := comment{ID: g.nextID, Issue: issue, Body: body, HTMLURL: fmt.Sprintf("https://github.com/acme/infra/pull/%d#issuecomment-%d", issue, g.nextID)}
	c.User.Login = user
	g.comments = append(g.comments, c)
	return c
}

func (g *fakeGitHub) allComments() []comment {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.comments)
}

func (g *fakeGitHub) allRequests() []apiRequest {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.requests)
}

// requestsTo counts the requests whose method and path match.
func (g *fakeGitHub) requestsTo(method, pathPrefix string) int {
	n := 0
	for _, r := range g.allRequests() {
		if r.method == method && strings.HasPrefix(r.path, pathPrefix) {
			n++
		}
	}
	return n
}
