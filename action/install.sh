#!/usr/bin/env bash
# Installs the released readiness CLI for this runner's OS and architecture,
# after checking the archive against the release's SHA256SUMS. Nothing is
# installed when the check fails.
#
# Environment (action.yml's install step):
#   READINESS_VERSION       a release (1.4.0 or v1.4.0), or latest
#   READINESS_DOWNLOAD_URL  where releases are, one directory per tag
#   GITHUB_TOKEN            optional: raises the API's rate limit for latest
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_API_URL, GITHUB_OUTPUT,
#   GITHUB_PATH             set by the runner
# Outputs: version, path (the binary).
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The repository whose releases `latest` means.
release_repo=prodready/terraform-provider-readiness

# Runner names to goreleaser's (.goreleaser.yml: goos, goarch).
case ${RUNNER_OS:-} in
  Linux) os=linux ;;
  macOS) os=darwin ;;
  Windows) os=windows ;;
  *) fail "readiness is released for Linux, macOS and Windows runners; this runner's RUNNER_OS is \"${RUNNER_OS:-}\"" ;;
esac
case ${RUNNER_ARCH:-} in
  X64) arch=amd64 ;;
  ARM64) arch=arm64 ;;
  *) fail "readiness is released for X64 and ARM64 runners; this runner's RUNNER_ARCH is \"${RUNNER_ARCH:-}\"" ;;
esac
exe=readiness
if [ "$os" = windows ]; then
  exe=readiness.exe
fi

work=$(temp_dir install)
trap 'rm -rf "$work"' EXIT

version=${READINESS_VERSION:-latest}
if [ "$version" = latest ]; then
  api_url=${GITHUB_API_URL:-https://api.github.com}
  status=$(api GET "$api_url/repos/$release_repo/releases/latest" "$work/latest.json")
  if [ "$status" != 200 ]; then
    fail "could not find the latest release of $release_repo (GitHub API: HTTP $status $(api_message "$work/latest.json")): give the action a version"
  fi
  version=$(jq -r 'if (.tag_name | type) == "string" then .tag_name else "" end' "$work/latest.json")
fi
if ! [[ $version =~ ^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]; then
  fail "version \"$version\" is not a release of readiness: give one like 1.4.0 or v1.4.0, or latest"
fi
version=${version#v}
tag=v$version

base=${READINESS_DOWNLOAD_URL:-https://github.com/prodready/terraform-provider-readiness/releases/download}
base=${base%/}
archive=readiness_${version}_${os}_${arch}.tar.gz
sums=terraform-provider-readiness_${version}_SHA256SUMS

download() {
  local name=$1
  if ! curl --fail --silent --show-error --location --retry 3 --retry-connrefused \
    --connect-timeout 20 --max-time 300 -o "$work/$name" "$base/$tag/$name"; then
    fail "could not download $base/$tag/$name: is $tag a release of readiness with an archive for ${os}_${arch}?"
  fi
}
download "$sums"
download "$archive"

# The line of SHA256SUMS that names the archive: "HASH  NAME" (or
# "HASH *NAME", binary mode). Terraform reads the same file by name.
want=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/$sums")
case $want in
  "") fail "$sums does not list $archive: nothing installed" ;;
  *$'\n'*) fail "$sums lists $archive more than once: nothing installed" ;;
esac
if ! [[ $want =~ ^[0-9a-f]{64}$ ]]; then
  fail "$sums gives \"$want\" for $archive, which is not a SHA-256: nothing installed"
fi
got=$(sha256_of "$work/$archive")
if [ "$got" != "$want" ]; then
  fail "checksum mismatch: $archive has SHA-256 $got, but $sums says $want: nothing installed"
fi
echo "readiness: $archive matches $sums ($got)"

mkdir "$work/unpacked"
# Relative names: GNU tar (Git Bash) would read C:... as a remote host.
if ! (cd "$work/unpacked" && tar -xzf "../$archive" "$exe"); then
  fail "$archive does not hold $exe: nothing installed"
fi

bin_dir=$(unix_path "${RUNNER_TEMP:-${TMPDIR:-/tmp}}")/readiness/$version/bin
mkdir -p "$bin_dir"
chmod 0755 "$work/unpacked/$exe"
mv -f "$work/unpacked/$exe" "$bin_dir/$exe"
if ! "$bin_dir/$exe" version; then
  rm -f "$bin_dir/$exe"
  fail "$archive's $exe does not run on this runner: nothing installed"
fi

set_output version "$version"
set_output path "$(native_path "$bin_dir/$exe")"
printf '%s\n' "$(native_path "$bin_dir")" >>"$GITHUB_PATH"
