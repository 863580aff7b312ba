#!/usr/bin/env bash
# pre-commit hook readiness-config: scans the directory of each changed
# Terraform file (.tf, .tf.json, .tfvars), each directory once, in one
# `readiness scan [OPTIONS] -- DIR...`. Files of other kinds, directories that
# are gone and directories without .tf files are passed over; with nothing
# left the hook passes without running readiness.
set -euo pipefail
# shellcheck source=hooks/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

split_arguments "$@"
dirs=()
for file in ${files[@]+"${files[@]}"}; do
  case $file in
    *.tf | *.tf.json | *.tfvars) ;;
    *) continue ;;
  esac
  case $file in
    */*) dir=${file%/*} ;;
    *) dir=. ;;
  esac
  if [ -z "$dir" ]; then
    dir=/
  fi
  [ -d "$dir" ] || continue
  if ! compgen -G "$dir/*.tf" >/dev/null && ! compgen -G "$dir/*.tf.json" >/dev/null; then
    continue
  fi
  seen=false
  for d in ${dirs[@]+"${dirs[@]}"}; do
    if [ "$d" = "$dir" ]; then
      seen=true
      break
    fi
  done
  $seen || dirs+=("$dir")
done
if [ ${#dirs[@]} -eq 0 ]; then
  exit 0
fi

readiness=$(find_readiness readiness-config)
exec "$readiness" scan ${options[@]+"${options[@]}"} -- "${dirs[@]}"
