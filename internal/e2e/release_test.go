package e2e

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// releasePlatforms are the platforms .goreleaser.yml releases, each built
// twice (the provider and the CLI).
var releasePlatforms = []string{"linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64", "windows_amd64", "windows_arm64"}

// releaseAllEnv set to 1 (by `make release-check`) makes every release
// platform required rather than skipped when the snapshot did not build it.
const releaseAllEnv = "READINESS_RELEASE_ALL"

// TestReleaseLayout checks the snapshot that goreleaser leaves in dist/: the
// Terraform registry's layout (terraform-provider-readiness_VERSION_OS_ARCH.zip
// holding terraform-provider-readiness_vVERSION, a SHA256SUMS file over the
// zips and the manifest whose hashes match, the manifest itself) and the CLI
// archives holding `readiness`, stamped with the version and commit, listed
// in the same SHA256SUMS (the GitHub Action verifies them there).
//
// `make test` builds this machine's platform only (`make release-snapshot`):
// the other platforms' subtests skip and say so. `make release-check` builds
// every platform and sets READINESS_RELEASE_ALL=1, so each one is required.
func TestReleaseLayout(t *testing.T) {
	dist := filepath.Join("..", "..", "dist")
	metadata, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		t.Skipf("no snapshot in dist/ (%v): `make release-snapshot` builds one, and `make test` runs it", err)
	}
	var meta struct {
		Version string `json:"version"`
		Commit  string `json:"commit"`
	}
	if err := json.Unmarshal(metadata, &meta); err != nil || meta.Version == "" {
		t.Fatalf("dist/metadata.json: version missing (%v)", err)
	}
	v := meta.Version
	all := os.Getenv(releaseAllEnv) == "1"

	built := builtPlatforms(t, dist)
	var builtNames []string
	for p, ids := range built {
		builtNames = append(builtNames, p)
		if !slices.Contains(releasePlatforms, p) {
			t.Errorf("the snapshot built %s, which is not a release platform %v", p, releasePlatforms)
		}
		sort.Strings(ids)
		if !slices.Equal(ids, []string{"cli", "provider"}) {
			t.Errorf("%s was built by %v, want both builds [cli provider]", p, ids)
		}
	}
	sort.Strings(builtNames)
	if len(built) == 0 {
		t.Fatal("dist/artifacts.json lists no binary: the snapshot built nothing")
	}

	sums := readSums(t, filepath.Join(dist, "terraform-provider-readiness_"+v+"_SHA256SUMS"))
	manifest := "terraform-provider-readiness_" + v + "_manifest.json"
	for name, sum := range sums {
		path := filepath.Join(dist, name)
		switch {
		case name == manifest:
			// goreleaser hashes the manifest where it is, under the
			// release's name: it is not copied into dist/.
			path = filepath.Join("..", "..", "terraform-registry-manifest.json")
		case strings.HasPrefix(name, "terraform-provider-readiness_"+v+"_") && strings.HasSuffix(name, ".zip"),
			strings.HasPrefix(name, "readiness_"+v+"_") && strings.HasSuffix(name, ".tar.gz"):
			p := strings.TrimSuffix(strings.TrimSuffix(name, ".zip"), ".tar.gz")
			p = strings.TrimPrefix(strings.TrimPrefix(p, "terraform-provider-readiness_"+v+"_"), "readiness_"+v+"_")
			if _, ok := built[p]; !ok {
				t.Errorf("SHA256SUMS lists %s, but the snapshot did not build %s", name, p)
				continue
			}
		default:
			t.Errorf("SHA256SUMS lists %s: the checksum file covers the provider zips, the manifest and the CLI archives only", name)
			continue
		}
		if got := fileSHA256(t, path); got != "" && got != sum {
			t.Errorf("SHA256SUMS gives %s for %s, the file's SHA-256 is %s", sum, name, got)
		}
	}
	if _, ok := sums[manifest]; !ok {
		t.Errorf("SHA256SUMS does not list %s", manifest)
	}

	for _, p := range releasePlatforms {
		t.Run(p, func(t *testing.T) {
			if _, ok := built[p]; !ok {
				if all {
					t.Fatalf("the snapshot did not build %s (built: %v); %s=1 requires every release platform", p, builtNames, releaseAllEnv)
				}
				t.Skipf("not built by this snapshot (built: %v): `make test` builds this machine's platform only; `make release-check` builds and checks every platform", builtNames)
			}
			exe := ""
			if strings.HasPrefix(p, "windows") {
				exe = ".exe"
			}
			name := "terraform-provider-readiness_" + v + "_" + p + ".zip"
			if _, ok := sums[name]; !ok {
				t.Errorf("SHA256SUMS does not list %s", name)
			}
			binary := "terraform-provider-readiness_v" + v + exe
			if !zipHolds(t, filepath.Join(dist, name), binary) {
				t.Errorf("%s does not hold %s", name, binary)
			}

			cli := "readiness_" + v + "_" + p + ".tar.gz"
			if _, ok := sums[cli]; !ok {
				t.Errorf("SHA256SUMS does not list %s: the GitHub Action cannot verify it", cli)
			}
			cliPath := filepath.Join(dist, cli)
			if !tarHolds(t, cliPath, "readiness"+exe) {
				t.Errorf("%s does not hold %s", cli, "readiness"+exe)
			}

			// The CLI built for this machine runs: its version and commit
			// come from the ldflags in .goreleaser.yml, which name
			// internal/cli's variables by import path.
			if p != runtime.GOOS+"_"+runtime.GOARCH || t.Failed() {
				return
			}
			bin := filepath.Join(t.TempDir(), "readiness"+exe)
			extractTarFile(t, cliPath, "readiness"+exe, bin)
			out, err := exec.Command(bin, "version").CombinedOutput()
			if err != nil {
				t.Fatalf("%s version: %v\n%s", cli, err, out)
			}
			// goreleaser stamps its short commit, or "none" where it
			// could not read git; metadata.json holds the full one.
			m := regexp.MustCompile(`^readiness (\S+) \(commit (\S+)\)\n$`).FindStringSubmatch(string(out))
			if m == nil || m[1] != v || !strings.HasPrefix(meta.Commit, m[2]) {
				t.Errorf("%s version printed %q, want \"readiness %s (commit <prefix of %s>)\"", cli, out, v, meta.Commit)
			}
		})
	}
}

