package runtask

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	tfe "github.com/hashicorp/go-tfe"
)

// VerificationToken is the access token of the request HCP Terraform sends
// when a run task is created or its URL changed, to check the endpoint: it
// is answered 200 and nothing else is done.
const VerificationToken = "test-token"

// taskRequest is the run task request: go-tfe's RunTaskRequest, whose
// capabilities field carries an old misspelling ("capabilitites"), with the
// spelling the API documents beside it.
type taskRequest struct {
	tfe.RunTaskRequest
	Capabilities *tfe.RunTaskRequestCapabilitites `json:"capabilities,omitempty"`
}

// acceptsOutcomes reports whether HCP Terraform said it takes detailed
// outcomes (older Terraform Enterprise releases do not).
func (r *taskRequest) acceptsOutcomes() bool {
	return r.Capabilitites.Outcomes || r.Capabilities != nil && r.Capabilities.Outcomes
}

// task is an accepted request, with its URLs checked.
type task struct {
	req      taskRequest
	planURL  *url.URL
	callback *url.URL
	accepted time.Time
}

// decodeRequest reads a request body. The verification request is
// recognised before anything else is required of it.
func decodeRequest(body []byte) (*taskRequest, error) {
	var r taskRequest
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("the request is not a run task request: %w", err)
	}
	return &r, nil
}

// newTask checks an authenticated request and the URLs it names.
func (s *Server) newTask(r *taskRequest, now time.Time) (*task, error) {
	switch {
	case r.PayloadVersion != 1:
		return nil, fmt.Errorf("payload_version %d: only 1 is supported", r.PayloadVersion)
	case r.AccessToken == "":
		return nil, errors.New("no access_token")
	case r.TaskResultCallbackURL == "":
		return nil, errors.New("no task_result_callback_url")
	}
	callback, err := s.guard.api(r.TaskResultCallbackURL)
	if err != nil {
		return nil, fmt.Errorf("task_result_callback_url: %w", err)
	}
	t := &task{req: *r, callback: callback, accepted: now}
	if r.PlanJSONAPIURL != "" {
		if t.planURL, err = s.guard.api(r.PlanJSONAPIURL); err != nil {
			return nil, fmt.Errorf("plan_json_api_url: %w", err)
		}
	}
	return t, nil
}
