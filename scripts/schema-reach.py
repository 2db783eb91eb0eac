#!/usr/bin/env python3
"""How much of a spec's schemas each resource reaches: the diagnosis behind
docs/PERFORMANCE.md, "Why Stripe's resources stay above 5 s".

    scripts/schema-reach.py SPEC.{yaml,json}

Counts, from the spec alone, the component schemas reached (through `$ref`, transitively)
from each resource's operations (grouped by the first path segment that is not a version,
`/v1/customers/{id}` → `customers`): their success responses, request bodies and parameters;
and, apart, from every operation's error responses. Prints the largest resources, the
median one, and the error bodies' reach. Needs PyYAML for a YAML spec.
"""
import json
import re
import sys


def load(path):
    with open(path) as f:
        if path.endswith(".json"):
            return json.load(f)
        import yaml

        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def refs(node, out):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            out.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            refs(value, out)
    elif isinstance(node, list):
        for value in node:
            refs(value, out)


def main():
    spec = load(sys.argv[1])
    schemas = spec.get("components", {}).get("schemas", {})
    deps = {}
    for name, schema in schemas.items():
        deps[name] = set()
        refs(schema, deps[name])

    def reach(start):
        seen, stack = set(), list(start)
        while stack:
            name = stack.pop()
            if name not in seen:
                seen.add(name)
                stack.extend(deps.get(name, ()))
        return seen

    groups, errors = {}, set()
    for path, item in spec.get("paths", {}).items():
        segments = [s for s in path.split("/") if s and not re.fullmatch(r"v\d+", s)]
        group = segments[0] if segments else "/"
        for method, op in item.items():
            if method not in ("get", "put", "post", "delete", "patch", "head", "options"):
                continue
            own = groups.setdefault(group, set())
            for code, response in op.get("responses", {}).items():
                refs(response, own if str(code).startswith("2") else errors)
            refs(op.get("requestBody", {}), own)
            refs(op.get("parameters", []), own)
    sizes = sorted((len(reach(own)), group) for group, own in groups.items())
    print(f"{len(schemas)} component schemas, {len(groups)} resources")
    print("largest:", ", ".join(f"{g} {n}" for n, g in sizes[-5:][::-1]))
    n, g = sizes[len(sizes) // 2]
    print(f"median: {g} {n}")
    print(f"the error responses reach {len(reach(errors))}")


if __name__ == "__main__":
    main()
