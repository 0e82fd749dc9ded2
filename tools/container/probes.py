#!/usr/bin/python3
"""The main container's probes in a Deployment as kubectl kustomize renders it, one a line:
`KIND PORT PATH` (KIND startup, readiness or liveness; PORT the container port number, a named
port resolved through the container's ports), so that the container test calls what the kubelet
will call rather than the paths it expects. Fails, naming it, on a probe that is not an HTTP GET,
a port no container port names, or a missing probe. With --pre-stop, the preStop hook's exec
command instead, one argument a line. Standard library only.

    probes.py RENDERED.yaml [--pre-stop]
"""
import re
import sys

KINDS = ("startup", "readiness", "liveness")


def block(lines, start):
    """The lines under lines[start]: indented deeper, or list items at its indentation (kustomize's style)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = []
    for line in lines[start + 1:]:
        depth = len(line) - len(line.lstrip())
        if line.strip() and (depth < indent or depth == indent and not line.lstrip().startswith("- ")):
            break
        out.append(line)
    return out


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    deployment = next((d for d in re.split(r"^---\n", text, flags=re.M) if re.search(r"^kind: Deployment$", d, re.M)), None)
    if deployment is None:
        sys.exit("probes: no Deployment")
    lines = deployment.split("\n")
    # The main container: the first item of `containers:` (init containers are under `initContainers:`).
    start = next((i for i, l in enumerate(lines) if l.strip() == "containers:"), None)
    if start is None:
        sys.exit("probes: the Deployment has no containers")
    container = block(lines, start)
    first = [i for i, l in enumerate(container) if l.lstrip().startswith("- ")
             and len(l) - len(l.lstrip()) == len(container[0]) - len(container[0].lstrip())]
    container = container[:first[1]] if len(first) > 1 else container
    ports = {m.group(2): m.group(1) for m in re.finditer(r"containerPort: (\d+)\n\s+name: (\S+)", "\n".join(container))}
    if sys.argv[2:] == ["--pre-stop"]:
        at = next((i for i, l in enumerate(container) if l.strip() == "command:"
                   and any(c.strip() == "preStop:" for c in container[max(0, i - 3):i])), None)
        if at is None:
            sys.exit("probes: no preStop exec command")
        for line in block(container, at):
            if not line.lstrip().startswith("- "):
                break
            print(line.lstrip()[2:].strip("'\""))
        return
    found = {}
    for i, line in enumerate(container):
        m = re.match(r"^\s*-?\s*(\w+)Probe:$", line)
        if not m:
            continue
        body = "\n".join(block(container, i))
        path = re.search(r"^\s+path: (\S+)$", body, re.M)
        port = re.search(r"^\s+port: (\S+)$", body, re.M)
        if "httpGet:" not in body or not path or not port:
            sys.exit(f"probes: the {m.group(1)} probe is not an HTTP GET with a path and a port")
        number = port.group(1).strip("'\"")
        number = number if number.isdigit() else ports.get(number)
        if number is None:
            sys.exit(f"probes: the {m.group(1)} probe's port {port.group(1)} is not a port of the container ({ports})")
        found[m.group(1)] = f"{m.group(1)} {number} {path.group(1)}"
    missing = [k for k in KINDS if k not in found]
    if missing:
        sys.exit(f"probes: no {', '.join(missing)} probe")
    print("\n".join(found[k] for k in KINDS))


if __name__ == "__main__":
    main()
