package runtask

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"

	tfe "github.com/hashicorp/go-tfe"
	"github.com/hashicorp/jsonapi"
)

// encodeResult writes a task result as the JSON:API document the callback
// takes, as go-tfe's RunTasksIntegration.Callback would send it.
func encodeResult(res *tfe.TaskResultCallbackRequestOptions) ([]byte, error) {
	var b bytes.Buffer
	if err := jsonapi.MarshalPayloadWithoutIncluded(&b, res); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// callBack PATCHes the task result to the callback URL with the run's
// token, trying again on a network error, a 429 or a 5xx. It is not
// cancelled by a drain: an accepted task always calls back (within
// Attempts tries of RequestTimeout each).
//
// go-tfe's own Callback is not used: its client is made per token and
// pings the API first, and the request must go through this server's
// guarded client.
func (s *Server) callBack(t *task, res *tfe.TaskResultCallbackRequestOptions) error {
	body, err := encodeResult(res)
	if err != nil {
		return fmt.Errorf("encode the task result: %w", err)
	}
	return s.retry.do(context.Background(), func(ctx context.Context) error {
		err := s.patchOnce(ctx, t, body)
		if err != nil {
			s.log.LogAttrs(ctx, slog.LevelWarn, "callback try failed", append(t.logAttrs(), errAttr(err))...)
		}
		return err
	})
}

func (s *Server) patchOnce(ctx context.Context, t *task, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, t.callback.String(), bytes.NewReader(body))
	if err != nil {
		return permanent{err}
	}
	req.Header.Set("Content-Type", tfe.ContentTypeJSONAPI)
	req.Header.Set("Accept", tfe.ContentTypeJSONAPI)
	req.Header.Set("Authorization", "Bearer "+t.req.AccessToken)
	req.Header.Set("User-Agent", s.opts.UserAgent)
	resp, err := s.client.Do(req)
	if err != nil {
		return transportError(ctx, err)
	}
	drain(resp)
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return statusError("callback", t.callback, resp)
}
