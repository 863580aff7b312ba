#!/usr/bin/env bash
# pre-commit hook readiness-plan: scans the committed plan JSON files it is
# given, in one `readiness scan [OPTIONS] -- PLAN...`; passes without
# running readiness when none is left (deleted files are passed over).
set -euo pipefail
# shellcheck source=hooks/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

split_arguments "$@"
plans=()
for file in ${files[@]+"${files[@]}"}; do
  if [ -f "$file" ]; then
    plans+=("$file")
  fi
done
if [ ${#plans[@]} -eq 0 ]; then
  exit 0
fi

readiness=$(find_readiness readiness-plan)
exec "$readiness" scan ${options[@]+"${options[@]}"} -- "${plans[@]}"
