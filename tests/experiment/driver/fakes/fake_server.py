"""Stands in for `minitwitter serve` in the driver's tests: answers /healthz and /metrics.

    fake_server.py --bind ADDRESS --port PORT [--tag ANYTHING]
Exits non-zero at once when FAKE_SERVER_FAIL is set (a server that cannot start).
"""

import http.server
import os
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        bodies = {"/healthz": b"ok\n", "/metrics": b"fake_requests_total 1\n"}
        body = bodies.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *_):
        pass


def main(argv):
    if os.environ.get("FAKE_SERVER_FAIL"):
        print("fake server: told to fail", file=sys.stderr)
        return 3
    bind, port = argv[argv.index("--bind") + 1], int(argv[argv.index("--port") + 1])
    print("fake server on %s:%d, DB=%s HOST=%s" % (bind, port, os.environ.get("DB"),
                                                   os.environ.get("HOST")), flush=True)
    http.server.ThreadingHTTPServer((bind, port), Handler).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
