package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// junitFormat writes JUnit XML, the test report CI systems render (GitLab's
// artifacts:reports:junit, Jenkins, Azure DevOps): one test suite per
// checklist section, one test case per check and resource (classname the
// check ID, name the address or "(plan)"), a failure for each failed
// result with its evidence in the body (a failure that was there before the
// plan says so: its message starts "existing: "), unknown and waived results skipped
// with their reason, one more suite of errors when some check could not
// judge a plan, and one of warnings (skipped cases) when the verdict does
// not cover everything (a module not read, a variable without a value). Text from plans and configurations has its control
// characters made visible (safeText), and bodies are character data whose
// newlines the encoder writes as &#xA;: the file may go to a CI log, where
// no line may start with a plan's text.
type junitFormat struct {
	opts Options
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string `xml:"name,attr"`
	Classname string `xml:"classname,attr"`
	File      string `xml:"file,attr,omitempty"`
	Line      int    `xml:"line,attr,omitempty"`
	Time      string `xml:"time,attr"`
	// In the order of the JUnit schema Jenkins and GitLab follow.
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

// junitText is a body of text.
type junitText struct {
	Text string `xml:",chardata"`
}

// junitSkipped has no body in the schema: details go to system-out.
type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",chardata"`
}

func (f junitFormat) Write(w io.Writer, rep *engine.Report) error {
	doc := junitSuites{Name: ToolName, Time: "0", Suites: []junitSuite{}}
	showInput := len(rep.Inputs) > 1

	bySection := map[string][]engine.Result{}
	for _, r := range rep.Results {
		bySection[r.Section] = append(bySection[r.Section], r)
	}
	scores := map[string]int{}
	for _, sec := range rep.Summary.Sections {
		scores[sec.Section] = sec.Score
	}

	for _, name := range sectionNames(rep) {
		rs := bySection[name]
		props := &junitProperties{Property: []junitProperty{
			{Name: "profile", Value: safeText(rep.Profile)},
			{Name: "fail_on", Value: rep.FailOn.String()},
		}}
		if gateIntroduced(rep) {
			props.Property = append(props.Property, junitProperty{Name: "gate", Value: string(engine.GateIntroduced)})
		}
		if score, ok := scores[name]; ok {
			props.Property = append(props.Property, junitProperty{Name: "score", Value: fmt.Sprint(score)})
		}
		suite := junitSuite{Name: safeText(name), Time: "0", Properties: props}
		for _, r := range rs {
			c := f.testCase(r, showInput)
			switch {
			case c.Failure != nil:
				suite.Failures++
			case c.Skipped != nil:
				suite.Skipped++
			}
			suite.Cases = append(suite.Cases, c)
		}
		suite.Tests = len(suite.Cases)
		doc.Suites = append(doc.Suites, suite)
	}
	if len(rep.Errors) > 0 {
		suite := junitSuite{Name: "errors", Time: "0", Tests: len(rep.Errors), Errors: len(rep.Errors)}
		for i, e := range rep.Errors {
			suite.Cases = append(suite.Cases, junitCase{
				Name: fmt.Sprintf("error %d", i+1), Classname: ToolName, Time: "0",
				Error: &junitMessage{Message: safeText(e), Type: "check error", Body: safeText(e)},
			})
		}
		doc.Suites = append(doc.Suites, suite)
	}
	if len(rep.Warnings) > 0 {
		// What the verdict does not cover: skipped, as nothing judged it.
		suite := junitSuite{Name: "warnings", Time: "0", Tests: len(rep.Warnings), Skipped: len(rep.Warnings)}
		for i, w := range rep.Warnings {
			suite.Cases = append(suite.Cases, junitCase{
				Name: fmt.Sprintf("warning %d", i+1), Classname: ToolName, Time: "0",
				Skipped:   &junitSkipped{Message: "not judged: " + safeText(w)},
				SystemOut: &junitText{Text: safeText(w)},
			})
		}
		doc.Suites = append(doc.Suites, suite)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}

	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (f junitFormat) testCase(r engine.Result, showInput bool) junitCase {
	name := r.Address
	if name == "" {
		name = "(plan)"
	}
	if showInput {
		name += " in " + r.Input
	}
	c := junitCase{Name: safeText(name), Classname: safeText(r.CheckID), Time: "0"}
	file, line, located := f.opts.location(r)
	if located {
		c.File, c.Line = safeText(file), line
	}
	msg := r.Message
	if msg == "" {
		msg = r.Title
	}
	msg = safeText(msg)

	var body strings.Builder
	body.WriteString(r.Title + "\n")
	if r.Status == check.StatusFail && r.Change == engine.ChangeExisting {
		// The plan did not make it: it was there before.
		msg = "existing: " + msg
		body.WriteString("There before this plan (change: existing).\n")
	}
	if r.Message != "" {
		body.WriteString(r.Message + "\n")
	}
	for _, e := range r.Evidence {
		fmt.Fprintf(&body, "%s = %s\n", e.Attribute, e.Value)
	}
	if located {
		fmt.Fprintf(&body, "declared at %s:%d\n", file, line)
	}
	if r.Remediation != "" {
		body.WriteString("How to fix: " + r.Remediation + "\n")
	}
	if r.Docs != "" {
		body.WriteString(r.Docs + "\n")
	}

	details := safeText(body.String())
	switch r.Status {
	case check.StatusFail:
		c.Failure = &junitMessage{Message: msg, Type: r.Severity.String(), Body: details}
	case check.StatusUnknown:
		c.Skipped = &junitSkipped{Message: "unknown: " + msg}
		c.SystemOut = &junitText{Text: details}
	case check.StatusWaived:
		c.Skipped = &junitSkipped{Message: "waived: " + msg}
		c.SystemOut = &junitText{Text: details}
	}
	return c
}
