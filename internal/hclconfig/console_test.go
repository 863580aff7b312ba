package hclconfig

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// consoleSame are expressions this reader must evaluate exactly as
// Terraform 1.8 does: to the same value (compared as jsonencode's text),
// or, where Terraform's is unknown, to unknown. Every function of
// Terraform 1.8's language that the console evaluates is here, but the
// impure ones (consoleUnknown).
var consoleSame = []string{
	// The shapes of the false pass and of rds-aurora's try(coalesce(...)).
	`try(lookup(var.db, "publicly_accessible"), false)`,
	`try(lookup(var.db, "missing"), false)`,
	`lookup(var.db, "missing", "default")`,
	`lookup({a = 1, b = 2}, "b")`,
	`lookup(tomap({a = "x"}), "z", "d")`,
	`try(coalesce(var.instance_class, "db.r6g.large"), null)`,
	`try(coalesce(var.port, 5432), null)`,
	`coalesce("", "b")`,
	`coalesce(1, "2")`,
	`try(coalesce(null, ""), "none")`,
	`coalescelist([], ["a"], ["b"])`,
	`one([])`,
	`one(["x"])`,
	`one(toset(["x"]))`,
	`try(one([1, 2]), "many")`,
	`alltrue([true, "true"])`,
	`alltrue([])`,
	`alltrue([true, false])`,
	`anytrue([false, true])`,
	`anytrue([])`,
	`sum([1, 2, 3.5])`,
	`try(sum([]), "empty")`,
	`startswith("db.r6g.large", "db.")`,
	`endswith("main.tf", ".json")`,
	`strcontains("hello", "ell")`,
	`index(["a", "b"], "b")`,
	`try(index(["a"], "z"), -1)`,
	`matchkeys(["i-1", "i-2", "i-3"], ["us-a", "us-b", "us-a"], ["us-a"])`,
	`transpose({a = ["1", "2"], b = ["2", "3"]})`,
	`zipmap(["a", "b"], [1, 2])`,
	`values({b = 1, a = 2})`,
	`keys({b = 1, a = 2})`,
	`merge({a = 1, c = 1}, {b = 2}, {a = 3})`,
	`flatten([[1, [2]], [], [3]])`,
	`concat([1], [2, 3])`,
	`contains(["a", "b"], "b")`,
	`distinct([1, 2, 1, 3])`,
	`element(["a", "b", "c"], 4)`,
	`chunklist([1, 2, 3, 4, 5], 2)`,
	`compact(["a", "", null, "b"])`,
	`length("héllo")`,
	`length({a = 1, b = 2})`,
	`range(1, 10, 3)`,
	`reverse([1, 2, 3])`,
	`setintersection(["a", "b"], ["b", "c"])`,
	`setproduct(["a", "b"], [1, 2])`,
	`setsubtract(["a", "b"], ["a"])`,
	`setunion(["a"], ["b"])`,
	`slice(["a", "b", "c"], 1, 3)`,
	`sort(["b", "a", "c"])`,
	// Type conversions, maps and objects.
	`tolist(toset(["b", "a"]))`,
	`tomap({a = 1, b = "x"})`,
	`toset([1, 1, 2])`,
	`tostring(1.5)`,
	`tonumber("1.5")`,
	`tobool("true")`,
	`try(tobool("yes"), "not a bool")`,
	`{a = 1} == tomap({a = 1})`,
	`merge({a = 1}, tomap({b = "2"}))`,
	`{a = null, b = [null]}`,
	`null == null`,
	`try({a = 1}.b, "no attribute")`,
	`can({a = 1}.b)`,
	`can(1)`,
	// Strings and templates.
	`chomp("a\n\n")`,
	`format("%s-%03d-%.2f-%q", "x", 7, 3.14159, "y")`,
	`formatlist("%s=%d", ["a", "b"], [1, 2])`,
	`indent(2, "a\nb\n")`,
	`join(",", ["a", "b"])`,
	`lower("ÀB")`,
	`upper("àb")`,
	`title("hello world")`,
	`replace("a-b-c", "-", "_")`,
	`replace("a1b22", "/[0-9]+/", "#")`,
	`split(",", "a,b,,c")`,
	`strrev("abc")`,
	`substr("hello", 1, 3)`,
	`trim("?!hi?!", "!?")`,
	`trimprefix("helloworld", "hello")`,
	`trimsuffix("helloworld", "world")`,
	`trimspace("  x \n")`,
	`regex("[a-z]+", "123abc456")`,
	`regex("(\\d+)-(?P<to>\\d+)", "10-20")`,
	`regexall("[0-9]", "a1b2")`,
	`"${1 + 1}-${var.db.publicly_accessible}"`,
	`"%{for x in ["a", "b"]}${x},%{endfor}"`,
	`"%{if var.port == null}no port%{else}port%{endif}"`,
	`<<-EOT
    indented ${upper("x")}
      more
  EOT`,
	`try(element(["a"], -1), "negative index")`,
	`substr("hello", -3, -1)`,
	`strrev("e\u0301a")`,
	`split("", "abc")`,
	`regexall("(?P<k>[a-z])=(?P<v>\\d)", "a=1 b=2")`,
	`format("%v|%#v|%5.1f", [1, "a"], {a = 1}, 3.14159)`,
	`try(csvdecode("a,b\n1\n"), "ragged")`,
	`sort([10, 9, 1])`,
	`contains([1, 2], "1")`,
	`distinct(["a", "A", "a"])`,
	`flatten([toset(["b", "a"]), tolist(["c"])])`,
	`merge(null, {a = 1})`,
	// Numbers.
	`abs(-3)`,
	`ceil(1.2)`,
	`floor(-1.5)`,
	`log(16, 2)`,
	`max(1, 5, 3)`,
	`min(1, 5)`,
	`parseint("ff", 16)`,
	`pow(2, 10)`,
	`signum(-2)`,
	`0.1 + 0.2`,
	`1 / 3`,
	`10 % 3`,
	`9007199254740993`,
	`1e300 * 1e10`,
	`tonumber("0x10")`,
	`parseint("-101", 2)`,
	`floor(2.5e20)`,
	`3 / 0 > 1e308`,
	`jsonencode(1.25e-7)`,
	// Encodings and hashes.
	`base64encode("héllo")`,
	`base64decode("aGVsbG8=")`,
	`try(base64decode("!!"), "bad base64")`,
	`base64gzip("hello")`,
	`base64sha256("x")`,
	`base64sha512("x")`,
	`md5("x")`,
	`sha1("x")`,
	`sha256("x")`,
	`sha512("x")`,
	`textencodebase64("héllo", "UTF-16LE")`,
	`textdecodebase64("aADpAA==", "UTF-16LE")`,
	`try(textencodebase64("x", "no-such-encoding"), "bad encoding")`,
	`urlencode("a b&c/d?é")`,
	`uuidv5("dns", "example.com")`,
	`uuidv5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "x")`,
	`jsondecode("{\"a\": [1, 2.5, null]}")`,
	`jsonencode({b = 1, a = [true, null]})`,
	`yamldecode("a: 1\nb: [x, \"y\"]\nc: null\n")`,
	`yamlencode({a = 1, b = ["x"]})`,
	`csvdecode("a,b\n1,2\n")`,
	`rsadecrypt(local.ciphertext, local.private_key)`,
	// IP networks.
	`cidrhost("10.12.112.0/20", 16)`,
	`cidrhost("10.12.112.0/20", -1)`,
	`cidrhost("010.0.0.0/8", 2)`,
	`cidrnetmask("172.16.0.0/12")`,
	`cidrsubnet("10.0.0.0/16", 8, 2)`,
	`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`,
	`cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`,
	`try(cidrsubnet("10.0.0.0/30", 4, 1), "too long")`,
	// Dates.
	`formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z")`,
	`timeadd("2017-11-22T00:00:00Z", "10m")`,
	`timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00+01:00")`,
	// Paths and files inside the module.
	`basename("a/b/c.txt")`,
	`dirname("a/b/c.txt")`,
	`abspath("sub/../x")`,
	`pathexpand("/abs/path")`,
	`file("files/a.txt")`,
	`file("${path.module}/files/a.txt")`,
	`file("${path.cwd}/files/a.txt")`,
	`try(file("files/none.txt"), "missing")`,
	`fileexists("files/a.txt")`,
	`fileexists("files/none.txt")`,
	`fileset(path.module, "files/*.txt")`,
	`fileset("files", "**")`,
	`filebase64("files/a.txt")`,
	`filemd5("files/a.txt")`,
	`filesha1("files/a.txt")`,
	`filesha256("files/a.txt")`,
	`filesha512("files/a.txt")`,
	`filebase64sha256("files/a.txt")`,
	`filebase64sha512("files/a.txt")`,
	`templatefile("tmpl/t.tftpl", {name = "x", items = ["a", "b"]})`,
	`try(templatefile("tmpl/t.tftpl", {}), "missing vars")`,
	`templatefile("tmpl/raw.tftpl", {items = ["a", "b"]})`,
	`try(templatefile("tmpl/recursive.tftpl", {}), "recursive")`,
	`yamldecode(file("files/m.yaml"))`,
	`jsondecode(file("files/p.json"))`,
	// Sensitive values, core:: names.
	`issensitive(sensitive("x"))`,
	`issensitive("x")`,
	`nonsensitive(sensitive("x"))`,
	`core::upper("x")`,
	// Unknown values: unknown in Terraform, unknown here, try or no try.
	`terraform_data.unknown.output`,
	`try(terraform_data.unknown.output, "fallback")`,
	`can(terraform_data.unknown.output)`,
	`try(lookup(terraform_data.unknown.output, "a"), false)`,
	`lookup({a = terraform_data.unknown.output}, "a", "d")`,
	`coalesce(terraform_data.unknown.output, "x")`,
	`length([terraform_data.unknown.output, 1])`,
	`[for s in ["a", "b"] : upper(s)]`,
	`{for k, v in {a = 1, b = 2} : k => v * 2 if v > 1}`,
	`[for i, v in ["x", "y"] : "${i}:${v}"]`,
	`[{n = 1}, {n = 2}][*].n`,
	`var.db.publicly_accessible ? "public" : "private"`,
}

