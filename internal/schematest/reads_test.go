package schematest

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// realPlans are plans written by others beside the project (never copied
// into it).
const realPlans = "../../../shared/fixtures/real"

// probes are the paths shared readers ask of resources of any type, as
// one of several places a value may be kept: a type without the path keeps
// none there, which the reader expects. Each names the checks that read it
// so (any, "*", for a reader of the model's).
var probes = map[string][]string{
	// model.Plan.Region: the resource's own region (AWS 6, Google) or
	// location (Azure, Google), else its provider's.
	"region":   {"*"},
	"location": {"*"},
	// owner_tag's ownerLabelPaths: where each provider keeps tags or labels.
	"tags_all": {"owner_tag"}, "tags": {"owner_tag", "instance_gpu_unrequested", "instance_gpu_workload_without_gpu"},
	"effective_labels": {"owner_tag"}, "terraform_labels": {"owner_tag"},
	"labels":          {"owner_tag", "instance_gpu_unrequested", "instance_gpu_workload_without_gpu"},
	"resource_labels": {"owner_tag"}, "user_labels": {"owner_tag"},
	"settings": {"owner_tag"}, "settings.user_labels": {"owner_tag"},
	"metadata": {"owner_tag"}, "metadata.labels": {"owner_tag"}, "tag": {"owner_tag"},
}

// probed reports whether every check that made a read made it as a probe
// of its path, or of the map the path reads a key of.
func probed(r read, checks map[string]bool) bool {
	steps := strings.Split(r.path, sep)
	for id := range checks {
		ok := false
		for n := len(steps); n > 0 && !ok; n-- {
			readers := probes[strings.Join(steps[:n], ".")]
			ok = slices.Contains(readers, "*") || slices.Contains(readers, id)
		}
		if !ok {
			return false
		}
	}
	return true
}

// readsNotHeld lists the reads of a type's attribute that no stored version
// of its provider has, as "type.path" (data sources "data.type.path"), that
// are known and left for now, each with why. Each must still be read and
// still missing from every version: an entry that is neither fails the
// test, so that it goes once fixed.
var readsNotHeld = map[string]string{}

// A read is one attribute path a check asked a resource of a type for:
// names of attributes, blocks and map keys, list indexes left out.
type read struct {
	data bool
	typ  string
	path string // the steps joined by sep: map keys may hold dots
}

// sep joins a read's steps.
const sep = "\x00"

// dotted renders a path as "settings.ip_configuration.ipv4_enabled".
func (r read) dotted() string { return strings.ReplaceAll(r.path, sep, ".") }

func (r read) String() string {
	if r.data {
		return "data." + r.typ + "." + r.dotted()
	}
	return r.typ + "." + r.dotted()
}

// place is where an object of a resource's values sits.
type place struct {
	data bool
	typ  string
	path []string
}

// recorder is the model's read hook while the catalogue judges fixtures:
// it learns every object of the plan judged, and records each read made
// while a check's own logic runs, with the check.
type recorder struct {
	mu      sync.Mutex
	check   string // the check whose logic runs, "" outside any
	objects map[uintptr]place
	reads   map[read]map[string]bool // the checks that made each read
}

func newRecorder() *recorder {
	return &recorder{objects: map[uintptr]place{}, reads: map[read]map[string]bool{}}
}

func (rec *recorder) hook() *model.ReadHook {
	return &model.ReadHook{
		Attr: func(typ string, data bool, path model.Path) {
			var names []string
			for _, s := range path {
				if name, ok := s.(string); ok {
					names = append(names, name)
				}
			}
			rec.add(read{data: data, typ: typ, path: strings.Join(names, sep)})
		},
		Member: func(object uintptr, name string) {
			rec.mu.Lock()
			at, ok := rec.objects[object]
			rec.mu.Unlock()
			if ok {
				rec.add(read{data: at.data, typ: at.typ, path: strings.Join(append(slices.Clip(at.path), name), sep)})
			}
		},
	}
}

func (rec *recorder) add(r read) {
	if r.path == "" {
		return
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.check == "" {
		return
	}
	if rec.reads[r] == nil {
		rec.reads[r] = map[string]bool{}
	}
	rec.reads[r][rec.check] = true
}

// learn records where every object of the plan's resource values sits.
// The world before the plan is made of the same objects.
func (rec *recorder) learn(p *model.Plan) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	clear(rec.objects)
	for _, r := range p.Resources {
		for _, v := range []any{r.Before, r.After} {
			rec.walk(place{data: !r.Managed(), typ: r.Type}, v)
		}
	}
}

