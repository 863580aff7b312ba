#!/usr/bin/env bash
# install-terraform.sh BIN_DIR VERSION
#
# Puts Terraform VERSION at BIN_DIR/terraform for the acceptance tests. Release
# downloads are not reachable from every machine this project runs on, so
# Terraform is built from source through the Go module proxy. A matching
# binary already at BIN_DIR, or at $(go env GOPATH)/bin from an earlier
# `go install`, is reused instead of rebuilding (a build takes minutes).
set -euo pipefail

bin_dir=${1:?usage: install-terraform.sh BIN_DIR VERSION}
version=${2:?usage: install-terraform.sh BIN_DIR VERSION}
version=${version#v}
target="$bin_dir/terraform"

# A source build reports "Terraform v1.8.5-dev"; a release "Terraform v1.8.5".
has_version() {
	[[ -x $1 ]] || return 1
	# The whole output, then its first line: under pipefail, `| head -n 1`
	# fails whenever head exits before terraform has written its other
	# lines (SIGPIPE), which made this check fail now and then.
	local out got
	out=$("$1" version 2>/dev/null) || return 1
	got=${out%%$'\n'*}
	[[ $got == "Terraform v$version" || $got == "Terraform v$version-dev" ]]
}

mkdir -p "$bin_dir"

if has_version "$target"; then
	exit 0
fi

gopath_tf="$(go env GOPATH)/bin/terraform"
if has_version "$gopath_tf"; then
	echo "tools: linking Terraform v$version from $gopath_tf"
	ln -sfn "$gopath_tf" "$target"
	exit 0
fi

echo "tools: building Terraform v$version into $bin_dir (takes a few minutes)"
rm -f "$target"
GOBIN="$bin_dir" go install "github.com/hashicorp/terraform@v$version"
has_version "$target" || {
	echo "tools: $target does not report Terraform v$version" >&2
	exit 1
}
