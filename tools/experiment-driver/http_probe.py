"""Runs on a role host (inside its network namespace): waits for URLs to answer 200, or
fetches URLs into files. The driver never talks to experiment addresses itself.

    http_probe.py wait --timeout SECONDS URL...
    http_probe.py fetch URL FILE [URL FILE ...]
"""

import sys
import time
import urllib.error
import urllib.request

# No proxy, whatever the environment says: experiment traffic stays on the emulated network.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(url, timeout):
    with _OPENER.open(url, timeout=timeout) as response:
        return response.status, response.read()


def wait(urls, timeout):
    deadline = time.monotonic() + timeout
    pending = {url: "not tried" for url in urls}
    while pending:
        for url in list(pending):
            try:
                status, _ = get(url, timeout=5)
                if status == 200:
                    del pending[url]
                    print("ready %s" % url, flush=True)
                else:
                    pending[url] = "HTTP %d" % status
            except urllib.error.HTTPError as error:
                pending[url] = "HTTP %d" % error.code
            except (OSError, ValueError) as error:
                pending[url] = str(getattr(error, "reason", error))
        if not pending:
            break
        if time.monotonic() >= deadline:
            print("not ready after %gs: %s" % (timeout, "; ".join(
                "%s (%s)" % item for item in pending.items())), file=sys.stderr)
            return 1
        time.sleep(0.2)
    return 0


def fetch(pairs):
    failed = 0
    for url, path in pairs:
        try:
            status, body = get(url, timeout=10)
            with open(path, "wb") as output:
                output.write(body)
            if status != 200:
                raise OSError("HTTP %d" % status)
        except (OSError, ValueError) as error:
            print("cannot fetch %s: %s" % (url, getattr(error, "reason", error)),
                  file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "wait" and argv[2] == "--timeout":
        return wait(argv[4:], float(argv[3]))
    if len(argv) >= 4 and argv[1] == "fetch" and len(argv) % 2 == 0:
        return fetch(list(zip(argv[2::2], argv[3::2])))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
