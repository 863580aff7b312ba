# shellcheck shell=bash
# Helpers for the action's steps (sourced, not run). Every value that comes
# from an input, the event or an API is passed through these, never through
# ${{ }} in a script: the workflow cannot inject shell code or commands.

# gh_data escapes text for a workflow command (::error::TEXT), so that a
# value holding a newline cannot start a command of its own.
gh_data() {
  local s=$1
  s=${s//'%'/'%25'}
  s=${s//$'\r'/'%0D'}
  s=${s//$'\n'/'%0A'}
  printf '%s' "$s"
}

# fail prints an error annotation and stops the step (exit 1).
fail() {
  printf '::error title=readiness::%s\n' "$(gh_data "$1")" >&2
  exit 1
}

warning() {
  printf '::warning title=readiness::%s\n' "$(gh_data "$1")"
}

notice() {
  printf '::notice title=readiness::%s\n' "$(gh_data "$1")"
}

# sha256_of FILE prints the SHA-256 of FILE (- for standard input):
# sha256sum where there is one (Linux, Windows' Git Bash), shasum (macOS)
# otherwise.
sha256_of() {
  local sum
  if command -v sha256sum >/dev/null 2>&1; then
    sum=$(sha256sum "$1")
  else
    sum=$(shasum -a 256 "$1")
  fi
  # sha256sum starts the line with a backslash when the name has one.
  sum=${sum%% *}
  printf '%s' "${sum#\\}"
}

# unix_path and native_path convert between the runner's paths and the
# shell's: identical on Linux and macOS; on Windows, where bash is Git
# Bash, RUNNER_TEMP is C:\... and a path given to another action or to
# GITHUB_PATH must be one too.
unix_path() {
  if command -v cygpath >/dev/null 2>&1; then cygpath -u "$1"; else printf '%s' "$1"; fi
}

native_path() {
  if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s' "$1"; fi
}

# temp_dir makes a directory of its own under the runner's temporary
# directory, which the runner empties after the job.
temp_dir() {
  local root
  root=$(unix_path "${RUNNER_TEMP:-${TMPDIR:-/tmp}}")
  mkdir -p "$root"
  mktemp -d "$root/readiness-$1.XXXXXX"
}

# set_output appends NAME=VALUE to the step's outputs; values are single
# lines by construction, and refused otherwise.
set_output() {
  case $2 in *$'\n'* | *$'\r'*) fail "output $1 would span lines" ;; esac
  printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
}

# api METHOD URL OUT [BODY] calls the GitHub REST API at URL, writes the
# response body to OUT, and prints the HTTP status (000 when there was no
# response). The token, when there is one, goes to curl on standard input,
# never on its command line, and only to the API.
api() {
  local method=$1 url=$2 out=$3 body=${4:-}
  local args=(--silent --show-error --connect-timeout 20 --max-time 60
    -X "$method" -o "$out" -w '%{http_code}'
    -H 'Accept: application/vnd.github+json' -H 'X-GitHub-Api-Version: 2022-11-28' -H @-)
  if [ "$method" = GET ]; then
    args+=(--retry 3 --retry-connrefused)
  fi
  if [ -n "$body" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "@$body")
  fi
  local status
  status=$(
    if [ -n "${GITHUB_TOKEN:-}" ]; then
      printf 'Authorization: Bearer %s\n' "$GITHUB_TOKEN"
    fi | curl "${args[@]}" "$url"
  ) || true
  printf '%s' "${status:-000}"
}

# api_message prints the "message" of a GitHub API error body, if any.
api_message() {
  jq -r 'if type == "object" and (.message | type) == "string" then .message else empty end' "$1" 2>/dev/null | head -c 300 || true
}
