"""One plan, step by step: network, database, servers, HAProxy, health, clients,
collection. Teardown is the caller's `finally` (see driver.py) and undoes whatever
steps ran, in reverse."""

import json
import os
import resource
import signal
import subprocess
import sys
import time

import haproxy_config
import leftovers
import plan as plan_module
from network import LoopbackNetwork, MininetNetwork, load_topology
from postgres import PostgresCluster
from processes import ManagedProcess, base_environment, reap_orphans, wait_all
from scratch import Scratch

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable or "/usr/bin/python3"
SPAWN_SECONDS_PER_CLIENT = 0.02


class RunFailed(RuntimeError):
    """The run could not complete; the message is the one-line reason."""


def log(message):
    print("driver: " + message, file=sys.stderr, flush=True)


class Experiment:
    def __init__(self, plan, in_namespace):
        self.plan = plan
        self.out = plan["outDir"]
        self.in_namespace = in_namespace
        self.network = None
        self.scratch = Scratch(private_mounts=in_namespace)
        self.postgres = None
        self.servers = []
        self.haproxy = None
        self.clients = []
        self.helpers = []
        self.addresses = {}
        self.timings = {}
        self.warnings = []
        self.client_start = None

    # -- set-up ----------------------------------------------------------------------
    def prepare(self):
        """Everything that can fail without starting anything."""
        os.makedirs(self.out, exist_ok=True)
        open(os.path.join(self.out, "driver.log"), "wb").close()  # the helpers append
        names = plan_module.host_names(self.plan)
        if self.plan["backend"] == "mininet":
            if os.geteuid() != 0:
                raise plan_module.PlanError("backend mininet: the driver must run as root")
            topo = load_topology(self.plan["topology"])
            missing = [name for name in names if name not in topo.hosts()]
            if missing:
                raise plan_module.PlanError(
                    "topology %s has no host(s) %s that the plan uses"
                    % (self.plan["topology"]["kind"], ", ".join(missing)))
            self.network = MininetNetwork(topo, self.plan["topology"].get("switch", "auto"))
        else:
            self.network = LoopbackNetwork(names)

    def run(self):
        # Mininet hosts get mount namespaces of their own, copied when they are made:
        # the scratch tmpfs must exist before them to be visible inside them.
        if self.plan["database"]["kind"] == "postgresql":
            self.scratch.create()
        self.start_network()
        self.addresses = {name: host.ip() for name, host in self.network.hosts.items()}
        if self.plan["database"]["kind"] == "postgresql":
            self.start_database()
        self.start_servers()
        self.wait_healthy(
            [self.url(s["host"], s["port"], "/healthz") for s in self.plan["servers"]], "servers")
        if self.plan["haproxy"]:
            self.start_haproxy()
        self.run_clients()
        self.collect_metrics()
        self.check_client_outputs()

    def start_network(self):
        if self.in_namespace:
            subprocess.run(["ip", "link", "set", "lo", "up"], check=False)
        log("bringing the network up (%s)" % self.plan["backend"])
        self.network.start()
        self.timings["networkUpSeconds"] = round(self.network.up_seconds or 0.0, 3)

    def host(self, name):
        return self.network.hosts[name]

    def url(self, host, port, path):
        return "http://%s:%d%s" % (self.addresses[host], port, path)

    def substitute(self, values):
        return plan_module.substitute_all(values, self.addresses, self.out)

    def start_database(self):
        database = self.plan["database"]
        log("starting PostgreSQL on %s" % database["host"])
        began = time.monotonic()
        self.postgres = PostgresCluster(database, self.scratch.folder("postgres"),
                                        os.path.join(self.out, "postgres.log"))
        try:
            self.postgres.initialise(self.addresses[database["host"]])
            self.postgres.start(self.host(database["host"]),
                                self.plan["timing"]["databaseTimeoutSeconds"])
        except RuntimeError as error:
            raise RunFailed(str(error)) from None
        self.timings["databaseSeconds"] = round(time.monotonic() - began, 3)

    def start_servers(self):
        log("starting %d server(s)" % len(self.plan["servers"]))
        for server in self.plan["servers"]:
            env = base_environment()
            env.update(self.substitute(server["env"]))
            with open(os.path.join(self.out, server["log"]), "wb") as output:
                popen = self.host(server["host"]).popen(
                    self.substitute(server["argv"]), env=env, cwd=self.out,
                    stdout=output, stderr=subprocess.STDOUT)
            self.servers.append(ManagedProcess(server["host"], "server", popen, server["log"]))

    def probe_host(self):
        """Health checks and metric fetches run on a client host, inside the emulation."""
        return self.host(self.plan["clients"][0]["host"])

    def run_helper(self, argv, watched, timeout):
        """Run a helper script on the probe host; fail early if a watched process dies."""
        with open(os.path.join(self.out, "driver.log"), "ab") as output:
            popen = self.probe_host().popen([PYTHON, "-I"] + argv, env=base_environment(),
                                            stdout=output, stderr=subprocess.STDOUT)
        helper = ManagedProcess(self.probe_host().name, "helper", popen)
        self.helpers.append(helper)
        deadline = time.monotonic() + timeout + 15
        while helper.running():
            for process in watched:
                if not process.running():
                    helper.stop(grace=2)
                    raise RunFailed("%s on %s exited with %s before it was ready; see %s"
                                    % (process.role, process.name, process.popen.returncode,
                                       process.log))
            if time.monotonic() > deadline:
                helper.stop(grace=2)
                break
            time.sleep(0.1)
        return helper.popen.returncode

    def wait_healthy(self, urls, what):
        timeout = self.plan["timing"]["healthTimeoutSeconds"]
        log("waiting for %s to answer /healthz" % what)
        began = time.monotonic()
        watched = self.servers + ([self.haproxy] if self.haproxy else [])
        code = self.run_helper([os.path.join(HERE, "http_probe.py"), "wait", "--timeout",
                                str(timeout)] + urls, watched, timeout)
        if code != 0:
            raise RunFailed("%s did not answer /healthz within %gs; see driver.log"
                            % (what, timeout))
        self.timings["healthSeconds"] = round(
            self.timings.get("healthSeconds", 0) + time.monotonic() - began, 3)

    def start_haproxy(self):
        spec = self.plan["haproxy"]
        log("starting HAProxy on %s" % spec["host"])
        listen = self.addresses[spec["host"]]
        config = haproxy_config.render(listen, spec["port"], [
            ("%s-%d" % (b["host"], b["port"]), self.addresses[b["host"]], b["port"])
            for b in spec["backends"]],
            maxconn=haproxy_config.max_connections(resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
        path = os.path.join(self.out, "haproxy.cfg")
        with open(path, "w") as output:
            output.write(config)
        with open(os.path.join(self.out, "haproxy.log"), "wb") as output:
            popen = self.host(spec["host"]).popen(["haproxy", "-f", path, "-db"],
                                                  env=base_environment(), cwd=self.out,
                                                  stdout=output, stderr=subprocess.STDOUT)
        self.haproxy = ManagedProcess(spec["host"], "haproxy", popen, "haproxy.log")
        self.wait_healthy([self.url(spec["host"], spec["port"], "/healthz")], "HAProxy")

    def run_clients(self):
        timing = self.plan["timing"]
        # Spawning took about 6 ms per client here (200 in 1.3 s); leave room for slower
        # machines so that no client starts late.
        delay = max(timing["startDelaySeconds"],
                    SPAWN_SECONDS_PER_CLIENT * len(self.plan["clients"]))
        start_at = time.time() + delay
        log("starting %d client(s)" % len(self.plan["clients"]))
        spawn_began = time.monotonic()
        for client in self.plan["clients"]:
            env = base_environment()
            env.update(self.substitute(client["env"]))
            argv = [PYTHON, "-I", os.path.join(HERE, "start_at.py"), "%.6f" % start_at, "--"]
            with open(os.path.join(self.out, client["log"]), "wb") as output:
                popen = self.host(client["host"]).popen(
                    argv + self.substitute(client["argv"]), env=env, cwd=self.out,
                    stdout=output, stderr=subprocess.STDOUT)
            self.clients.append(ManagedProcess(client["host"], "client", popen, client["log"]))
        spawned = time.time()
        self.client_start = {"at": _rfc3339(start_at),
                             "spawnSeconds": round(time.monotonic() - spawn_began, 3),
                             "lateSeconds": round(max(0.0, spawned - start_at), 3)}
        deadline = time.monotonic() + max(0.0, start_at - time.time()) + timing["deadlineSeconds"]
        log("%d client(s) running (set-up, warm-up, measuring)" % len(self.clients))
        hung = wait_all(self.clients, deadline)
        self.timings["clientsSeconds"] = round(time.time() - start_at, 3)
        if hung:
            for process in hung:
                process.stop(signal.SIGTERM, grace=5)
            raise RunFailed("client(s) %s still running after the %gs deadline; stopped"
                            % (", ".join(p.name for p in hung), timing["deadlineSeconds"]))
        failed = [p for p in self.clients if p.popen.returncode != 0]
        if failed:
            raise RunFailed("client(s) failed: %s" % ", ".join(
                "%s exited with %s (see %s)" % (p.name, p.popen.returncode, p.log) for p in failed))

    def collect_metrics(self):
        pairs = []
        for server in self.plan["servers"]:
            pairs += [self.url(server["host"], server["port"], "/metrics"),
                      os.path.join(self.out, server["metrics"])]
        code = self.run_helper([os.path.join(HERE, "http_probe.py"), "fetch"] + pairs, [], 60)
        if code != 0:
            self.warnings.append("some server metrics could not be fetched; see driver.log")

    def check_client_outputs(self):
        for client in self.plan["clients"]:
            path = os.path.join(self.out, client["output"])
            try:
                with open(path, encoding="utf-8") as source:
                    json.load(source)
            except OSError:
                raise RunFailed("client %s wrote no %s"
                                % (client["host"], client["output"])) from None
            except ValueError:
                raise RunFailed("client %s: %s is not JSON"
                                % (client["host"], client["output"])) from None

    # -- teardown --------------------------------------------------------------------
    def teardown(self):
        """Undo every step that ran; never raises. Returns {ok, leftovers, problems}."""
        problems = []
        steps = [("clients", lambda: [p.stop(signal.SIGTERM, grace=5) for p in self.clients]),
                 ("helpers", lambda: [p.stop(signal.SIGTERM, grace=2) for p in self.helpers]),
                 ("haproxy", lambda: self.haproxy and self.haproxy.stop(signal.SIGTERM, grace=5)),
                 ("servers", lambda: [p.stop(signal.SIGTERM, grace=15) for p in self.servers]),
                 ("postgres", lambda: self.postgres and self.postgres.stop()),
                 ("network", self._stop_network),
                 ("scratch", lambda: problems.extend(self.scratch.remove()))]
        for name, step in steps:
            try:
                step()
            except Exception as error:  # noqa: BLE001 - teardown must go on
                problems.append("%s: %s" % (name, error))
        if self.in_namespace:
            reap_orphans()
        started = self.clients + self.helpers + self.servers + (
            [self.haproxy] if self.haproxy else []) + (
            [self.postgres.process] if self.postgres and self.postgres.process else [])
        found = leftovers.scan(self.in_namespace, started) + problems
        return {"ok": not found, "leftovers": found}

    def _stop_network(self):
        if self.network is not None:
            log("taking the network down")
            self.network.stop()
            self.timings["networkDownSeconds"] = round(self.network.down_seconds or 0.0, 3)

    def report(self):
        """The run's processes for driver.json."""
        def entry(process, extra):
            item = {"host": process.name, "exitCode": process.exit_before_stop}
            item.update(extra)
            if process.stopped_by:
                item["stoppedBy"] = process.stopped_by
                item["exitStatusAfterStop"] = process.popen.returncode
            return item
        return {
            "hosts": dict(self.addresses),
            "clients": [entry(p, {"output": c["output"], "log": c["log"]})
                        for p, c in zip(self.clients, self.plan["clients"])],
            "servers": [entry(p, {"log": s["log"], "metrics": s["metrics"]})
                        for p, s in zip(self.servers, self.plan["servers"])],
            "haproxy": entry(self.haproxy, {"log": "haproxy.log", "config": "haproxy.cfg"})
            if self.haproxy else None,
            "database": entry(self.postgres.process, {"log": "postgres.log"})
            if self.postgres and self.postgres.process else None,
            "clientStart": self.client_start,
            "timings": self.timings,
            "warnings": self.warnings,
        }


def _rfc3339(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(epoch)) + ".%03dZ" % (
        int(epoch * 1000) % 1000)