// builtPlatforms reads dist/artifacts.json: for each OS_ARCH a binary was
// built for, the ids of the builds that built it.
func builtPlatforms(t *testing.T, dist string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dist, "artifacts.json"))
	if err != nil {
		t.Fatalf("dist/metadata.json is there but not the artifact list (%v): rerun the snapshot", err)
	}
	var artifacts []struct {
		Type   string `json:"type"`
		Goos   string `json:"goos"`
		Goarch string `json:"goarch"`
		Extra  struct {
			ID string `json:"ID"`
		} `json:"extra"`
	}
	if err := json.Unmarshal(data, &artifacts); err != nil {
		t.Fatalf("dist/artifacts.json: %v", err)
	}
	built := map[string][]string{}
	for _, a := range artifacts {
		if a.Type == "Binary" {
			p := a.Goos + "_" + a.Goarch
			built[p] = append(built[p], a.Extra.ID)
		}
	}
	return built
}

// readSums reads a SHA256SUMS file: file name to hex digest.
func readSums(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	line := regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Errorf("SHA256SUMS line %q is not `HASH  FILE`", sc.Text())
			continue
		}
		sums[m[2]] = m[1]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sums
}

func fileSHA256(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Errorf("%v", err)
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Errorf("%s: %v", path, err)
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

func zipHolds(t *testing.T, path, name string) bool {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Errorf("%v", err)
		return false
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name == name {
			return true
		}
	}
	return false
}

func tarHolds(t *testing.T, path, name string) bool {
	t.Helper()
	return readTarFile(t, path, name, nil)
}

// extractTarFile writes the archive's member name to dst, executable.
func extractTarFile(t *testing.T, path, name, dst string) {
	t.Helper()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	found := readTarFile(t, path, name, out)
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%s does not hold %s", path, name)
	}
}

// readTarFile reports whether the gzipped tar at path holds name, copying
// its content to w when w is not nil.
func readTarFile(t *testing.T, path, name string, w io.Writer) bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Errorf("%v", err)
		return false
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return false
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err != nil {
			return false
		}
		if h.Name != name {
			continue
		}
		if w != nil {
			if _, err := io.Copy(w, tr); err != nil {
				t.Fatalf("%s: %s: %v", path, name, err)
			}
		}
		return true
	}
}
