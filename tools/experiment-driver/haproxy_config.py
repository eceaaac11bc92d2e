"""The HAProxy configuration for the plan's `haproxy` section: round-robin over the
server instances, health checks on /healthz, HTTP mode with keep-alive."""


def max_connections(file_limit):
    """HAProxy needs two descriptors per connection plus a few of its own; it refuses to
    start when maxconn asks for more than the hard RLIMIT_NOFILE allows."""
    return max(64, min(20000, (file_limit - 200) // 2))


def render(listen_address, port, backends, maxconn=20000):
    """backends: [(name, address, port)]."""
    lines = [
        "# Written by the minitwitter experiment driver.",
        "global",
        "    maxconn %d" % maxconn,
        "",
        "defaults",
        "    mode http",
        "    option http-keep-alive",
        "    timeout connect 5s",
        "    timeout client 60s",
        "    timeout server 60s",
        "    timeout http-keep-alive 60s",
        "",
        "frontend minitwitter",
        "    bind %s:%d" % (listen_address, port),
        "    default_backend servers",
        "",
        "backend servers",
        "    balance roundrobin",
        "    option httpchk GET /healthz",
        "    http-check expect status 200",
    ]
    for name, address, backend_port in backends:
        lines.append("    server %s %s:%d check inter 1s fall 3 rise 1"
                     % (name, address, backend_port))
    return "\n".join(lines) + "\n"
