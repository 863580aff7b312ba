#!/usr/bin/env python3
"""Writes the AWS fixture plans of checks/testdata/change (every case but
terraform_data, which Terraform itself writes: see terraform_data/generate.sh)
and the main.tf of the Terraform 1.8 cases (older_format/main.tf and its
module are written by hand), then checks every resource value against the
real provider schemas.

The AWS provider cannot be fetched here, so these plans are assembled the way
`terraform show -json` writes a saved plan (Terraform 1.8.5, format 1.2; and
Terraform 0.12.31, format 0.1, for older_format), from full resource values
held to ../../../../shared/fixtures/schemas (aws 5.100.0 and 3.76.1):

- after: unknown values omitted; after_unknown: {} when the value is wholly
  known, else true for each unknown value and every known non-null collection
  kept as [] / {} / a list of false (Terraform's unknownAsBool);
- before_sensitive / after_sensitive / sensitive_values: the schema's
  sensitive attributes true (even when null), collections as above, unknown
  collections as [] or {} (sensitiveAsBool); absent from 0.12 plans;
- a set with an unknown element is wholly unknown; prior_state only when the
  state is not empty; applyable false when every action is no-op;
- 0.12: no-op resources listed with before == after, data sources only in
  prior_state, prior_state addresses relative to their module and without
  their instance key, references to resources without the attribute.

Output is deterministic: run it again and git diff shows nothing.

  python3 checks/testdata/change/generate_aws.py
"""
import copy
import glob
import json
import os
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.environ.get("READINESS_SCHEMAS",
                         os.path.join(HERE, "..", "..", "..", "..", "shared", "fixtures", "schemas")) + "/"
OUT = HERE


# ---- plan JSON shapes ----

_cache = {}


def provider(path):
    if path not in _cache:
        d = json.load(open(SCHEMAS + path))
        _cache[path] = d["provider_schemas"]["registry.terraform.io/hashicorp/aws"]
    return _cache[path]


class Unknown:
    """A value known only after apply."""

    def __repr__(self):
        return "(known after apply)"


UNKNOWN = Unknown()


def schema_of(prov, kind, typ):
    key = "resource_schemas" if kind == "managed" else "data_source_schemas"
    return prov[key][typ]


# ---- validation against the schema ---------------------------------------

def check_type(t, v, where):
    if v is None or v is UNKNOWN:
        return
    if t == "string":
        assert isinstance(v, str), (where, v)
    elif t == "number":
        assert isinstance(v, (int, float)) and not isinstance(v, bool), (where, v)
    elif t == "bool":
        assert isinstance(v, bool), (where, v)
    elif t == "dynamic":
        pass
    elif isinstance(t, list) and t[0] in ("list", "set"):
        assert isinstance(v, list), (where, v)
        for i, e in enumerate(v):
            check_type(t[1], e, f"{where}[{i}]")
    elif isinstance(t, list) and t[0] == "map":
        assert isinstance(v, dict), (where, v)
        for k, e in v.items():
            check_type(t[1], e, f"{where}.{k}")
    elif isinstance(t, list) and t[0] == "object":
        assert isinstance(v, dict), (where, v)
        assert set(v) == set(t[1]), (where, sorted(set(v) ^ set(t[1])))
        for k, e in v.items():
            check_type(t[1][k], e, f"{where}.{k}")
    else:
        raise AssertionError((where, t))


def check_block(block, v, where, partial=False):
    """v must hold every attribute and block of the schema block, no other
    (partial: unknown attributes may be absent, as in an `after`)."""
    assert isinstance(v, dict), (where, v)
    attrs = block.get("attributes", {})
    blocks = block.get("block_types", {})
    names = set(attrs) | set(blocks)
    extra = set(v) - names
    assert not extra, (where, "not in schema", sorted(extra))
    missing = names - set(v)
    if not partial:
        assert not missing, (where, "missing", sorted(missing))
    for k, a in attrs.items():
        if k in v:
            check_type(a["type"], v[k], f"{where}.{k}")
    for k, b in blocks.items():
        if k not in v or v[k] is UNKNOWN:
            continue
        x = v[k]
        mode = b["nesting_mode"]
        if mode in ("list", "set"):
            assert isinstance(x, list), (where, k, "block must be a list", x)
            if b.get("max_items"):
                assert len(x) <= b["max_items"], (where, k)
            for i, e in enumerate(x):
                check_block(b["block"], e, f"{where}.{k}[{i}]", partial)
        elif mode == "single":
            if x is not None:
                check_block(b["block"], x, f"{where}.{k}", partial)
        elif mode == "map":
            assert isinstance(x, dict)
            for kk, e in x.items():
                check_block(b["block"], e, f"{where}.{k}.{kk}", partial)
        else:
            raise AssertionError(mode)


# ---- the marks trees ---------------------------------------------------------

def is_wholly_known(v):
    if v is UNKNOWN:
        return False
    if isinstance(v, dict):
        return all(is_wholly_known(x) for x in v.values())
    if isinstance(v, list):
        return all(is_wholly_known(x) for x in v)
    return True


def unknown_as_bool(v):
    if v is None:
        return False
    if v is UNKNOWN:
        return True
    if isinstance(v, list):
        return [unknown_as_bool(x) for x in v]
    if isinstance(v, dict):
        out = OrderedDict()
        for k in sorted(v):
            b = unknown_as_bool(v[k])
            if b is not False:
                out[k] = b
        return out
    return False


def after_unknown(v):
    if v is None or is_wholly_known(v):
        return {}
    return unknown_as_bool(v)


def omit_unknowns(v):
    if isinstance(v, dict):
        return OrderedDict((k, omit_unknowns(v[k])) for k in sorted(v) if v[k] is not UNKNOWN)
    if isinstance(v, list):
        return [None if x is UNKNOWN else omit_unknowns(x) for x in v]
    return v


SENSITIVE = object()


def mark_sensitive(block, v):
    """Returns v with the schema's sensitive attributes wrapped."""
    if not isinstance(v, dict):
        return v
    out = {}
    for k, x in v.items():
        a = block.get("attributes", {}).get(k)
        b = block.get("block_types", {}).get(k)
        if a is not None and a.get("sensitive"):
            out[k] = (SENSITIVE, x)
        elif b is not None and isinstance(x, list):
            out[k] = [mark_sensitive(b["block"], e) for e in x]
        elif b is not None and isinstance(x, dict) and b["nesting_mode"] == "single":
            out[k] = mark_sensitive(b["block"], x)
        else:
            out[k] = x
    return out


def sensitive_as_bool(v):
    if isinstance(v, tuple) and v and v[0] is SENSITIVE:
        return True
    if v is None:
        return False
    if v is UNKNOWN:
        return False  # a primitive; unknown collections are handled by the caller
    if isinstance(v, list):
        return [sensitive_as_bool(x) for x in v]
    if isinstance(v, dict):
        out = OrderedDict()
        for k in sorted(v):
            b = sensitive_as_bool(v[k])
            if b is not False:
                out[k] = b
        return out
    return False


def sensitive_tree(block, v):
    if v is None:
        return False
    # unknown collections: [] for lists and sets, {} for maps and objects
    v = _unknown_collections(block, v)
    return sensitive_as_bool(mark_sensitive(block, v))


