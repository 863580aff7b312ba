package runtask

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// The outcome body is Markdown that HCP Terraform renders: text from a plan
// must show as text, never as markup, HTML, a link or a mention.

// mdText is one line of text, escaped.
func mdText(s string) string {
	return mdEscaper.Replace(report.SafeLine(s))
}

var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "@", "&#64;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"#", `\#`, "|", `\|`, "~", `\~`, "!", `\!`,
)

// mdCode is a code span holding s whatever backticks it has.
func mdCode(s string) string {
	s = report.SafeLine(s)
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	if s == "" || strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return ticks + s + ticks
}

// mdURL keeps a link target from closing the link early.
func mdURL(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(u)
}

func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}
