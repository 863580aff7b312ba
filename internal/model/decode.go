package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// Decode reads the JSON that `terraform show -json` writes for a plan or for
// state (every format version from 0.1 to 1.x) and builds the model. data
// must be UTF-8 (see ReadInput for files). path names the input in results
// and errors.
func Decode(path string, data []byte) (*Plan, error) {
	return decode(path, newParser(data))
}

// DecodeReader is Decode reading from a stream: the input is never held
// whole in memory.
func DecodeReader(path string, r io.Reader) (*Plan, error) {
	return decode(path, newStreamParser(r))
}

// ErrEmpty is returned for an input with nothing but white space.
var ErrEmpty = errors.New("the file is empty")

// ErrNotTerraform is wrapped by the error for a JSON document that is not a
// plan or a state at all (a JSON array, an IAM policy, a package.json), as
// opposed to a plan or state that cannot be read.
var ErrNotTerraform = errors.New("not a Terraform JSON plan or state")

func decode(path string, parser *parser) (*Plan, error) {
	p := &Plan{Path: path, Variables: map[string]any{}}
	d := &decoder{parser: parser, plan: p, raw: &tfstate{}}
	switch d.peek() {
	case '{':
	case 0:
		return nil, d.empty()
	default:
		return nil, fmt.Errorf("%w: the document is not a JSON object", ErrNotTerraform)
	}
	var sawPlan, sawState bool
	err := d.members(func(key string) error {
		switch key {
		case "format_version":
			return d.stringInto(&p.FormatVersion)
		case "plan_format_version":
			// HCP Terraform's redacted JSON plan (json-output-redacted,
			// Terraform's jsonformat.Plan): resource changes as a plan
			// writes them, without configuration or prior state.
			sawPlan, d.redacted = true, true
			return d.stringInto(&p.FormatVersion)
		case "provider_format_version", "provider_schemas":
			// The redacted plan's; terraform providers schema -json
			// writes them too, beside a format_version.
			d.schemas = true
			return d.skip()
		case "terraform_version":
			return d.stringInto(&p.TerraformVersion)
		case "errored":
			v, err := d.value()
			p.Errored, _ = v.(bool)
			return err
		case "variables":
			sawPlan = true
			return d.variables()
		case "resource_changes":
			sawPlan = true
			err := d.elements(d.resourceChange)
			d.changesRead = true
			return err
		case "planned_values", "output_changes", "resource_drift", "relevant_attributes", "deferred_changes":
			sawPlan = true
			return d.skip()
		case "prior_state":
			sawPlan = true
			return d.stateDoc(true)
		case "values":
			sawState = true
			return d.stateValues(false)
		case "configuration":
			sawPlan = true
			var err error
			p.Config, err = d.config()
			return err
		case "checks":
			return d.spanInto(&p.CheckBlocks)
		// A state file (terraform.tfstate): see decode_tfstate.go.
		case "version":
			var err error
			d.raw.version, err = d.value()
			return err
		case "serial", "lineage":
			d.raw.seen = true
			return d.skip()
		case "resources":
			return d.tfstateResources()
		case "outputs":
			return d.tfstateOutputs()
		case "complete":
			v, err := d.value()
			d.incomplete = v == false
			return err
		case "timestamp", "applyable":
			return d.skip()
		default:
			d.foreign = true
			return d.skip()
		}
	})
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return nil, err
	}
	switch {
	case sawPlan:
		p.Kind = KindPlan
	case !sawState && p.FormatVersion != "" && (d.foreign || d.schemas):
		// An empty state is {"format_version": ...} alone; other
		// terraform commands write a format_version beside members of
		// their own, and judging nothing there would read as ready.
		return nil, fmt.Errorf("%w: it has a format_version but none of a plan's or state's members, and members of another document (is it the output of terraform validate -json, providers schema -json or metadata functions -json?)", ErrNotTerraform)
	case sawState || p.FormatVersion != "":
		p.Kind = KindState
	case d.raw.isTfstate():
		if err := d.raw.check(); err != nil {
			return nil, err
		}
		p.Kind = KindState
		p.Resources = d.raw.resources
		p.Warnings = append(p.Warnings, d.raw.warnings...)
	default:
		return nil, fmt.Errorf("%w: no format_version, resource_changes or values, nor a state file's version and resources (was it written by `terraform show -json`, or is it a terraform.tfstate?)", ErrNotTerraform)
	}
	for _, r := range d.pendingPrior {
		d.fromPriorState(r)
	}
	d.pendingPrior = nil
	if p.FormatVersion == "" && p.Kind == KindPlan {
		return nil, errors.New("not a Terraform JSON plan: format_version is missing")
	}
	if err := checkFormatVersion(p.FormatVersion); err != nil {
		return nil, err
	}
	if d.redacted && p.Config == nil {
		p.Warnings = append(p.Warnings, path+" is HCP Terraform's redacted JSON plan (json-output-redacted), which holds no configuration: what only the configuration shows (references between resources, arguments left unset) is unknown or taken as unset; judge the JSON of terraform show -json (json-output) to read it whole")
	}
	// An errored plan is incomplete too, and says more (engine.ErroredPlan).
	if d.incomplete && p.Kind == KindPlan && !p.Errored {
		p.Warnings = append(p.Warnings, path+" is an incomplete plan: Terraform planned part of the configuration (with -target, or deferring changes to a later run), and what it left out is not judged")
	}
	p.index()
	return p, nil
}