class _EmptyList(list):
    pass


def _unknown_collections(block, v):
    out = {}
    for k, x in v.items():
        a = block.get("attributes", {}).get(k)
        b = block.get("block_types", {}).get(k)
        if x is UNKNOWN:
            t = a["type"] if a else ["list"]
            if isinstance(t, list) and t[0] in ("list", "set"):
                out[k] = []
            elif isinstance(t, list) and t[0] in ("map", "object"):
                out[k] = {}
            else:
                out[k] = x
        elif b is not None and isinstance(x, list):
            out[k] = [_unknown_collections(b["block"], e) for e in x]
        else:
            out[k] = x
    return out


# ---- documents ---------------------------------------------------------------------

def od(*pairs):
    return OrderedDict(pairs)


def sort_value(v):
    if isinstance(v, dict):
        return OrderedDict((k, sort_value(v[k])) for k in sorted(v))
    if isinstance(v, list):
        return [sort_value(x) for x in v]
    return v


def dump(doc, path):
    with open(path, "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")




class Res:
    """One resource instance: its address parts and schema."""

    def __init__(self, prov, typ, name, mode="managed", module=None, index=None, provider_name=None,
                 depends_on=()):
        self.prov = provider(prov)
        self.typ, self.name, self.mode, self.module, self.index = typ, name, mode, module, index
        self.schema = schema_of(self.prov, mode, typ)
        self.provider_name = provider_name or "registry.terraform.io/hashicorp/aws"
        self.depends_on = list(depends_on)

    @property
    def rel(self):
        base = ("data." if self.mode == "data" else "") + f"{self.typ}.{self.name}"
        return base

    def key(self):
        if self.index is None:
            return ""
        if isinstance(self.index, str):
            return f'["{self.index}"]'
        return f"[{self.index}]"

    @property
    def address(self):
        a = self.rel + self.key()
        return f"{self.module}.{a}" if self.module else a

    @property
    def block(self):
        return self.schema["block"]

    def check(self, v, partial=False):
        check_block(self.block, v, self.address, partial)


class Change:
    def __init__(self, res, actions, before, after, action_reason=None):
        self.res, self.actions, self.before, self.after = res, actions, before, after
        self.action_reason = action_reason
        if before is not None:
            res.check(before)
        if after is not None:
            res.check(after)


def _head(res, legacy):
    h = od(("address", res.address))
    if res.module:
        h["module_address"] = res.module
    h["mode"] = res.mode
    h["type"] = res.typ
    h["name"] = res.name
    if res.index is not None:
        h["index"] = res.index
    h["provider_name"] = "aws" if legacy else res.provider_name
    return h


def resource_change(c, legacy=False):
    rc = _head(c.res, legacy)
    ch = od(("actions", c.actions),
            ("before", sort_value(c.before)),
            ("after", sort_value(omit_unknowns(c.after)) if c.after is not None else None),
            ("after_unknown", after_unknown(c.after)))
    if not legacy:
        ch["before_sensitive"] = sensitive_tree(c.res.block, c.before)
        ch["after_sensitive"] = sensitive_tree(c.res.block, c.after)
    rc["change"] = ch
    if c.action_reason:
        rc["action_reason"] = c.action_reason
    return rc


def state_resource(res, values, legacy=False):
    res.check(values)
    s = od(("address", res.rel if legacy else res.address),
           ("mode", res.mode), ("type", res.typ), ("name", res.name))
    if res.index is not None:
        s["index"] = res.index
    s["provider_name"] = "aws" if legacy else res.provider_name
    s["schema_version"] = res.schema["version"]
    s["values"] = sort_value(values)
    if not legacy:
        s["sensitive_values"] = sensitive_tree(res.block, values)
    if res.depends_on:
        s["depends_on"] = sorted(res.depends_on)
    return s


def planned_resource(c, legacy=False):
    res = c.res
    s = od(("address", res.address), ("mode", res.mode), ("type", res.typ), ("name", res.name))
    if res.index is not None:
        s["index"] = res.index
    s["provider_name"] = "aws" if legacy else res.provider_name
    s["schema_version"] = res.schema["version"]
    s["values"] = sort_value(omit_unknowns(c.after))
    if not legacy:
        s["sensitive_values"] = sensitive_tree(res.block, c.after)
    return s


def module_tree(entries, module_of, legacy=False):
    """Groups state entries into root_module/child_modules by module address."""
    root = OrderedDict()
    by_mod = OrderedDict()
    for res, e in entries:
        by_mod.setdefault(module_of(res) or "", []).append((res, e))
    rootres = [e for _, e in sorted(by_mod.get("", []), key=lambda x: _order(x[0]))]
    if rootres:
        root["resources"] = rootres
    kids = []
    for m in sorted(k for k in by_mod if k):
        kid = od(("resources", [e for _, e in sorted(by_mod[m], key=lambda x: _order(x[0]))]),
                 ("address", m))
        if not legacy:
            kid = od(("resources", kid["resources"]), ("address", m))
        kids.append(kid)
    if kids:
        root["child_modules"] = kids
    return root


def _order(res):
    # Terraform sorts by address; instances of one resource by key.
    return (res.address.split("[")[0], str(res.index) if res.index is not None else "")


def plan_doc(changes, prior=None, configuration=None, legacy=False, terraform_version="1.8.5",
             timestamp="2024-06-12T09:41:07Z", relevant=None, variables=None, prior_tf=None):
    """prior: list of (res, values) for prior_state, or None for no prior state."""
    d = od(("format_version", "0.1" if legacy else "1.2"), ("terraform_version", terraform_version))
    if variables:
        d["variables"] = variables
    planned = [(c.res, planned_resource(c, legacy)) for c in changes if "delete" not in c.actions or "create" in c.actions]
    d["planned_values"] = od(("root_module", module_tree(planned, lambda r: r.module, legacy)))
    rcs = sorted(changes, key=lambda c: _order(c.res))
    d["resource_changes"] = [resource_change(c, legacy) for c in rcs]
    if prior:
        entries = [(res, state_resource(res, v, legacy)) for res, v in prior]
        d["prior_state"] = od(("format_version", "0.1" if legacy else "1.0"),
                              ("terraform_version", prior_tf or terraform_version),
                              ("values", od(("root_module", module_tree(entries, lambda r: r.module, legacy)))))
    d["configuration"] = configuration
    if not legacy:
        if relevant:
            d["relevant_attributes"] = relevant
        d["timestamp"] = timestamp
        d["applyable"] = any(c.actions != ["no-op"] for c in changes)
        d["complete"] = True
        d["errored"] = False
    return d


def ref(*refs):
    return od(("references", list(refs)))


def const(v):
    return od(("constant_value", v))


V5 = "previous-major/aws-5.100.0.json"
V3 = "previous-major/aws-3.76.1.json"
ACCOUNT = "123456789012"
REGION = "eu-west-1"
KMS_RDS = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f"
TOPIC_ARN = f"arn:aws:sns:{REGION}:{ACCOUNT}:orders-oncall"
PD_ENDPOINT = "https://events.pagerduty.com/integration/0f5e2c7d4b9a41c88e3d6a2b1c0f9e87/enqueue"
TAGS = {"team": "orders", "service": "orders"}


