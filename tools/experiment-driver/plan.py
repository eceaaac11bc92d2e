"""Reading and checking a plan (schema minitwitter-experiment-plan/1), and its placeholders.

The plan is the contract with the C++ runner (docs: /work/notes/issue6-design.md). Checks
are structural: anything the driver would trip over later is reported now, before a
single process starts, as a PlanError naming the key.
"""

import json
import os
import re

SCHEMA = "minitwitter-experiment-plan/1"
BACKENDS = ("mininet", "loopback")
DEFAULT_TIMING = {"startDelaySeconds": 2.0, "deadlineSeconds": 600.0,
                  "healthTimeoutSeconds": 120.0, "databaseTimeoutSeconds": 60.0}

_PLACEHOLDER = re.compile(r"\{ip:([^{}]*)\}")
_HOST_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,9}$")
_FILE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


class PlanError(ValueError):
    """The plan cannot be executed as written."""


def _require(container, key, kind, where, optional=False, default=None):
    if key not in container or container[key] is None:
        if optional:
            return default
        raise PlanError("%s.%s: missing" % (where, key))
    value = container[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise PlanError("%s.%s: expected %s, got %r" % (where, key, _kind_name(kinds), value))
    if not isinstance(value, kinds):
        raise PlanError("%s.%s: expected %s, got %r" % (where, key, _kind_name(kinds), value))
    return value


def _kind_name(kinds):
    names = {str: "a string", int: "a whole number", float: "a number", list: "a list",
             dict: "an object", bool: "true or false"}
    return " or ".join(names.get(kind, kind.__name__) for kind in kinds)


def _host(container, where):
    name = _require(container, "host", str, where)
    if not _HOST_NAME.match(name):
        raise PlanError("%s.host: %r is not a host name ([A-Za-z][A-Za-z0-9_-]*, at most 10)"
                        % (where, name))
    return name


def _port(container, where, key="port"):
    port = _require(container, key, int, where)
    if not 1 <= port <= 65535:
        raise PlanError("%s.%s: %d is not a TCP port" % (where, key, port))
    return port


def _file_name(container, key, where, default):
    name = _require(container, key, str, where, optional=True, default=default)
    if not _FILE_NAME.match(name):
        raise PlanError("%s.%s: %r must be a plain file name inside outDir" % (where, key, name))
    return name


def _argv(container, where):
    argv = _require(container, "argv", list, where)
    if not argv or not all(isinstance(item, str) for item in argv):
        raise PlanError("%s.argv: expected a non-empty list of strings" % where)
    return list(argv)


def _env(container, where):
    env = _require(container, "env", dict, where, optional=True, default={})
    for key, value in env.items():
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise PlanError("%s.env.%s: expected a string, got %r" % (where, key, value))
    return {key: str(value) for key, value in env.items()}


def _number(container, key, where, default, minimum=0.0):
    value = _require(container, key, (int, float), where, optional=True, default=default)
    if value < minimum or (minimum > 0 and value == 0):
        raise PlanError("%s.%s: %r is too small" % (where, key, value))
    return float(value)


def _database(plan, binaries):
    database = _require(plan, "database", dict, "plan")
    kind = _require(database, "kind", str, "database")
    if kind == "sqlite":
        return {"kind": "sqlite"}
    if kind != "postgresql":
        raise PlanError("database.kind: %r is neither postgresql nor sqlite" % kind)
    result = {
        "kind": kind,
        "host": _host(database, "database"),
        "port": _port(database, "database"),
        "name": _require(database, "name", str, "database"),
        "user": _require(database, "user", str, "database"),
        "password": _require(database, "password", str, "database"),
        "bin": _require(database, "bin", str, "database", optional=True,
                        default=binaries.get("postgres", "/usr/lib/postgresql/15/bin")),
        "settings": _require(database, "settings", dict, "database", optional=True, default={}),
    }
    if not result["password"]:
        raise PlanError("database.password: must not be empty")
    return result


def _haproxy(plan):
    haproxy = plan.get("haproxy")
    if haproxy is None:
        return None
    if not isinstance(haproxy, dict):
        raise PlanError("haproxy: expected an object or null")
    backends = []
    for index, backend in enumerate(_require(haproxy, "backends", list, "haproxy")):
        where = "haproxy.backends[%d]" % index
        if isinstance(backend, str):  # "s1:8081", the design's short form
            host, _, port = backend.rpartition(":")
            if not host or not port.isdigit():
                raise PlanError("%s: %r is not HOST:PORT" % (where, backend))
            backend = {"host": host, "port": int(port)}
        elif not isinstance(backend, dict):
            raise PlanError("%s: expected an object {host, port}" % where)
        backends.append({"host": _host(backend, where), "port": _port(backend, where)})
    if not backends:
        raise PlanError("haproxy.backends: must not be empty")
    return {"host": _host(haproxy, "haproxy"), "port": _port(haproxy, "haproxy"),
            "backends": backends}


def validate(plan):
    """The plan with defaults filled in; raises PlanError."""
    if not isinstance(plan, dict):
        raise PlanError("plan: expected a JSON object")
    schema = plan.get("schema")
    if schema != SCHEMA:
        raise PlanError("schema: expected %r, got %r" % (SCHEMA, schema))
    backend = _require(plan, "backend", str, "plan")
    if backend not in BACKENDS:
        raise PlanError("backend: %r is not one of %s" % (backend, ", ".join(BACKENDS)))
    out_dir = _require(plan, "outDir", str, "plan")
    if not os.path.isabs(out_dir):
        raise PlanError("outDir: %r is not an absolute path" % out_dir)
    binaries = _require(plan, "binaries", dict, "plan", optional=True, default={})

    topology = _require(plan, "topology", dict, "plan", optional=backend == "loopback",
                        default={})
    if backend == "mininet":
        _require(topology, "kind", str, "topology")
        topology_file = _require(topology, "file", str, "topology")
        if not os.path.isabs(topology_file):
            raise PlanError("topology.file: %r is not an absolute path" % topology_file)
    _require(topology, "params", dict, "topology", optional=True)
    link = topology.get("link", plan.get("link")) or {}
    if not isinstance(link, dict):
        raise PlanError("topology.link: expected an object")

    servers = []
    for index, server in enumerate(_require(plan, "servers", list, "plan")):
        where = "servers[%d]" % index
        if not isinstance(server, dict):
            raise PlanError("%s: expected an object" % where)
        host = _host(server, where)
        servers.append({"host": host, "port": _port(server, where), "argv": _argv(server, where),
                        "env": _env(server, where),
                        "log": _file_name(server, "log", where, host + ".log"),
                        "metrics": _file_name(server, "metrics", where, host + ".metrics")})
    if not servers:
        raise PlanError("servers: at least one server is needed")

    clients = []
    for index, client in enumerate(_require(plan, "clients", list, "plan")):
        where = "clients[%d]" % index
        if not isinstance(client, dict):
            raise PlanError("%s: expected an object" % where)
        host = _host(client, where)
        clients.append({"host": host, "argv": _argv(client, where), "env": _env(client, where),
                        "output": _file_name(client, "output", where, host + ".json"),
                        "log": _file_name(client, "log", where, host + ".log")})
    if not clients:
        raise PlanError("clients: at least one client is needed")

    timing_in = _require(plan, "timing", dict, "plan", optional=True, default={})
    timing = {key: _number(timing_in, key, "timing", default,
                           minimum=1.0 if key != "startDelaySeconds" else 0.0)
              for key, default in DEFAULT_TIMING.items()}

    result = dict(plan)
    result.update({"backend": backend, "outDir": os.path.normpath(out_dir), "binaries": binaries,
                   "topology": dict(topology, link=link,
                                    params=dict(topology.get("params") or {})),
                   "database": _database(plan, binaries), "servers": servers,
                   "haproxy": _haproxy(plan), "clients": clients, "timing": timing})
    _check_unique_files(result)
    _check_servers(result)
    _check_placeholders(result)
    return result


def _check_unique_files(plan):
    seen = {}
    names = [("servers[%d].log" % i, s["log"]) for i, s in enumerate(plan["servers"])]
    names += [("servers[%d].metrics" % i, s["metrics"]) for i, s in enumerate(plan["servers"])]
    names += [("clients[%d].output" % i, c["output"]) for i, c in enumerate(plan["clients"])]
    names += [("clients[%d].log" % i, c["log"]) for i, c in enumerate(plan["clients"])]
    reserved = {"driver.json", "driver.log", "postgres.log", "haproxy.cfg", "haproxy.log"}
    for where, name in names:
        if name in reserved:
            raise PlanError("%s: %r is a file the driver writes itself" % (where, name))
        if name in seen:
            raise PlanError("%s: %r is also %s" % (where, name, seen[name]))
        seen[name] = where


def _check_servers(plan):
    hosts = [server["host"] for server in plan["servers"]]
    for host in set(hosts):
        if hosts.count(host) > 1:
            raise PlanError("servers: host %r appears more than once" % host)
    if plan["backend"] != "loopback":
        return
    # On loopback every process shares 127.0.0.1: the ports must differ.
    ports = {}
    for index, server in enumerate(plan["servers"]):
        ports.setdefault(server["port"], []).append("servers[%d]" % index)
    if plan["haproxy"]:
        ports.setdefault(plan["haproxy"]["port"], []).append("haproxy")
    if plan["database"]["kind"] == "postgresql":
        ports.setdefault(plan["database"]["port"], []).append("database")
    for port, users in ports.items():
        if len(users) > 1:
            raise PlanError("loopback: port %d is used by %s" % (port, " and ".join(users)))


def host_names(plan):
    """Every host the plan refers to, in a stable order (db always: every topology has it)."""
    names = ["db"]
    if plan["database"]["kind"] == "postgresql":
        names.append(plan["database"]["host"])
    names += [server["host"] for server in plan["servers"]]
    if plan["haproxy"]:
        names.append(plan["haproxy"]["host"])
        names += [backend["host"] for backend in plan["haproxy"]["backends"]]
    names += [client["host"] for client in plan["clients"]]
    return list(dict.fromkeys(names))


def _strings(plan):
    for index, server in enumerate(plan["servers"]):
        for item in server["argv"]:
            yield "servers[%d].argv" % index, item
        for key, value in server["env"].items():
            yield "servers[%d].env.%s" % (index, key), value
    for index, client in enumerate(plan["clients"]):
        for item in client["argv"]:
            yield "clients[%d].argv" % index, item
        for key, value in client["env"].items():
            yield "clients[%d].env.%s" % (index, key), value


def _check_placeholders(plan):
    known = set(host_names(plan))
    for where, text in _strings(plan):
        for name in _PLACEHOLDER.findall(text):
            if name not in known:
                raise PlanError("%s: {ip:%s} names no host of the plan (hosts: %s)"
                                % (where, name, ", ".join(sorted(known))))


_TEN_NET = re.compile(r"(?<![\d.])10\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d])")


def literal_experiment_addresses(plan):
    """(where, address) for every literal 10.x.y.z in argv/env: on loopback outside a
    private namespace such an address would be routed off this machine."""
    found = []
    for where, text in _strings(plan):
        found += [(where, address) for address in _TEN_NET.findall(text)]
    if plan["haproxy"]:
        found += [("haproxy", b["host"]) for b in plan["haproxy"]["backends"]
                  if _TEN_NET.fullmatch(b["host"])]
    return found


def substitute(text, addresses, out_dir):
    """Replace {ip:NAME} and {out}; nothing else in the text is interpreted."""
    def address(match):
        name = match.group(1)
        if name not in addresses:
            raise PlanError("{ip:%s}: no such host" % name)
        return addresses[name]
    return _PLACEHOLDER.sub(address, text).replace("{out}", out_dir)


def substitute_all(values, addresses, out_dir):
    if isinstance(values, dict):
        return {key: substitute(value, addresses, out_dir) for key, value in values.items()}
    return [substitute(value, addresses, out_dir) for value in values]


def load(path):
    try:
        with open(path, encoding="utf-8") as source:
            document = json.load(source)
    except OSError as error:
        raise PlanError("cannot read the plan %s: %s" % (path, error.strerror)) from None
    except ValueError as error:
        raise PlanError("the plan %s is not JSON: %s" % (path, error)) from None
    return validate(document)
