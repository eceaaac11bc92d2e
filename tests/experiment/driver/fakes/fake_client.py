"""Stands in for `minitwitter-client load`: GETs the target's /healthz, optionally
sleeps, writes a small results JSON.

    fake_client.py --target URL --output FILE [--sleep SECONDS] [--marker FILE] [--exit N]
The marker file is written once the client runs (tests wait for it before killing).
"""

import json
import sys
import time
import urllib.request


def option(argv, name, default=None):
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv):
    target, output = option(argv, "--target"), option(argv, "--output")
    marker = option(argv, "--marker")
    if marker:
        with open(marker, "w") as handle:
            handle.write("running\n")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(target + "/healthz", timeout=10) as response:
        status = response.status
    time.sleep(float(option(argv, "--sleep", "0")))
    with open(output, "w") as handle:
        json.dump({"schema": "fake-load-results", "target": target, "status": status,
                   "started": time.time()}, handle)
    return int(option(argv, "--exit", "0"))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
