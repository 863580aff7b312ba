package input

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Stdin is the PATH that names standard input, as in
// `terraform show -json tfplan | readiness scan -`. The plan read from it
// keeps this name in reports, baselines and waivers.
const Stdin = "-"

// ReadStdin loads a JSON plan or state from r, standard input, in any
// encoding Read accepts, for as long as its writer takes. A binary plan
// file is refused: reading one runs `terraform show` in its directory,
// which standard input does not have.
func (rd Reader) ReadStdin(r io.Reader) (*model.Plan, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read standard input: %w", describeOSError(err))
	}
	if isBinaryPlan(head) {
		return nil, errors.New("read standard input: it is a binary plan file; give its path instead, or pipe the JSON of `terraform show -json PLANFILE`")
	}
	text, err := utf8Reader(br, head)
	if err != nil {
		return nil, fmt.Errorf("read standard input: %w", err)
	}
	p, err := model.DecodeReader(Stdin, text)
	switch {
	case errors.Is(err, model.ErrEmpty):
		return nil, errors.New("read standard input: nothing arrived (did the command before the pipe fail?)")
	case err != nil:
		return nil, fmt.Errorf("read standard input: %w", describeOSError(err))
	}
	return p, nil
}