# ---- the AWS provider 5.x world (Terraform 1.8.5) -------------------------------

def db_res():
    return Res(V5, "aws_db_instance", "orders")


def topic_res():
    return Res(V5, "aws_sns_topic", "oncall")


def sub_res():
    return Res(V5, "aws_sns_topic_subscription", "pagerduty", depends_on=["aws_sns_topic.oncall"])


def alarm_res():
    return Res(V5, "aws_cloudwatch_metric_alarm", "orders_db_cpu",
               depends_on=["aws_db_instance.orders", "aws_sns_topic.oncall"])


def dash_res():
    return Res(V5, "aws_cloudwatch_dashboard", "orders")


def backups_res():
    return Res(V5, "aws_db_instance_automated_backups_replication", "orders_dr",
               depends_on=["aws_db_instance.orders"])


DR_REGION = "eu-central-1"
DASHBOARD_BODY = (
    '{"widgets":[{"height":6,"properties":{"metrics":[["AWS/RDS","CPUUtilization","DBInstanceIdentifier",'
    '"orders"],["AWS/RDS","FreeStorageSpace","DBInstanceIdentifier","orders"],["AWS/RDS","DatabaseConnections",'
    '"DBInstanceIdentifier","orders"]],"period":300,"region":"eu-west-1","stat":"Average","title":"orders database"},'
    '"type":"metric","width":12,"x":0,"y":0}]}')
BACKUPS_ARN = f"arn:aws:rds:{DR_REGION}:{ACCOUNT}:auto-backup:ab-4k7vq2xw9m3tz6rbn5yhj8dcle"
KMS_DR = f"arn:aws:kms:{DR_REGION}:{ACCOUNT}:key/2a7d9c4e-6f1b-4e3a-8d5c-9b0e1f2a3c4d"


def dash_state():
    return {"dashboard_arn": f"arn:aws:cloudwatch::{ACCOUNT}:dashboard/orders", "dashboard_body": DASHBOARD_BODY,
            "dashboard_name": "orders", "id": "orders"}


def dash_planned_create():
    v = dash_state()
    v.update({"dashboard_arn": UNKNOWN, "id": UNKNOWN})
    return v


def backups_state():
    return {"id": BACKUPS_ARN, "kms_key_id": KMS_DR, "pre_signed_url": None, "retention_period": 14,
            "source_db_instance_arn": f"arn:aws:rds:{REGION}:{ACCOUNT}:db:orders", "timeouts": None}


def backups_planned_create():
    v = backups_state()
    v.update({"id": UNKNOWN, "source_db_instance_arn": UNKNOWN})
    return v


def db_state(multi_az=False, retention=7):
    return {
        "address": "orders.c8xkq2m4zt1b.eu-west-1.rds.amazonaws.com",
        "allocated_storage": 100,
        "allow_major_version_upgrade": None,
        "apply_immediately": False,
        "arn": f"arn:aws:rds:{REGION}:{ACCOUNT}:db:orders",
        "auto_minor_version_upgrade": True,
        "availability_zone": "eu-west-1a",
        "backup_retention_period": retention,
        "backup_target": "region",
        "backup_window": "02:00-03:00",
        "blue_green_update": [],
        "ca_cert_identifier": "rds-ca-rsa2048-g1",
        "character_set_name": "",
        "copy_tags_to_snapshot": True,
        "custom_iam_instance_profile": "",
        "customer_owned_ip_enabled": False,
        "database_insights_mode": "standard",
        "db_name": "orders",
        "db_subnet_group_name": "orders-db",
        "dedicated_log_volume": False,
        "delete_automated_backups": True,
        "deletion_protection": True,
        "domain": "",
        "domain_auth_secret_arn": "",
        "domain_dns_ips": [],
        "domain_fqdn": "",
        "domain_iam_role_name": "",
        "domain_ou": "",
        "enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"],
        "endpoint": "orders.c8xkq2m4zt1b.eu-west-1.rds.amazonaws.com:5432",
        "engine": "postgres",
        "engine_lifecycle_support": "open-source-rds-extended-support",
        "engine_version": "16.3",
        "engine_version_actual": "16.3",
        "final_snapshot_identifier": "orders-final",
        "hosted_zone_id": "Z29XKXDKYMONMX",
        "iam_database_authentication_enabled": False,
        "id": "db-7QFZ3KXN2VJ4HWPL6TYRB5MCUE",
        "identifier": "orders",
        "identifier_prefix": "",
        "instance_class": "db.m6g.large",
        "iops": 3000,
        "kms_key_id": KMS_RDS,
        "latest_restorable_time": "2024-06-12T09:35:41Z",
        "license_model": "postgresql-license",
        "listener_endpoint": [],
        "maintenance_window": "sun:03:30-sun:04:30",
        "manage_master_user_password": True,
        "master_user_secret": [{
            "kms_key_id": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",
            "secret_arn": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:rds!db-3c9e1a7b-52d4-4f0e-a6b8-7d2c5e9f1a3b-Xk4P2q",
            "secret_status": "active",
        }],
        "master_user_secret_kms_key_id": None,
        "max_allocated_storage": 500,
        "monitoring_interval": 60,
        "monitoring_role_arn": f"arn:aws:iam::{ACCOUNT}:role/rds-enhanced-monitoring",
        "multi_az": multi_az,
        "nchar_character_set_name": "",
        "network_type": "IPV4",
        "option_group_name": "default:postgres-16",
        "parameter_group_name": "default.postgres16",
        "password": None,
        "password_wo": None,
        "password_wo_version": None,
        "performance_insights_enabled": True,
        "performance_insights_kms_key_id": KMS_RDS,
        "performance_insights_retention_period": 7,
        "port": 5432,
        "publicly_accessible": False,
        "replica_mode": "",
        "replicas": [],
        "replicate_source_db": "",
        "resource_id": "db-7QFZ3KXN2VJ4HWPL6TYRB5MCUE",
        "restore_to_point_in_time": [],
        "s3_import": [],
        "skip_final_snapshot": False,
        "snapshot_identifier": None,
        "status": "available",
        "storage_encrypted": True,
        "storage_throughput": 125,
        "storage_type": "gp3",
        "tags": dict(TAGS),
        "tags_all": dict(TAGS),
        "timeouts": None,
        "timezone": "",
        "upgrade_storage_config": None,
        "username": "orders_admin",
        "vpc_security_group_ids": ["sg-0c4f7d2e9a1b35f60"],
    }


