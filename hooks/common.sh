# shellcheck shell=bash
# Shared by the pre-commit hooks (sourced, not run). Works with bash 3.2
# (macOS's /bin/bash): no associative arrays, no namerefs.

# split_arguments ARG... sorts pre-commit's command line (the hook's args,
# then the file names) into the arrays options and files: an argument that
# starts with - is an option for readiness scan, so options that take a
# value are written --flag=value; everything after -- is a file.
split_arguments() {
  options=()
  files=()
  local ended=false arg
  for arg in "$@"; do
    if ! $ended && [ "$arg" = -- ]; then
      ended=true
    elif ! $ended && [ "${arg#-}" != "$arg" ]; then
      options+=("$arg")
    else
      files+=("$arg")
    fi
  done
}

# find_readiness prints the readiness CLI to run: $READINESS_BIN, readiness
# on PATH, or terraform-provider-readiness on PATH (what `go install` names
# the same binary; it is the CLI when Terraform did not start it).
find_readiness() {
  if [ -n "${READINESS_BIN:-}" ]; then
    printf '%s' "$READINESS_BIN"
  elif command -v readiness >/dev/null 2>&1; then
    command -v readiness
  elif command -v terraform-provider-readiness >/dev/null 2>&1; then
    command -v terraform-provider-readiness
  else
    echo "$1: the readiness CLI is not on PATH: install a release (https://github.com/prodready/terraform-provider-readiness/releases) or go install github.com/prodready/terraform-provider-readiness@latest, or set READINESS_BIN" >&2
    return 1
  fi
}
