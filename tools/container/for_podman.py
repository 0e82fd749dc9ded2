#!/usr/bin/python3
"""Turns the manifests kubectl kustomize renders into what `podman kube play` runs, changing only
what a local run must: the image becomes the local build, the model mirror points at the test's
local Hub (plain http: the init container is allowed it, as fetch-model otherwise refuses),
the Deployment runs one replica whose pod restarts containers only on failure (Podman 4.3
applies the pod's restart policy to init containers too, and restarted the finished fetch-model
under "Always" until kube play failed), each emptyDir becomes a host folder under VOLUMES_DIR
(the kubelet makes an emptyDir world-writable, Podman 4.3 makes it root's with mode 755, where
user 10001 could not write), and the kinds Podman does not run (Service, HorizontalPodAutoscaler,
PodDisruptionBudget) are left out, named on stderr.

The container ports are published on the host as API_PORT and MANAGEMENT_PORT (Podman 4.3
otherwise publishes each containerPort as the same host port: 8080 and 9000 may be taken), and the
Deployment is renamed NAME: Podman names the pod and its containers after it, and pods are global
to a Podman, so two runs (or a run and someone's own `kube play`) would otherwise collide.

    for_podman.py RENDERED.yaml IMAGE MIRROR_URL VOLUMES_DIR API_PORT MANAGEMENT_PORT NAME > play.yaml
"""
import re
import sys

PLAYED = {"ConfigMap", "Secret", "Deployment"}


def main():
    rendered, image, mirror, volumes, api, management, name = sys.argv[1:8]
    docs = [d for d in re.split(r"^---\n", open(rendered, encoding="utf-8").read(), flags=re.M) if d.strip()]
    kept = []
    for doc in docs:
        kind = re.search(r"^kind: (\S+)", doc, re.M).group(1)
        if kind not in PLAYED:
            print(f"for_podman: {kind} left out (podman kube play does not run it)", file=sys.stderr)
            continue
        if kind == "Deployment":
            doc, images = re.subn(r"^(\s+image:) passerelle(:\S+)?$", rf"\1 {image}", doc, flags=re.M)
            doc, replicas = re.subn(r"^  replicas: \d+$", "  replicas: 1", doc, flags=re.M)
            doc, names = re.subn(r"^(  name:) passerelle$", rf"\1 {name}", doc, count=1, flags=re.M)
            if images == 0 or replicas != 1 or names != 1:
                sys.exit(f"for_podman: the Deployment has {images} passerelle images, {replicas} replicas lines"
                         f" and {names} names")
            # - emptyDir:\n    sizeLimit: 2Gi\n  name: model  ->  - hostPath: {path: VOLUMES_DIR/model, type: Directory}
            doc = re.sub(r"^(\s+)- emptyDir:(?: \{\})?\n(?:\1    .*\n)*\1  name: (\S+)\n",
                         lambda m: f"{m.group(1)}- hostPath:\n{m.group(1)}    path: {volumes}/{m.group(2)}\n"
                                   f"{m.group(1)}    type: Directory\n{m.group(1)}  name: {m.group(2)}\n", doc, flags=re.M)
            doc, n = re.subn(r"^(      )securityContext:\n", r"\1restartPolicy: OnFailure\n\g<0>", doc, count=1, flags=re.M)
            if n != 1 or "restartPolicy: Always" in doc:
                sys.exit("for_podman: cannot set the pod's restart policy")
            if "emptyDir" in doc:
                sys.exit("for_podman: an emptyDir was not rewritten")
            for port, host in (("8080", api), ("9000", management)):
                doc, n = re.subn(rf"^(\s+)- containerPort: {port}\n", rf"\g<0>\1  hostPort: {host}\n", doc, flags=re.M)
                if n != 1:
                    sys.exit(f"for_podman: no containerPort {port}")
            if mirror.startswith("http://") and "initContainers:" in doc:
                doc, n = re.subn(r"^(\s+)- name: PASSERELLE_MODEL_MIRROR\n",
                                 lambda m: f'{m.group(1)}- name: PASSERELLE_MODEL_ALLOW_INSECURE_MIRROR\n'
                                           f'{m.group(1)}  value: "true"\n{m.group(0)}', doc, flags=re.M)
                if n != 1:
                    sys.exit("for_podman: the init container does not read PASSERELLE_MODEL_MIRROR")
        if kind == "ConfigMap" and re.search(r"^  name: passerelle-config$", doc, re.M):
            doc = re.sub(r"^  PASSERELLE_MODEL_MIRROR: .*\n", "", doc, flags=re.M)
            doc, n = re.subn(r"^data:\n", f"data:\n  PASSERELLE_MODEL_MIRROR: {mirror}\n", doc, count=1, flags=re.M)
            if n != 1:
                sys.exit("for_podman: passerelle-config has no data")
        kept.append(doc)
    sys.stdout.write("---\n".join(kept))


if __name__ == "__main__":
    main()
