package checks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the AWS access-control and encryption checks: IAM policy
// documents read from policy JSON, from data.aws_iam_policy_document
// sources (planned values, else configuration), and judged statement by
// statement with what the plan leaves unknown.

// tri is a three-valued answer: a statement does, may or does not match.
type tri int

const (
	triNo tri = iota
	triMaybe
	triYes
)

// triAll is the conjunction of answers.
func triAll(ts ...tri) tri {
	out := triYes
	for _, t := range ts {
		if t == triNo {
			return triNo
		}
		if t == triMaybe {
			out = triMaybe
		}
	}
	return out
}

// iamList is a list of a statement (Action, Resource, identifiers, values):
// the known elements, and whether any element or the whole list is unknown.
type iamList struct {
	vals    []string
	unknown bool
}

func (l iamList) set() bool { return len(l.vals) > 0 || l.unknown }

// any reports whether an element matches: yes for a known one, maybe when
// elements are unknown.
func (l iamList) any(match func(string) bool) tri {
	for _, v := range l.vals {
		if match(v) {
			return triYes
		}
	}
	if l.unknown {
		return triMaybe
	}
	return triNo
}

func (l iamList) String() string {
	parts := make([]string, 0, len(l.vals)+1)
	for _, v := range l.vals {
		b, _ := json.Marshal(v)
		parts = append(parts, string(b))
	}
	if l.unknown {
		parts = append(parts, model.KnownAfterApply)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

type iamPrincipal struct {
	typ string // "*" for Principal "*", AWS, Service, Federated...
	ids iamList
}

type iamCondition struct {
	test, variable string
	values         iamList
	unknown        bool // test or variable unknown
}

// iamStatement is one statement of a policy document. An empty effect means
// the effect is known only after apply.
type iamStatement struct {
	where                   string // statement[0] or its Sid
	effect                  string
	actions, notActions     iamList
	resources, notResources iamList
	principals              []iamPrincipal
	principalsUnknown       bool
	notPrincipals           tri
	conditions              []iamCondition
	conditionsUnknown       bool
}

// describe renders a statement for evidence.
func (s iamStatement) describe() string {
	effect := s.effect
	if effect == "" {
		effect = model.KnownAfterApply
	}
	parts := []string{s.where + ": Effect " + effect}
	if s.notActions.set() {
		parts = append(parts, "NotAction "+s.notActions.String())
	} else {
		parts = append(parts, "Action "+s.actions.String())
	}
	switch {
	case s.notResources.set():
		parts = append(parts, "NotResource "+s.notResources.String())
	case s.resources.set():
		parts = append(parts, "Resource "+s.resources.String())
	}
	if len(s.principals) > 0 || s.principalsUnknown {
		var ps []string
		for _, p := range s.principals {
			ps = append(ps, p.typ+" "+p.ids.String())
		}
		if s.principalsUnknown {
			ps = append(ps, model.KnownAfterApply)
		}
		parts = append(parts, "Principal "+strings.Join(ps, ", "))
	}
	switch {
	case s.conditionsUnknown:
		parts = append(parts, "Condition "+model.KnownAfterApply)
	case len(s.conditions) == 0:
		parts = append(parts, "no Condition")
	default:
		var cs []string
		for _, c := range s.conditions {
			cs = append(cs, c.test+" "+c.variable+" "+c.values.String())
		}
		parts = append(parts, "Condition "+strings.Join(cs, "; "))
	}
	return strings.Join(parts, ", ")
}

// effectIs answers whether the statement's effect is want.
func (s iamStatement) effectIs(want string) tri {
	switch {
	case s.effect == "":
		return triMaybe
	case strings.EqualFold(s.effect, want):
		return triYes
	}
	return triNo
}

// unconditional answers whether the statement has no Condition.
func (s iamStatement) unconditional() tri {
	switch {
	case len(s.conditions) > 0:
		return triNo
	case s.conditionsUnknown:
		return triMaybe
	}
	return triYes
}

// anyPrincipal answers whether the statement applies to every principal:
// Principal "*", {"AWS": "*"}, or a NotPrincipal (everyone but some).
func (s iamStatement) anyPrincipal() tri {
	if s.notPrincipals == triYes {
		return triYes
	}
	out := triNo
	if s.principalsUnknown || s.notPrincipals == triMaybe {
		out = triMaybe
	}
	for _, p := range s.principals {
		if p.typ != "*" && p.typ != "AWS" && p.typ != "" {
			continue
		}
		switch t := p.ids.any(func(id string) bool { return id == "*" }); {
		case t == triYes && p.typ != "":
			return triYes
		case t != triNo:
			out = triMaybe
		}
	}
	return out
}

// iamBroadAction reports an action that grants a whole service or all of
// them: "*", "*:*" or "service:*".
func iamBroadAction(a string) bool {
	return a == "*" || strings.HasSuffix(a, ":*")
}

// iamGrantsAll answers whether a statement allows every action of a
// service (or of all services) on every resource, with no condition.
func iamGrantsAll(s iamStatement) tri {
	actions := s.actions.any(iamBroadAction)
	if s.notActions.set() {
		actions = triYes // everything but a few actions
	}
	resources := s.resources.any(func(r string) bool { return r == "*" })
	if s.notResources.set() {
		resources = triYes
	}
	return triAll(s.effectIs("Allow"), s.unconditional(), actions, resources)
}

// iamTrustsAnyone answers whether a trust-policy statement lets any
// principal assume the role, with no condition.
func iamTrustsAnyone(s iamStatement) tri {
	return triAll(s.effectIs("Allow"), s.unconditional(), s.anyPrincipal())
}

// iamDoc is a policy document as far as the plan shows it. where names it
// in evidence; unread says why it, or part of it, cannot be read;
// sensitive keeps its statements out of evidence.
type iamDoc struct {
	where      string
	statements []iamStatement
	unread     string
	sensitive  bool
}

// iamParseJSON reads a policy document: Statement an object or a list,
// Action, Resource, Principal and Condition values strings or lists.
func iamParseJSON(doc string) ([]iamStatement, error) {
	var d struct {
		Statement json.RawMessage
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return nil, err
	}
	raw := bytes.TrimSpace(d.Statement)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	var stmts []map[string]any
	if raw[0] == '{' {
		var one map[string]any
		if err := json.Unmarshal(raw, &one); err != nil {
			return nil, err
		}
		stmts = []map[string]any{one}
	} else if err := json.Unmarshal(raw, &stmts); err != nil {
		return nil, err
	}
	out := make([]iamStatement, 0, len(stmts))
	for i, s := range stmts {
		out = append(out, iamFromJSON(i, s))
	}
	return out, nil
}

func iamFromJSON(i int, s map[string]any) iamStatement {
	st := iamStatement{where: fmt.Sprintf("statement[%d]", i)}
	if sid, _ := s["Sid"].(string); sid != "" {
		st.where += fmt.Sprintf(" (Sid %q)", sid)
	}
	st.effect, _ = s["Effect"].(string)
	if st.effect == "" {
		st.effect = "(none)"
	}
	st.actions, st.notActions = iamJSONList(s["Action"]), iamJSONList(s["NotAction"])
	st.resources, st.notResources = iamJSONList(s["Resource"]), iamJSONList(s["NotResource"])
	switch pr := s["Principal"].(type) {
	case string:
		st.principals = []iamPrincipal{{typ: "*", ids: iamList{vals: []string{pr}}}}
	case map[string]any:
		for _, typ := range mapKeys(pr) {
			st.principals = append(st.principals, iamPrincipal{typ: typ, ids: iamJSONList(pr[typ])})
		}
	}
	if _, ok := s["NotPrincipal"]; ok {
		st.notPrincipals = triYes
	}
	cond, _ := s["Condition"].(map[string]any)
	for _, test := range mapKeys(cond) {
		vars, _ := cond[test].(map[string]any)
		for _, variable := range mapKeys(vars) {
			st.conditions = append(st.conditions, iamCondition{test: test, variable: variable, values: iamJSONList(vars[variable])})
		}
	}
	return st
}

// iamJSONList reads a string or a list; booleans and numbers (condition
// values) are read as IAM compares them, as strings.
func iamJSONList(v any) iamList {
	var l iamList
	elems, ok := v.([]any)
	if !ok && v != nil {
		elems = []any{v}
	}
	for _, e := range elems {
		switch e := e.(type) {
		case string:
			l.vals = append(l.vals, e)
		case bool, float64:
			l.vals = append(l.vals, fmt.Sprint(e))
		}
	}
	return l
}

// iamDocs returns the documents an attribute of r holds (policy,
// assume_role_policy): the JSON itself when known, else the
// data.aws_iam_policy_document sources its configuration refers to. label
// names the attribute in evidence.
func iamDocs(p *model.Plan, r *model.Resource, attr, label string) []iamDoc {
	a := r.Attr(attr)
	if s, ok := a.Str(); ok {
		return []iamDoc{iamDocFromJSON(label, s, a.Sensitive)}
	}
	if !a.Unknown {
		return nil // null: no document
	}
	if docs := iamDataDocs(p, r, attr); len(docs) > 0 {
		return docs
	}
	return []iamDoc{{where: label, unread: attr + " is known only after apply, and comes from no aws_iam_policy_document the plan shows"}}
}

func iamDocFromJSON(label, s string, sensitive bool) iamDoc {
	if strings.TrimSpace(s) == "" {
		return iamDoc{where: label}
	}
	stmts, err := iamParseJSON(s)
	d := iamDoc{where: label, statements: stmts, sensitive: sensitive}
	if err != nil {
		d.unread = "the policy is not a JSON policy document"
	}
	return d
}

// iamDataDocs follows an attribute's references to policy-document data
// sources: their instances in the plan, else their configuration.
func iamDataDocs(p *model.Plan, r *model.Resource, attr string) []iamDoc {
	var out []iamDoc
	for _, d := range p.Refs(r, attr) {
		if d.Type == "aws_iam_policy_document" && !d.Managed() {
			out = append(out, iamDataDoc(p, d, 0))
		}
	}
	if len(out) > 0 {
		return out
	}
	in := r.Addr().Module()
	for _, text := range r.ExprRefs(attr) {
		ref, _ := model.ParseRef(text)
		if ref.Kind != model.RefData || ref.Type != "aws_iam_policy_document" {
			continue
		}
		addr := ref.ConfigAddress(in)
		if body, ok := p.ResourceConfig(addr); ok {
			out = append(out, iamConfigDoc(addr, body))
		}
	}
	return out
}

type iamDataDocKey struct{ r *model.Resource }

// iamDataDoc reads a data.aws_iam_policy_document: its json when read at
// plan time, else its statement blocks and the documents it merges. Merged
// documents are judged together with its own statements, although an
// override document replaces statements of the same sid: the union can
// only err towards a finding.
func iamDataDoc(p *model.Plan, d *model.Resource, depth int) iamDoc {
	return p.Memo(iamDataDocKey{d}, func() any {
		if s, ok := d.Attr("json").Str(); ok && s != "" {
			return iamDocFromJSON(d.Address, s, d.Attr("json").Sensitive)
		}
		doc := iamDoc{where: d.Address}
		st := d.Attr("statement")
		if st.Unknown {
			doc.unread = "its statement blocks are known only after apply"
		}
		for i := range st.List() {
			doc.statements = append(doc.statements, iamDataStatement(d, i))
		}
		for _, attr := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
			a := d.Attr(attr)
			for _, s := range append(a.Strings(), iamStrOf(a)...) {
				doc.statements = append(doc.statements, iamDocFromJSON(d.Address, s, a.Sensitive).statements...)
				doc.sensitive = doc.sensitive || a.Sensitive
			}
			if !d.HasUnknown(attr) {
				continue
			}
			merged := false
			if depth < 4 {
				for _, src := range p.Refs(d, attr) {
					if src.Type == "aws_iam_policy_document" && !src.Managed() && src != d {
						sub := iamDataDoc(p, src, depth+1)
						doc.statements = append(doc.statements, sub.statements...)
						doc.sensitive = doc.sensitive || sub.sensitive
						if sub.unread != "" && doc.unread == "" {
							doc.unread = sub.unread
						}
						merged = true
					}
				}
			}
			if !merged && doc.unread == "" {
				doc.unread = attr + " is known only after apply"
			}
		}
		return doc
	}).(iamDoc)
}

func iamStrOf(a model.Attr) []string {
	if s, ok := a.Str(); ok && s != "" {
		return []string{s}
	}
	return nil
}

// iamDataStatement reads statement i of a policy-document data source's
// planned values; an unset effect is the data source's default, Allow.
func iamDataStatement(d *model.Resource, i int) iamStatement {
	at := func(steps ...model.Step) []model.Step { return append([]model.Step{"statement", i}, steps...) }
	list := func(steps ...model.Step) iamList {
		a := d.Attr(at(steps...)...)
		return iamList{vals: a.Strings(), unknown: a.Unknown || d.HasUnknown(at(steps...)...)}
	}
	st := iamStatement{where: fmt.Sprintf("statement[%d]", i)}
	if sid, ok := d.Attr(at("sid")...).Str(); ok && sid != "" {
		st.where += fmt.Sprintf(" (sid %q)", sid)
	}
	eff := d.Attr(at("effect")...)
	if s, ok := eff.Str(); ok && s != "" {
		st.effect = s
	} else if !eff.Unknown {
		st.effect = "Allow"
	}
	st.actions, st.notActions = list("actions"), list("not_actions")
	st.resources, st.notResources = list("resources"), list("not_resources")
	principals := d.Attr(at("principals")...)
	st.principalsUnknown = principals.Unknown
	for j := range principals.List() {
		typ := d.Attr(at("principals", j, "type")...)
		t, _ := typ.Str()
		if typ.Unknown {
			st.principalsUnknown = true
		}
		st.principals = append(st.principals, iamPrincipal{typ: t, ids: list("principals", j, "identifiers")})
	}
	if np := d.Attr(at("not_principals")...); np.Unknown {
		st.notPrincipals = triMaybe
	} else if len(np.List()) > 0 {
		st.notPrincipals = triYes
	}
	conds := d.Attr(at("condition")...)
	st.conditionsUnknown = conds.Unknown
	for j := range conds.List() {
		test, variable := d.Attr(at("condition", j, "test")...), d.Attr(at("condition", j, "variable")...)
		t, _ := test.Str()
		v, _ := variable.Str()
		st.conditions = append(st.conditions, iamCondition{test: t, variable: v,
			values: list("condition", j, "values"), unknown: test.Unknown || variable.Unknown})
	}
	return st
}

// iamConfigDoc reads a policy-document data block's statement blocks from
// the configuration: constants are known, references are not.
func iamConfigDoc(where string, body model.Block) iamDoc {
	doc := iamDoc{where: where}
	for _, name := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
		if body.Expr(name).Set() {
			doc.unread = "it merges other documents (" + name + ") that the plan does not show"
		}
	}
	statements := body.Expr("statement").Blocks()
	if len(statements) == 0 {
		if doc.unread == "" {
			doc.unread = "its configuration shows no statement blocks"
		}
		return doc
	}
	for i, b := range statements {
		st := iamStatement{where: fmt.Sprintf("statement[%d]", i), effect: "Allow"}
		if c, known := iamConstant(b.Expr("effect")); !known {
			st.effect = ""
		} else if s, _ := c.(string); s != "" {
			st.effect = s
		}
		st.actions, st.notActions = iamConfigList(b.Expr("actions")), iamConfigList(b.Expr("not_actions"))
		st.resources, st.notResources = iamConfigList(b.Expr("resources")), iamConfigList(b.Expr("not_resources"))
		for _, pb := range iamBlocks(b.Expr("principals"), &st.principalsUnknown) {
			t, known := iamConstant(pb.Expr("type"))
			typ, _ := t.(string)
			st.principalsUnknown = st.principalsUnknown || !known
			st.principals = append(st.principals, iamPrincipal{typ: typ, ids: iamConfigList(pb.Expr("identifiers"))})
		}
		var npUnknown bool
		if len(iamBlocks(b.Expr("not_principals"), &npUnknown)) > 0 {
			st.notPrincipals = triYes
		} else if npUnknown {
			st.notPrincipals = triMaybe
		}
		for _, cb := range iamBlocks(b.Expr("condition"), &st.conditionsUnknown) {
			t, tk := iamConstant(cb.Expr("test"))
			v, vk := iamConstant(cb.Expr("variable"))
			ts, _ := t.(string)
			vs, _ := v.(string)
			st.conditions = append(st.conditions, iamCondition{test: ts, variable: vs, values: iamConfigList(cb.Expr("values")), unknown: !tk || !vk})
		}
		doc.statements = append(doc.statements, st)
	}
	return doc
}

