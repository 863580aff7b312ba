#!/usr/bin/env bash
# Posts the Markdown report on the pull request, or updates the comment this
# action posted there before (found by a hidden marker), so each pull request
# has one comment per scan that follows its latest push. Anything that stops
# the comment (no token, not a pull request, a token that cannot write) is a
# notice or a warning, never a failure: the verdict step decides the job.
#
# Environment (action.yml's comment step):
#   READINESS_COMMENT      true or false
#   READINESS_COMMENT_KEY  tells this scan's comment from another scan's in
#                          the same pull request; by default the workflow,
#                          the job and the plans
#   READINESS_PLAN         the plan input (for the default key)
#   READINESS_MARKDOWN     the report (the scan step's markdown output)
#   GITHUB_TOKEN           a token that may write pull-request comments
#   GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_EVENT_NAME,
#   GITHUB_WORKFLOW, GITHUB_JOB   set by the runner
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# GitHub takes at most 65,536 characters in a comment.
comment_limit=65536

case ${READINESS_COMMENT:-true} in
  true) ;;
  false) exit 0 ;;
  *) fail "comment must be true or false, not \"${READINESS_COMMENT}\"" ;;
esac
if [ -z "${GITHUB_TOKEN:-}" ]; then
  notice "no token: the pull-request comment is left out (the job summary has the report)"
  exit 0
fi
pr=
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  pr=$(jq -r '.pull_request.number | if type == "number" then tostring else "" end' "$GITHUB_EVENT_PATH")
fi
if [ -z "$pr" ]; then
  notice "not a pull request (event ${GITHUB_EVENT_NAME:-unknown}): no comment; the job summary has the report"
  exit 0
fi
repo=${GITHUB_REPOSITORY:-}
if ! [[ $repo =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]]; then
  fail "GITHUB_REPOSITORY \"$repo\" is not OWNER/NAME"
fi
api_url=${GITHUB_API_URL:-https://api.github.com}
markdown=$(unix_path "${READINESS_MARKDOWN:?the scan step gives the Markdown report}")

key=${READINESS_COMMENT_KEY:-}
if [ -z "$key" ]; then
  key="${GITHUB_WORKFLOW:-}/${GITHUB_JOB:-}/${READINESS_PLAN:-}"
fi
marker="<!-- readiness-action $(printf '%s' "$key" | sha256_of - | cut -c1-16) -->"

work=$(temp_dir comment)
trap 'rm -rf "$work"' EXIT

jq -n --arg marker "$marker" --rawfile report "$markdown" '{body: ($marker + "\n" + $report)}' >"$work/body.json"
length=$(jq '.body | length' "$work/body.json")
if [ "$length" -gt "$comment_limit" ]; then
  warning "the report is $length characters, more than a comment takes ($comment_limit): no comment; the job summary has it"
  exit 0
fi

# The comment posted before: the last one that starts with the marker, on
# any page of the pull request's comments.
id=
page=1
while :; do
  status=$(api GET "$api_url/repos/$repo/issues/$pr/comments?per_page=100&page=$page" "$work/page.json")
  if [ "$status" != 200 ]; then
    warning "could not list the pull request's comments (HTTP $status $(api_message "$work/page.json")): no comment"
    exit 0
  fi
  found=$(jq -r --arg marker "$marker" '[.[] | select((.body | type) == "string" and (.body | startswith($marker))) | .id | select(type == "number")] | last // empty' "$work/page.json")
  if [ -n "$found" ]; then
    id=$found
  fi
  if [ "$(jq 'length' "$work/page.json")" -lt 100 ] || [ "$page" -ge 50 ]; then
    break
  fi
  page=$((page + 1))
done

status=
if [ -n "$id" ]; then
  status=$(api PATCH "$api_url/repos/$repo/issues/comments/$id" "$work/response.json" "$work/body.json")
  if [ "$status" = 200 ]; then
    echo "readiness: updated comment $id on pull request #$pr"
    exit 0
  fi
  # Deleted since it was listed: post a new one.
  if [ "$status" != 404 ]; then
    warning "could not update comment $id (HTTP $status $(api_message "$work/response.json")): the job needs permissions: pull-requests: write, and a pull request from a fork gets a read-only token"
    exit 0
  fi
fi
status=$(api POST "$api_url/repos/$repo/issues/$pr/comments" "$work/response.json" "$work/body.json")
if [ "$status" != 201 ]; then
  warning "could not comment on pull request #$pr (HTTP $status $(api_message "$work/response.json")): the job needs permissions: pull-requests: write, and a pull request from a fork gets a read-only token"
  exit 0
fi
echo "readiness: commented on pull request #$pr"
