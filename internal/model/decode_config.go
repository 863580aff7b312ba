package model

import (
	tfjson "github.com/hashicorp/terraform-json"
)

// The configuration section of a large plan is as big as its values, and
// encoding/json spends most of a scan there; these readers fill
// terraform-json's Config types straight from the parser. Constant values
// keep this package's compact form (Object, []any, ...).

func (d *decoder) config() (*tfjson.Config, error) {
	if d.peek() == 'n' {
		return nil, d.skip()
	}
	c := &tfjson.Config{ProviderConfigs: map[string]*tfjson.ProviderConfig{}}
	err := d.members(func(key string) error {
		switch key {
		case "provider_config":
			return d.members(func(name string) error {
				pc, err := d.providerConfig()
				c.ProviderConfigs[name] = pc
				return err
			})
		case "root_module":
			m, err := d.configModule(0)
			c.RootModule = m
			return err
		}
		return d.skip()
	})
	return c, err
}

func (d *decoder) providerConfig() (*tfjson.ProviderConfig, error) {
	pc := &tfjson.ProviderConfig{}
	err := d.members(func(key string) error {
		switch key {
		case "name":
			return d.stringInto(&pc.Name)
		case "full_name":
			return d.stringInto(&pc.FullName)
		case "alias":
			return d.stringInto(&pc.Alias)
		case "module_address":
			return d.stringInto(&pc.ModuleAddress)
		case "version_constraint":
			return d.stringInto(&pc.VersionConstraint)
		case "expressions":
			var err error
			pc.Expressions, err = d.expressions()
			return err
		}
		return d.skip()
	})
	return pc, err
}

func (d *decoder) configModule(depth int) (*tfjson.ConfigModule, error) {
	if depth > 64 {
		return nil, d.errorf("modules nested deeper than 64")
	}
	if d.peek() == 'n' {
		return nil, d.skip()
	}
	m := &tfjson.ConfigModule{}
	err := d.members(func(key string) error {
		switch key {
		case "outputs":
			m.Outputs = map[string]*tfjson.ConfigOutput{}
			return d.members(func(name string) error {
				o := &tfjson.ConfigOutput{}
				m.Outputs[name] = o
				return d.members(func(key string) error {
					switch key {
					case "sensitive":
						v, err := d.value()
						o.Sensitive, _ = v.(bool)
						return err
					case "expression":
						var err error
						o.Expression, err = d.expression()
						return err
					}
					return d.skip()
				})
			})
		case "resources":
			return d.elements(func() error {
				r, err := d.configResource()
				if r != nil {
					m.Resources = append(m.Resources, r)
				}
				return err
			})
		case "module_calls":
			m.ModuleCalls = map[string]*tfjson.ModuleCall{}
			return d.members(func(name string) error {
				call, err := d.moduleCall(depth)
				m.ModuleCalls[name] = call
				return err
			})
		case "variables":
			m.Variables = map[string]*tfjson.ConfigVariable{}
			return d.members(func(name string) error {
				v := &tfjson.ConfigVariable{}
				m.Variables[name] = v
				return d.members(func(key string) error {
					var err error
					switch key {
					case "sensitive":
						var b any
						b, err = d.value()
						v.Sensitive, _ = b.(bool)
					case "default":
						v.Default, err = d.value()
					default:
						err = d.skip()
					}
					return err
				})
			})
		}
		return d.skip()
	})
	return m, err
}

func (d *decoder) moduleCall(depth int) (*tfjson.ModuleCall, error) {
	call := &tfjson.ModuleCall{}
	err := d.members(func(key string) error {
		var err error
		switch key {
		case "source":
			err = d.stringInto(&call.Source)
		case "expressions":
			call.Expressions, err = d.expressions()
		case "count_expression":
			call.CountExpression, err = d.expression()
		case "for_each_expression":
			call.ForEachExpression, err = d.expression()
		case "module":
			call.Module, err = d.configModule(depth + 1)
		default:
			err = d.skip()
		}
		return err
	})
	return call, err
}

func (d *decoder) configResource() (*tfjson.ConfigResource, error) {
	r := &tfjson.ConfigResource{}
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
		case "provider_config_key":
			err = d.stringInto(&r.ProviderConfigKey)
		case "expressions":
			r.Expressions, err = d.expressions()
		case "count_expression":
			r.CountExpression, err = d.expression()
		case "for_each_expression":
			r.ForEachExpression, err = d.expression()
		default:
			err = d.skip()
		}
		return err
	})
	if r.Address == "" {
		return nil, err
	}
	return r, err
}

func (d *decoder) expressions() (map[string]*tfjson.Expression, error) {
	out := map[string]*tfjson.Expression{}
	err := d.members(func(name string) error {
		e, err := d.expression()
		out[name] = e
		return err
	})
	return out, err
}

// expression reads {constant_value|references} or a list of nested blocks.
func (d *decoder) expression() (*tfjson.Expression, error) {
	data := &tfjson.ExpressionData{}
	var err error
	switch d.peek() {
	case '[':
		err = d.elements(func() error {
			if d.peek() != '{' {
				return d.skip()
			}
			block, err := d.expressions()
			data.NestedBlocks = append(data.NestedBlocks, block)
			return err
		})
	case '{':
		err = d.members(func(key string) error {
			var err error
			switch key {
			case "constant_value":
				data.ConstantValue, err = d.value()
			case "references":
				var v any
				v, err = d.value()
				refs := asList(v)
				if len(refs) > 0 {
					data.References = make([]string, 0, len(refs))
				}
				for _, ref := range refs {
					if s, ok := ref.(string); ok {
						data.References = append(data.References, s)
					}
				}
			default:
				err = d.skip()
			}
			return err
		})
		if len(data.References) > 0 {
			data.ConstantValue = tfjson.UnknownConstantValue
		}
		if err == nil {
			return d.exprs.share(data), nil
		}
	default:
		err = d.skip()
	}
	return &tfjson.Expression{ExpressionData: data}, err
}
