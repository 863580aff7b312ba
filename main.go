// Command readiness is one binary with two faces: the readiness CLI, and the
// readiness Terraform provider when Terraform launches it as a plugin.
package main

// The catalogue's pages (docs/checks/, docs/checklist.md) come from the
// checks' metadata.
//go:generate go run ./internal/docgen/cmd/gendocs

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/prodready/terraform-provider-readiness/internal/cli"
	"github.com/prodready/terraform-provider-readiness/provider"
)

// version is set by GoReleaser, as is internal/cli.Version:
//
//	-X main.version={{.Version}}
var version = "dev"

// providerAddress is the provider's source address in the Terraform registry.
const providerAddress = "registry.terraform.io/prodready/readiness"

// pluginCookieEnv is set by Terraform (go-plugin's handshake) whenever it
// launches a provider, and never by a person running the CLI.
const pluginCookieEnv = "TF_PLUGIN_MAGIC_COOKIE"

func main() {
	// `readiness -debug` serves the provider for a debugger, as the framework's
	// template does; it prints the TF_REATTACH_PROVIDERS value to use.
	debug := len(os.Args) == 2 && os.Args[1] == "-debug"
	if !debug && os.Getenv(pluginCookieEnv) == "" {
		exit := cli.HandleSignals(os.Stderr, os.Exit)
		exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: providerAddress,
		Debug:   debug,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "serve provider: %v\n", err)
		os.Exit(1)
	}
}
