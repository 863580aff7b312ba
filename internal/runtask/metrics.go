package runtask

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Request outcomes, the values of readiness_runtask_requests_total's
// outcome label.
const (
	outcomeAccepted     = "accepted"
	outcomeVerification = "verification"
	outcomeUnauthorized = "unauthorized"
	outcomeBadRequest   = "bad_request"
	outcomeRefusedURL   = "refused_url"
	outcomeQueueFull    = "queue_full"
	outcomeDuplicate    = "duplicate"
	outcomeDraining     = "draining"
)

// metrics are the server's Prometheus metrics, on a registry of its own
// (with the Go runtime's and the process's).
type metrics struct {
	registry       *prometheus.Registry
	requests       *prometheus.CounterVec
	results        *prometheus.CounterVec
	scanDuration   prometheus.Histogram
	taskDuration   prometheus.Histogram
	callbackErrors prometheus.Counter
}

func newMetrics(queueDepth func() float64) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readiness_runtask_requests_total",
			Help: "Run task requests received, by outcome: accepted, verification, unauthorized, bad_request, refused_url, queue_full, duplicate, draining.",
		}, []string{"outcome"}),
		results: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readiness_runtask_results_total",
			Help: "Task results called back, by status (passed, failed) and reason (ready, not_ready, error).",
		}, []string{"status", "reason"}),
		scanDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "readiness_runtask_scan_duration_seconds",
			Help:    "Time to judge one plan, once downloaded.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14),
		}),
		taskDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "readiness_runtask_task_duration_seconds",
			Help:    "Time from a run task request's acceptance to the end of its callback.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 16),
		}),
		callbackErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "readiness_runtask_callback_errors_total",
			Help: "Task results that could not be called back after every try.",
		}),
	}
	m.registry.MustRegister(m.requests, m.results, m.scanDuration, m.taskDuration, m.callbackErrors,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "readiness_runtask_queue_depth",
			Help: "Accepted run tasks waiting for a worker.",
		}, queueDepth),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	for _, o := range []string{outcomeAccepted, outcomeVerification, outcomeUnauthorized, outcomeBadRequest, outcomeRefusedURL, outcomeQueueFull, outcomeDuplicate, outcomeDraining} {
		m.requests.WithLabelValues(o)
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}