def db_planned_create(multi_az=False, retention=7):
    """The database as a first plan shows it: what main.tf sets is known,
    computed attributes it leaves out are unknown."""
    v = db_state(multi_az, retention)
    for k in ["address", "arn", "availability_zone", "backup_target", "ca_cert_identifier", "character_set_name",
              "database_insights_mode", "domain_fqdn", "endpoint", "engine_lifecycle_support",
              "engine_version_actual", "hosted_zone_id", "id", "identifier_prefix", "iops", "kms_key_id",
              "latest_restorable_time", "license_model", "listener_endpoint", "master_user_secret",
              "master_user_secret_kms_key_id", "nchar_character_set_name", "network_type", "option_group_name",
              "parameter_group_name", "performance_insights_kms_key_id", "performance_insights_retention_period",
              "port", "replica_mode", "replicas", "resource_id", "snapshot_identifier", "status",
              "storage_throughput", "timezone"]:
        v[k] = UNKNOWN
    # Optional arguments main.tf leaves out are null in a plan (the state
    # holds what the API returned for them).
    for k in ["custom_iam_instance_profile", "customer_owned_ip_enabled", "domain", "domain_auth_secret_arn",
              "domain_dns_ips", "domain_iam_role_name", "domain_ou", "iam_database_authentication_enabled",
              "replicate_source_db"]:
        v[k] = None
    return v


def topic_state():
    return {
        "application_failure_feedback_role_arn": "",
        "application_success_feedback_role_arn": "",
        "application_success_feedback_sample_rate": 0,
        "archive_policy": "",
        "arn": TOPIC_ARN,
        "beginning_archive_time": "",
        "content_based_deduplication": False,
        "delivery_policy": "",
        "display_name": "",
        "fifo_throughput_scope": "",
        "fifo_topic": False,
        "firehose_failure_feedback_role_arn": "",
        "firehose_success_feedback_role_arn": "",
        "firehose_success_feedback_sample_rate": 0,
        "http_failure_feedback_role_arn": "",
        "http_success_feedback_role_arn": "",
        "http_success_feedback_sample_rate": 0,
        "id": TOPIC_ARN,
        "kms_master_key_id": "alias/aws/sns",
        "lambda_failure_feedback_role_arn": "",
        "lambda_success_feedback_role_arn": "",
        "lambda_success_feedback_sample_rate": 0,
        "name": "orders-oncall",
        "name_prefix": "",
        "owner": ACCOUNT,
        "policy": ('{"Id":"__default_policy_ID","Statement":[{"Action":["SNS:GetTopicAttributes",'
                   '"SNS:SetTopicAttributes","SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic",'
                   '"SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],"Condition":{"StringEquals":'
                   '{"AWS:SourceOwner":"' + ACCOUNT + '"}},"Effect":"Allow","Principal":{"AWS":"*"},"Resource":"'
                   + TOPIC_ARN + '","Sid":"__default_statement_ID"}],"Version":"2008-10-17"}'),
        "signature_version": 0,
        "sqs_failure_feedback_role_arn": "",
        "sqs_success_feedback_role_arn": "",
        "sqs_success_feedback_sample_rate": 0,
        "tags": dict(TAGS),
        "tags_all": dict(TAGS),
        "tracing_config": "",
    }


def topic_planned_create():
    v = topic_state()
    for k in ["arn", "beginning_archive_time", "fifo_throughput_scope", "id", "name_prefix", "owner", "policy",
              "signature_version", "tracing_config"]:
        v[k] = UNKNOWN
    for k in list(v):
        if k.endswith("_role_arn") or k.endswith("_sample_rate") or k in (
                "archive_policy", "delivery_policy", "display_name"):
            v[k] = None
    v["content_based_deduplication"] = False
    v["fifo_topic"] = False
    return v


SUB_ARN = TOPIC_ARN + ":5b2f8c1e-7d3a-4e9b-a0c6-3f1d8e2b7a94"


def sub_state():
    return {
        "arn": SUB_ARN,
        "confirmation_timeout_in_minutes": 1,
        "confirmation_was_authenticated": False,
        "delivery_policy": "",
        "endpoint": PD_ENDPOINT,
        "endpoint_auto_confirms": True,
        "filter_policy": "",
        "filter_policy_scope": "",
        "id": SUB_ARN,
        "owner_id": ACCOUNT,
        "pending_confirmation": False,
        "protocol": "https",
        "raw_message_delivery": False,
        "redrive_policy": "",
        "replay_policy": "",
        "subscription_role_arn": "",
        "topic_arn": TOPIC_ARN,
    }


def sub_planned_create():
    v = sub_state()
    for k in ["arn", "confirmation_was_authenticated", "filter_policy_scope", "id", "owner_id",
              "pending_confirmation", "topic_arn"]:
        v[k] = UNKNOWN
    for k in ["delivery_policy", "filter_policy", "redrive_policy", "replay_policy", "subscription_role_arn"]:
        v[k] = None
    return v


ALARM_DESCRIPTION = ("CPU of the orders database above 80% for 15 minutes. "
                     "Runbook: https://runbooks.example.com/orders/db-cpu")


def alarm_state():
    return {
        "actions_enabled": True,
        "alarm_actions": [TOPIC_ARN],
        "alarm_description": ALARM_DESCRIPTION,
        "alarm_name": "orders-db-cpu",
        "arn": f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:orders-db-cpu",
        "comparison_operator": "GreaterThanThreshold",
        "datapoints_to_alarm": 0,
        "dimensions": {"DBInstanceIdentifier": "orders"},
        "evaluate_low_sample_count_percentiles": "",
        "evaluation_periods": 3,
        "extended_statistic": "",
        "id": "orders-db-cpu",
        "insufficient_data_actions": [],
        "metric_name": "CPUUtilization",
        "metric_query": [],
        "namespace": "AWS/RDS",
        "ok_actions": [TOPIC_ARN],
        "period": 300,
        "statistic": "Average",
        "tags": dict(TAGS),
        "tags_all": dict(TAGS),
        "threshold": 80,
        "threshold_metric_id": "",
        "treat_missing_data": "missing",
        "unit": "",
    }


def alarm_planned_create():
    v = alarm_state()
    # A set with an unknown element is wholly unknown in the plan.
    v.update({"alarm_actions": UNKNOWN, "ok_actions": UNKNOWN, "arn": UNKNOWN, "id": UNKNOWN,
              "evaluate_low_sample_count_percentiles": UNKNOWN, "dimensions": {"DBInstanceIdentifier": "orders"},
              "datapoints_to_alarm": None, "extended_statistic": None, "insufficient_data_actions": None,
              "threshold_metric_id": None, "unit": None})
    return v


def provider_config_v5():
    return od(("aws", od(("name", "aws"), ("full_name", "registry.terraform.io/hashicorp/aws"),
                         ("version_constraint", "~> 5.0"),
                         ("expressions", od(("region", const(REGION)))))),
              ("aws.dr", od(("name", "aws"), ("full_name", "registry.terraform.io/hashicorp/aws"),
                            ("alias", "dr"), ("version_constraint", "~> 5.0"),
                            ("expressions", od(("region", const(DR_REGION)))))))


def dash_config():
    return cfg_resource("aws_cloudwatch_dashboard.orders", "aws_cloudwatch_dashboard", "orders", od(
        # jsonencode(...) has no constant value and no references: Terraform writes {}.
        ("dashboard_body", od()),
        ("dashboard_name", const("orders")),
    ), 0)


