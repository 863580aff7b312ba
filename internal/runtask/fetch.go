package runtask

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
)

// maxRedirects is how many redirects a plan download follows.
const maxRedirects = 3

// errPlanNotReady is HCP Terraform's 204: the plan's JSON is not there yet.
var errPlanNotReady = errors.New("HCP Terraform has no JSON for the plan yet (204 No Content)")

// fetchPlan downloads the plan's JSON: a GET of the plan's JSON API URL with
// the run's token, then of the pre-signed URL it redirects to, without the
// token. Each try starts again from the API URL, since the pre-signed URL
// lives a minute.
func (s *Server) fetchPlan(ctx context.Context, t *task) ([]byte, error) {
	var plan []byte
	err := s.retry.do(ctx, func(ctx context.Context) error {
		var err error
		plan, err = s.fetchOnce(ctx, t)
		if err != nil {
			s.log.LogAttrs(ctx, slog.LevelWarn, "plan download try failed", append(t.logAttrs(), errAttr(err))...)
		}
		return err
	})
	return plan, err
}

func (s *Server) fetchOnce(ctx context.Context, t *task) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	target := t.planURL
	for hop := 0; ; hop++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
		if err != nil {
			return nil, permanent{err}
		}
		req.Header.Set("User-Agent", s.opts.UserAgent)
		if hop == 0 {
			req.Header.Set("Authorization", "Bearer "+t.req.AccessToken)
		}
		resp, err := s.client.Do(req)
		if err != nil {
			return nil, transportError(ctx, err)
		}
		switch {
		case resp.StatusCode == http.StatusOK:
			defer resp.Body.Close()
			return s.readPlan(resp)
		case hop == 0 && resp.StatusCode == http.StatusNoContent:
			drain(resp)
			return nil, errPlanNotReady
		case isRedirect(resp.StatusCode):
			drain(resp)
			next, err := resp.Location()
			if err != nil {
				return nil, permanent{fmt.Errorf("the plan's redirect has no usable Location")}
			}
			if hop+1 > maxRedirects {
				return nil, permanent{fmt.Errorf("more than %d redirects", maxRedirects)}
			}
			if err := s.guard.download(next); err != nil {
				return nil, permanent{fmt.Errorf("the plan's redirect was refused: %w", err)}
			}
			target = next
		default:
			drain(resp)
			return nil, statusError("plan download", target, resp)
		}
	}
}

// readPlan reads a plan up to the size limit.
func (s *Server) readPlan(resp *http.Response) ([]byte, error) {
	limit := s.opts.MaxPlanBytes
	if resp.ContentLength > limit {
		return nil, permanent{fmt.Errorf("the plan is %d bytes, over the limit of %d (--max-plan-size)", resp.ContentLength, limit)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read the plan: %w", transportError(resp.Request.Context(), err))
	}
	if int64(len(data)) > limit {
		return nil, permanent{fmt.Errorf("the plan is over the limit of %d bytes (--max-plan-size)", limit)}
	}
	return data, nil
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// statusError describes an unexpected answer; a 429 or a 5xx may be tried
// again.
func statusError(what string, u *url.URL, resp *http.Response) error {
	err := fmt.Errorf("%s: %s answered %s", what, u.Host, resp.Status)
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return retryAfter{err, retryAfterHeader(resp.Header)}
	case retryableStatus(resp.StatusCode):
		return err
	}
	return permanent{err}
}

// transportError describes a failed request without its URL (a
// pre-signed URL is a credential for a minute): the operation, the host
// and the cause.
func transportError(ctx context.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return fmt.Errorf("timed out or stopped: %w", context.Cause(ctx))
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		host := ""
		if u, perr := url.Parse(ue.URL); perr == nil {
			host = u.Host
		}
		return fmt.Errorf("%s %s: %w", ue.Op, host, ue.Err)
	}
	return err
}

// drain reads what is left of a body, so that the connection is reused.
func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}