// iamConstant returns an expression's constant value; known is false for an
// expression with references. A missing expression is a known null.
func iamConstant(x model.Expr) (v any, known bool) {
	if !x.Set() {
		return nil, true
	}
	return x.Constant()
}

func iamConfigList(x model.Expr) iamList {
	v, known := iamConstant(x)
	if !known {
		return iamList{unknown: true}
	}
	return iamJSONList(v)
}

// iamBlocks returns the nested blocks of an expression; a dynamic or
// computed set of blocks sets unknown.
func iamBlocks(x model.Expr, unknown *bool) []model.Block {
	blocks := x.Blocks()
	if len(blocks) == 0 && len(x.Refs()) > 0 {
		*unknown = true
	}
	return blocks
}

// iamHit is a statement that answered yes or maybe, with its document.
type iamHit struct {
	doc iamDoc
	st  iamStatement
}

// iamScan runs test over every statement of docs: the first statement that
// matches, else the first that may match; unread names a document that
// could not be read in full.
func iamScan(docs []iamDoc, test func(iamStatement) tri) (yes, maybe *iamHit, unread *iamDoc) {
	for i := range docs {
		d := docs[i]
		for _, st := range d.statements {
			switch test(st) {
			case triYes:
				if yes == nil {
					yes = &iamHit{d, st}
				}
			case triMaybe:
				if maybe == nil {
					maybe = &iamHit{d, st}
				}
			}
		}
		if d.unread != "" && unread == nil {
			unread = &docs[i]
		}
	}
	return yes, maybe, unread
}

