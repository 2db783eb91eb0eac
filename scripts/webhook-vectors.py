#!/usr/bin/env python3
"""Writes runtime/tests/webhook_vectors.json: webhook signature cases whose signatures are
computed here, by Python's hmac and hashlib, an implementation independent of the runtime's
(runtime/src/signatures.rs) that runtime/tests/webhook_vectors.rs and the whole-client test
tests/full_clients/stripe_webhooks.rs check against.

Run it after changing a case: python3 scripts/webhook-vectors.py
"""
import base64
import hashlib
import hmac
import json
import os

NOW = 1_700_000_000
STRIPE_SECRET = "whsec_test_stripe_0123456789"
OLD_STRIPE_SECRET = "whsec_test_stripe_rotated_out"
# The Standard Webhooks specification's published vector (also in Svix's libraries' tests).
STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
BODY = '{"id":"evt_1","type":"invoice.paid","data":{"object":{"id":"in_1","amount_due":1200}}}'


def sign(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def stripe(secret, timestamp, body):
    return sign(secret.encode(), f"{timestamp}.{body}").hex()


def case(name, layout, secret, body, headers, expect, now=NOW, tolerance=300):
    return {
        "name": name,
        "layout": layout,
        "secret": secret,
        "body": body,
        "headers": headers,
        "now": now,
        "tolerance": tolerance,
        "expect": expect,
    }


cases = []
t = NOW - 10
good = stripe(STRIPE_SECRET, t, BODY)
header = "stripe-signature"
cases += [
    case("stripe: valid", "stripe", STRIPE_SECRET, BODY, [[header, f"t={t},v1={good}"]], "ok"),
    case("stripe: upper-case hex", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t},v1={good.upper()}"]], "ok"),
    case("stripe: key rotation, the second v1 matches", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t},v1={stripe(OLD_STRIPE_SECRET, t, BODY)},v1={good}"]], "ok"),
    case("stripe: v0 is ignored", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t},v1={good},v0={stripe(OLD_STRIPE_SECRET, t, BODY)}"]], "ok"),
    case("stripe: only an old secret's signature", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t},v1={stripe(OLD_STRIPE_SECRET, t, BODY)}"]], "mismatch"),
    case("stripe: body changed", "stripe", STRIPE_SECRET, BODY.replace("1200", "1"),
         [[header, f"t={t},v1={good}"]], "mismatch"),
    case("stripe: timestamp changed", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t + 1},v1={good}"]], "mismatch"),
    case("stripe: a matching v0 alone does not count", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t},v0={good},v1={stripe(OLD_STRIPE_SECRET, t, BODY)}"]], "mismatch"),
    case("stripe: older than the tolerance", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={NOW - 301},v1={stripe(STRIPE_SECRET, NOW - 301, BODY)}"]], "expired"),
    case("stripe: just within the tolerance", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={NOW - 300},v1={stripe(STRIPE_SECRET, NOW - 300, BODY)}"]], "ok"),
    case("stripe: too far in the future", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={NOW + 301},v1={stripe(STRIPE_SECRET, NOW + 301, BODY)}"]],
         "from-the-future"),
    case("stripe: an old one with the age check off", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={NOW - 86400},v1={stripe(STRIPE_SECRET, NOW - 86400, BODY)}"]], "ok",
         tolerance=None),
    case("stripe: no timestamp", "stripe", STRIPE_SECRET, BODY, [[header, f"v1={good}"]],
         "malformed"),
    case("stripe: no v1", "stripe", STRIPE_SECRET, BODY, [[header, f"t={t},v0={good}"]],
         "malformed"),
    case("stripe: signature not hex", "stripe", STRIPE_SECRET, BODY,
         [[header, f"t={t},v1=not-hex"]], "malformed"),
    case("stripe: no header", "stripe", STRIPE_SECRET, BODY, [], "missing"),
]

msg_id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
ts = 1614265330
body = '{"test": 2432232314}'
key = base64.b64decode(STANDARD_SECRET.removeprefix("whsec_"))
signature = base64.b64encode(sign(key, f"{msg_id}.{ts}.{body}")).decode()
# The published value: if Python disagreed with the specification, the vector would be wrong.
assert signature == "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature


def standard(sig, timestamp=ts, identifier=msg_id):
    return [["webhook-id", identifier], ["webhook-timestamp", str(timestamp)],
            ["webhook-signature", sig]]


cases += [
    case("standard webhooks: the published vector", "standard-webhooks", STANDARD_SECRET, body,
         standard(f"v1,{signature}"), "ok", now=ts),
    case("standard webhooks: several signatures, one v1a", "standard-webhooks",
         STANDARD_SECRET, body,
         standard(f"v1a,AAAA v1,{base64.b64encode(b'x' * 32).decode()} v1,{signature}"), "ok",
         now=ts),
    case("standard webhooks: another message id", "standard-webhooks", STANDARD_SECRET, body,
         standard(f"v1,{signature}", identifier="msg_other"), "mismatch", now=ts),
    case("standard webhooks: expired", "standard-webhooks", STANDARD_SECRET, body,
         standard(f"v1,{signature}"), "expired", now=ts + 301),
    case("standard webhooks: from the future", "standard-webhooks", STANDARD_SECRET, body,
         standard(f"v1,{signature}"), "from-the-future", now=ts - 301),
    case("standard webhooks: no id", "standard-webhooks", STANDARD_SECRET, body,
         standard(f"v1,{signature}")[1:], "missing", now=ts),
    case("standard webhooks: secret not base64", "standard-webhooks", "whsec_not*base64", body,
         standard(f"v1,{signature}"), "invalid-secret", now=ts),
]

secret = "github-style-secret"
signed = sign(secret.encode(), BODY)
cases += [
    case("header: sha256= hex over the body", "github", secret, BODY,
         [["x-hub-signature-256", "sha256=" + signed.hex()]], "ok", tolerance=None),
    case("header: upper-case hex", "github", secret, BODY,
         [["x-hub-signature-256", "sha256=" + signed.hex().upper()]], "ok", tolerance=None),
    case("header: missing prefix", "github", secret, BODY,
         [["x-hub-signature-256", signed.hex()]], "malformed", tolerance=None),
    case("header: wrong secret", "github", "other", BODY,
         [["x-hub-signature-256", "sha256=" + signed.hex()]], "mismatch", tolerance=None),
]

stamped = base64.b64encode(sign(secret.encode(), f"{t}.{BODY}")).decode()
cases += [
    case("header: base64 over timestamp.body", "timestamped", secret, BODY,
         [["x-signature", stamped], ["x-timestamp", str(t)]], "ok"),
    case("header: rotation, comma-separated", "timestamped", secret, BODY,
         [["x-signature", base64.b64encode(b'y' * 32).decode() + "," + stamped],
          ["x-timestamp", str(t)]], "ok"),
    case("header: timestamp missing", "timestamped", secret, BODY,
         [["x-signature", stamped]], "missing"),
    case("header: timestamp not a number", "timestamped", secret, BODY,
         [["x-signature", stamped], ["x-timestamp", "yesterday"]], "malformed"),
    case("header: expired", "timestamped", secret, BODY,
         [["x-signature", stamped], ["x-timestamp", str(t)]], "expired", now=t + 301),
]



def basic(name, username, password, authorization, expect):
    entry = case(name, "basic", None, BODY, authorization, expect, tolerance=None)
    entry["username"] = username
    entry["password"] = password
    return entry


def credentials(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


# Chargebee's webhooks: HTTP basic auth with the user name and password set on the endpoint.
# The password may hold a colon and non-ASCII text (RFC 7617: user-pass is UTF-8 here).
cases += [
    basic("basic: right credentials", "chargebee", "pa:ss-wörd",
          [["authorization", credentials("chargebee", "pa:ss-wörd")]], "ok"),
    basic("basic: scheme in lower case", "chargebee", "secret",
          [["authorization", credentials("chargebee", "secret").replace("Basic", "basic")]], "ok"),
    basic("basic: wrong password", "chargebee", "secret",
          [["authorization", credentials("chargebee", "Secret")]], "mismatch"),
    basic("basic: wrong user", "chargebee", "secret",
          [["authorization", credentials("chargebe", "secret")]], "mismatch"),
    basic("basic: a bearer token", "chargebee", "secret",
          [["authorization", "Bearer " + base64.b64encode(b"chargebee:secret").decode()]],
          "malformed"),
    basic("basic: not base64", "chargebee", "secret", [["authorization", "Basic ***"]],
          "malformed"),
    basic("basic: no header", "chargebee", "secret", [], "missing"),
]

out = os.path.join(os.path.dirname(__file__), "..", "runtime", "tests", "webhook_vectors.json")
with open(out, "w") as f:
    json.dump({"cases": cases}, f, indent=1)
    f.write("\n")
print(f"{len(cases)} cases written to runtime/tests/webhook_vectors.json")