// consoleUnknown are expressions Terraform's console evaluates but whose
// value this reader cannot know: impure functions, files outside the
// module, functions it lacks. They must be unknown here, try() and can()
// included, never the fallback.
var consoleUnknown = []string{
	`timestamp()`,
	`uuid()`,
	`bcrypt("x")`,
	`try(timestamp(), "fallback")`,
	`can(uuid())`,
	`file("../outside.txt")`,
	`file("${path.module}/../outside.txt")`,
	`file(local.outside_abs)`,
	`file("link.txt")`,
	`try(file("../outside.txt"), "fallback")`,
	`can(file("link.txt"))`,
	`fileexists("../outside.txt")`,
	`filemd5("link.txt")`,
	`fileset("..", "*.txt")`,
	`templatefile("../outside.tftpl", {})`,
	`pathexpand("~/x")`,
	`try(provider::aws::arn_parse("arn:aws:s3:::b"), "fallback")`,
	`can(provider::aws::arn_parse("arn:aws:s3:::b"))`,
}

// terraformBinary finds the Terraform the acceptance tests use:
// TF_ACC_TERRAFORM_PATH (make test sets it), else make tools' pinned one.
func terraformBinary(t *testing.T) string {
	t.Helper()
	if tf := os.Getenv("TF_ACC_TERRAFORM_PATH"); tf != "" {
		return tf
	}
	tf, err := filepath.Abs(filepath.Join("..", "..", ".tools", "bin", "terraform"))
	if err == nil {
		if _, err = os.Stat(tf); err == nil {
			return tf
		}
	}
	if os.Getenv("TF_ACC") != "" {
		t.Fatal("TF_ACC is set but there is no Terraform: set TF_ACC_TERRAFORM_PATH (make test does)")
	}
	t.Skip("no Terraform to compare with: make tools installs it in .tools/bin, make test sets TF_ACC_TERRAFORM_PATH")
	return ""
}

