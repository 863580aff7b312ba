#!/usr/bin/env bash
# Adds the Markdown report to the job's summary page.
#
# Environment (action.yml's summary step):
#   READINESS_MARKDOWN   the report (the scan step's markdown output)
#   GITHUB_STEP_SUMMARY  set by the runner
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

markdown=$(unix_path "${READINESS_MARKDOWN:?the scan step gives the Markdown report}")
if [ -z "${GITHUB_STEP_SUMMARY:-}" ]; then
  notice "no GITHUB_STEP_SUMMARY: the job summary is left out"
  exit 0
fi
# The report is at most 64 KiB (readiness cuts it for a comment); the
# runner takes 1 MiB per step.
cat "$markdown" >>"$GITHUB_STEP_SUMMARY"