def backups_config():
    return cfg_resource("aws_db_instance_automated_backups_replication.orders_dr",
                        "aws_db_instance_automated_backups_replication", "orders_dr", od(
                            ("kms_key_id", const(KMS_DR)),
                            ("retention_period", const(14)),
                            ("source_db_instance_arn", ref("aws_db_instance.orders.arn", "aws_db_instance.orders")),
                        ), 0, legacy_key="aws.dr")


def cfg_resource(address, typ, name, expressions, schema_version, legacy_key=None):
    mode = "data" if address.startswith("data.") else "managed"
    return od(("address", address), ("mode", mode), ("type", typ), ("name", name),
              ("provider_config_key", legacy_key or "aws"), ("expressions", expressions),
              ("schema_version", schema_version))


def db_config(multi_az=False, retention=7):
    return cfg_resource("aws_db_instance.orders", "aws_db_instance", "orders", od(
        ("allocated_storage", const(100)),
        ("backup_retention_period", const(retention)),
        ("backup_window", const("02:00-03:00")),
        ("copy_tags_to_snapshot", const(True)),
        ("db_name", const("orders")),
        ("db_subnet_group_name", const("orders-db")),
        ("deletion_protection", const(True)),
        ("enabled_cloudwatch_logs_exports", const(["postgresql", "upgrade"])),
        ("engine", const("postgres")),
        ("engine_version", const("16.3")),
        ("final_snapshot_identifier", const("orders-final")),
        ("identifier", const("orders")),
        ("instance_class", const("db.m6g.large")),
        ("maintenance_window", const("sun:03:30-sun:04:30")),
        ("manage_master_user_password", const(True)),
        ("max_allocated_storage", const(500)),
        ("monitoring_interval", const(60)),
        ("monitoring_role_arn", const(f"arn:aws:iam::{ACCOUNT}:role/rds-enhanced-monitoring")),
        ("multi_az", const(multi_az)),
        ("performance_insights_enabled", const(True)),
        ("storage_encrypted", const(True)),
        ("storage_type", const("gp3")),
        ("tags", const(dict(sorted(TAGS.items())))),
        ("username", const("orders_admin")),
        ("vpc_security_group_ids", const(["sg-0c4f7d2e9a1b35f60"])),
    ), 2)


def topic_config():
    return cfg_resource("aws_sns_topic.oncall", "aws_sns_topic", "oncall", od(
        ("kms_master_key_id", const("alias/aws/sns")),
        ("name", const("orders-oncall")),
        ("tags", const(dict(sorted(TAGS.items())))),
    ), 0)


def sub_config():
    return cfg_resource("aws_sns_topic_subscription.pagerduty", "aws_sns_topic_subscription", "pagerduty", od(
        ("endpoint", const(PD_ENDPOINT)),
        ("endpoint_auto_confirms", const(True)),
        ("protocol", const("https")),
        ("topic_arn", ref("aws_sns_topic.oncall.arn", "aws_sns_topic.oncall")),
    ), 0)


def alarm_config():
    return cfg_resource("aws_cloudwatch_metric_alarm.orders_db_cpu", "aws_cloudwatch_metric_alarm", "orders_db_cpu", od(
        ("alarm_actions", ref("aws_sns_topic.oncall.arn", "aws_sns_topic.oncall")),
        ("alarm_description", const(ALARM_DESCRIPTION)),
        ("alarm_name", const("orders-db-cpu")),
        ("comparison_operator", const("GreaterThanThreshold")),
        ("dimensions", ref("aws_db_instance.orders.identifier", "aws_db_instance.orders")),
        ("evaluation_periods", const(3)),
        ("metric_name", const("CPUUtilization")),
        ("namespace", const("AWS/RDS")),
        ("ok_actions", ref("aws_sns_topic.oncall.arn", "aws_sns_topic.oncall")),
        ("period", const(300)),
        ("statistic", const("Average")),
        ("tags", const(dict(sorted(TAGS.items())))),
        ("threshold", const(80)),
        ("treat_missing_data", const("missing")),
    ), 1)


def configuration(resources, provider_config=None):
    return od(("provider_config", provider_config or provider_config_v5()),
              ("root_module", od(("resources", sorted(resources, key=lambda r: r["address"])))))


def noop(res, v):
    return Change(res, ["no-op"], v, copy.deepcopy(v))


def world(db_before, db_after, db_actions, alarm=True, alarm_deleted=False, cfg_db=None):
    """The workspace: database, on-call topic with its PagerDuty
    subscription, and the alarm on the database's CPU."""
    db, topic, sub, alarm_r = db_res(), topic_res(), sub_res(), alarm_res()
    dash, backups = dash_res(), backups_res()
    changes = [Change(db, db_actions, db_before, db_after), noop(topic, topic_state()), noop(sub, sub_state()),
               noop(dash, dash_state()), noop(backups, backups_state())]
    prior = [(db, db_before), (topic, topic_state()), (sub, sub_state()), (dash, dash_state()),
             (backups, backups_state())]
    cfg = [cfg_db, topic_config(), sub_config(), dash_config(), backups_config()]
    if alarm:
        changes.append(noop(alarm_r, alarm_state()))
        prior.append((alarm_r, alarm_state()))
        cfg.append(alarm_config())
    if alarm_deleted:
        changes.append(Change(alarm_r, ["delete"], alarm_state(), None,
                              action_reason="delete_because_no_resource_config"))
        prior.append((alarm_r, alarm_state()))
    return changes, prior, configuration(cfg)


def write(case, doc):
    os.makedirs(os.path.join(OUT, case), exist_ok=True)
    dump(doc, os.path.join(OUT, case, "plan.json"))


def unchanged():
    v = db_state(multi_az=False, retention=7)
    changes, prior, cfg = world(v, copy.deepcopy(v), ["no-op"], cfg_db=db_config(False, 7))
    write("unchanged", plan_doc(changes, prior, cfg, timestamp="2024-06-12T09:41:07Z"))


def multi_az_off():
    changes, prior, cfg = world(db_state(True, 7), db_state(False, 7), ["update"], cfg_db=db_config(False, 7))
    write("multi_az_off", plan_doc(changes, prior, cfg, timestamp="2024-06-12T09:43:19Z"))


def multi_az_on():
    changes, prior, cfg = world(db_state(False, 7), db_state(True, 7), ["update"], cfg_db=db_config(True, 7))
    write("multi_az_on", plan_doc(changes, prior, cfg, timestamp="2024-06-12T09:45:52Z"))


def alarm_deleted():
    v = db_state(True, 7)
    changes, prior, cfg = world(v, copy.deepcopy(v), ["no-op"], alarm=False, alarm_deleted=True,
                                cfg_db=db_config(True, 7))
    write("alarm_deleted", plan_doc(changes, prior, cfg, timestamp="2024-06-12T09:48:03Z"))


def retention_cut():
    changes, prior, cfg = world(db_state(True, 35), db_state(True, 7), ["update"], cfg_db=db_config(True, 7))
    write("retention_cut", plan_doc(changes, prior, cfg, timestamp="2024-06-12T09:50:26Z"))


