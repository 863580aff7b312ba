package runtask

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// maxRequestBytes bounds a run task request's body: a few kilobytes in
// practice.
const maxRequestBytes = 1 << 20

// Handler serves the endpoints: POST /runtask, GET /healthz, GET /readyz
// and GET /metrics.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /runtask", s.handleRunTask)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if s.isClosed() {
			http.Error(w, "draining", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ready\n")
	})
	mux.Handle("GET /metrics", s.metrics.handler())
	return mux
}

// handleRunTask checks the signature, then the request, and queues it. The
// answer comes at once; the work runs after it.
func (s *Server) handleRunTask(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		s.refuse(w, r, outcomeBadRequest, http.StatusRequestEntityTooLarge, "the request body is too large or unreadable", nil)
		return
	}
	if !validSignature(s.opts.HMACKey, body, r.Header.Get(SignatureHeader)) {
		// Nothing of an unauthenticated body is read, logged or fetched.
		s.refuse(w, r, outcomeUnauthorized, http.StatusUnauthorized, "missing or wrong "+SignatureHeader+": check the run task's HMAC key", nil)
		return
	}
	req, err := decodeRequest(body)
	if err != nil {
		s.refuse(w, r, outcomeBadRequest, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if req.AccessToken == VerificationToken {
		s.metrics.requests.WithLabelValues(outcomeVerification).Inc()
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "endpoint verification request answered", requestAttrs(req)...)
		w.WriteHeader(http.StatusOK)
		return
	}
	t, err := s.newTask(req, time.Now())
	if err != nil {
		outcome := outcomeBadRequest
		if errors.Is(err, errForeignURL) || errors.Is(err, errUserInfo) {
			outcome = outcomeRefusedURL
		}
		s.refuse(w, r, outcome, http.StatusBadRequest, err.Error(), req)
		return
	}
	switch outcome := s.enqueue(t); outcome {
	case outcomeAccepted, outcomeDuplicate:
		s.metrics.requests.WithLabelValues(outcome).Inc()
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "run task "+outcome, t.logAttrs()...)
		w.WriteHeader(http.StatusOK)
	case outcomeQueueFull:
		w.Header().Set("Retry-After", "5")
		s.refuse(w, r, outcome, http.StatusTooManyRequests, "the queue is full; try again", req)
	default:
		s.refuse(w, r, outcome, http.StatusServiceUnavailable, "the server is shutting down; try again", req)
	}
}

// refuse answers a request that is not taken, counts and logs it. req is
// nil until the signature is verified: nothing of an unauthenticated body
// is logged.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, outcome string, code int, why string, req *taskRequest) {
	s.metrics.requests.WithLabelValues(outcome).Inc()
	attrs := []slog.Attr{slog.String("outcome", outcome), slog.Int("status", code), slog.String("reason", why), slog.String("remote", r.RemoteAddr)}
	if req != nil {
		attrs = append(attrs, requestAttrs(req)...)
	}
	s.log.LogAttrs(r.Context(), slog.LevelWarn, "run task request refused", attrs...)
	http.Error(w, why, code)
}

// enqueue queues t unless the server is draining, the same task result is
// already queued or running, or the queue is full.
func (s *Server) enqueue(t *task) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return outcomeDraining
	}
	key := t.callback.String()
	s.inflightMu.Lock()
	defer s.inflightMu.Unlock()
	if s.inflight[key] {
		return outcomeDuplicate
	}
	select {
	case s.queue <- t:
		s.inflight[key] = true
		return outcomeAccepted
	default:
		return outcomeQueueFull
	}
}

func (s *Server) isClosed() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.closed
}

// Serve answers requests on ln until ctx ends, then drains: it stops
// listening, lets every accepted task finish and call back, and returns.
// When force ends during the drain, the tasks still fetching or scanning
// stop and call back failed.
func (s *Server) Serve(ctx context.Context, ln net.Listener, force context.Context) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.Background() },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	s.log.Info("serving run tasks", slog.String("address", ln.Addr().String()), slog.String("hcp_address", s.guard.base.String()),
		slog.Int("workers", s.opts.Workers), slog.Int("queue_size", s.opts.QueueSize))
	var err error
	select {
	case err = <-served:
	case <-ctx.Done():
	}
	s.log.Info("draining: no new run tasks; the accepted ones finish and call back", slog.Int("queued", len(s.queue)))
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.queue)
	}
	s.mu.Unlock()
	if shutdownErr := hs.Shutdown(force); shutdownErr != nil {
		_ = hs.Close()
	}
	s.Drain(force)
	s.log.Info("drained: every accepted run task called back")
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Drain stops taking tasks (requests are then answered 503), waits for the
// queued and running ones to finish and call back, and returns when all
// have. When ctx ends first, the tasks still fetching or scanning stop and
// call back failed, and Drain returns once they have.
func (s *Server) Drain(ctx context.Context) {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.queue)
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() {
		s.workers.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		s.log.Warn("drain cut short: the tasks in progress stop and call back failed")
		s.cancelWork(errServerStopping)
		<-done
	}
	s.cancelWork(nil)
}
