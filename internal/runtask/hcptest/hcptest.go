// Package hcptest is a fake HCP Terraform for tests of the run task server.
// It follows the documented Run Tasks Integration API: it sends signed run
// task requests, answers the plan's JSON API URL with a 307 to a pre-signed
// download on a second loopback host, and records the task results PATCHed
// to its callback URLs.
//
// It shares no code with the server it tests: it signs, builds and decodes
// the documents on its own.
package hcptest

import (
	"context"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Run is one run of the fake: its plan, its token, and how the fake
// misbehaves for it.
type Run struct {
	ID    string
	Token string
	Plan  []byte
	// NotReady answers the plan's JSON API URL 204 this many times first;
	// Unavailable answers it 503 this many times first.
	NotReady, Unavailable int
	// RedirectTo, when set, is where the plan's JSON API URL redirects
	// instead of the fake's download host.
	RedirectTo string
	// CallbackUnavailable answers the callback 503 this many times first.
	CallbackUnavailable int
	// Stage is the request's stage (post_plan when empty); NoPlanURL
	// leaves plan_json_api_url out.
	Stage     string
	NoPlanURL bool
	// Outcomes is the request's capabilities.outcomes (true unless
	// NoOutcomes).
	NoOutcomes bool
}

// Callback is one task result as the fake received it.
type Callback struct {
	TaskResultID  string
	Received      time.Time
	Authorization string
	ContentType   string
	Body          []byte
	Document      Document
}

// Document is the callback's body, decoded as the API documents it.
type Document struct {
	Data struct {
		Type       string `json:"type"`
		Attributes struct {
			Status  string `json:"status"`
			Message string `json:"message"`
			URL     string `json:"url"`
		} `json:"attributes"`
		Relationships struct {
			Outcomes struct {
				Data []Outcome `json:"data"`
			} `json:"outcomes"`
		} `json:"relationships"`
	} `json:"data"`
}

// Outcome is one task-result-outcomes entry.
type Outcome struct {
	Type       string `json:"type"`
	Attributes struct {
		OutcomeID   string           `json:"outcome-id"`
		Description string           `json:"description"`
		Body        string           `json:"body"`
		URL         string           `json:"url"`
		Tags        map[string][]Tag `json:"tags"`
	} `json:"attributes"`
}

// Tag is an outcome's tag.
type Tag struct {
	Label string `json:"label"`
	Level string `json:"level"`
}

// Fake is the fake HCP Terraform: an API host and a download host, both on
// loopback.
type Fake struct {
	// API serves /api/v2; its URL is the HCP address to give the server.
	API *httptest.Server
	// Download serves the pre-signed plan downloads, under the host name
	// DownloadHost (localhost:PORT, where the API is 127.0.0.1:PORT).
	Download     *httptest.Server
	DownloadHost string

	mu        sync.Mutex
	runs      map[string]*runState // by run ID
	callbacks []Callback
	arrived   chan struct{} // signalled on each callback
	// Counts of requests, and the Authorization headers the download host
	// saw.
	planGets, downloadGets int
	downloadAuth           []string
	// hold, when set, keeps downloads waiting until it is closed.
	hold chan struct{}
	// tooMany is closed when Submit first gets a 429.
	tooMany     chan struct{}
	tooManyOnce sync.Once
}

type runState struct {
	Run
	notReady, unavailable, callbackUnavailable int
}

// New starts a fake; it stops with the test.
func New(t testing.TB) *Fake {
	f := &Fake{runs: map[string]*runState{}, arrived: make(chan struct{}, 1), tooMany: make(chan struct{})}
	f.Download = httptest.NewServer(http.HandlerFunc(f.serveDownload))
	t.Cleanup(f.Download.Close)
	_, port, _ := net.SplitHostPort(f.Download.Listener.Addr().String())
	f.DownloadHost = "localhost:" + port
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/plans/{plan}/json-output", f.servePlan)
	mux.HandleFunc("PATCH /api/v2/task-results/{id}/callback", f.serveCallback)
	f.API = httptest.NewServer(mux)
	t.Cleanup(f.API.Close)
	return f
}

// Add registers a run.
func (f *Fake) Add(r Run) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.runs[r.ID] = &runState{Run: r, notReady: r.NotReady, unavailable: r.Unavailable, callbackUnavailable: r.CallbackUnavailable}
}

