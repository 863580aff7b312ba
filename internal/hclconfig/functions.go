package hclconfig

import (
	"strings"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// sensitiveMark marks values that Terraform treats as sensitive: sensitive
// variables and outputs, and sensitive() results.
type marker string

const sensitiveMark = marker("sensitive")

// functions are the functions of Terraform 1.8's language whose result
// depends on their arguments alone: the cty standard library's where
// Terraform uses it, the rest written here after Terraform's documented
// behaviour (functions_terraform.go, functions_encoding.go,
// functions_cidr.go), each held to the real terraform console by
// console_test.go. The functions that read files or depend on the directory
// are built per module (functions_file.go).
//
// A function whose result this reader cannot know (the impure ones, a file
// outside the module, a function it lacks) makes its expression unknown,
// never guessed, and try() and can() return unknown for it rather than
// their fallback (functions_try.go).
var functions = map[string]function.Function{
	"abs":              stdlib.AbsoluteFunc,
	"alltrue":          allTrueFunc,
	"anytrue":          anyTrueFunc,
	"base64decode":     base64DecodeFunc,
	"base64encode":     base64EncodeFunc,
	"base64gzip":       base64GzipFunc,
	"base64sha256":     hashFunc(sha256Sum, base64Text),
	"base64sha512":     hashFunc(sha512Sum, base64Text),
	"basename":         basenameFunc,
	"bcrypt":           unpredictable(cty.String, []function.Parameter{{Name: "str", Type: cty.String}}, &function.Parameter{Name: "cost", Type: cty.Number}),
	"can":              canFunc,
	"ceil":             stdlib.CeilFunc,
	"chomp":            stdlib.ChompFunc,
	"chunklist":        stdlib.ChunklistFunc,
	"cidrhost":         cidrHostFunc,
	"cidrnetmask":      cidrNetmaskFunc,
	"cidrsubnet":       cidrSubnetFunc,
	"cidrsubnets":      cidrSubnetsFunc,
	"coalesce":         coalesceFunc,
	"coalescelist":     stdlib.CoalesceListFunc,
	"compact":          stdlib.CompactFunc,
	"concat":           stdlib.ConcatFunc,
	"contains":         stdlib.ContainsFunc,
	"csvdecode":        stdlib.CSVDecodeFunc,
	"dirname":          dirnameFunc,
	"distinct":         stdlib.DistinctFunc,
	"element":          elementFunc,
	"endswith":         stringTestFunc("suffix", strings.HasSuffix),
	"flatten":          stdlib.FlattenFunc,
	"floor":            stdlib.FloorFunc,
	"format":           stdlib.FormatFunc,
	"formatdate":       stdlib.FormatDateFunc,
	"formatlist":       stdlib.FormatListFunc,
	"indent":           stdlib.IndentFunc,
	"index":            indexFunc,
	"issensitive":      issensitiveFunc,
	"join":             stdlib.JoinFunc,
	"jsondecode":       stdlib.JSONDecodeFunc,
	"jsonencode":       stdlib.JSONEncodeFunc,
	"keys":             stdlib.KeysFunc,
	"length":           lengthFunc,
	"log":              stdlib.LogFunc,
	"lookup":           lookupFunc,
	"lower":            stdlib.LowerFunc,
	"matchkeys":        matchkeysFunc,
	"max":              stdlib.MaxFunc,
	"md5":              hashFunc(md5Sum, hexText),
	"merge":            stdlib.MergeFunc,
	"min":              stdlib.MinFunc,
	"nonsensitive":     nonsensitiveFunc,
	"one":              oneFunc,
	"parseint":         stdlib.ParseIntFunc,
	"pathexpand":       pathexpandFunc,
	"plantimestamp":    unpredictable(cty.String, nil, nil),
	"pow":              stdlib.PowFunc,
	"range":            stdlib.RangeFunc,
	"regex":            stdlib.RegexFunc,
	"regexall":         stdlib.RegexAllFunc,
	"replace":          replaceFunc,
	"reverse":          stdlib.ReverseListFunc,
	"rsadecrypt":       rsaDecryptFunc,
	"sensitive":        sensitiveFunc,
	"setintersection":  stdlib.SetIntersectionFunc,
	"setproduct":       stdlib.SetProductFunc,
	"setsubtract":      stdlib.SetSubtractFunc,
	"setunion":         stdlib.SetUnionFunc,
	"sha1":             hashFunc(sha1Sum, hexText),
	"sha256":           hashFunc(sha256Sum, hexText),
	"sha512":           hashFunc(sha512Sum, hexText),
	"signum":           stdlib.SignumFunc,
	"slice":            stdlib.SliceFunc,
	"sort":             stdlib.SortFunc,
	"split":            stdlib.SplitFunc,
	"startswith":       stringTestFunc("prefix", strings.HasPrefix),
	"strcontains":      stringTestFunc("substr", strings.Contains),
	"strrev":           stdlib.ReverseFunc,
	"substr":           stdlib.SubstrFunc,
	"sum":              sumFunc,
	"textdecodebase64": textDecodeBase64Func,
	"textencodebase64": textEncodeBase64Func,
	"timeadd":          stdlib.TimeAddFunc,
	"timecmp":          timecmpFunc,
	"timestamp":        unpredictable(cty.String, nil, nil),
	"title":            stdlib.TitleFunc,
	"tobool":           stdlib.MakeToFunc(cty.Bool),
	"tolist":           stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
	"tomap":            stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
	"tonumber":         stdlib.MakeToFunc(cty.Number),
	"toset":            stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
	"tostring":         stdlib.MakeToFunc(cty.String),
	"transpose":        transposeFunc,
	"trim":             stdlib.TrimFunc,
	"trimprefix":       stdlib.TrimPrefixFunc,
	"trimspace":        stdlib.TrimSpaceFunc,
	"trimsuffix":       stdlib.TrimSuffixFunc,
	"try":              tryFunc,
	"upper":            stdlib.UpperFunc,
	"urlencode":        urlencodeFunc,
	"uuid":             unpredictable(cty.String, nil, nil),
	"uuidv5":           uuidv5Func,
	"values":           stdlib.ValuesFunc,
	"yamldecode":       yamldecodeFunc,
	"yamlencode":       ctyyaml.YAMLEncodeFunc,
	"zipmap":           stdlib.ZipmapFunc,
}

// unpredictable is a function whose result this reader cannot know: an
// impure one (timestamp, uuid, bcrypt's salt, plantimestamp). It takes the
// arguments Terraform's does, so a wrong call is still an error, and
// returns an unknown value of its type, as Terraform's own are while it
// plans.
func unpredictable(ty cty.Type, params []function.Parameter, varParam *function.Parameter) function.Function {
	return function.New(&function.Spec{
		Params:   params,
		VarParam: varParam,
		Type:     function.StaticReturnType(ty),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.UnknownVal(ty), nil
		},
	})
}

// lengthFunc is Terraform's length: characters of a string, elements of a
// collection or structure.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		ty := v.Type()
		switch {
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		}
		n, err := stdlib.Length(v)
		return n.WithMarks(marks), err
	},
})

// replaceFunc is Terraform's replace: a substring wrapped in slashes is a
// regular expression.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		sub := args[1].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			return stdlib.RegexReplace(args[0], cty.StringVal(sub[1:len(sub)-1]), args[2])
		}
		return stdlib.Replace(args[0], args[1], args[2])
	},
})

var sensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(sensitiveMark), nil
	},
})

var nonsensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, sensitiveMark)
		return v.WithMarks(marks), nil
	},
})

// issensitiveFunc is Terraform's issensitive: whether the value itself is
// marked sensitive; unknown for an unknown value that is not.
var issensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch v := args[0]; {
		case v.HasMark(sensitiveMark):
			return cty.True, nil
		case !v.IsKnown():
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.False, nil
	},
})