// checkFormatVersion accepts every 0.x and 1.x format; a future major
// version may change meanings, so it is refused rather than misread.
func checkFormatVersion(v string) error {
	if v == "" {
		return nil
	}
	if len(v) >= 2 && (v[:2] == "0." || v[:2] == "1.") {
		return nil
	}
	return fmt.Errorf("unsupported format_version %q (this version reads 0.x and 1.x)", v)
}

type decoder struct {
	*parser
	plan *Plan
	raw  *tfstate // the members of a state file, if it is one

	// changesRead is set once resource_changes is read; changes indexes
	// it by address (deposed objects apart) for the prior state.
	changesRead bool
	changes     map[string]*Resource
	// pendingPrior holds the prior state's resources read before
	// resource_changes, until the document ends.
	pendingPrior []*Resource

	exprs sharedExpressions // the configuration's simple expressions, one copy each

	// foreign is set by a top-level member that neither a plan nor a
	// state has.
	foreign bool
	// incomplete is set when the plan says "complete": false (Terraform
	// 1.8 and later).
	incomplete bool
	// redacted is set by plan_format_version, which only HCP Terraform's
	// redacted JSON plan has; schemas by the provider schemas it holds.
	redacted, schemas bool
}

func (d *decoder) stringInto(dst *string) error {
	v, err := d.value()
	if s, ok := v.(string); ok {
		*dst = s
	}
	return err
}

// spanInto decodes the next value with encoding/json into terraform-json's
// types.
func (d *decoder) spanInto(dst any) error {
	raw, err := d.span()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return d.errorf("%s", jsonErrorText(err))
	}
	return nil
}

// jsonErrorText strips encoding/json's Go type names from an error.
func jsonErrorText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q has the wrong type (%s)", te.Field, te.Value)
	}
	return err.Error()
}

func (d *decoder) variables() error {
	return d.members(func(name string) error {
		return d.members(func(key string) error {
			if key != "value" {
				return d.skip()
			}
			v, err := d.value()
			d.plan.Variables[name] = v
			return err
		})
	})
}

// resourceChange reads one element of resource_changes.
func (d *decoder) resourceChange() error {
	r := &Resource{}
	err := d.members(func(key string) error {
		switch key {
		case "address":
			return d.stringInto(&r.Address)
		case "module_address":
			return d.stringInto(&r.ModuleAddress)
		case "mode":
			var s string
			err := d.stringInto(&s)
			r.Mode = tfjson.ResourceMode(s)
			return err
		case "type":
			return d.stringInto(&r.Type)
		case "name":
			return d.stringInto(&r.Name)
		case "index":
			v, err := d.value()
			r.Index = v
			return err
		case "provider_name":
			return d.stringInto(&r.ProviderName)
		case "deposed":
			return d.stringInto(&r.DeposedKey)
		case "action_reason":
			return d.stringInto(&r.ActionReason)
		case "change":
			return d.change(r)
		default:
			return d.skip()
		}
	})
	if err != nil {
		return err
	}
	if r.Address == "" || r.Type == "" {
		return d.errorf("resource change without address or type")
	}
	if r.Mode == "" {
		r.Mode = tfjson.ManagedResourceMode
	}
	d.plan.Resources = append(d.plan.Resources, r)
	return nil
}

