package backup

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// res is one created resource of a test plan: its after and after_unknown
// JSON, and the references of its configuration's expressions.
type res struct {
	addr, after, unknown string
	refs                 map[string][]string
}

func planOf(t *testing.T, rs ...res) *model.Plan {
	t.Helper()
	var rcs, cfg []string
	for _, r := range rs {
		typ, name, _ := strings.Cut(r.addr, ".")
		unknown := r.unknown
		if unknown == "" {
			unknown = "{}"
		}
		rcs = append(rcs, fmt.Sprintf(`{"address":%q,"mode":"managed","type":%q,"name":%q,"provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"after":%s,"after_unknown":%s,"after_sensitive":{}}}`,
			r.addr, typ, name, r.after, unknown))
		exprs := map[string]any{}
		for attr, refs := range r.refs {
			exprs[attr] = map[string]any{"references": refs}
		}
		e, err := json.Marshal(exprs)
		if err != nil {
			t.Fatal(err)
		}
		cfg = append(cfg, fmt.Sprintf(`{"address":%q,"mode":"managed","type":%q,"name":%q,"provider_config_key":"aws","expressions":%s}`, r.addr, typ, name, e))
	}
	p, err := model.Decode("plan.json", []byte(`{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[`+
		strings.Join(rcs, ",")+`],"configuration":{"root_module":{"resources":[`+strings.Join(cfg, ",")+`]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGlob(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		pattern, s string
		lenient    bool
		want       bool
	}{
		"exact":                     {"arn:aws:rds:eu-west-1:1:db:a", "arn:aws:rds:eu-west-1:1:db:a", false, true},
		"star matches a run":        {"arn:aws:dynamodb:*:*:table/*", "arn:aws:dynamodb:eu-west-1:1:table/carts", false, true},
		"star matches nothing":      {"db-*", "db-", false, true},
		"other service":             {"arn:aws:dynamodb:*:*:table/*", "arn:aws:rds:eu-west-1:1:db:a", false, false},
		"unknown part needs a star": {"arn:aws:rds:eu-west-1:1:db:orders", "arn:aws:rds:eu-west-1:1:db:\x00", false, false},
		"unknown part may match":    {"arn:aws:rds:eu-west-1:1:db:orders", "arn:aws:rds:eu-west-1:1:db:\x00", true, true},
		"known parts still differ":  {"arn:aws:rds:us-east-1:1:db:orders", "arn:aws:rds:eu-west-1:1:db:\x00", true, false},
		"empty pattern":             {"", "x", false, false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := glob(tt.pattern, tt.s, tt.lenient); got != tt.want {
				t.Errorf("glob(%q, %q, %v) = %v, want %v", tt.pattern, tt.s, tt.lenient, got, tt.want)
			}
		})
	}
}

func TestARNRegion(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		arn, want string
		ok        bool
	}{
		"vault":        {"arn:aws:backup:us-west-2:123:backup-vault:dr", "us-west-2", true},
		"global S3":    {"arn:aws:s3:::bucket", "", false},
		"not an ARN":   {"dr-vault", "", false},
		"too short":    {"arn:aws:backup:us-west-2", "", false},
		"wrong prefix": {"urn:aws:backup:us-west-2:123:x", "", false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := ARNRegion(tt.arn)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ARNRegion(%q) = %q, %v; want %q, %v", tt.arn, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestCovers judges one resource against one selection, for each part of
// AWS Backup's rules.
func TestCovers(t *testing.T) {
	t.Parallel()
	table := res{addr: "aws_dynamodb_table.t", after: `{"name":"carts","region":"eu-west-1","tags":{"Backup":"daily","team":"shop"},"tags_all":{"Backup":"daily","team":"shop"}}`}
	sel := func(after string, refs map[string][]string) res {
		return res{addr: "aws_backup_selection.s", after: after, refs: refs}
	}
	tests := map[string]struct {
		target  res
		sel     res
		want    Verdict
		wantHow string
	}{
		"a reference": {
			sel:  sel(`{"region":"eu-west-1","resources":["arn:aws:dynamodb:eu-west-1:1:table/carts"]}`, map[string][]string{"resources": {"aws_dynamodb_table.t.arn", "aws_dynamodb_table.t"}}),
			want: Yes, wantHow: "refers to it",
		},
		"a wildcard": {
			sel:  sel(`{"resources":["*"]}`, nil),
			want: Yes, wantHow: `holds "*"`,
		},
		"an ARN pattern on the table's name": {
			sel:  sel(`{"resources":["arn:aws:dynamodb:*:*:table/ca*"]}`, nil),
			want: Yes, wantHow: `holds "arn:aws:dynamodb:*:*:table/ca*"`,
		},
		"an ARN pattern of another service": {
			sel:  sel(`{"resources":["arn:aws:rds:*:*:db:*"]}`, nil),
			want: No,
		},
		"a pattern on an identifier known only after apply": {
			target: res{addr: "aws_efs_file_system.f", after: `{"region":"eu-west-1"}`, unknown: `{"id":true,"arn":true}`},
			sel:    sel(`{"resources":["arn:aws:elasticfilesystem:eu-west-1:1:file-system/fs-123"]}`, nil),
			want:   Maybe, wantHow: `"arn:aws:elasticfilesystem:eu-west-1:1:file-system/fs-123" may match its ARN, which is known only after apply`,
		},
		"another region": {
			sel:  sel(`{"region":"us-east-1","resources":["*"]}`, nil),
			want: No,
		},
		"not_resources exclude it": {
			sel:  sel(`{"resources":["*"],"not_resources":["arn:aws:dynamodb:*:*:table/carts"]}`, nil),
			want: No,
		},
		"not_resources known only after apply": {
			sel:  res{addr: "aws_backup_selection.s", after: `{"resources":["*"]}`, unknown: `{"not_resources":true}`, refs: map[string][]string{"not_resources": {"var.excluded"}}},
			want: Maybe, wantHow: "not_resources is known only after apply",
		},
		"not_resources computed when unset": {
			sel:  res{addr: "aws_backup_selection.s", after: `{"resources":["*"]}`, unknown: `{"not_resources":true}`},
			want: Yes, wantHow: `holds "*"`,
		},
		"a condition that holds": {
			sel:  sel(`{"resources":["*"],"condition":[{"string_equals":[{"key":"aws:ResourceTag/team","value":"shop"}],"string_like":[],"string_not_equals":[],"string_not_like":[]}]}`, nil),
			want: Yes, wantHow: `holds "*" and string_equals aws:ResourceTag/team "shop"`,
		},
		"a condition that fails": {
			sel:  sel(`{"resources":["*"],"condition":[{"string_equals":[],"string_like":[{"key":"aws:ResourceTag/team","value":"ops*"}],"string_not_equals":[],"string_not_like":[]}]}`, nil),
			want: No,
		},
		"a negated condition on a missing tag holds": {
			sel:  sel(`{"resources":["*"],"condition":[{"string_equals":[],"string_like":[],"string_not_equals":[{"key":"aws:ResourceTag/Backup-exclude","value":"true"}],"string_not_like":[]}]}`, nil),
			want: Yes, wantHow: `holds "*" and string_not_equals aws:ResourceTag/Backup-exclude "true"`,
		},
		"a selection_tag that matches": {
			sel:  sel(`{"resources":[],"selection_tag":[{"type":"STRINGEQUALS","key":"Backup","value":"daily"}]}`, nil),
			want: Yes, wantHow: `selection_tag Backup = "daily"`,
		},
		"a selection_tag of another value": {
			sel:  sel(`{"resources":[],"selection_tag":[{"type":"STRINGEQUALS","key":"Backup","value":"weekly"}]}`, nil),
			want: No,
		},
		"a selection_tag on tags known only after apply": {
			target: res{addr: "aws_dynamodb_table.t", after: `{"name":"carts","region":"eu-west-1"}`, unknown: `{"tags":true,"tags_all":true}`},
			sel:    sel(`{"resources":[],"selection_tag":[{"type":"STRINGEQUALS","key":"Backup","value":"daily"}]}`, nil),
			want:   Maybe, wantHow: `selection_tag Backup = "daily"`,
		},
		"resources known only after apply": {
			sel:  res{addr: "aws_backup_selection.s", after: `{}`, unknown: `{"resources":true}`},
			want: Maybe, wantHow: "is known only after apply",
		},
		"a type AWS Backup does not protect": {
			target: res{addr: "aws_elasticache_replication_group.r", after: `{"region":"eu-west-1"}`},
			sel:    sel(`{"resources":["*"]}`, nil),
			want:   No,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			target := tt.target
			if target.addr == "" {
				target = table
			}
			p := planOf(t, target, tt.sel)
			r := p.Lookup(target.addr)
			c := Covers(p, r)
			if c.Verdict != tt.want || c.How != tt.wantHow || c.Count != 1 {
				t.Errorf("Covers = %v %q (%d selections), want %v %q", c.Verdict, c.How, c.Count, tt.want, tt.wantHow)
			}
			if c.Verdict > No && c.By != p.Lookup("aws_backup_selection.s") {
				t.Errorf("By = %v, want the selection", c.By)
			}
			if got := len(Matches(p, r)); got != min(int(tt.want), 1) {
				t.Errorf("Matches: %d, want %d", got, min(int(tt.want), 1))
			}
		})
	}
}

func TestPlanOf(t *testing.T) {
	t.Parallel()
	p := planOf(t, res{addr: "aws_backup_plan.p", after: `{"rule":[
  {"rule_name":"hourly","schedule":"cron(0 * ? * * *)","enable_continuous_backup":false,"lifecycle":[{"delete_after":35}],
   "copy_action":[{"destination_vault_arn":"arn:aws:backup:us-west-2:1:backup-vault:dr"},{"destination_vault_arn":"arn:aws:backup:eu-west-1:1:backup-vault:local"}]},
  {"rule_name":"default","schedule":"","enable_continuous_backup":true,"lifecycle":[],"copy_action":[{}]},
  {"rule_name":"later","lifecycle":[{}]}
]}`, unknown: `{"rule":[{},{"copy_action":[{"destination_vault_arn":true}]},{"schedule":true,"lifecycle":[{"delete_after":true}],"copy_action":true}]}`})
	got := PlanOf(p.Lookup("aws_backup_plan.p"))
	want := Plan{Rules: []Rule{
		{Index: 0, Name: "hourly", Schedule: "cron(0 * ? * * *)", DeleteAfter: 35, Copies: []Copy{
			{Index: 0, DestinationVaultARN: "arn:aws:backup:us-west-2:1:backup-vault:dr", Region: "us-west-2", RegionKnown: true},
			{Index: 1, DestinationVaultARN: "arn:aws:backup:eu-west-1:1:backup-vault:local", Region: "eu-west-1", RegionKnown: true},
		}},
		{Index: 1, Name: "default", Continuous: true, Schedule: "cron(0 5 ? * * *)", ScheduleUnset: true, Copies: []Copy{
			{Index: 0, DestinationUnknown: true},
		}},
		{Index: 2, Name: "later", ScheduleUnknown: true, RetentionUnknown: true, CopiesUnknown: true},
	}}
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool { return p.String() == "Resource" }, cmp.Ignore())); diff != "" {
		t.Errorf("PlanOf (-want +got):\n%s", diff)
	}
	intervals := []struct {
		d   time.Duration
		err bool
	}{{time.Hour, false}, {24 * time.Hour, false}, {0, true}}
	for i, rule := range got.Rules {
		d, err := rule.Interval()
		if d != intervals[i].d || (err != nil) != intervals[i].err {
			t.Errorf("rule %d: Interval() = %v, %v; want %v, error %v", i, d, err, intervals[i].d, intervals[i].err)
		}
	}
	if days, forever, ok := got.Rules[1].KeptDays(); days != 0 || !forever || !ok {
		t.Errorf("a rule without lifecycle: KeptDays() = %v, %v, %v; want kept until deleted", days, forever, ok)
	}
	if _, _, ok := got.Rules[2].KeptDays(); ok {
		t.Error("a lifecycle known only after apply: KeptDays() ok")
	}
	if got := got.Rules[0].CopyPath(got.Rules[0].Copies[1]).String(); got != "rule[0].copy_action[1].destination_vault_arn" {
		t.Errorf("CopyPath = %q", got)
	}

	unknown := planOf(t, res{addr: "aws_backup_plan.u", after: `{}`, unknown: `{"rule":true}`})
	if got := PlanOf(unknown.Lookup("aws_backup_plan.u")); !got.RulesUnknown || got.Rules != nil {
		t.Errorf("rules known only after apply: %+v", got)
	}
}

func TestSnapshots(t *testing.T) {
	t.Parallel()
	vol := res{addr: "aws_ebs_volume.v", after: `{"region":"eu-west-1","tags":{"Snapshot":"daily"},"tags_all":{"Snapshot":"daily"}}`}
	untagged := res{addr: "aws_ebs_volume.v", after: `{"region":"eu-west-1","tags":{},"tags_all":{}}`}
	policy := func(after, unknown string) res {
		return res{addr: "aws_dlm_lifecycle_policy.p", after: after, unknown: unknown}
	}
	volumePolicy := `{"region":"eu-west-1","state":"ENABLED","policy_details":[{"policy_type":"EBS_SNAPSHOT_MANAGEMENT","resource_types":["VOLUME"],"target_tags":{"Snapshot":"daily"}}]}`
	tests := map[string]struct {
		rs      []res
		want    Verdict
		wantHow string
	}{
		"target tags match": {
			rs:   []res{vol, policy(volumePolicy, "")},
			want: Yes, wantHow: `target_tags Snapshot = "daily" on aws_ebs_volume.v`,
		},
		"target tags do not match": {
			rs:   []res{untagged, policy(volumePolicy, "")},
			want: No,
		},
		"a disabled policy": {
			rs:   []res{vol, policy(strings.Replace(volumePolicy, "ENABLED", "DISABLED", 1), "")},
			want: No,
		},
		"another region": {
			rs:   []res{vol, policy(strings.Replace(volumePolicy, "eu-west-1", "us-east-1", 1), "")},
			want: No,
		},
		"a default policy for volumes": {
			rs:   []res{untagged, policy(`{"region":"eu-west-1","default_policy":"VOLUME"}`, "")},
			want: Yes, wantHow: "default policy for every volume of the region",
		},
		"policy details known only after apply": {
			rs:   []res{untagged, policy(`{"region":"eu-west-1","state":"ENABLED"}`, `{"policy_details":true}`)},
			want: Maybe, wantHow: "policy_details is known only after apply",
		},
		"an AMI policy": {
			rs:   []res{vol, policy(strings.Replace(volumePolicy, "EBS_SNAPSHOT_MANAGEMENT", "IMAGE_MANAGEMENT", 1), "")},
			want: No,
		},
		"an INSTANCE policy on the attached instance's tags": {
			rs: []res{untagged,
				{addr: "aws_instance.i", after: `{"region":"eu-west-1","tags":{"Snapshot":"daily"},"tags_all":{"Snapshot":"daily"}}`},
				{addr: "aws_volume_attachment.a", after: `{"region":"eu-west-1"}`, refs: map[string][]string{"volume_id": {"aws_ebs_volume.v.id", "aws_ebs_volume.v"}, "instance_id": {"aws_instance.i.id", "aws_instance.i"}}},
				policy(strings.Replace(volumePolicy, `["VOLUME"]`, `["INSTANCE"]`, 1), "")},
			want: Yes, wantHow: `target_tags Snapshot = "daily" on aws_instance.i`,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := planOf(t, tt.rs...)
			c := Snapshots(p, p.Lookup("aws_ebs_volume.v"))
			if c.Verdict != tt.want || c.How != tt.wantHow || c.Count != 1 {
				t.Errorf("Snapshots = %v %q (%d policies), want %v %q", c.Verdict, c.How, c.Count, tt.want, tt.wantHow)
			}
		})
	}
}

func TestTag(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		r    res
		want string
		v    Verdict
	}{
		"tags_all wins":                  {res{addr: "aws_s3_bucket.b", after: `{"tags":{},"tags_all":{"k":"default"}}`}, "default", Yes},
		"tags when tags_all is absent":   {res{addr: "aws_s3_bucket.b", after: `{"tags":{"k":"v"}}`}, "v", Yes},
		"default_tags may add it":        {res{addr: "aws_s3_bucket.b", after: `{"tags":{}}`, unknown: `{"tags_all":true}`}, "", Maybe},
		"the value is known after apply": {res{addr: "aws_s3_bucket.b", after: `{"tags":{},"tags_all":{}}`, unknown: `{"tags_all":{"k":true}}`}, "", Maybe},
		"missing":                        {res{addr: "aws_s3_bucket.b", after: `{"tags":{},"tags_all":{}}`}, "", No},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := planOf(t, tt.r)
			got, v := Tag(p.Lookup(tt.r.addr), "k")
			if got != tt.want || v != tt.v {
				t.Errorf("Tag = %q, %v; want %q, %v", got, v, tt.want, tt.v)
			}
		})
	}
}

func TestSnapshotInterval(t *testing.T) {
	t.Parallel()
	sched := func(rules string) string {
		return `{"policy_details":[{"policy_type":"EBS_SNAPSHOT_MANAGEMENT","schedule":[` + rules + `]}]}`
	}
	tests := map[string]struct {
		after, unknown string
		want           time.Duration
		how            string
		ok             bool
	}{
		"hours":                   {sched(`{"name":"a","create_rule":[{"interval":12,"interval_unit":"HOURS"}]}`), "", 12 * time.Hour, `schedule "a"`, true},
		"the most frequent":       {sched(`{"name":"a","create_rule":[{"interval":24}]},{"name":"b","create_rule":[{"interval":2}]}`), "", 2 * time.Hour, `schedule "b"`, true},
		"a cron expression":       {sched(`{"name":"c","create_rule":[{"cron_expression":"cron(0 */6 * * ? *)"}]}`), "", 6 * time.Hour, `schedule "c"`, true},
		"an unknown interval":     {sched(`{"name":"a","create_rule":[{}]}`), `{"policy_details":[{"schedule":[{"create_rule":[{"interval":true}]}]}]}`, 0, `schedule "a" is known only after apply`, false},
		"a default policy":        {`{"default_policy":"VOLUME","policy_details":[{"create_interval":3}]}`, "", 72 * time.Hour, "default policy every 3 day(s)", true},
		"a default policy, unset": {`{"default_policy":"VOLUME","policy_details":[{}]}`, "", 24 * time.Hour, "default policy every 1 day(s)", true},
		"schedules after apply":   {`{}`, `{"policy_details":true}`, 0, "schedule is known only after apply", false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := planOf(t, res{addr: "aws_dlm_lifecycle_policy.p", after: tt.after, unknown: tt.unknown})
			d, how, ok := SnapshotInterval(p.Lookup("aws_dlm_lifecycle_policy.p"))
			if d != tt.want || how != tt.how || ok != tt.ok {
				t.Errorf("SnapshotInterval = %v, %q, %v; want %v, %q, %v", d, how, ok, tt.want, tt.how, tt.ok)
			}
		})
	}
}