// Payload is the run task request HCP Terraform sends for run r, as JSON.
func (f *Fake) Payload(r Run) []byte {
	stage := r.Stage
	if stage == "" {
		stage = "post_plan"
	}
	p := map[string]any{
		"payload_version":               1,
		"stage":                         stage,
		"access_token":                  r.Token,
		"capabilities":                  map[string]bool{"outcomes": !r.NoOutcomes},
		"configuration_version_id":      "cv-" + r.ID,
		"is_speculative":                false,
		"organization_name":             "acme",
		"run_app_url":                   f.API.URL + "/app/acme/web/runs/" + r.ID,
		"run_created_at":                "2021-09-02T14:47:13.036Z",
		"run_created_by":                "someone",
		"run_id":                        r.ID,
		"run_message":                   "Triggered via UI",
		"task_result_callback_url":      f.CallbackURL(r.ID),
		"task_result_enforcement_level": "mandatory",
		"task_result_id":                "taskrs-" + r.ID,
		"vcs_pull_request_url":          nil,
		"workspace_app_url":             f.API.URL + "/app/acme/web",
		"workspace_id":                  "ws-web",
		"workspace_name":                "web",
	}
	if !r.NoPlanURL {
		p["plan_json_api_url"] = f.PlanURL(r.ID)
	}
	b, err := json.Marshal(p)
	if err != nil {
		panic(err)
	}
	return b
}

// PlanURL and CallbackURL are the run's URLs on the API host.
func (f *Fake) PlanURL(runID string) string {
	return f.API.URL + "/api/v2/plans/plan-" + runID + "/json-output"
}

func (f *Fake) CallbackURL(runID string) string {
	return f.API.URL + "/api/v2/task-results/taskrs-" + runID + "/callback"
}

// Sign is the X-TFC-Task-Signature of body under key.
func Sign(key, body []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// FirstTooMany is closed once Submit has been answered 429.
func (f *Fake) FirstTooMany() <-chan struct{} { return f.tooMany }

// Post sends body to the run task URL, signed with key ("" leaves the
// signature header out), and returns the status.
func Post(ctx context.Context, client *http.Client, url string, signature string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "TFC/1.0 (+https://app.terraform.io; TFC)")
	if signature != "" {
		req.Header.Set("X-TFC-Task-Signature", signature)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

// Submit sends the run's request, signed with key, as HCP Terraform does:
// again after a wait while the answer is 429 or 503, until it is another or
// ctx ends. It returns the final status and how many 429s came before.
func (f *Fake) Submit(ctx context.Context, client *http.Client, url string, key []byte, r Run) (status, tooMany int, err error) {
	body := f.Payload(r)
	wait := 5 * time.Millisecond
	for {
		status, err = Post(ctx, client, url, Sign(key, body), body)
		if err != nil || status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
			return status, tooMany, err
		}
		if status == http.StatusTooManyRequests {
			tooMany++
			f.tooManyOnce.Do(func() { close(f.tooMany) })
		}
		select {
		case <-ctx.Done():
			return status, tooMany, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 100*time.Millisecond)
	}
}

func (f *Fake) servePlan(w http.ResponseWriter, req *http.Request) {
	f.mu.Lock()
	f.planGets++
	runID := strings.TrimPrefix(req.PathValue("plan"), "plan-")
	r := f.runs[runID]
	if r == nil {
		f.mu.Unlock()
		http.Error(w, `{"errors":[{"status":"404","title":"not found"}]}`, http.StatusNotFound)
		return
	}
	switch {
	case req.Header.Get("Authorization") != "Bearer "+r.Token:
		f.mu.Unlock()
		http.Error(w, `{"errors":[{"status":"401","title":"unauthorized"}]}`, http.StatusUnauthorized)
		return
	case r.unavailable > 0:
		r.unavailable--
		f.mu.Unlock()
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	case r.notReady > 0:
		r.notReady--
		f.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
		return
	}
	target := r.RedirectTo
	f.mu.Unlock()
	if target == "" {
		target = "http://" + f.DownloadHost + "/v1/object/signed-" + runID
	}
	http.Redirect(w, req, target, http.StatusTemporaryRedirect)
}

func (f *Fake) serveDownload(w http.ResponseWriter, req *http.Request) {
	f.mu.Lock()
	f.downloadGets++
	f.downloadAuth = append(f.downloadAuth, req.Header.Get("Authorization"))
	id, ok := strings.CutPrefix(req.URL.Path, "/v1/object/signed-")
	r := f.runs[id]
	hold := f.hold
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-req.Context().Done():
			return
		}
	}
	if !ok || r == nil {
		http.NotFound(w, req)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(r.Plan)
}