func (rec *recorder) walk(at place, v any) {
	switch v := v.(type) {
	case model.Object:
		if id := model.ObjectID(v); id != 0 {
			rec.objects[id] = at
		}
		for _, f := range v {
			rec.walk(place{data: at.data, typ: at.typ, path: append(slices.Clip(at.path), f.Name)}, f.Value)
		}
	case []any:
		for _, e := range v {
			rec.walk(at, e)
		}
	}
}

// within runs fn as check id's logic.
func (rec *recorder) within(id string, fn func()) {
	rec.mu.Lock()
	rec.check = id
	rec.mu.Unlock()
	defer func() {
		rec.mu.Lock()
		rec.check = ""
		rec.mu.Unlock()
	}()
	fn()
}

// instrumented returns the catalogue, each check's logic run within the
// recorder. The settings are applied first: With would otherwise give
// back the logic unwrapped.
func (rec *recorder) instrumented() []check.Check {
	var out []check.Check
	for _, c := range checks.All() {
		c = c.With(check.Settings{})
		c.Configure = nil
		id := c.ID
		if res := c.Resource; res != nil {
			c.Resource = func(p *model.Plan, r *model.Resource) (f check.Finding) {
				rec.within(id, func() { f = res(p, r) })
				return f
			}
		}
		if plan := c.Plan; plan != nil {
			c.Plan = func(p *model.Plan) (fs []check.Finding) {
				rec.within(id, func() { fs = plan(p) })
				return fs
			}
		}
		out = append(out, c)
	}
	return out
}