func (d *decoder) change(r *Resource) error {
	defer func() {
		if r.Before != nil && r.After != nil {
			r.After, _ = shareUnchanged(r.Before, r.After)
		}
	}()
	return d.members(func(key string) error {
		var err error
		switch key {
		case "actions":
			var v any
			v, err = d.value()
			for _, a := range asList(v) {
				if s, ok := a.(string); ok {
					r.Actions = append(r.Actions, tfjson.Action(s))
				}
			}
		case "before":
			r.Before, err = d.value()
		case "after":
			r.After, err = d.value()
		case "after_unknown":
			r.AfterUnknown, err = d.marks()
		case "before_sensitive":
			r.BeforeSensitive, err = d.marks()
		case "after_sensitive":
			r.AfterSensitive, err = d.marks()
		case "replace_paths":
			var v any
			v, err = d.value()
			for _, path := range asList(v) {
				var steps Path
				for _, s := range asList(path) {
					switch s := s.(type) {
					case string:
						steps = append(steps, s)
					case float64:
						steps = append(steps, int(s))
					}
				}
				r.ReplacePaths = append(r.ReplacePaths, steps)
			}
		default:
			err = d.skip()
		}
		return err
	})
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// stateDoc reads a state document ({format_version, values}). In a plan's
// prior_state (prior true), a data source is kept unless the plan reads it
// again, and a managed resource gives the before value of its change where
// resource_changes leaves it out, or becomes an unchanged resource where
// resource_changes leaves the resource out (see fromPriorState).
func (d *decoder) stateDoc(prior bool) error {
	if d.peek() == 'n' {
		return d.skip()
	}
	return d.members(func(key string) error {
		if key == "values" {
			return d.stateValues(prior)
		}
		return d.skip()
	})
}

func (d *decoder) stateValues(prior bool) error {
	if d.peek() == 'n' {
		return d.skip()
	}
	return d.members(func(key string) error {
		if key == "root_module" {
			return d.stateModule(prior, 0)
		}
		return d.skip()
	})
}

func (d *decoder) stateModule(prior bool, depth int) error {
	if depth > 64 {
		return d.errorf("modules nested deeper than 64")
	}
	if d.peek() == 'n' {
		return d.skip()
	}
	// Terraform writes a module's address after its resources, and 0.12
	// wrote child modules' resource addresses without the module, and
	// every address without its instance key (the index apart): they are
	// completed once the module is read.
	var address string
	var resources []*Resource
	err := d.members(func(key string) error {
		switch key {
		case "address":
			return d.stringInto(&address)
		case "resources":
			return d.elements(func() error {
				r, err := d.stateResource(prior)
				if r != nil {
					resources = append(resources, r)
				}
				return err
			})
		case "child_modules":
			return d.elements(func() error { return d.stateModule(prior, depth+1) })
		}
		return d.skip()
	})
	if err != nil {
		return err
	}
	for _, r := range resources {
		if address != "" && !strings.HasPrefix(r.Address, address+".") {
			r.Address = address + "." + r.Address
		}
		if key, _ := KeyOf(r.Index); !key.None() && !strings.HasSuffix(r.Address, "]") {
			r.Address += key.String()
		}
		r.ModuleAddress = address
		if address == "" {
			// A module's resources may be listed at the root (by hand):
			// the address says which module.
			if a, err := ParseAddress(r.Address); err == nil {
				r.ModuleAddress = a.Module().String()
			}
		}
		switch {
		case !prior:
			d.plan.Resources = append(d.plan.Resources, r)
		case d.changesRead:
			d.fromPriorState(r)
		default:
			d.pendingPrior = append(d.pendingPrior, r)
		}
	}
	return nil
}

// changeAt returns the change resource_changes lists at address (deposed
// objects apart), or nil.
func (d *decoder) changeAt(address string) *Resource {
	if d.changes == nil {
		d.changes = make(map[string]*Resource, len(d.plan.Resources))
		for _, c := range d.plan.Resources {
			if c.DeposedKey == "" {
				d.changes[c.Address] = c
			}
		}
	}
	return d.changes[address]
}

// needlessPriorValues reports whether fromPriorState will keep nothing of
// r, a resource of the prior state whose values are about to be read:
// resource_changes, read already, holds its change, with a before value
// or as a creation (a data source: any change), so that reading them
// would only make garbage. A real plan's prior state holds every
// resource's values again. It is told from the address as written, which
// is the resource's own from Terraform 0.13 on; 0.12 wrote addresses
// relative to their module, completed only once the module is read, and
// its prior state is read whole.
func (d *decoder) needlessPriorValues(r *Resource) bool {
	if !d.changesRead || r.Address == "" || !absoluteStateAddresses(d.plan.TerraformVersion) {
		return false
	}
	c := d.changeAt(r.Address)
	return c != nil && (r.Mode == tfjson.DataResourceMode || c.Before != nil || c.Actions.Create())
}

// absoluteStateAddresses reports whether the Terraform version that wrote
// a plan writes a state's resource addresses whole (0.13 and later).
func absoluteStateAddresses(version string) bool {
	major, rest, _ := strings.Cut(version, ".")
	minor, _, _ := strings.Cut(rest, ".")
	ma, err := strconv.Atoi(major)
	if err != nil {
		return false
	}
	mi, err := strconv.Atoi(minor)
	return err == nil && (ma > 0 || mi >= 13)
}

// stateResource reads one resource instance of a state document, as it
// stands: unchanged, its values before and after alike. It returns nil for
// an element without an address or type. In a plan's prior state, the
// values of a resource whose change says everything are skipped unread
// (see needlessPriorValues).
func (d *decoder) stateResource(prior bool) (*Resource, error) {
	r := &Resource{}
	var sensitive any
	err := d.members(func(key string) error {
		var err error
		switch key {
		case "address":
			err = d.stringInto(&r.Address)
		case "mode":
			var s string
			err = d.stringInto(&s)
			r.Mode = tfjson.ResourceMode(s)
		case "type":
			err = d.stringInto(&r.Type)
		case "name":
			err = d.stringInto(&r.Name)
		case "index":
			r.Index, err = d.value()
		case "provider_name":
			err = d.stringInto(&r.ProviderName)
		case "deposed_key":
			err = d.stringInto(&r.DeposedKey)
		case "values":
			if prior && d.needlessPriorValues(r) {
				return d.skip()
			}
			r.After, err = d.value()
		case "sensitive_values":
			if prior && d.needlessPriorValues(r) {
				return d.skip()
			}
			sensitive, err = d.marks()
		default:
			err = d.skip()
		}
		return err
	})
	if err != nil || r.Address == "" || r.Type == "" {
		return nil, err
	}
	if r.Mode == "" {
		r.Mode = tfjson.ManagedResourceMode
	}
	r.AfterSensitive = sensitive
	r.Before, r.BeforeSensitive = r.After, sensitive
	r.Actions = tfjson.Actions{tfjson.ActionNoop}
	return r, nil
}

// fromPriorState places a resource of a plan's prior state, once
// resource_changes is read. A data source the plan does not read again is
// kept as it was read. A managed resource whose change has no before value
// (as older formats write some) gives it one; a managed resource the plan's
// resource_changes leaves out is unchanged, and kept as such. Otherwise
// resource_changes says everything already.
func (d *decoder) fromPriorState(r *Resource) {
	c := d.changeAt(r.Address)
	switch {
	case r.DeposedKey != "":
		// resource_changes lists deposed objects it deletes.
	case r.Mode == tfjson.DataResourceMode:
		if c == nil {
			r.Actions = tfjson.Actions{tfjson.ActionRead}
			d.plan.Resources = append(d.plan.Resources, r)
		}
	case c == nil:
		d.plan.Resources = append(d.plan.Resources, r)
	case c.Before == nil && !c.Actions.Create():
		c.Before, c.BeforeSensitive = r.After, r.AfterSensitive
	}
}
