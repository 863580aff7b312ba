package input

import (
	"errors"
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// readConfig reads a directory of Terraform configuration statically. Each
// module call it cannot read is an error of its own, naming the call's
// file and line, its source and what to do: a verdict must not claim what
// nobody read. With Config.SkipUnreadModules they are warnings of the plan
// instead (model.Plan.Warnings), which reports show beside the verdict.
func (rd Reader) readConfig(path string) (*model.Plan, error) {
	res, err := hclconfig.LoadWith(path, rd.Config)
	var unread *hclconfig.UnreadError
	switch {
	case errors.As(err, &unread):
		errs := make([]error, len(unread.Modules))
		for i, u := range unread.Modules {
			todo := "pass --skip-unread-modules to judge the rest without it"
			if u.Fix != "" {
				todo = u.Fix + ", or " + todo
			}
			errs[i] = fmt.Errorf("read %s: %s: %s", path, u, todo)
		}
		return nil, errors.Join(errs...)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return res.Plan, nil
}
