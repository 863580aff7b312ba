package policy

import (
	"fmt"
	"strings"
)

// Pattern matches resource instance addresses. It is written like an
// address, step by step (module.app["blue"].aws_db_instance.main[0]), where
//
//   - * in a name or key matches any run of characters, ? any one character;
//   - a step without an instance key matches the step with any key or none,
//     so aws_db_instance.main matches aws_db_instance.main[0] and
//     module.app.aws_db_instance.main matches module.app["blue"].aws_db_instance.main;
//   - [*] and ["*"] match any key, and a step ** matches any number of steps
//     (none included): **.aws_db_instance.* is every RDS instance, in any module;
//   - keys may be written with or without quotes: [blue] is ["blue"].
type Pattern struct {
	text  string
	steps []addrStep
}

type addrStep struct {
	name   string
	key    string
	hasKey bool
}

// ParsePattern reads an address pattern. "" and "*" are not special: use
// ** to match everything.
func ParsePattern(text string) (Pattern, error) {
	steps, err := splitAddress(text)
	if err != nil {
		return Pattern{}, err
	}
	for _, s := range steps {
		if s.name == "" {
			return Pattern{}, fmt.Errorf("empty step in %q", text)
		}
		if strings.Contains(s.name, "**") && s.name != "**" {
			return Pattern{}, fmt.Errorf("** must be a whole step in %q", text)
		}
	}
	return Pattern{text: text, steps: steps}, nil
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.text }

// Match reports whether the instance address matches the pattern. An empty
// address (a finding about a whole plan) matches only **.
func (p Pattern) Match(address string) bool {
	if address == "" {
		return len(p.steps) == 1 && p.steps[0].name == "**"
	}
	steps, err := splitAddress(address)
	if err != nil {
		return false
	}
	return matchSteps(p.steps, steps)
}

func matchSteps(pat, addr []addrStep) bool {
	for len(pat) > 0 {
		if pat[0].name == "**" {
			for i := 0; i <= len(addr); i++ {
				if matchSteps(pat[1:], addr[i:]) {
					return true
				}
			}
			return false
		}
		if len(addr) == 0 || !matchStep(pat[0], addr[0]) {
			return false
		}
		pat, addr = pat[1:], addr[1:]
	}
	return len(addr) == 0
}

func matchStep(pat, addr addrStep) bool {
	if !glob(pat.name, addr.name) {
		return false
	}
	if !pat.hasKey {
		return true
	}
	return addr.hasKey && glob(pat.key, addr.key)
}

// splitAddress splits an address into its dot-separated steps, each with
// its instance key unquoted. Dots and brackets inside quoted keys are kept.
func splitAddress(addr string) ([]addrStep, error) {
	var steps []addrStep
	var cur addrStep
	var name strings.Builder
	i := 0
	for i < len(addr) {
		c := addr[i]
		switch {
		case c == '.':
			cur.name = name.String()
			steps = append(steps, cur)
			cur, name = addrStep{}, strings.Builder{}
			i++
		case c == '[':
			if cur.hasKey {
				return nil, fmt.Errorf("two instance keys in one step of %q", addr)
			}
			key, n, err := readKey(addr[i:])
			if err != nil {
				return nil, fmt.Errorf("%w in %q", err, addr)
			}
			cur.key, cur.hasKey = key, true
			i += n
			if i < len(addr) && addr[i] != '.' {
				return nil, fmt.Errorf("unexpected %q after an instance key in %q", addr[i], addr)
			}
		default:
			name.WriteByte(c)
			i++
		}
	}
	cur.name = name.String()
	return append(steps, cur), nil
}

// readKey reads [key] or ["key"] at the start of s and returns the key
// unquoted and the length read.
func readKey(s string) (string, int, error) {
	if len(s) > 1 && s[1] == '"' {
		var b strings.Builder
		for i := 2; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			case '"':
				if i+1 < len(s) && s[i+1] == ']' {
					return b.String(), i + 2, nil
				}
				return "", 0, fmt.Errorf("missing ] after a quoted key")
			default:
				b.WriteByte(s[i])
			}
		}
		return "", 0, fmt.Errorf("unterminated quoted key")
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return "", 0, fmt.Errorf("missing ]")
	}
	return s[1:end], end + 1, nil
}

// glob matches s against a pattern where * is any run of characters and ?
// any one character.
func glob(pattern, s string) bool {
	px, sx := 0, 0
	nextPx, nextSx := -1, -1
	for px < len(pattern) || sx < len(s) {
		if px < len(pattern) {
			switch c := pattern[px]; c {
			case '*':
				nextPx, nextSx = px, sx+1
				px++
				continue
			case '?':
				if sx < len(s) {
					px++
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if nextPx >= 0 && nextSx <= len(s) {
			px, sx = nextPx, nextSx
			continue
		}
		return false
	}
	return true
}
