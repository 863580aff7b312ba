#!/bin/sh
# Regenerates plan.json from a real Terraform run, offline: before/main.tf is
# applied to a local state, then main.tf is planned against that state and
# the saved plan is shown as JSON. terraform_data is built into Terraform, so
# init installs nothing and nothing is downloaded. plan.json is Terraform's
# output as written: nothing is edited (its timestamp and the resources'
# random ids change on every run).
#
#   checks/testdata/change/terraform_data/generate.sh [path/to/terraform]
#
# The pinned binary is .tools/bin/terraform (make tools); it reports itself
# as 1.8.5-dev, built from the v1.8.5 source.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
terraform=${1:-$root/.tools/bin/terraform}
[ -x "$terraform" ] || { echo "no terraform at $terraform: run make tools" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# No network and nothing from the machine: no version check, a CLI
# configuration of our own (the machine's may name a missing file or a
# provider mirror), the data directory and the state in the scratch dir.
: >"$work/cli.tfrc"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 NO_COLOR=1
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_DATA_DIR="$work/.terraform"
unset TF_WORKSPACE TF_CLI_ARGS TF_CLI_ARGS_init TF_CLI_ARGS_plan TF_CLI_ARGS_apply TF_CLI_ARGS_show 2>/dev/null || true

"$terraform" version | head -n 1 | grep -q '^Terraform v1\.8\.5' ||
	{ echo "$terraform is not Terraform 1.8.5" >&2; exit 1; }

mkdir "$work/config"
cp "$here/before/main.tf" "$work/config/main.tf"
cd "$work/config"
"$terraform" init -input=false -no-color >/dev/null
"$terraform" apply -input=false -no-color -auto-approve >/dev/null

cp "$here/main.tf" "$work/config/main.tf"
"$terraform" plan -input=false -no-color -out="$work/tfplan" >/dev/null
"$terraform" show -json "$work/tfplan" >"$work/plan.json"
mv "$work/plan.json" "$here/plan.json"
echo "wrote $here/plan.json"