// TestConsoleAgrees evaluates every expression with this reader and with
// the real terraform console, in one directory that both read: the
// expressions are locals, which one console line encodes (base64 of
// jsonencode, so that its output parses plainly) and a terraform_data
// resource records for this reader.
func TestConsoleAgrees(t *testing.T) {
	t.Parallel()
	tf := terraformBinary(t)
	dir := consoleFixture(t)

	var locals, record, line strings.Builder
	all := append(append([]string{}, consoleSame...), consoleUnknown...)
	for i, expr := range all {
		name := fmt.Sprintf("e%03d", i)
		fmt.Fprintf(&locals, "  %s = %s\n", name, expr)
		fmt.Fprintf(&record, "    %s = jsonencode(local.%s)\n", name, name)
		fmt.Fprintf(&line, "%s = base64encode(jsonencode(local.%s)), ", name, name)
	}
	write(t, filepath.Join(dir, "exprs.tf"), "locals {\n"+locals.String()+"}\n"+
		"resource \"terraform_data\" \"results\" {\n  input = {\n"+record.String()+"  }\n}\n")

	start := time.Now()
	theirs := console(t, tf, dir, "{ "+line.String()+"}")
	t.Logf("terraform console: %d expressions in %s", len(all), time.Since(start).Round(time.Millisecond))

	start = time.Now()
	r := load(t, dir).Plan.Lookup("terraform_data.results")
	t.Logf("this reader: %d expressions in %s", len(all), time.Since(start).Round(time.Millisecond))
	if r == nil {
		t.Fatal("terraform_data.results is not in the plan")
	}
	for i, expr := range all {
		name := fmt.Sprintf("e%03d", i)
		same := i < len(consoleSame)
		t.Run(expr, func(t *testing.T) {
			t.Parallel()
			want, ok := theirs[name]
			if !ok {
				t.Fatalf("%s: not in the console's output", name)
			}
			got := r.Attr("input", name)
			switch {
			case !same:
				if !got.Unknown {
					t.Errorf("%s = %v here, want unknown (Terraform: %s)", expr, got.Value, want)
				}
			case want == unknownResult:
				if !got.Unknown {
					t.Errorf("%s = %v here, want unknown as in Terraform", expr, got.Value)
				}
			case got.Unknown:
				t.Errorf("%s is unknown here, Terraform says %s", expr, want)
			case got.Value != want:
				t.Errorf("%s = %v here, Terraform says %s", expr, got.Value, want)
			}
		})
	}
}

