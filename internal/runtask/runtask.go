// Package runtask is the HCP Terraform / Terraform Enterprise run task
// server behind `readiness serve`. It follows HashiCorp's Run Tasks
// Integration API: HCP Terraform POSTs a signed request naming the run's plan
// and a callback URL; the server answers 200 at once, then downloads the
// plan, judges it, and PATCHes a task result (passed or failed, with one
// outcome per blocking failure) to the callback URL.
//
// The server keeps no state beyond the tasks in its queue: replicas behind
// any load balancer share nothing.
package runtask

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// ScanFunc judges one plan, the JSON that `terraform show -json` writes, as
// `readiness scan` would with the server's configuration. It returns an
// error when the plan cannot be read or the configuration cannot be loaded.
type ScanFunc func(ctx context.Context, plan []byte) (*engine.Report, error)

// Options configure a Server. Zero values take the defaults below.
type Options struct {
	// HCPAddress is the HCP Terraform or Terraform Enterprise address
	// (DefaultHCPAddress when empty): only URLs under it are fetched or
	// called back.
	HCPAddress string
	// DownloadHosts are hosts (host or host:port) that the plan download
	// may be redirected to, beside the HCP address's own host and its
	// archivist (see guard.go).
	DownloadHosts []string
	// HMACKey verifies X-TFC-Task-Signature. Required.
	HMACKey []byte
	// Scan judges a plan. Required.
	Scan ScanFunc
	// DetailsURL, when set, is the task result's url: where people read
	// more about the verdict.
	DetailsURL string

	// Workers is how many tasks run at once (GOMAXPROCS when zero).
	Workers int
	// QueueSize is how many accepted tasks may wait for a worker
	// (DefaultQueueSize when zero); a request beyond is answered 429.
	QueueSize int
	// MaxPlanBytes bounds the plan download (DefaultMaxPlanBytes).
	MaxPlanBytes int64
	// TaskTimeout bounds a task from its acceptance to the end of its
	// scan (DefaultTaskTimeout): HCP Terraform errors a task that has
	// not called back within 10 minutes.
	TaskTimeout time.Duration
	// RequestTimeout bounds one HTTP request to HCP Terraform
	// (DefaultRequestTimeout).
	RequestTimeout time.Duration
	// Attempts is how many times a download or a callback is tried
	// (DefaultAttempts); Backoff is the first wait between tries
	// (DefaultBackoff), doubled each time up to MaxBackoff
	// (DefaultMaxBackoff), with jitter.
	Attempts            int
	Backoff, MaxBackoff time.Duration

	// Logger receives structured logs (slog.Default() when nil).
	Logger *slog.Logger
	// UserAgent is sent with every outgoing request.
	UserAgent string
}

// Defaults.
const (
	DefaultHCPAddress     = "https://app.terraform.io"
	DefaultQueueSize      = 100
	DefaultMaxPlanBytes   = 256 << 20
	DefaultTaskTimeout    = 9 * time.Minute
	DefaultRequestTimeout = 2 * time.Minute
	DefaultAttempts       = 5
	DefaultBackoff        = time.Second
	DefaultMaxBackoff     = 30 * time.Second
)

// Server receives run task requests and works through them.
type Server struct {
	opts    Options
	guard   *guard
	log     *slog.Logger
	metrics *metrics
	client  *http.Client
	retry   retryPolicy

	// queue holds the accepted tasks; closed (under mu) when the server
	// drains.
	mu     sync.RWMutex
	queue  chan *task
	closed bool

	// inflight holds the task result IDs accepted and not yet called
	// back: HCP Terraform's retry of a request already accepted is not
	// queued twice.
	inflightMu sync.Mutex
	inflight   map[string]bool

	// work is cancelled when draining takes too long: fetches and scans
	// stop, and their tasks call back failed.
	work       context.Context
	cancelWork context.CancelCauseFunc
	workers    sync.WaitGroup
}

// New checks opts, starts the workers and returns the server. Drain stops
// it.
func New(opts Options) (*Server, error) {
	if len(opts.HMACKey) == 0 {
		return nil, errors.New("no HMAC key: the run task's HMAC key is required to verify requests")
	}
	if opts.Scan == nil {
		return nil, errors.New("no scan function")
	}
	opts.HCPAddress = cmp.Or(opts.HCPAddress, DefaultHCPAddress)
	g, err := newGuard(opts.HCPAddress, opts.DownloadHosts)
	if err != nil {
		return nil, err
	}
	if opts.DetailsURL != "" {
		if err := checkDetailsURL(opts.DetailsURL); err != nil {
			return nil, err
		}
	}
	opts.Workers = cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))
	opts.QueueSize = cmp.Or(opts.QueueSize, DefaultQueueSize)
	opts.MaxPlanBytes = cmp.Or(opts.MaxPlanBytes, DefaultMaxPlanBytes)
	opts.TaskTimeout = cmp.Or(opts.TaskTimeout, DefaultTaskTimeout)
	opts.RequestTimeout = cmp.Or(opts.RequestTimeout, DefaultRequestTimeout)
	opts.Attempts = cmp.Or(opts.Attempts, DefaultAttempts)
	opts.Backoff = cmp.Or(opts.Backoff, DefaultBackoff)
	opts.MaxBackoff = cmp.Or(opts.MaxBackoff, DefaultMaxBackoff)
	opts.UserAgent = cmp.Or(opts.UserAgent, "readiness")
	if opts.Workers < 0 || opts.QueueSize < 0 || opts.MaxPlanBytes < 0 || opts.Attempts < 0 {
		return nil, fmt.Errorf("workers, queue size, plan size limit and attempts must be positive")
	}
	s := &Server{
		opts:  opts,
		guard: g,
		log:   cmp.Or(opts.Logger, slog.Default()),
		client: &http.Client{
			Transport: http.DefaultTransport.(*http.Transport).Clone(),
			// Redirects are followed by hand (fetch.go): each target is
			// checked, and none receives the token.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		retry:    retryPolicy{attempts: opts.Attempts, first: opts.Backoff, max: opts.MaxBackoff},
		queue:    make(chan *task, opts.QueueSize),
		inflight: map[string]bool{},
	}
	s.metrics = newMetrics(func() float64 { return float64(len(s.queue)) })
	s.work, s.cancelWork = context.WithCancelCause(context.Background())
	for range opts.Workers {
		s.workers.Add(1)
		go s.worker()
	}
	return s, nil
}
