package runtask

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// guard keeps the server from being turned against other hosts (SSRF): a
// request names the URLs it wants fetched and patched, and only those under
// the HCP address are.
//
// The plan download is the one exception, and only as a redirect: HCP
// Terraform answers the plan's JSON API URL with a 307 to a pre-signed,
// short-lived URL on its archivist. That URL carries its own authorisation,
// so it never receives the run's token, and it must be on a host the
// operator trusts:
//
//   - the HCP address's own host and port (Terraform Enterprise serves its
//     archivist there, under /_archivist),
//   - for HCP Terraform (app.terraform.io, app.REGION.terraform.io), the
//     archivist beside it (archivist.terraform.io, archivist.REGION.terraform.io),
//   - a host named by --download-host.
//
// Every URL must use the HCP address's scheme (https for a redirect unless the
// address itself is plain http, which only suits tests) and carry no user
// information.
type guard struct {
	base      *url.URL
	host      string // lower case, without brackets
	port      string // explicit, or the scheme's default
	prefix    string // the address's path, without a trailing slash
	archivist string // HCP Terraform's archivist host, or ""
	downloads map[string]bool
}

func newGuard(address string, downloadHosts []string) (*guard, error) {
	u, err := url.Parse(address)
	if err != nil {
		return nil, fmt.Errorf("HCP address %q: %w", address, err)
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, fmt.Errorf("HCP address %q: want an https:// URL", address)
	case u.Host == "" || u.Hostname() == "":
		return nil, fmt.Errorf("HCP address %q: no host", address)
	case u.User != nil:
		return nil, fmt.Errorf("HCP address %q: user information is not allowed", address)
	case u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("HCP address %q: a query or fragment is not allowed", address)
	case hasDotSegment(u.Path):
		return nil, fmt.Errorf("HCP address %q: the path holds . or .. segments", address)
	}
	g := &guard{
		base:      u,
		host:      strings.ToLower(u.Hostname()),
		port:      portOf(u),
		prefix:    strings.TrimRight(u.Path, "/"),
		downloads: map[string]bool{},
	}
	if region, ok := strings.CutPrefix(g.host, "app."); ok && (region == "terraform.io" || strings.HasSuffix(region, ".terraform.io")) {
		g.archivist = "archivist." + region
	}
	for _, h := range downloadHosts {
		key, err := hostKey(h, u.Scheme)
		if err != nil {
			return nil, err
		}
		g.downloads[key] = true
	}
	return g, nil
}

// hostKey is host:port in lower case, the port the scheme's default when h
// has none.
func hostKey(h, scheme string) (string, error) {
	h = strings.ToLower(strings.TrimSpace(h))
	if h == "" || strings.ContainsAny(h, "/@?#") {
		return "", fmt.Errorf("download host %q: want a host name, optionally with :port", h)
	}
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = strings.Trim(h, "[]"), defaultPort(scheme)
	}
	return net.JoinHostPort(host, port), nil
}

var (
	errForeignURL = errors.New("not under the HCP address")
	errUserInfo   = errors.New("user information is not allowed")
)

// api checks a URL of the request (the plan's JSON API URL, the callback
// URL): it must be under the HCP address.
func (g *guard) api(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Opaque != "" {
		return nil, errors.New("not an absolute URL")
	}
	switch {
	case u.User != nil:
		return nil, errUserInfo
	case u.Scheme != g.base.Scheme, strings.ToLower(u.Hostname()) != g.host, portOf(u) != g.port:
		return nil, errForeignURL
	case hasDotSegment(u.Path):
		return nil, errors.New("the path holds . or .. segments")
	case !underPrefix(u.Path, g.prefix) || !underPrefix(u.EscapedPath(), g.prefix):
		return nil, errForeignURL
	}
	return u, nil
}

// download checks the target of the plan's redirect.
func (g *guard) download(u *url.URL) error {
	if u.User != nil {
		return errUserInfo
	}
	if u.Scheme != "https" && (u.Scheme != "http" || g.base.Scheme != "http") {
		return fmt.Errorf("scheme %q is not allowed", u.Scheme)
	}
	host, port := strings.ToLower(u.Hostname()), portOf(u)
	switch {
	case host == "":
		return errors.New("no host")
	case host == g.host && port == g.port && u.Scheme == g.base.Scheme:
		return nil
	case host == g.archivist && u.Scheme == "https" && port == "443":
		return nil
	case g.downloads[net.JoinHostPort(host, port)]:
		return nil
	}
	return fmt.Errorf("host %s is neither the HCP address's nor a --download-host", net.JoinHostPort(host, port))
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	return defaultPort(u.Scheme)
}

func defaultPort(scheme string) string {
	if scheme == "http" {
		return "80"
	}
	return "443"
}

// underPrefix reports whether path is prefix itself or below it.
func underPrefix(path, prefix string) bool {
	if prefix == "" {
		return true
	}
	rest, ok := strings.CutPrefix(path, prefix)
	return ok && (rest == "" || rest[0] == '/')
}

func hasDotSegment(path string) bool {
	for _, seg := range strings.Split(path, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// checkDetailsURL checks the --details-url.
func checkDetailsURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("details URL %q: want an absolute http(s) URL", raw)
	}
	return nil
}