def first_apply():
    db, topic, sub, alarm_r = db_res(), topic_res(), sub_res(), alarm_res()
    changes = [Change(db, ["create"], None, db_planned_create(False, 7)),
               Change(topic, ["create"], None, topic_planned_create()),
               Change(sub, ["create"], None, sub_planned_create()),
               Change(alarm_r, ["create"], None, alarm_planned_create()),
               Change(dash_res(), ["create"], None, dash_planned_create()),
               Change(backups_res(), ["create"], None, backups_planned_create())]
    cfg = configuration([db_config(False, 7), topic_config(), sub_config(), alarm_config(), dash_config(),
                         backups_config()])
    relevant = [od(("resource", "aws_db_instance.orders"), ("attribute", ["arn"])),
                od(("resource", "aws_db_instance.orders"), ("attribute", ["identifier"])),
                od(("resource", "aws_sns_topic.oncall"), ("attribute", ["arn"]))]
    write("first_apply", plan_doc(changes, None, cfg, timestamp="2024-06-12T09:38:14Z", relevant=relevant))


# ---- the main.tf each plan models -----------------------------------------------------

MAIN_TF = '''\
# {title}
#
# The configuration plan.json models: Terraform 1.8.5, AWS provider 5.100.0.
# The AWS provider cannot be fetched here, so plan.json is written as
# `terraform show -json` prints a saved plan of this configuration against
# the state described in ../README.md; its values follow the provider's real
# schema (../../../../../shared/fixtures/schemas/previous-major/aws-5.100.0.json).

terraform {{
  required_version = ">= 1.5"
  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }}
  }}
}}

provider "aws" {{
  region = "eu-west-1"
}}

provider "aws" {{
  alias  = "dr"
  region = "eu-central-1"
}}

resource "aws_db_instance" "orders" {{
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  max_allocated_storage           = 500
  storage_type                    = "gp3"
  storage_encrypted               = true
  db_name                         = "orders"
  username                        = "orders_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = "orders-db"
  vpc_security_group_ids          = ["sg-0c4f7d2e9a1b35f60"]
  multi_az                        = {multi_az}{multi_az_note}
  backup_retention_period         = {retention}{retention_note}
  backup_window                   = "02:00-03:00"
  maintenance_window              = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  final_snapshot_identifier       = "orders-final"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  performance_insights_enabled    = true
  monitoring_interval             = 60
  monitoring_role_arn             = "arn:aws:iam::123456789012:role/rds-enhanced-monitoring"

  tags = {{
    service = "orders"
    team    = "orders"
  }}
}}

# Automated backups copied to a second region.
resource "aws_db_instance_automated_backups_replication" "orders_dr" {{
  provider               = aws.dr
  source_db_instance_arn = aws_db_instance.orders.arn
  kms_key_id             = "{kms_dr}"
  retention_period       = 14
}}

resource "aws_sns_topic" "oncall" {{
  name              = "orders-oncall"
  kms_master_key_id = "alias/aws/sns"

  tags = {{
    service = "orders"
    team    = "orders"
  }}
}}

resource "aws_sns_topic_subscription" "pagerduty" {{
  topic_arn              = aws_sns_topic.oncall.arn
  protocol               = "https"
  endpoint               = "{pd}"
  endpoint_auto_confirms = true
}}
{alarm}
resource "aws_cloudwatch_dashboard" "orders" {{
  dashboard_name = "orders"
  dashboard_body = jsonencode({{
    widgets = [{{
      type   = "metric"
      x      = 0
      y      = 0
      width  = 12
      height = 6
      properties = {{
        title  = "orders database"
        region = "eu-west-1"
        stat   = "Average"
        period = 300
        metrics = [
          ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "orders"],
          ["AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", "orders"],
          ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", "orders"],
        ]
      }}
    }}]
  }})
}}
'''

ALARM_TF = '''
resource "aws_cloudwatch_metric_alarm" "orders_db_cpu" {{
  alarm_name          = "orders-db-cpu"
  alarm_description   = "{desc}"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = {{ DBInstanceIdentifier = aws_db_instance.orders.identifier }}
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  ok_actions          = [aws_sns_topic.oncall.arn]

  tags = {{
    service = "orders"
    team    = "orders"
  }}
}}
'''

ALARM_REMOVED = '''
# aws_cloudwatch_metric_alarm.orders_db_cpu, the only alarm on the database,
# was removed from this file: the plan deletes it.
'''


def main_tf(case, title, multi_az, retention, alarm=True, multi_az_note="", retention_note=""):
    text = MAIN_TF.format(title=title, multi_az=str(multi_az).lower(), retention=retention,
                          multi_az_note=multi_az_note, retention_note=retention_note, kms_dr=KMS_DR,
                          pd=PD_ENDPOINT,
                          alarm=ALARM_TF.format(desc=ALARM_DESCRIPTION) if alarm else ALARM_REMOVED)
    with open(os.path.join(OUT, case, "main.tf"), "w") as f:
        f.write(text)


def all_main_tf():
    main_tf("unchanged", "unchanged: the configuration as applied; the plan changes nothing.", False, 7)
    main_tf("multi_az_off", "multi_az_off: the standby is turned off (multi_az true -> false).", False, 7,
            multi_az_note=" # was true")
    main_tf("multi_az_on", "multi_az_on: a standby is added (multi_az false -> true).", True, 7,
            multi_az_note=" # was false")
    main_tf("alarm_deleted", "alarm_deleted: the database's only alarm is removed.", True, 7, alarm=False)
    main_tf("retention_cut", "retention_cut: backup retention cut from 35 to 7 days.", True, 7,
            retention_note=" # was 35")
    main_tf("first_apply", "first_apply: nothing exists yet; the plan creates everything.", False, 7)




# ---- older_format: Terraform 0.12.31, AWS provider 3.76.1 ----

V012_SUBNETS = ["subnet-0b7e4f1a9c2d83e56", "subnet-0e1d5a8c3f7b29a40"]
V012_VPC = "vpc-04c8e2a6f1b9d7e35"


def v012_res(typ, name, mode="managed", module=None, index=None, depends_on=()):
    return Res(V3, typ, name, mode=mode, module=module, index=index, depends_on=depends_on)


