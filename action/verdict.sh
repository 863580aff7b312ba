#!/usr/bin/env bash
# Fails the job when the plan is not ready (exit 2), after the reports and
# the comment are written.
#
# Environment (action.yml's verdict step), from the scan step's outputs:
#   READINESS_EXIT_CODE, READINESS_SCORE, READINESS_FAILURES
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

code=${READINESS_EXIT_CODE:-}
score=${READINESS_SCORE:-}
failures=${READINESS_FAILURES:-}
case $code in
  0)
    echo "readiness: ready (score $score/100)"
    ;;
  2)
    printf '::error title=readiness::%s\n' "$(gh_data "not ready (score $score/100, $failures failures): the job summary and the pull-request comment list the blocking ones")"
    exit 2
    ;;
  *)
    fail "no verdict: the scan step's exit code is \"$code\""
    ;;
esac
