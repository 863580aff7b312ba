package hclconfig

import (
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"

	"github.com/apparentlymart/go-cidr/cidr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// The IP network functions of Terraform's language, on go-cidr as
// Terraform's are.

// parseCIDR reads an address prefix as Terraform does: as Go's net did
// before Go 1.17, IPv4 octets may have leading zeros, read as decimal.
func parseCIDR(s string) (*net.IPNet, error) {
	addr, bits, ok := strings.Cut(s, "/")
	if ok && !strings.Contains(addr, ":") {
		if octets := strings.Split(addr, "."); len(octets) == 4 {
			for i, o := range octets {
				if n, err := strconv.ParseUint(o, 10, 8); err == nil && len(o) > 1 && o[0] == '0' {
					octets[i] = strconv.FormatUint(n, 10)
				}
			}
			s = strings.Join(octets, ".") + "/" + bits
		}
	}
	_, network, err := net.ParseCIDR(s)
	if err != nil {
		return nil, fmt.Errorf("invalid CIDR expression: %w", err)
	}
	return network, nil
}

// wholeNumber reads a number argument that must be an integer.
func wholeNumber(v cty.Value, arg int) (*big.Int, error) {
	i, acc := v.AsBigFloat().Int(nil)
	if acc != big.Exact {
		return nil, function.NewArgErrorf(arg, "value must be a whole number")
	}
	return i, nil
}

func smallNumber(v cty.Value, arg int) (int, error) {
	i, err := wholeNumber(v, arg)
	if err != nil {
		return 0, err
	}
	if !i.IsInt64() || i.Int64() != int64(int(i.Int64())) {
		return 0, function.NewArgErrorf(arg, "value must be a whole number between %d and %d", -1<<31, 1<<31-1)
	}
	return int(i.Int64()), nil
}

// cidrHostFunc is cidrhost(prefix, hostnum): the address of host number
// hostnum in a network, counting back from its end when negative.
var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := wholeNumber(args[1], 1)
		if err != nil {
			return cty.NilVal, err
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		ip, err := cidr.HostBig(network, n)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(ip.String()), nil
	},
})

// cidrNetmaskFunc is cidrnetmask(prefix): an IPv4 network's mask as an
// address.
var cidrNetmaskFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if network.IP.To4() == nil {
			return cty.NilVal, fmt.Errorf("IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		return cty.StringVal(net.IP(network.Mask).String()), nil
	},
})

// cidrSubnetFunc is cidrsubnet(prefix, newbits, netnum): subnet number
// netnum of a network, its prefix newbits longer.
var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		bits, err := smallNumber(args[1], 1)
		if err != nil {
			return cty.NilVal, err
		}
		num, err := wholeNumber(args[2], 2)
		if err != nil {
			return cty.NilVal, err
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		sub, err := cidr.SubnetBig(network, bits, num)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(sub.String()), nil
	},
})

// cidrSubnetsFunc is cidrsubnets(prefix, newbits...): consecutive subnets
// of a network, each newbits longer than it, each aligned after the last.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam:     &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		start, _ := network.Mask.Size()
		width := len(network.IP) * 8
		out := make([]cty.Value, len(args)-1)
		var current *net.IPNet
		for i, a := range args[1:] {
			bits, err := smallNumber(a, i+1)
			if err != nil {
				return cty.NilVal, err
			}
			switch {
			case bits < 1:
				return cty.NilVal, function.NewArgErrorf(i+1, "must extend prefix by at least one bit")
			case bits > 32:
				return cty.NilVal, function.NewArgErrorf(i+1, "may not extend prefix by more than 32 bits")
			case start+bits > width:
				return cty.NilVal, function.NewArgErrorf(i+1, "would extend prefix to %d bits, which is too long for an IPv%d address", start+bits, map[int]int{32: 4, 128: 6}[width])
			}
			if current == nil {
				// The first subnet starts at the network's own address.
				current, _ = cidr.PreviousSubnet(network, start+bits)
			}
			next, rollover := cidr.NextSubnet(current, start+bits)
			if rollover || !network.Contains(next.IP) {
				return cty.NilVal, function.NewArgErrorf(i+1, "not enough remaining address space for a subnet with a prefix of %d bits after %s", start+bits, current)
			}
			current = next
			out[i] = cty.StringVal(current.String())
		}
		return cty.ListVal(out), nil
	},
})
