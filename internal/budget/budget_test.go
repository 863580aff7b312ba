package budget

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

var testFunctions = map[string]function.Function{
	"can": tryfunc.CanFunc, "try": tryfunc.TryFunc, "length": stdlib.LengthFunc,
	"range": stdlib.RangeFunc, "setproduct": stdlib.SetProductFunc, "concat": stdlib.ConcatFunc,
	"flatten": stdlib.FlattenFunc, "format": stdlib.FormatFunc, "formatlist": stdlib.FormatListFunc,
	"join": stdlib.JoinFunc, "indent": stdlib.IndentFunc, "replace": stdlib.ReplaceFunc,
	"regexall": stdlib.RegexAllFunc, "split": stdlib.SplitFunc, "distinct": stdlib.DistinctFunc,
	"jsondecode": stdlib.JSONDecodeFunc, "jsonencode": stdlib.JSONEncodeFunc, "upper": stdlib.UpperFunc,
	"csvdecode": stdlib.CSVDecodeFunc,
	"tonumber":  stdlib.MakeToFunc(cty.Number), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
	"keys": stdlib.KeysFunc, "reverse": stdlib.ReverseListFunc, "merge": stdlib.MergeFunc,
}

var testVars = map[string]cty.Value{
	"obj":    cty.ObjectVal(map[string]cty.Value{"a": cty.True, "b": cty.StringVal("x"), "n": cty.NullVal(cty.String)}),
	"list":   cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b"), cty.StringVal("a")}),
	"secret": cty.StringVal("hunter2").Mark("sensitive"),
	"later":  cty.DynamicVal,
	"nums":   cty.UnknownVal(cty.List(cty.Number)).RefineNotNull(),
	"big":    cty.StringVal(strings.Repeat("x", 1<<20)),
}

func parse(t *testing.T, src string) hclsyntax.Expression {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "t.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", src, diags)
	}
	return expr
}

func eval(t *testing.T, src string, instrument bool, l Limits) (cty.Value, hcl.Diagnostics, error) {
	t.Helper()
	expr := parse(t, src)
	ctx := &hcl.EvalContext{Variables: testVars, Functions: testFunctions}
	if !instrument {
		v, diags := expr.Value(ctx)
		return v, diags, nil
	}
	Instrument(expr)
	b := New(l)
	v, diags := expr.Value(&hcl.EvalContext{Variables: testVars, Functions: b.Functions(testFunctions)})
	return v, diags, b.Err()
}

// TestSameValues: an instrumented expression within its budget evaluates
// as it did: the same value, marks, unknowns and refinements, and the
// same diagnostics.
func TestSameValues(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`[for k, v in obj : "${k}=${v}" if v != null]`,
		`{for v in list : v => v...}`,
		`[for v in list : upper(v)]`,
		`obj.*.a`,
		`[obj, obj][*].b`,
		`"${secret}-x"`,
		`[secret, 1]`,
		`{a = secret}`,
		`[for v in [secret] : v]`,
		`length(secret)`,
		`later == true`,
		`[for v in later : v]`,
		`"${later}"`,
		`length(nums) > 0`,
		`concat(nums, [1]) != null`,
		`upper(later) != null`,
		`keys(obj)`,
		`reverse(list)`,
		`merge(obj, {c = 1})`,
		`jsondecode("{\"a\": [1, 2]}")`,
		`jsondecode("null")`,
		`tolist(list)`,
		`try(obj.missing, "fallback")`,
		`can(obj.missing)`,
		`try(tonumber("x"), 0)`,
		`obj.missing`,
		`"${obj.n}"`,
		`[for v in obj.n : v]`,
		`tonumber(secret)`,
		`format("%s-%05d", "a", 3)`,
		`formatlist("%s=%s", ["a", "b"], "x")`,
		`join(",", list)`,
		`split(",", "a,b,c")`,
		`regexall("[a-z]", "a1b2")`,
		`setproduct(["a"], [1, 2])`,
		`flatten([[1], [2, [3]]])`,
		`distinct(list)`,
		`replace("aaa", "a", "bb")`,
		`indent(2, "a\nb")`,
	} {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			want, wantDiags, _ := eval(t, src, false, Default)
			got, gotDiags, err := eval(t, src, true, Default)
			if err != nil {
				t.Fatalf("budget: %v", err)
			}
			if !got.RawEquals(want) {
				t.Errorf("= %#v, want %#v", got, want)
			}
			if summaries(gotDiags) != summaries(wantDiags) {
				t.Errorf("diagnostics = %s, want %s", summaries(gotDiags), summaries(wantDiags))
			}
		})
	}
}

