package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
)

// hmacKeyEnv names the environment variable that holds the run task's HMAC
// key.
const hmacKeyEnv = "READINESS_HMAC_KEY"

const serveHelp = `Serve runs an HCP Terraform (or Terraform Enterprise) run task: HCP Terraform
sends it each run's plan, and it answers passed or failed, with one outcome
per blocking failure, as 'readiness scan' would judge the plan.

It follows HashiCorp's Run Tasks Integration API. POST /runtask takes the run
task request: its X-TFC-Task-Signature header must be the HMAC-SHA512 of the
body under the run task's HMAC key, or the answer is 401 and nothing is
fetched. The request HCP Terraform sends to verify the endpoint is answered
200 and nothing else. Any other request is answered 200 at once and judged
after: the plan's JSON is fetched from plan_json_api_url with the run's
token, following the redirect to the pre-signed download without the token
(a download over --max-plan-mib is refused; failed tries are tried again with
backoff), judged with the configuration (--config, or the .readiness.hcl
found from the working directory up), and the task result is PATCHed to
task_result_callback_url: passed when the plan is ready and every check could
judge it, failed otherwise, or when the plan cannot be fetched or read, with
a message saying why.

The HMAC key is required: set READINESS_HMAC_KEY, or --hmac-key-file FILE, to
the key given to the run task in HCP Terraform. Without one, serve exits 1.

Only URLs under --hcp-address are fetched or called back (scheme, host, port,
and path when the address has one; no user information): a request that
names another is answered 400. The plan's pre-signed download may be on the
address's own host (Terraform Enterprise), on HCP Terraform's archivist
beside app.terraform.io (archivist.terraform.io), or on a host that
--download-host names.

--workers tasks run at once; up to --queue-size more wait, and a request
beyond is answered 429, which HCP Terraform sends again. A task that has not
finished its scan --task-timeout after it arrived calls back failed (HCP
Terraform errors a task that has not called back within 10 minutes).

SIGTERM or SIGINT drains the server: it stops listening, lets every accepted
task finish and call back, then exits 0. After --drain-timeout, or on a
second signal, the tasks still running stop and call back failed, saying the
server stopped; none is left without an answer.

GET /healthz answers 200 while the process runs, GET /readyz 200 until it
drains, and GET /metrics serves Prometheus metrics:
readiness_runtask_requests_total{outcome}, readiness_runtask_results_total
{status,reason}, readiness_runtask_scan_duration_seconds,
readiness_runtask_task_duration_seconds, readiness_runtask_queue_depth and
readiness_runtask_callback_errors_total. Logs are structured (--log-format
json or text) on standard error, with each task's run ID and task result ID,
never its token.

The server keeps no state beyond its queue: run as many replicas as needed
behind a load balancer (docs/guides/hcp-terraform-run-task.md).`

type serveFlags struct {
	listen, hcpAddress, hmacKeyFile, config, detailsURL, logFormat string
	downloadHosts                                                  []string
	workers, queueSize                                             int
	maxPlanMiB                                                     int64
	taskTimeout, drainTimeout                                      time.Duration
}

