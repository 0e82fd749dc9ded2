#!/usr/bin/python3
"""A model mirror in the Hugging Face Hub's layout, for the container test: serves the files of a
flat model folder (the test model) as GET /<repository>/resolve/<revision>/<path>, `onnx/` paths
from the folder's top level, with the Hub's headers that fetch-model verifies against: ETag (the
git blob SHA-1 of .json files), X-Linked-Etag (the SHA-256 of the others), X-Repo-Commit, and
Range requests for resumed downloads. Standard library only.

    hub_mirror.py MODEL_DIR PORT [BIND=0.0.0.0]
"""
import hashlib
import http.server
import os
import sys

COMMIT = "0123456789abcdef0123456789abcdef01234567"


class Handler(http.server.BaseHTTPRequestHandler):
    folder = "."

    def do_GET(self):
        parts = self.path.split("?")[0].split("/")
        # "", owner, name, "resolve", revision, path...
        if len(parts) < 6 or parts[3] != "resolve":
            return self.send_error(404)
        path = "/".join(parts[5:])
        file = os.path.join(self.folder, path[len("onnx/"):] if path.startswith("onnx/") else path)
        if ".." in path or not os.path.isfile(file):
            return self.send_error(404)
        with open(file, "rb") as f:
            body = f.read()
        start = 0
        ranged = self.headers.get("Range", "")
        if ranged.startswith("bytes=") and ranged.endswith("-"):
            start = int(ranged[len("bytes="):-1])
        self.send_response(206 if start else 200)
        self.send_header("X-Repo-Commit", COMMIT)
        if path.endswith(".json"):
            blob = hashlib.sha1(b"blob %d\0" % len(body) + body).hexdigest()
            self.send_header("ETag", f'"{blob}"')
        else:
            self.send_header("X-Linked-Etag", f'"{hashlib.sha256(body).hexdigest()}"')
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        self.wfile.write(body[start:])

    def log_message(self, fmt, *args):
        sys.stderr.write("mirror: " + fmt % args + "\n")


def main():
    Handler.folder = sys.argv[1]
    bind = sys.argv[3] if len(sys.argv) > 3 else "0.0.0.0"
    server = http.server.ThreadingHTTPServer((bind, int(sys.argv[2])), Handler)
    # Said once the port is bound: the test waits for it, as a server already on the port would answer too.
    print(f"mirror: listening on {bind}:{sys.argv[2]}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
