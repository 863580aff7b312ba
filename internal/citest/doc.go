// Package citest holds the harnesses of the CI integrations that are not Go:
// the GitHub Action (action.yml and the scripts of action/) and the
// pre-commit hooks (.pre-commit-hooks.yaml and hooks/). The tests read those
// files as GitHub and pre-commit would, run their scripts with bash against
// a readiness built from this checkout, a fake release and a fake GitHub API
// on loopback, and check what reaches the outputs, the job summary and the
// pull request.
package citest