def v012_db_state(multi_az):
    return {
        "address": "orders.c8xkq2m4zt1b.eu-west-1.rds.amazonaws.com",
        "allocated_storage": 100,
        "allow_major_version_upgrade": None,
        "apply_immediately": None,
        "arn": f"arn:aws:rds:{REGION}:{ACCOUNT}:db:orders",
        "auto_minor_version_upgrade": True,
        "availability_zone": "eu-west-1a",
        "backup_retention_period": 7,
        "backup_window": "02:00-03:00",
        "ca_cert_identifier": "rds-ca-2019",
        "character_set_name": "",
        "copy_tags_to_snapshot": True,
        "customer_owned_ip_enabled": False,
        "db_subnet_group_name": "orders-db",
        "delete_automated_backups": True,
        "deletion_protection": True,
        "domain": "",
        "domain_iam_role_name": "",
        "enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"],
        "endpoint": "orders.c8xkq2m4zt1b.eu-west-1.rds.amazonaws.com:5432",
        "engine": "postgres",
        "engine_version": "13.7",
        "engine_version_actual": "13.7",
        "final_snapshot_identifier": "orders-final",
        "hosted_zone_id": "Z29XKXDKYMONMX",
        "iam_database_authentication_enabled": False,
        "id": "orders",
        "identifier": "orders",
        "identifier_prefix": None,
        "instance_class": "db.m5.large",
        "iops": 0,
        "kms_key_id": KMS_RDS,
        "latest_restorable_time": "2022-06-14T08:20:00Z",
        "license_model": "postgresql-license",
        "maintenance_window": "sun:03:30-sun:04:30",
        "max_allocated_storage": 500,
        "monitoring_interval": 60,
        "monitoring_role_arn": f"arn:aws:iam::{ACCOUNT}:role/rds-enhanced-monitoring",
        "multi_az": multi_az,
        "name": "orders",
        "nchar_character_set_name": "",
        "option_group_name": "default:postgres-13",
        "parameter_group_name": "default.postgres13",
        "password": "example-password-1",
        "performance_insights_enabled": True,
        "performance_insights_kms_key_id": KMS_RDS,
        "performance_insights_retention_period": 7,
        "port": 5432,
        "publicly_accessible": False,
        "replica_mode": "",
        "replicas": [],
        "replicate_source_db": "",
        "resource_id": "db-7QFZ3KXN2VJ4HWPL6TYRB5MCUE",
        "restore_to_point_in_time": [],
        "s3_import": [],
        "security_group_names": [],
        "skip_final_snapshot": False,
        "snapshot_identifier": None,
        "status": "available",
        "storage_encrypted": True,
        "storage_type": "gp2",
        "tags": dict(TAGS),
        "tags_all": dict(TAGS),
        "timeouts": None,
        "timezone": "",
        "username": "orders_admin",
        "vpc_security_group_ids": ["sg-0c4f7d2e9a1b35f60"],
    }


def v012_topic_state():
    v = topic_state()
    for k in ["beginning_archive_time", "archive_policy", "fifo_throughput_scope", "signature_version",
              "tracing_config"]:
        v.pop(k, None)
    return v


def v012_sub_state():
    v = sub_state()
    for k in ["filter_policy_scope", "replay_policy"]:
        v.pop(k)
    return v


def v012_alarm_state():
    return alarm_state()


def v012_subnet_state(i):
    return {
        "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:subnet/{V012_SUBNETS[i]}",
        "assign_ipv6_address_on_creation": False,
        "availability_zone": "eu-west-1a",
        "availability_zone_id": "euw1-az3",
        "available_ip_address_count": [4087, 4090][i],
        "cidr_block": ["10.20.0.0/20", "10.20.16.0/20"][i],
        "customer_owned_ipv4_pool": "",
        "default_for_az": False,
        "enable_dns64": False,
        "enable_resource_name_dns_a_record_on_launch": False,
        "enable_resource_name_dns_aaaa_record_on_launch": False,
        "filter": [],
        "id": V012_SUBNETS[i],
        "ipv6_cidr_block": "",
        "ipv6_cidr_block_association_id": "",
        "ipv6_native": False,
        "map_customer_owned_ip_on_launch": False,
        "map_public_ip_on_launch": False,
        "outpost_arn": "",
        "owner_id": ACCOUNT,
        "private_dns_hostname_type_on_launch": "ip-name",
        "state": "available",
        "tags": {"Name": ["private-app-1", "private-app-2"][i], "tier": "private"},
        "vpc_id": V012_VPC,
    }


def v012_asg_state():
    return {
        "arn": (f"arn:aws:autoscaling:{REGION}:{ACCOUNT}:autoScalingGroup:"
                "6f0e2a4c-93b1-4d7e-8a5f-2c1b0d9e7f36:autoScalingGroupName/web"),
        "availability_zones": ["eu-west-1a"],
        "capacity_rebalance": False,
        "default_cooldown": 300,
        "desired_capacity": 2,
        "enabled_metrics": [],
        "force_delete": False,
        "force_delete_warm_pool": False,
        "health_check_grace_period": 300,
        "health_check_type": "EC2",
        "id": "web",
        "initial_lifecycle_hook": [],
        "instance_refresh": [],
        "launch_configuration": "",
        "launch_template": [{"id": "lt-0a3f9c2e7b1d45e68", "name": "web", "version": "$Latest"}],
        "load_balancers": [],
        "max_instance_lifetime": 0,
        "max_size": 4,
        "metrics_granularity": "1Minute",
        "min_elb_capacity": None,
        "min_size": 2,
        "mixed_instances_policy": [],
        "name": "web",
        "name_prefix": "",
        "placement_group": "",
        "protect_from_scale_in": False,
        "service_linked_role_arn": (f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/"
                                    "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"),
        "suspended_processes": [],
        "tag": [{"key": "team", "propagate_at_launch": True, "value": "web"}],
        "tags": None,
        "target_group_arns": [],
        "termination_policies": [],
        "timeouts": None,
        "vpc_zone_identifier": list(V012_SUBNETS),
        "wait_for_capacity_timeout": "10m",
        "wait_for_elb_capacity": None,
        "warm_pool": [],
    }


def v012_cfg(address, typ, name, expressions, schema_version, key="aws", **extra):
    r = cfg_resource(address, typ, name, expressions, schema_version, legacy_key=key)
    for k, v in extra.items():
        r[k] = v
    return r