func (f *Fake) serveCallback(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		http.Error(w, "unreadable", http.StatusBadRequest)
		return
	}
	cb := Callback{
		TaskResultID:  req.PathValue("id"),
		Received:      time.Now(),
		Authorization: req.Header.Get("Authorization"),
		ContentType:   req.Header.Get("Content-Type"),
		Body:          body,
	}
	runID := strings.TrimPrefix(cb.TaskResultID, "taskrs-")
	f.mu.Lock()
	r := f.runs[runID]
	switch {
	case r == nil:
		f.mu.Unlock()
		http.Error(w, `{"errors":[{"status":"404"}]}`, http.StatusNotFound)
		return
	case cb.Authorization != "Bearer "+r.Token:
		f.mu.Unlock()
		http.Error(w, `{"errors":[{"status":"401"}]}`, http.StatusUnauthorized)
		return
	case r.callbackUnavailable > 0:
		r.callbackUnavailable--
		f.mu.Unlock()
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	f.mu.Unlock()
	if err := json.Unmarshal(body, &cb.Document); err != nil || !validDocument(cb) {
		http.Error(w, `{"errors":[{"status":"422","title":"invalid task result"}]}`, http.StatusUnprocessableEntity)
		return
	}
	f.mu.Lock()
	f.callbacks = append(f.callbacks, cb)
	f.mu.Unlock()
	select {
	case f.arrived <- struct{}{}:
	default:
	}
	w.WriteHeader(http.StatusOK)
}

// validDocument checks what the API requires of a task result.
func validDocument(cb Callback) bool {
	d := cb.Document.Data
	if cb.ContentType != "application/vnd.api+json" || d.Type != "task-results" {
		return false
	}
	switch d.Attributes.Status {
	case "passed", "failed", "running":
	default:
		return false
	}
	for _, o := range d.Relationships.Outcomes.Data {
		if o.Type != "task-result-outcomes" || o.Attributes.OutcomeID == "" {
			return false
		}
		for _, tags := range o.Attributes.Tags {
			for _, tag := range tags {
				switch tag.Level {
				case "", "none", "info", "warning", "error":
				default:
					return false
				}
			}
		}
	}
	return true
}

// HoldDownloads makes plan downloads wait until ReleaseDownloads.
func (f *Fake) HoldDownloads() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hold = make(chan struct{})
}

// ReleaseDownloads lets the held downloads, and those to come, go on.
func (f *Fake) ReleaseDownloads() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hold != nil {
		close(f.hold)
		f.hold = nil
	}
}

// Callbacks returns the task results received so far.
func (f *Fake) Callbacks() []Callback {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Callback(nil), f.callbacks...)
}

// WaitCallbacks waits until n task results have arrived, or timeout.
func (f *Fake) WaitCallbacks(n int, timeout time.Duration) ([]Callback, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		if cbs := f.Callbacks(); len(cbs) >= n {
			return cbs, nil
		}
		select {
		case <-f.arrived:
		case <-deadline.C:
			cbs := f.Callbacks()
			return cbs, fmt.Errorf("%d callbacks arrived within %s, want %d", len(cbs), timeout, n)
		}
	}
}

// Counts returns how many requests the plan's JSON API URL and the
// download host received, and the Authorization headers the download host
// saw.
func (f *Fake) Counts() (planGets, downloadGets int, downloadAuth []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.planGets, f.downloadGets, append([]string(nil), f.downloadAuth...)
}
