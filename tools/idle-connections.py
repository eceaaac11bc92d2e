#!/usr/bin/env python3
"""Holds many idle keep-alive HTTP connections open against a server on loopback.

Opens N connections to 127.0.0.1:PORT, sends one `GET /healthz HTTP/1.1` on each and
reads the response, holds them all idle for a while (watching for any the server
closes), then sends a second request on each to prove it is still usable. Reports the
server's resident memory (VmRSS of --pid) before opening, with all open, and at the
end. Exits non-zero if any connection failed or was closed.

Python standard library only; one thread, non-blocking sockets, epoll via selectors.
"""

from __future__ import annotations

import argparse
import errno
import json
import resource
import selectors
import socket
import sys
import time

RESERVED_FDS = 64  # stdio, the selector, and some room


def read_rss_kib(pid: int | None) -> int | None:
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        sys.exit(f"idle-connections: process {pid} does not exist (any more)")
    return None


def raise_nofile_limit(needed: int) -> int:
    """Raises RLIMIT_NOFILE to `needed` if it can; returns the soft limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return soft
    target_hard = hard if hard == resource.RLIM_INFINITY or hard >= needed else needed
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, target_hard))
    except (ValueError, OSError):
        # Not root: the hard limit is a ceiling.
        if hard != resource.RLIM_INFINITY and hard < needed:
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            except (ValueError, OSError):
                pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class ResponseReader:
    """Incremental reader of one HTTP/1.1 response (Content-Length or chunked body)."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.status: int | None = None
        self.keep_alive = True
        self.done = False

    def feed(self, chunk: bytes) -> None:
        self.data += chunk
        self._try_complete()

    def _try_complete(self) -> None:
        end = self.data.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(self.data[:end]).decode("latin-1").split("\r\n")
        parts = head[0].split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise ValueError(f"bad status line {head[0]!r}")
        self.status = int(parts[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "close" in headers.get("connection", "").lower() or parts[0] == "HTTP/1.0":
            self.keep_alive = False
        body = self.data[end + 4:]
        if "chunked" in headers.get("transfer-encoding", "").lower():
            self.done = self._chunked_complete(body)
        else:
            self.done = len(body) >= int(headers.get("content-length", "0"))

    @staticmethod
    def _chunked_complete(body: bytearray) -> bool:
        pos = 0
        while True:
            line_end = body.find(b"\r\n", pos)
            if line_end < 0:
                return False
            size = int(bytes(body[pos:line_end]).split(b";")[0], 16)
            pos = line_end + 2
            if size == 0:
                return body.find(b"\r\n\r\n", pos - 2) >= 0
            pos += size + 2
            if pos > len(body):
                return False


class Client:
    __slots__ = ("sock", "state", "reader", "sent", "error")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.state = "connecting"  # connecting, waiting, idle, closed, failed
        self.reader = ResponseReader()
        self.sent = 0
        self.error = ""


class IdleConnectionTest:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.selector = selectors.DefaultSelector()
        self.clients: list[Client] = []
        self.request = (f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n"
                        "User-Agent: idle-connections\r\n\r\n").encode()

    # --- helpers -----------------------------------------------------------------------
    def fail(self, client: Client, why: str) -> None:
        if client.state in ("failed", "closed"):
            return
        client.state = "failed"
        client.error = why
        self.selector.unregister(client.sock)
        client.sock.close()

    def count(self, state: str) -> int:
        return sum(1 for c in self.clients if c.state == state)

    def send_request(self, client: Client) -> None:
        client.reader = ResponseReader()
        client.state = "waiting"
        try:
            client.sock.send(self.request)  # small: fits the empty socket buffer
        except OSError as exc:
            self.fail(client, f"send: {exc.strerror}")
            return
        client.sent += 1
        self.selector.modify(client.sock, selectors.EVENT_READ, client)

    def on_readable(self, client: Client) -> None:
        try:
            chunk = client.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError as exc:
            self.fail(client, f"recv: {exc.strerror}")
            return
        if not chunk:
            self.fail(client, "closed by the server" if client.state == "idle"
                      else "closed by the server before a full response")
            return
        if client.state != "waiting":
            self.fail(client, f"unexpected {len(chunk)} bytes while idle")
            return
        try:
            client.reader.feed(chunk)
        except ValueError as exc:
            self.fail(client, str(exc))
            return
        if client.reader.done:
            if client.reader.status != 200:
                self.fail(client, f"HTTP status {client.reader.status}")
            elif not client.reader.keep_alive:
                self.fail(client, "server answered Connection: close")
            else:
                client.state = "idle"

    def on_writable(self, client: Client) -> None:
        err = client.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            self.fail(client, f"connect: {errno.errorcode.get(err, err)}")
        else:
            self.send_request(client)

    def poll(self, timeout: float) -> None:
        for key, events in self.selector.select(timeout):
            client = key.data
            if events & selectors.EVENT_WRITE and client.state == "connecting":
                self.on_writable(client)
            elif events & selectors.EVENT_READ:
                self.on_readable(client)

    def in_flight(self) -> int:
        return sum(1 for c in self.clients if c.state in ("connecting", "waiting"))

    # --- phases --------------------------------------------------------------------------
    def open_all(self) -> None:
        """Connects N sockets, at most --burst connecting at once, and does request 1."""
        deadline = time.monotonic() + self.args.timeout
        while len(self.clients) < self.args.connections or self.in_flight():
            while (len(self.clients) < self.args.connections
                   and self.in_flight() < self.args.burst):
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.setblocking(False)
                client = Client(sock)
                self.clients.append(client)
                self.selector.register(sock, selectors.EVENT_WRITE, client)
                err = sock.connect_ex(("127.0.0.1", self.args.port))
                if err not in (0, errno.EINPROGRESS):
                    self.fail(client, f"connect: {errno.errorcode.get(err, err)}")
            if time.monotonic() > deadline:
                for c in self.clients:
                    if c.state in ("connecting", "waiting"):
                        self.fail(c, "timed out opening")
                break
            self.poll(0.05)

    def hold(self) -> None:
        """Waits --hold seconds; any socket that becomes readable was closed or spoke."""
        end = time.monotonic() + self.args.hold
        while (left := end - time.monotonic()) > 0:
            self.poll(min(left, 1.0))

    def request_again(self) -> None:
        for c in self.clients:
            if c.state == "idle":
                self.send_request(c)
        deadline = time.monotonic() + self.args.timeout
        while self.in_flight() and time.monotonic() < deadline:
            self.poll(0.05)
        for c in self.clients:
            if c.state == "waiting":
                self.fail(c, "timed out waiting for the second response")

    def close_all(self) -> None:
        for c in self.clients:
            if c.state not in ("failed", "closed"):
                self.selector.unregister(c.sock)
                c.sock.close()
                c.state = "closed"
        self.selector.close()

    def errors_summary(self) -> dict[str, int]:
        summary: dict[str, int] = {}
        for c in self.clients:
            if c.state == "failed":
                summary[c.error] = summary.get(c.error, 0) + 1
        return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True, help="server port on 127.0.0.1")
    parser.add_argument("--pid", type=int, help="server process id, for its VmRSS")
    parser.add_argument("-n", "--connections", type=int, default=10000,
                        help="connections to open (default 10000)")
    parser.add_argument("--hold", type=float, default=30.0,
                        help="seconds to hold them idle (default 30)")
    parser.add_argument("--path", default="/healthz", help="request path (default /healthz)")
    parser.add_argument("--burst", type=int, default=256,
                        help="connections being opened at once (default 256)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds allowed for opening all, and for the final requests")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()
    if args.connections < 1 or args.burst < 1 or args.hold < 0:
        parser.error("--connections and --burst must be positive, --hold not negative")

    needed = args.connections + RESERVED_FDS
    limit = raise_nofile_limit(needed)
    if limit < needed:
        print(f"idle-connections: error: the open-file limit is {limit} and cannot be raised "
              f"to the {needed} needed for {args.connections} connections; raise it "
              f"(ulimit -n {needed}, or run as root) or ask for fewer with -n",
              file=sys.stderr)
        return 2

    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as ports:
            low, high = map(int, ports.read().split())
        if args.connections > high - low + 1:
            print(f"idle-connections: warning: {args.connections} connections exceed the "
                  f"{high - low + 1} local ports in ip_local_port_range", file=sys.stderr)
    except (OSError, ValueError):
        pass

    test = IdleConnectionTest(args)
    rss_before = read_rss_kib(args.pid)
    start = time.monotonic()
    test.open_all()
    open_seconds = time.monotonic() - start
    opened = test.count("idle")
    print(f"opened {opened}/{args.connections} connections, first request answered on each, "
          f"in {open_seconds:.1f} s", flush=True)
    time.sleep(0.5)  # let the server settle before sampling its memory
    rss_open = read_rss_kib(args.pid)
    print(f"holding them idle for {args.hold:g} s", flush=True)
    test.hold()
    closed_while_idle = opened - test.count("idle")
    test.request_again()
    survived = test.count("idle")
    rss_end = read_rss_kib(args.pid)
    test.close_all()

    failures = test.errors_summary()
    result = {
        "connections": args.connections,
        "opened": opened,
        "open_seconds": round(open_seconds, 3),
        "hold_seconds": args.hold,
        "closed_while_idle": closed_while_idle,
        "answered_after_idle": survived,
        "rss_kib": {"before": rss_before, "all_open": rss_open, "end": rss_end},
        "rss_per_connection_bytes": (round((rss_open - rss_before) * 1024 / max(opened, 1))
                                     if rss_open is not None and rss_before is not None
                                     else None),
        "failures": failures,
        "ok": survived == args.connections,
    }
    print(f"closed by the server while idle: {closed_while_idle}")
    print(f"answered a second request after the idle period: {survived}/{args.connections}")
    if args.pid is not None:
        print(f"server VmRSS: before {rss_before} KiB, all open {rss_open} KiB, "
              f"end {rss_end} KiB ({result['rss_per_connection_bytes']} bytes per connection)")
    for why, n in sorted(failures.items(), key=lambda kv: -kv[1]):
        print(f"  {n} connection(s): {why}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out, indent=2)
            out.write("\n")
    print("PASS: every connection stayed open and usable" if result["ok"]
          else "FAIL: some connections were refused, failed or closed")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