func (h *iamHit) evidence(p *model.Plan) check.Evidence {
	if h.doc.sensitive {
		return check.Evidence{Attribute: h.doc.where, Value: h.st.where + ": " + model.Redacted}
	}
	return check.Evidence{Attribute: h.doc.where, Value: p.Scrub(h.st.describe())}
}

func iamUnreadEvidence(d *iamDoc) check.Evidence {
	return evText(d.where, "%s", d.unread)
}

// iamStatementCount is the evidence of a judged document set with no match.
func iamStatementCount(docs []iamDoc, what string) check.Evidence {
	n := 0
	var where []string
	for _, d := range docs {
		n += len(d.statements)
		where = append(where, d.where)
	}
	return check.Evidence{Attribute: strings.Join(where, ", "), Value: fmt.Sprintf("%d statement(s), none %s", n, what)}
}

// iamJudgeBad judges documents where a matching statement is the gap:
// fail on a match, unknown when a statement may match or a document cannot
// be read, else pass.
func iamJudgeBad(p *model.Plan, docs []iamDoc, test func(iamStatement) tri, failMsg, maybeMsg, passMsg, none string) check.Finding {
	yes, maybe, unread := iamScan(docs, test)
	switch {
	case yes != nil:
		return fail(failMsg, yes.evidence(p))
	case maybe != nil:
		return unknown(maybeMsg, maybe.evidence(p))
	case unread != nil:
		return unknown("the policy cannot be read in full from the plan: "+unread.unread, iamUnreadEvidence(unread))
	}
	return pass(passMsg, iamStatementCount(docs, none))
}