func (a *app) serveCommand() *cobra.Command {
	var fl serveFlags
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Run the HCP Terraform run task server",
		Long:  serveHelp,
		Example: `  export READINESS_HMAC_KEY=...   # the run task's HMAC key
  readiness serve --listen :8080
  readiness serve --hcp-address https://tfe.example.com --config /etc/readiness/.readiness.hcl`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.serve(fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.listen, "listen", ":8080", "listen on `ADDR` (host:port)")
	f.StringVar(&fl.hcpAddress, "hcp-address", runtask.DefaultHCPAddress,
		"the HCP Terraform or Terraform Enterprise `URL`: only URLs under it are fetched or called back")
	f.StringVar(&fl.hmacKeyFile, "hmac-key-file", "",
		"read the run task's HMAC key from `FILE` (trailing line breaks ignored) instead of "+hmacKeyEnv)
	f.StringVar(&fl.config, "config", "",
		"judge plans with the configuration in `FILE` instead of the "+config.FileName+" found from the working directory up")
	f.StringVar(&fl.detailsURL, "details-url", "",
		"the `URL` each task result links to for more information (for example the team's page about the gate)")
	f.StringSliceVar(&fl.downloadHosts, "download-host", nil,
		"a `HOST` (or host:port) the plan's pre-signed download may be redirected to, beside the HCP address's host and HCP Terraform's archivist; repeatable")
	f.IntVar(&fl.workers, "workers", 0, "run `N` tasks at once (default: the number of CPUs)")
	f.IntVar(&fl.queueSize, "queue-size", runtask.DefaultQueueSize, "let `N` accepted tasks wait for a worker; requests beyond are answered 429")
	f.Int64Var(&fl.maxPlanMiB, "max-plan-mib", runtask.DefaultMaxPlanBytes>>20, "refuse a plan's JSON larger than `MIB` mebibytes")
	f.DurationVar(&fl.taskTimeout, "task-timeout", runtask.DefaultTaskTimeout, "call back failed a task whose scan has not ended `DURATION` after its request")
	f.DurationVar(&fl.drainTimeout, "drain-timeout", 10*time.Minute, "on SIGTERM, wait `DURATION` for the accepted tasks before stopping those still running")
	f.StringVar(&fl.logFormat, "log-format", "json", "log as `FORMAT`: json or text")
	_ = cmd.MarkFlagFilename("hmac-key-file")
	_ = cmd.MarkFlagFilename("config", "hcl")
	_ = cmd.RegisterFlagCompletionFunc("log-format", cobra.FixedCompletions([]string{"json", "text"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) serve(fl serveFlags) error {
	if err := fl.check(); err != nil {
		return err
	}
	key, err := a.hmacKey(fl.hmacKeyFile)
	if err != nil {
		return err
	}
	scan, err := a.planScanner(fl.config)
	if err != nil {
		return err
	}
	log := a.serveLogger(fl.logFormat)
	srv, err := runtask.New(runtask.Options{
		HCPAddress:    fl.hcpAddress,
		DownloadHosts: fl.downloadHosts,
		HMACKey:       key,
		Scan:          scan,
		DetailsURL:    fl.detailsURL,
		Workers:       fl.workers,
		QueueSize:     fl.queueSize,
		MaxPlanBytes:  fl.maxPlanMiB << 20,
		TaskTimeout:   fl.taskTimeout,
		Logger:        log,
		UserAgent:     "readiness/" + Version,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", fl.listen)
	if err != nil {
		srv.Drain(context.Background())
		return fmt.Errorf("listen on %s: %w", fl.listen, err)
	}
	stop, force, done := a.drainOnSignal(log, fl.drainTimeout)
	defer done()
	return srv.Serve(stop, ln, force)
}

// check refuses flag values that cannot work.
func (fl serveFlags) check() error {
	switch {
	case fl.workers < 0:
		return usageError{fmt.Errorf("--workers %d: want a positive number", fl.workers)}
	case fl.queueSize < 1:
		return usageError{fmt.Errorf("--queue-size %d: want a positive number", fl.queueSize)}
	case fl.maxPlanMiB < 1:
		return usageError{fmt.Errorf("--max-plan-mib %d: want a positive number", fl.maxPlanMiB)}
	case fl.taskTimeout <= 0 || fl.drainTimeout <= 0:
		return usageError{errors.New("--task-timeout and --drain-timeout must be positive")}
	case fl.logFormat != "json" && fl.logFormat != "text":
		return usageError{fmt.Errorf("--log-format %s: want json or text", fl.logFormat)}
	}
	return nil
}

// hmacKey reads the run task's HMAC key: from --hmac-key-file when given,
// else from READINESS_HMAC_KEY. There must be one.
func (a *app) hmacKey(file string) ([]byte, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("read the HMAC key file %s: %w", file, oserr.Describe(err, "no such file"))
		}
		key := bytes.TrimRight(b, "\r\n")
		if len(key) == 0 {
			return nil, fmt.Errorf("the HMAC key file %s is empty", file)
		}
		return key, nil
	}
	getenv := a.getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if key := getenv(hmacKeyEnv); key != "" {
		return []byte(key), nil
	}
	return nil, errors.New("no HMAC key: set " + hmacKeyEnv + ", or --hmac-key-file FILE, to the HMAC key of the run task in HCP Terraform; serve does not run without one")
}

// serveLogger logs to standard error.
func (a *app) serveLogger(format string) *slog.Logger {
	if strings.EqualFold(format, "text") {
		return slog.New(slog.NewTextHandler(a.stderr, nil))
	}
	return slog.New(slog.NewJSONHandler(a.stderr, nil))
}

// drainOnSignal makes SIGINT and SIGTERM drain the server instead of
// ending the process (HandleSignals gives way while serve runs): stop ends
// at the first signal; force at a second one, or drainTimeout after the
// first. done releases the signals.
func (a *app) drainOnSignal(log *slog.Logger, drainTimeout time.Duration) (stop, force context.Context, done func()) {
	sigs := make(chan os.Signal, 2)
	release := takeSignals()
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	stop, drain := context.WithCancel(context.Background())
	force, cutShort := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			log.Info("signal received: draining", slog.String("signal", sig.String()), slog.String("drain_timeout", drainTimeout.String()))
		case <-finished:
			return
		}
		drain()
		timer := time.NewTimer(drainTimeout)
		defer timer.Stop()
		select {
		case sig := <-sigs:
			log.Warn("second signal: stopping the tasks in progress", slog.String("signal", sig.String()))
		case <-timer.C:
			log.Warn("drain timeout: stopping the tasks in progress")
		case <-finished:
			return
		}
		cutShort()
	}()
	return stop, force, func() {
		close(finished)
		signal.Stop(sigs)
		release()
		drain()
		cutShort()
	}
}