// judgedPlans lists the plans and states the catalogue is run over: every
// one of the repository (as TestFixturesMatchSchemas finds them) and the
// real plans beside the project.
func judgedPlans(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, rel := range fixtureFiles(t) {
		if _, held := notHeld[rel]; held {
			continue
		}
		data, err := os.ReadFile(filepath.Join(repoRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFixture(data); err == nil {
			out = append(out, filepath.Join(repoRoot, rel))
		}
	}
	real, _ := filepath.Glob(filepath.Join(realPlans, "*.json"))
	return append(out, real...)
}

// TestCatalogueReadsExist runs the whole catalogue over every plan and
// state of the repository and the real plans beside it, records each
// attribute a check's logic asks a resource for (through the model's
// readers: Resource.Attr, Resource.HasUnknown, Object.Get on a resource's
// values), and holds each read of a type a stored schema knows to the
// schemas: the path must exist in at least one stored version of the
// provider (a check that reads an attribute some versions renamed reads
// both). A path no version has is a check that silently never sees the
// value.
func TestCatalogueReadsExist(t *testing.T) {
	// Not parallel: the read hook is the model's, for the whole test binary.
	s := loadSchemas(t)
	rec := newRecorder()
	catalogue := rec.instrumented()
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	previous := model.SetReadHook(rec.hook())
	defer model.SetReadHook(previous)
	judged := 0
	for _, path := range judgedPlans(t) {
		p, err := input.Read(path)
		if err != nil {
			t.Logf("%s: not judged: %v", path, err)
			continue
		}
		judged++
		rec.learn(p)
		engine.Run([]*model.Plan{p}, catalogue, engine.Options{Profile: prof})
	}
	model.SetReadHook(previous)
	if judged == 0 {
		t.Fatal("no plan judged")
	}

	stale := maps.Clone(readsNotHeld)
	var missing, notStored []string
	held := 0
	for _, r := range slices.SortedFunc(maps.Keys(rec.reads), func(a, b read) int { return strings.Compare(a.String(), b.String()) }) {
		provider := typeProvider(r.typ)
		mode := "managed"
		if r.data {
			mode = "data"
		}
		if !s.Knows(provider, mode, r.typ) {
			if !slices.Contains(notStored, r.typ) {
				notStored = append(notStored, r.typ)
			}
			continue
		}
		held++
		if s.hasPath(provider, mode, r.typ, strings.Split(r.path, sep)) || probed(r, rec.reads[r]) {
			continue
		}
		key := r.String()
		delete(stale, key)
		msg := fmt.Sprintf("check %s reads %s, which no %s version (%s) has",
			strings.Join(slices.Sorted(maps.Keys(rec.reads[r])), ", "), key, provider, versionRange(s, provider))
		if reason, ok := readsNotHeld[key]; ok {
			t.Logf("%s [not held: %s]", msg, reason)
			continue
		}
		missing = append(missing, msg)
	}
	for _, m := range missing {
		t.Error(m)
	}
	for _, key := range slices.Sorted(maps.Keys(stale)) {
		t.Errorf("readsNotHeld lists %s, which no check reads now or some version has: take it out", key)
	}
	slices.Sort(notStored)
	t.Logf("%d plans judged; %d distinct reads, %d of types the schemas store; reads of types they do not store: %s",
		judged, len(rec.reads), held, strings.Join(notStored, ", "))
}

// hasPath reports whether some stored version of the provider has the
// path (attribute, block and object attribute names, map keys) in the
// type's schema.
func (s *Schemas) hasPath(provider, mode, typ string, path []string) bool {
	for _, v := range s.Versions(provider) {
		if sch := v.Schema(mode, typ); sch != nil && blockHas(sch.Block, path) {
			return true
		}
	}
	return false
}

func blockHas(b *tfjson.SchemaBlock, path []string) bool {
	if len(path) == 0 {
		return true
	}
	if a, ok := b.Attributes[path[0]]; ok {
		if a.AttributeNestedType != nil {
			return nestedHas(a.AttributeNestedType, path[1:])
		}
		return typeHas(a.AttributeType, path[1:])
	}
	if nb, ok := b.NestedBlocks[path[0]]; ok {
		return blockHas(nb.Block, path[1:])
	}
	return false
}

func nestedHas(n *tfjson.SchemaNestedAttributeType, path []string) bool {
	if len(path) == 0 {
		return true
	}
	if n.NestingMode == tfjson.SchemaNestingModeMap {
		path = path[1:] // the key
		if len(path) == 0 {
			return true
		}
	}
	a, ok := n.Attributes[path[0]]
	if !ok {
		return false
	}
	if a.AttributeNestedType != nil {
		return nestedHas(a.AttributeNestedType, path[1:])
	}
	return typeHas(a.AttributeType, path[1:])
}

func typeHas(t cty.Type, path []string) bool {
	switch {
	case len(path) == 0, t == cty.DynamicPseudoType:
		return true
	case t.IsListType(), t.IsSetType():
		return typeHas(t.ElementType(), path)
	case t.IsMapType():
		return typeHas(t.ElementType(), path[1:])
	case t.IsObjectType():
		return t.HasAttribute(path[0]) && typeHas(t.AttributeType(path[0]), path[1:])
	case t.IsTupleType():
		for _, e := range t.TupleElementTypes() {
			if typeHas(e, path) {
				return true
			}
		}
	}
	return false
}

// TestHasPath shows the path rules on real schemas.
func TestHasPath(t *testing.T) {
	t.Parallel()
	s := loadSchemas(t)
	tests := map[string]struct {
		typ  string
		path string
		want bool
	}{
		"attribute":                             {"aws_db_instance", "multi_az", true},
		"no such attribute":                     {"aws_sns_topic", "fifo_queue", false},
		"a topic's FIFO flag":                   {"aws_sns_topic", "fifo_topic", true},
		"block then attribute":                  {"google_sql_database_instance", "settings.ip_configuration.ipv4_enabled", true},
		"an old version's attribute":            {"google_sql_database_instance", "settings.ip_configuration.require_ssl", true},
		"map key":                               {"aws_db_instance", "tags.Name", true},
		"below a primitive":                     {"aws_db_instance", "multi_az.x", false},
		"dynamic":                               {"kubernetes_manifest", "manifest.spec.replicas", true},
		"list of objects":                       {"aws_ecs_service", "deployment_circuit_breaker.rollback", true},
		"google-beta only":                      {"google_compute_instance", "network_interface.security_policy", false},
		"opensearch attribute on elasticsearch": {"aws_elasticsearch_domain", "cluster_config.multi_az_with_standby_enabled", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := s.hasPath(typeProvider(tc.typ), "managed", tc.typ, strings.Split(tc.path, ".")); got != tc.want {
				t.Errorf("hasPath(%s.%s) = %t, want %t", tc.typ, tc.path, got, tc.want)
			}
		})
	}
}