// iamManagedPolicyName returns the name of an AWS managed policy ARN in any
// partition (arn:aws:iam::aws:policy/AdministratorAccess).
func iamManagedPolicyName(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || !strings.HasPrefix(parts[1], "aws") || parts[2] != "iam" ||
		parts[4] != "aws" || !strings.HasPrefix(parts[5], "policy/") {
		return "", false
	}
	name := parts[5][strings.LastIndexByte(parts[5], '/')+1:]
	return name, name != ""
}

// iamAdminPolicies are the AWS managed policies that grant an administrator's
// power: all actions, or all of IAM, with which a principal can grant itself
// anything else.
var iamAdminPolicies = map[string]string{
	"AdministratorAccess": "every action on every resource",
	"IAMFullAccess":       "all of IAM, with which the principal can grant itself any other permission",
}

// kmsKeyTypes are the resources whose ARN or ID a kms_key_id can take.
var kmsKeyTypes = []string{"aws_kms_key", "aws_kms_alias", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key"}

// kmsKeySet judges a KMS key attribute that turns encryption on when set:
// a known non-empty value, or a value known only after apply that the
// configuration takes from a KMS key or alias. decided is false when the
// value is unknown and comes from elsewhere.
func kmsKeySet(p *model.Plan, r *model.Resource, attr string) (set, decided bool, e check.Evidence) {
	a := r.Attr(attr)
	e = ev(p, r, attr)
	if s, ok := a.Str(); ok {
		return s != "", true, e
	}
	if !a.Unknown {
		return false, true, e
	}
	var keys []*model.Resource
	for _, k := range p.Refs(r, attr) {
		if slices.Contains(kmsKeyTypes, k.Type) {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		e.Value += " (from " + addresses(keys) + ")"
		return true, true, e
	}
	return false, false, e
}

// encBlock judges a boolean inside a one-element block that turns
// encryption on (encrypt_at_rest[0].enabled): a block known only after apply
// is unknown (the service decides when the configuration leaves it out), a
// known empty block is off.
func encBlock(p *model.Plan, r *model.Resource, block, field, passMsg, failMsg string) check.Finding {
	b := r.Attr(block)
	e := ev(p, r, block)
	switch {
	case b.Unknown:
		msg := block + " is known only after apply"
		switch r.ConfiguredBlock(block) {
		case model.NotSet:
			msg += ": the configuration leaves it to the service"
		case model.CannotTell:
			if r.Config != nil {
				msg += ", or comes from a dynamic block the plan's configuration does not show"
			}
		}
		return unknown(msg, e)
	case !b.Present:
		return unknown("the plan does not hold "+block, e)
	case len(b.List()) == 0:
		e.Value += " (unset: off)"
		return fail(failMsg, e)
	}
	return flag(p, r, true, false, passMsg, failMsg, block, 0, field)
}

// iamInlineDocs returns the documents of an aws_iam_role's inline_policy
// blocks; those known only after apply come from the policy-document data
// sources the blocks refer to.
func iamInlineDocs(p *model.Plan, r *model.Resource) []iamDoc {
	a := r.Attr("inline_policy")
	var docs []iamDoc
	pending := a.Unknown
	elsewhere := iamRolePolicyNames(p, r)
	for i := range a.List() {
		if name, _ := r.Attr("inline_policy", i, "name").Str(); elsewhere[name] {
			continue // an aws_iam_role_policy of the plan: judged there
		}
		pol := r.Attr("inline_policy", i, "policy")
		if s, ok := pol.Str(); ok {
			docs = append(docs, iamDocFromJSON(fmt.Sprintf("inline_policy[%d].policy", i), s, pol.Sensitive))
		}
		pending = pending || pol.Unknown
	}
	if pending {
		data := iamDataDocs(p, r, "inline_policy")
		if len(data) == 0 {
			data = []iamDoc{{where: "inline_policy", unread: "an inline policy is known only after apply, and comes from no aws_iam_policy_document the plan shows"}}
		}
		docs = append(docs, data...)
	}
	return docs
}

// iamRolePolicyNames are the names of the role's inline policies that
// aws_iam_role_policy resources of the plan manage: the role's planned
// inline_policy also lists them when its configuration does not set it.
func iamRolePolicyNames(p *model.Plan, role *model.Resource) map[string]bool {
	names := map[string]bool{}
	for _, rp := range linkedFrom(p, role, "name", model.Path{"role"}, "aws_iam_role_policy") {
		if n, ok := rp.Attr("name").Str(); ok {
			names[n] = true
		}
	}
	return names
}

// iamJudgeAttachment judges the managed policy ARNs an attachment (or a
// role's managed_policy_arns) attaches. ARNs known only after apply are
// decided by what the configuration takes them from: a customer managed
// aws_iam_policy is not an AWS administrator policy; a data.aws_iam_policy
// is judged by its known ARN or name.
func iamJudgeAttachment(p *model.Plan, r *model.Resource, attr string) check.Finding {
	a := r.Attr(attr)
	e := ev(p, r, attr)
	arns := a.Strings()
	if s, ok := a.Str(); ok {
		arns = []string{s}
	}
	for _, arn := range arns {
		if name, ok := iamManagedPolicyName(arn); ok && iamAdminPolicies[name] != "" {
			return fail("the principal is given the AWS managed policy "+name+": "+iamAdminPolicies[name], e)
		}
	}
	if !a.Unknown && !r.HasUnknown(attr) {
		return pass("no administrator managed policy is attached", e)
	}
	var undecided []*model.Resource
	for _, src := range p.Refs(r, attr) {
		switch {
		case src.Type == "aws_iam_policy" && src.Managed():
			continue // customer managed: judged by aws_iam_policy_wildcard
		case src.Type == "aws_iam_policy" && !src.Managed():
			for _, s := range []string{strAt(src, "arn"), "arn:aws:iam::aws:policy/" + strAt(src, "name")} {
				if name, ok := iamManagedPolicyName(s); ok && iamAdminPolicies[name] != "" {
					return fail("the principal is given the AWS managed policy "+name+" (through "+src.Address+"): "+iamAdminPolicies[name], e, evAt(p, src, "name"))
				}
			}
			if strAt(src, "arn") == "" && strAt(src, "name") == "" {
				undecided = append(undecided, src)
			}
		default:
			undecided = append(undecided, src)
		}
	}
	if len(undecided) > 0 || len(p.Refs(r, attr)) == 0 {
		return unknown(attr+" is known only after apply and does not come from a policy the plan shows", e)
	}
	return pass("the attached policies are customer managed policies of the plan, not administrator managed policies",
		evText(attr, "from %s", addresses(p.Refs(r, attr))))
}

type iamUsersIndexKey struct{}

// iamUserPolicies returns the inline policies and attachments that give a
// user permissions directly: by a reference to the user or by its known
// name (in user, or in the users of an aws_iam_policy_attachment).
func iamUserPolicies(p *model.Plan, user *model.Resource) []*model.Resource {
	name := strAt(user, "name")
	out := linkedThrough(p, user, "user", name, "aws_iam_user_policy", "aws_iam_user_policy_attachment")
	for _, a := range p.Referrers(user, "aws_iam_policy_attachment") {
		if refersThrough(p, a, user, "users") && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	byName := p.Memo(iamUsersIndexKey{}, func() any {
		idx := map[string][]*model.Resource{}
		for _, a := range p.OfType("aws_iam_policy_attachment") {
			for _, u := range a.Attr("users").Strings() {
				idx[u] = append(idx[u], a)
			}
		}
		return idx
	}).(map[string][]*model.Resource)
	if name != "" {
		for _, a := range byName[name] {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// s3DeniesPlainHTTP answers whether a bucket-policy statement denies every
// principal's requests made without TLS (aws:SecureTransport false).
func s3DeniesPlainHTTP(s iamStatement) tri {
	cond := triNo
	if s.conditionsUnknown {
		cond = triMaybe
	}
	for _, c := range s.conditions {
		if c.unknown {
			cond = triMax(cond, triMaybe)
			continue
		}
		if !strings.EqualFold(strings.TrimSuffix(c.test, "IfExists"), "Bool") || !strings.EqualFold(c.variable, "aws:SecureTransport") {
			continue
		}
		cond = triMax(cond, c.values.any(func(v string) bool { return strings.EqualFold(v, "false") }))
	}
	return triAll(s.effectIs("Deny"), s.anyPrincipal(), cond)
}

// s3AllActions answers whether a statement covers every S3 action.
func s3AllActions(s iamStatement) tri {
	if s.notActions.set() {
		return triNo
	}
	return s.actions.any(func(a string) bool { return a == "*" || strings.EqualFold(a, "s3:*") })
}

func triMax(a, b tri) tri {
	if a > b {
		return a
	}
	return b
}

// s3PolicyDocs returns the bucket policies that apply to a bucket: its own
// policy argument (when the configuration sets it or the plan knows it) and
// every aws_s3_bucket_policy linked to it.
//
// A bucket that does not configure policy itself only mirrors the policy
// in its computed attribute: with a linked aws_s3_bucket_policy, that one
// is the policy after apply.
func s3PolicyDocs(p *model.Plan, bucket *model.Resource) []iamDoc {
	var docs []iamDoc
	linked := s3Linked(p, bucket, "aws_s3_bucket_policy")
	own := bucket.Attr("policy")
	if bucket.Configured("policy") != model.NotSet || (len(linked) == 0 && !own.Unknown) {
		for _, d := range iamDocs(p, bucket, "policy", "policy") {
			if len(d.statements) > 0 || d.unread != "" {
				docs = append(docs, d)
			}
		}
	}
	for _, bp := range linked {
		docs = append(docs, iamDocs(p, bp, "policy", bp.Address+".policy")...)
	}
	return docs
}

type iamUnattributedKey struct{}

// iamUnattributedUserPolicies returns the user policies and attachments
// whose user is known only after apply and comes from no aws_iam_user of
// the plan: any user may be the one they name.
func iamUnattributedUserPolicies(p *model.Plan) []*model.Resource {
	return p.Memo(iamUnattributedKey{}, func() any {
		var out []*model.Resource
		judge := func(r *model.Resource, attr string) {
			if !r.HasUnknown(attr) {
				return
			}
			for _, u := range p.Refs(r, attr) {
				if u.Type == "aws_iam_user" {
					return
				}
			}
			out = append(out, r)
		}
		for _, r := range p.OfType("aws_iam_user_policy", "aws_iam_user_policy_attachment") {
			judge(r, "user")
		}
		for _, r := range p.OfType("aws_iam_policy_attachment") {
			judge(r, "users")
		}
		return out
	}).([]*model.Resource)
}