// unknownResult stands for the console's "(known after apply)".
const unknownResult = "(unknown)"

var consoleLine = regexp.MustCompile(`^\s*"(e\d+)" = (?:"([A-Za-z0-9+/=]*)"|(\(known after apply\)))$`)

// console evaluates one expression, an object of base64-encoded JSON
// texts, with terraform console in dir, and returns its attributes
// decoded.
func console(t *testing.T, tf, dir, expr string) map[string]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cli := filepath.Join(t.TempDir(), "terraformrc")
	write(t, cli, "")
	cmd := exec.CommandContext(ctx, tf, "console", "-no-color")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cli, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	cmd.Stdin = strings.NewReader(expr + "\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("terraform console: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	out := map[string]string{}
	for _, l := range strings.Split(stdout.String(), "\n") {
		m := consoleLine.FindStringSubmatch(l)
		switch {
		case m == nil:
			continue
		case m[3] != "":
			out[m[1]] = unknownResult
		default:
			b, err := base64.StdEncoding.DecodeString(m[2])
			if err != nil {
				t.Fatalf("console output %q: %v", l, err)
			}
			out[m[1]] = string(b)
		}
	}
	return out
}

// consoleFixture writes the module both read, in root/ beside files
// outside it, and returns root.
func consoleFixture(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "root")
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, []byte("decrypted"))
	if err != nil {
		t.Fatal(err)
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	write(t, filepath.Join(top, "outside.txt"), "outside\n")
	write(t, filepath.Join(top, "outside.tftpl"), "outside\n")
	write(t, filepath.Join(dir, "files", "a.txt"), "hello\n")
	write(t, filepath.Join(dir, "files", "b.txt"), "b")
	write(t, filepath.Join(dir, "files", "sub", "c.json"), "{}")
	write(t, filepath.Join(dir, "files", "m.yaml"), "name: web\nports: [80, 443]\ntags:\n  team: a\n")
	write(t, filepath.Join(dir, "files", "p.json"), `{"Version": "2012-10-17", "Statement": []}`)
	write(t, filepath.Join(dir, "tmpl", "raw.tftpl"), "${items}")
	write(t, filepath.Join(dir, "tmpl", "recursive.tftpl"), `${templatefile("tmpl/recursive.tftpl", {})}`)
	write(t, filepath.Join(dir, "tmpl", "t.tftpl"), "Hello ${name}!\n%{ for i in items ~}\n- ${upper(i)}\n%{ endfor ~}\n")
	if err := os.Symlink("sub", filepath.Join(dir, "files", "alias")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "outside.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "main.tf"), fmt.Sprintf(`
variable "db" {
  default = { publicly_accessible = true }
}
variable "instance_class" {
  type    = string
  default = null
}
variable "port" {
  type    = number
  default = null
}
resource "terraform_data" "unknown" {
  input = "x"
}
locals {
  ciphertext  = %q
  private_key = <<-EOT
%sEOT
  outside_abs = %q
}
`, base64.StdEncoding.EncodeToString(secret), keyPEM, filepath.Join(top, "outside.txt")))
	return dir
}

// TestConsoleCoversEveryFunction holds the comparison to every function
// this reader has: each is called by some expression of the table.
// plantimestamp is the exception, as the console has none.
func TestConsoleCoversEveryFunction(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for name := range functions {
		names[name] = true
	}
	for name := range newModuleFiles(t.TempDir(), t.TempDir()).functions(nil) {
		names[name] = true
	}
	delete(names, "plantimestamp")
	all := strings.Join(append(append([]string{}, consoleSame...), consoleUnknown...), "\n")
	call := regexp.MustCompile(`\b([a-z0-9]+)\(`)
	for _, m := range call.FindAllStringSubmatch(all, -1) {
		delete(names, m[1])
	}
	if len(names) > 0 {
		t.Errorf("functions no expression calls: %v", names)
	}
}