def v012_configuration():
    tags = const(dict(sorted(TAGS.items())))
    root = [
        v012_cfg("aws_autoscaling_group.web", "aws_autoscaling_group", "web", od(
            ("launch_template", [od(("name", const("web")), ("version", const("$Latest")))]),
            ("max_size", const(4)),
            ("min_size", const(2)),
            ("name", const("web")),
            ("tag", [od(("key", const("team")), ("propagate_at_launch", const(True)), ("value", const("web")))]),
            ("vpc_zone_identifier", ref("module.network.private_subnet_ids")),
        ), 0),
        v012_cfg("aws_cloudwatch_metric_alarm.orders_db_cpu", "aws_cloudwatch_metric_alarm", "orders_db_cpu", od(
            ("alarm_actions", ref("aws_sns_topic.oncall")),
            ("alarm_description", const(ALARM_DESCRIPTION)),
            ("alarm_name", const("orders-db-cpu")),
            ("comparison_operator", const("GreaterThanThreshold")),
            ("dimensions", ref("aws_db_instance.orders")),
            ("evaluation_periods", const(3)),
            ("metric_name", const("CPUUtilization")),
            ("namespace", const("AWS/RDS")),
            ("ok_actions", ref("aws_sns_topic.oncall")),
            ("period", const(300)),
            ("statistic", const("Average")),
            ("tags", tags),
            ("threshold", const(80)),
            ("treat_missing_data", const("missing")),
        ), 1),
        v012_cfg("aws_db_instance.orders", "aws_db_instance", "orders", od(
            ("allocated_storage", const(100)),
            ("backup_retention_period", const(7)),
            ("backup_window", const("02:00-03:00")),
            ("copy_tags_to_snapshot", const(True)),
            ("db_subnet_group_name", const("orders-db")),
            ("deletion_protection", const(True)),
            ("enabled_cloudwatch_logs_exports", const(["postgresql", "upgrade"])),
            ("engine", const("postgres")),
            ("engine_version", const("13.7")),
            ("final_snapshot_identifier", const("orders-final")),
            ("identifier", const("orders")),
            ("instance_class", const("db.m5.large")),
            ("maintenance_window", const("sun:03:30-sun:04:30")),
            ("max_allocated_storage", const(500)),
            ("monitoring_interval", const(60)),
            ("monitoring_role_arn", const(f"arn:aws:iam::{ACCOUNT}:role/rds-enhanced-monitoring")),
            ("multi_az", const(False)),
            ("name", const("orders")),
            ("password", ref("var.db_password")),
            ("performance_insights_enabled", const(True)),
            ("storage_encrypted", const(True)),
            ("tags", tags),
            ("username", const("orders_admin")),
            ("vpc_security_group_ids", const(["sg-0c4f7d2e9a1b35f60"])),
        ), 1),
        v012_cfg("aws_sns_topic.oncall", "aws_sns_topic", "oncall", od(
            ("kms_master_key_id", const("alias/aws/sns")),
            ("name", const("orders-oncall")),
            ("tags", tags),
        ), 0),
        v012_cfg("aws_sns_topic_subscription.pagerduty", "aws_sns_topic_subscription", "pagerduty", od(
            ("endpoint", const(PD_ENDPOINT)),
            ("endpoint_auto_confirms", const(True)),
            ("protocol", const("https")),
            ("topic_arn", ref("aws_sns_topic.oncall")),
        ), 0),
    ]
    network = od(
        ("source", "./modules/network"),
        ("expressions", od(("subnet_ids", const(list(V012_SUBNETS))))),
        ("module", od(
            ("outputs", od(("private_subnet_ids", od(("expression", ref("data.aws_subnet.private")))))),
            ("resources", [v012_cfg("data.aws_subnet.private", "aws_subnet", "private", od(
                ("id", ref("var.subnet_ids", "count.index")),
            ), 0, key="network:aws", count_expression=ref("var.subnet_ids"))]),
            ("variables", od(("subnet_ids", od(("description", "IDs of the private subnets the app runs in"))))),
        )),
    )
    return od(
        ("provider_config", od(("aws", od(("name", "aws"), ("version_constraint", "~> 3.76"),
                                          ("expressions", od(("region", const(REGION)))))))),
        ("root_module", od(
            ("resources", root),
            ("module_calls", od(("network", network))),
            ("variables", od(("db_password", od(("description", "Master password of the orders database"))))),
        )),
    )


def older_format(out):
    db = v012_res("aws_db_instance", "orders")
    topic = v012_res("aws_sns_topic", "oncall")
    sub = v012_res("aws_sns_topic_subscription", "pagerduty", depends_on=["aws_sns_topic.oncall"])
    alarm = v012_res("aws_cloudwatch_metric_alarm", "orders_db_cpu",
                depends_on=["aws_db_instance.orders", "aws_sns_topic.oncall"])
    asg = v012_res("aws_autoscaling_group", "web")
    subnets = [v012_res("aws_subnet", "private", mode="data", module="module.network", index=i) for i in range(2)]

    def noop(r, v):
        return Change(r, ["no-op"], v, copy.deepcopy(v))

    changes = [
        noop(asg, v012_asg_state()),
        noop(alarm, v012_alarm_state()),
        Change(db, ["update"], v012_db_state(True), v012_db_state(False)),
        noop(topic, v012_topic_state()),
        noop(sub, v012_sub_state()),
    ]
    prior = [(asg, v012_asg_state()), (alarm, v012_alarm_state()), (db, v012_db_state(True)), (topic, v012_topic_state()),
             (sub, v012_sub_state())] + [(s, v012_subnet_state(i)) for i, s in enumerate(subnets)]
    doc = plan_doc(changes, prior, v012_configuration(), legacy=True, terraform_version="0.12.31",
                   variables=od(("db_password", od(("value", "example-password-1")))))
    os.makedirs(os.path.join(out, "older_format"), exist_ok=True)
    dump(doc, os.path.join(out, "older_format", "plan.json"))


def validate(out):
    """Checks every AWS resource of the written plans against the schemas,
    independently of how they were built."""

    def schema_file(doc):
        return "previous-major/aws-3.76.1.json" if doc["format_version"] == "0.1" else "previous-major/aws-5.100.0.json"

    def marks_ok(block, m, where):
        if m is True or m is False: return
        assert isinstance(m, dict), (where, m)
        attrs, blocks = block.get("attributes", {}), block.get("block_types", {})
        for k, v in m.items():
            assert k in attrs or k in blocks, (where, "mark for unknown attribute", k)
            if k in blocks and isinstance(v, list):
                for i, e in enumerate(v): marks_ok(blocks[k]["block"], e, f"{where}.{k}[{i}]")
            elif k in blocks and v not in (True, False):
                assert blocks[k]["nesting_mode"] == "single" or v == [], (where, k, v)

    def walk(m):
        for r in m.get("resources", []): yield r
        for c in m.get("child_modules", []): yield from walk(c)

    n = 0
    for path in sorted(glob.glob(os.path.join(out, "*/plan.json"))):
        doc = json.load(open(path))
        if not any(rc["type"].startswith("aws_") for rc in doc["resource_changes"]): continue
        p = provider(schema_file(doc))
        def sch(mode, typ):
            return p["resource_schemas" if mode == "managed" else "data_source_schemas"][typ]
        for rc in doc["resource_changes"]:
            s = sch(rc["mode"], rc["type"]); b = s["block"]; c = rc["change"]; w = path.split("/")[-2] + ":" + rc["address"]
            if c["before"] is not None: check_block(b, c["before"], w + ".before")
            if c["after"] is not None:
                check_block(b, c["after"], w + ".after", partial=True)
                missing = set(b.get("attributes", {})) | set(b.get("block_types", {}))
                missing -= set(c["after"])
                unk = {k for k, v in c["after_unknown"].items() if v is True}
                assert missing == unk, (w, "absent from after but not unknown", missing ^ unk)
            marks_ok(b, c["after_unknown"], w + ".after_unknown")
            for k in ("before_sensitive", "after_sensitive"):
                if k in c: marks_ok(b, c[k], w + "." + k)
            if c["actions"] == ["no-op"]: assert c["before"] == c["after"], w
            n += 1
        if "prior_state" in doc:
            for r in walk(doc["prior_state"]["values"]["root_module"]):
                s = sch(r["mode"], r["type"]); check_block(s["block"], r["values"], path.split("/")[-2] + ":prior:" + r["address"])
                assert r["schema_version"] == s["version"], r["address"]
                if "sensitive_values" in r: marks_ok(s["block"], r["sensitive_values"], r["address"])
                n += 1
        for r in walk(doc["planned_values"]["root_module"]):
            s = sch(r["mode"], r["type"]); check_block(s["block"], r["values"], r["address"], partial=True)
            assert r["schema_version"] == s["version"], r["address"]
    print("ok:", n, "resource values checked")


if __name__ == "__main__":
    unchanged()
    multi_az_off()
    multi_az_on()
    alarm_deleted()
    retention_cut()
    first_apply()
    all_main_tf()
    older_format(OUT)
    validate(OUT)