func summaries(diags hcl.Diagnostics) string {
	var out []string
	for _, d := range diags {
		s := d.Summary
		if d.Subject != nil {
			s = d.Subject.String() + " " + s
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// TestRunaway: expressions that would take minutes or gigabytes stop with
// the budget's error, quickly, try() and can() notwithstanding.
func TestRunaway(t *testing.T) {
	t.Parallel()
	const steps, bytes = "steps", "bytes"
	tests := map[string]struct{ src, want string }{
		"setproduct":               {`length(setproduct(range(1024), range(1024), range(64)))`, steps},
		"three for expressions":    {`length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]])`, steps},
		"filtered for expressions": {`length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c if false]]])`, steps},
		"for in a template":        {`"%{for a in range(1024)}%{for b in range(1024)}${b}%{endfor}%{endfor}"`, steps},
		"tuples built":             {`length([for a in range(1024) : [for b in range(256) : [b, b, b, b, b]]])`, steps},
		"splats":                   {`length([for a in range(1024) : [for b in range(256) : [1][*]]])`, steps},
		"concat of one list":       {`length(concat(` + strings.Repeat(`range(1024), `, 250) + `))`, steps},
		"flatten of one list":      {`length(flatten([` + strings.Repeat(`range(1024), `, 250) + `]))`, steps},
		"split":                    {`length(split("", big))`, steps},
		"regexall":                 {`length(regexall(".", big))`, steps},
		"distinct":                 {`length(distinct(concat(range(1024), range(1024))))`, steps},
		"formatlist":               {`length(formatlist("%s", [for a in range(1024) : [for b in range(256) : b]]))`, steps},
		"format widths":            {`length(format("%999999999d", 1))`, bytes},
		"format repeats":           {`length(format("` + strings.Repeat("%[1]s", 20) + `", big))`, bytes},
		"join separator":           {`length(join(big, range(1024)))`, bytes},
		"indent":                   {`length(indent(999999999, "a\nb"))`, bytes},
		"replace":                  {`length(replace(big, "x", "yyyyyyyyyyyyyyyyyyyy"))`, bytes},
		"templates":                {`length([for a in range(1024) : "x${big}"])`, bytes},
		"jsondecode":               {`length(jsondecode("[${replace(format("%0200000d", 0), "0", "0,")}0]"))`, steps},
		"csvdecode":                {`length(csvdecode("a\n${replace(format("%0200000d", 0), "0", "0\n")}"))`, steps},
		"hidden by try":            {`try(setproduct(range(1024), range(1024), range(64)), [])`, steps},
		"hidden by can":            {`can([for a in range(1024) : [for b in range(1024) : b]])`, steps},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			_, _, err := eval(t, tt.src, true, Default)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want the %s budget's", err, tt.want)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestTime(t *testing.T) {
	t.Parallel()
	_, _, err := eval(t, `[for a in range(1024) : [for b in range(1024) : b]]`, true, Limits{Steps: maxInt, Bytes: maxInt, Time: 50 * time.Millisecond})
	if err == nil || err.Error() != "exceeds the evaluation budget of 50ms" {
		t.Fatalf("err = %v", err)
	}
}

// TestFunctionErrors: inputs no budget can make safe are the function's
// own errors, which try() handles.
func TestFunctionErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		`jsondecode("` + strings.Repeat("[", 1001) + `")`: "the JSON nests deeper than 1000 levels at line 1, column 1001",
		`tonumber("` + strings.Repeat("9", 1001) + `")`:   "a number written in 1,001 characters is longer than the 1,000 this function reads",
	}
	for src, want := range tests {
		t.Run(src[:12], func(t *testing.T) {
			t.Parallel()
			_, diags, err := eval(t, src, true, Default)
			if err != nil {
				t.Fatalf("budget: %v", err)
			}
			if !diags.HasErrors() || !strings.Contains(diags[0].Detail, want) {
				t.Fatalf("diagnostics = %v, want %q", diags, want)
			}
			if v, _, err := eval(t, "try("+src+", 0)", true, Default); err != nil || !v.RawEquals(cty.NumberIntVal(0)) {
				t.Errorf("in try: %#v, %v", v, err)
			}
		})
	}
}

func TestInstrumentOnce(t *testing.T) {
	t.Parallel()
	expr := parse(t, `[for a in [1, 2] : "<${a}>"]`)
	Instrument(expr)
	Instrument(expr)
	b := New(Default)
	if _, diags := expr.Value(&hcl.EvalContext{Functions: b.Functions(testFunctions)}); diags.HasErrors() {
		t.Fatal(diags)
	}
	// Two iterations, two tuple elements, and the literal parts' four bytes, once.
	if b.steps != 4 || b.bytes != 4 {
		t.Errorf("charged %d steps and %d bytes, want 4 and 4", b.steps, b.bytes)
	}
}

// TestStart: a budget serves one evaluation after another, each from
// nothing spent.
func TestStart(t *testing.T) {
	t.Parallel()
	b := New(Default)
	fns := b.Functions(testFunctions)
	runaway := parse(t, `length(setproduct(range(1024), range(1024)))`)
	small := parse(t, `length([for a in range(1000) : a])`)
	Instrument(runaway)
	Instrument(small)
	if _, _ = runaway.Value(&hcl.EvalContext{Functions: fns}); b.Err() == nil {
		t.Fatal("the runaway expression is within the budget")
	}
	for range 3 {
		b.Start()
		if v, diags := small.Value(&hcl.EvalContext{Functions: fns}); diags.HasErrors() || b.Err() != nil || !v.RawEquals(cty.NumberIntVal(1000)) {
			t.Fatalf("= %#v, %v, %v", v, diags, b.Err())
		}
	}
}
