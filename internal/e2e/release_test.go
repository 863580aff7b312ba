package e2e

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReleaseLayout checks the snapshot that `make release-snapshot`
// (run by `make test`) leaves in dist/: the Terraform registry's layout
// (terraform-provider-readiness_VERSION_OS_ARCH.zip holding
// terraform-provider-readiness_vVERSION, a SHA256SUMS file over the zips and
// the manifest, the manifest itself) and the CLI archives holding
// `readiness`.
func TestReleaseLayout(t *testing.T) {
	dist := filepath.Join("..", "..", "dist")
	metadata, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		t.Skipf("no snapshot in dist/ (%v): `make release-snapshot` builds one, and `make test` runs it", err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(metadata, &meta); err != nil || meta.Version == "" {
		t.Fatalf("dist/metadata.json: version missing (%v)", err)
	}
	v := meta.Version
	platforms := []string{"linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64", "windows_amd64", "windows_arm64"}

	sums := map[string]bool{}
	f, err := os.Open(filepath.Join(dist, "terraform-provider-readiness_"+v+"_SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := regexp.MustCompile(`^[0-9a-f]{64}  (\S+)$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Errorf("SHA256SUMS line %q is not `HASH  FILE`", sc.Text())
			continue
		}
		sums[m[1]] = true
	}

	manifest := "terraform-provider-readiness_" + v + "_manifest.json"
	if !sums[manifest] {
		t.Errorf("SHA256SUMS does not list %s", manifest)
	}
	for _, p := range platforms {
		name := "terraform-provider-readiness_" + v + "_" + p + ".zip"
		if !sums[name] {
			t.Errorf("SHA256SUMS does not list %s", name)
		}
		binary := "terraform-provider-readiness_v" + v
		if strings.HasPrefix(p, "windows") {
			binary += ".exe"
		}
		zr, err := zip.OpenReader(filepath.Join(dist, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		found := false
		for _, zf := range zr.File {
			found = found || zf.Name == binary
		}
		zr.Close()
		if !found {
			t.Errorf("%s does not hold %s", name, binary)
		}

		cli := "readiness_" + v + "_" + p + ".tar.gz"
		if sums[cli] {
			t.Errorf("SHA256SUMS lists the CLI archive %s: the registry's checksum file must cover provider zips only", cli)
		}
		want := "readiness"
		if strings.HasPrefix(p, "windows") {
			want += ".exe"
		}
		if !tarHolds(t, filepath.Join(dist, cli), want) {
			t.Errorf("%s does not hold %s", cli, want)
		}
	}
}

func tarHolds(t *testing.T, path, name string) bool {
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
		if h.Name == name {
			return true
		}
	}
}
