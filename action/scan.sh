#!/usr/bin/env bash
# Scans the plans with the installed readiness: GitHub annotations on the
# log, and the JSON, Markdown and SARIF reports in a directory of their own.
# A not-ready verdict (exit 2) is recorded, not raised: the summary, the
# SARIF upload and the comment come first, and the verdict step fails the
# job. A scan that could not judge (exit 1) stops here.
#
# Environment (action.yml's scan step):
#   READINESS_BIN         the binary (the install step's path)
#   READINESS_PLAN        plan JSON or binary plan files, one per line
#   READINESS_FAIL_ON, READINESS_GATE, READINESS_CONFIG, READINESS_CONFIG_DIR
#                         scan's --fail-on, --gate, --config, --config-dir
#                         when not empty
#   READINESS_ARGS        more arguments for readiness scan, one per line
# Outputs: ready, score, failures, exit-code, json, markdown, sarif.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bin=$(unix_path "${READINESS_BIN:?the install step gives the binary}")

# split_lines TEXT prints TEXT's non-blank lines, trimmed, each ended by
# NUL.
split_lines() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then
      printf '%s\0' "$line"
    fi
  done <<<"$1"
}

plans=()
while IFS= read -r -d '' plan; do
  plans+=("$plan")
done < <(split_lines "${READINESS_PLAN:-}")
if [ ${#plans[@]} -eq 0 ]; then
  fail "no plan to scan: give the action's plan input a plan JSON or binary plan file"
fi

out=$(temp_dir report)
json=$out/readiness.json
markdown=$out/readiness.md
sarif=$out/readiness.sarif
args=(scan --format github --format "json=$json" --format "markdown=$markdown" --format "sarif=$sarif")
if [ -n "${READINESS_FAIL_ON:-}" ]; then args+=(--fail-on "$READINESS_FAIL_ON"); fi
if [ -n "${READINESS_GATE:-}" ]; then args+=(--gate "$READINESS_GATE"); fi
if [ -n "${READINESS_CONFIG:-}" ]; then args+=(--config "$READINESS_CONFIG"); fi
if [ -n "${READINESS_CONFIG_DIR:-}" ]; then args+=(--config-dir "$READINESS_CONFIG_DIR"); fi
while IFS= read -r -d '' arg; do
  args+=("$arg")
done < <(split_lines "${READINESS_ARGS:-}")
args+=(-- "${plans[@]}")

set +e
"$bin" "${args[@]}"
code=$?
set -e
case $code in
  0 | 2) ;;
  *) fail "readiness could not judge the plan (exit $code): the error is above; no report was written" ;;
esac

# The verdict and counts, from the JSON report (docs/scan.md): a boolean
# and two numbers, so no plan text reaches the outputs.
ready=$(jq -r '.summary.ready | if type == "boolean" then tostring else error("summary.ready is not a boolean") end' "$json")
score=$(jq -r '.summary.score | if type == "number" then floor | tostring else error("summary.score is not a number") end' "$json")
failures=$(jq -r '.summary.fail | if type == "number" then floor | tostring else error("summary.fail is not a number") end' "$json")

set_output ready "$ready"
set_output score "$score"
set_output failures "$failures"
set_output exit-code "$code"
set_output json "$(native_path "$json")"
set_output markdown "$(native_path "$markdown")"
set_output sarif "$(native_path "$sarif")"
if [ "$ready" = true ]; then
  echo "readiness: ready, score $score/100, $failures failures (none blocking)"
else
  echo "readiness: not ready, score $score/100, $failures failures"
fi
