package citest

import (
	"encoding/json"
	"fmt"
	"os"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// readYAML decodes a YAML file into v through its JSON form: go-cty-yaml,
// already a dependency, reads the YAML (YAML 1.1 scalars, as GitHub and
// pre-commit's PyYAML read them), and encoding/json fills v, so a field of
// the wrong kind (an unquoted true where a string belongs) is an error.
func readYAML(path string, v any) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	ty, err := ctyyaml.Standard.ImpliedType(src)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	val, err := ctyyaml.Standard.Unmarshal(src, ty)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	js, err := ctyjson.Marshal(val, ty)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := json.Unmarshal(js, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
