"""The driver end to end with stand-in programs (fake_server.py, fake_client.py):
loopback always; Mininet inside a private namespace when this machine can (root,
Mininet, unshare); the cleanup after a SIGKILLed run."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import paths
from plan_fixture import make_plan

DRIVER = os.path.join(paths.DRIVER_DIR, "driver.py")
IN_NAMESPACE = os.path.join(paths.DRIVER_DIR, "run-in-namespace.sh")
ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
       "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8",
       "PYTHONDONTWRITEBYTECODE": "1"}  # keep the source tree free of __pycache__


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    try:
        for item in sockets:
            item.bind(("127.0.0.1", 0))
        return tuple(item.getsockname()[1] for item in sockets)
    finally:
        for item in sockets:
            item.close()


def processes_mentioning(text):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as cmdline:
                if text.encode() in cmdline.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


def interfaces():
    output = subprocess.run(["ip", "-o", "link", "show"], capture_output=True, text=True,
                            check=True).stdout
    return sorted(line.split(":", 2)[1].strip() for line in output.splitlines())


def can_run_mininet():
    return (os.geteuid() == 0 and paths.have_mininet() and shutil.which("unshare")
            and shutil.which("mnexec") and shutil.which("brctl")
            and os.path.exists("/usr/bin/python3"))


class DriverRunTest(unittest.TestCase):
    backend = "loopback"

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="driver-test-")
        os.chmod(self.folder, 0o755)
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.out = os.path.join(self.folder, "out")

    def write_plan(self, plan):
        path = os.path.join(self.folder, "plan.json")
        with open(path, "w") as output:
            json.dump(plan, output)
        return path

    def command(self, plan_path):
        return [sys.executable, DRIVER, plan_path]

    def run_driver(self, plan, timeout=120):
        result = subprocess.run(self.command(self.write_plan(plan)), env=ENV, capture_output=True,
                                text=True, timeout=timeout, check=False)
        self.assertEqual(processes_mentioning(self.folder), [], "processes left behind")
        return result

    def driver_json(self):
        with open(os.path.join(self.out, "driver.json")) as source:
            return json.load(source)

    def plan(self, **kwargs):
        return make_plan(self.out, backend=self.backend, ports=free_ports(2), **kwargs)

    def last_line(self, result):
        return result.stderr.strip().splitlines()[-1]

    def test_a_run_succeeds_and_collects_everything(self):
        result = self.run_driver(self.plan())
        self.assertEqual(result.returncode, 0, result.stderr)
        document = self.driver_json()
        self.assertTrue(document["ok"])
        self.assertEqual(document["teardown"], {"ok": True, "leftovers": []})
        self.assertEqual([c["exitCode"] for c in document["clients"]], [0, 0])
        self.assertEqual([s["host"] for s in document["servers"]], ["s1", "s2"])
        for name in ("c1.json", "c2.json"):
            with open(os.path.join(self.out, name)) as source:
                self.assertEqual(json.load(source)["status"], 200)
        for name in ("s1.metrics", "s2.metrics"):
            with open(os.path.join(self.out, name)) as source:
                self.assertIn("fake_requests_total", source.read())
        with open(os.path.join(self.out, "s1.log")) as source:
            self.assertIn("DB=twitter", source.read())

    def test_a_server_that_cannot_start_fails_the_run(self):
        plan = self.plan()
        plan["servers"][1]["env"]["FAKE_SERVER_FAIL"] = "1"
        result = self.run_driver(plan)
        self.assertEqual(result.returncode, 1)
        self.assertIn("server on s2 exited with 3 before it was ready", self.last_line(result))
        self.assertTrue(self.driver_json()["teardown"]["ok"])

    def test_a_failing_client_fails_the_run(self):
        plan = self.plan()
        plan["clients"][1]["argv"] += ["--exit", "5"]
        result = self.run_driver(plan)
        self.assertEqual(result.returncode, 1)
        self.assertIn("c2 exited with 5 (see c2.log)", self.last_line(result))

    def test_a_hung_client_is_stopped_at_the_deadline(self):
        plan = self.plan(client_extra=["--sleep", "600"])
        plan["timing"]["deadlineSeconds"] = 1
        result = self.run_driver(plan)
        self.assertEqual(result.returncode, 1)
        self.assertIn("client(s) c1, c2 still running after the 1s deadline",
                      self.last_line(result))
        self.assertTrue(self.driver_json()["teardown"]["ok"])

    def test_an_invalid_plan_starts_nothing(self):
        plan = self.plan()
        plan["schema"] = "nope"
        result = self.run_driver(plan)
        self.assertEqual(result.returncode, 2)
        self.assertTrue(self.last_line(result).startswith("driver: error: schema:"))
        self.assertFalse(os.path.exists(self.out))

    def test_experiment_addresses_are_refused_on_loopback_outside_a_namespace(self):
        if self.backend != "loopback":
            self.skipTest("Mininet runs inside a namespace, where 10.x is the emulation")
        plan = self.plan()
        plan["clients"][0]["argv"][3] = "http://10.0.1.1:8081"
        result = self.run_driver(plan)
        self.assertEqual(result.returncode, 2)
        self.assertIn("clients[0].argv: 10.0.1.1 is an experiment address", self.last_line(result))

    def test_sigkill_of_a_loopback_driver_takes_its_processes(self):
        if self.backend != "loopback":
            self.skipTest("see MininetDriverRunTest.test_sigkill_of_the_namespace_leaves_nothing")
        marker = os.path.join(self.folder, "running")
        plan = self.plan(clients=1, client_extra=["--sleep", "600", "--marker", marker])
        process = subprocess.Popen(self.command(self.write_plan(plan)), env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.wait_for(marker, process)
            self.assertNotEqual(processes_mentioning(self.folder), [])
        finally:
            process.kill()
            process.wait()
        deadline = time.monotonic() + 30
        while processes_mentioning(self.folder) and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertEqual(processes_mentioning(self.folder), [])

    def test_sigterm_tears_down(self):
        marker = os.path.join(self.folder, "running")
        plan = self.plan(clients=1, client_extra=["--sleep", "600", "--marker", marker])
        process = subprocess.Popen(self.command(self.write_plan(plan)), env=ENV,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            self.wait_for(marker, process)
            os.killpg(process.pid, signal.SIGTERM)
            _, stderr = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.assertEqual(process.returncode, 3, stderr)
        self.assertIn("interrupted by SIGTERM", stderr.strip().splitlines()[-1])
        self.assertTrue(self.driver_json()["teardown"]["ok"])
        self.assertEqual(processes_mentioning(self.folder), [])

    def wait_for(self, path, process, timeout=120):
        deadline = time.monotonic() + timeout
        while not os.path.exists(path):
            self.assertIsNone(process.poll(), "the driver ended before the clients ran")
            self.assertLess(time.monotonic(), deadline, "the clients never started")
            time.sleep(0.2)


@unittest.skipUnless(can_run_mininet(), "needs root, Mininet, unshare and Debian's python3")
class MininetDriverRunTest(DriverRunTest):
    """The same runs on an emulated network inside a private namespace."""

    backend = "mininet"

    def setUp(self):
        super().setUp()
        self.interfaces_before = interfaces()

    def tearDown(self):
        self.assertEqual(interfaces(), self.interfaces_before,
                         "interfaces appeared or vanished in the main namespace")

    def command(self, plan_path):
        return [IN_NAMESPACE, plan_path]

    def test_delay_without_netem_is_refused_before_anything_starts(self):
        sys.path.insert(0, paths.TOPOLOGY_DIR)
        import mt_netem
        if mt_netem.netem_available():
            self.skipTest("this kernel has netem")
        plan = self.plan()
        plan["topology"]["link"]["delay"] = "5ms"
        result = self.run_driver(plan)
        self.assertEqual(result.returncode, 2)
        self.assertIn("link delay/loss needs the netem qdisc", self.last_line(result))
        self.assertEqual(self.driver_json()["servers"], [])

    def test_sigkill_of_the_namespace_leaves_nothing(self):
        marker = os.path.join(self.folder, "running")
        plan = self.plan(clients=1, client_extra=["--sleep", "600", "--marker", marker])
        process = subprocess.Popen(self.command(self.write_plan(plan)), env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            self.wait_for(marker, process)
            self.assertNotEqual(processes_mentioning(self.folder), [])
        finally:
            os.kill(process.pid, signal.SIGKILL)  # the unshare process: the namespace dies
            process.wait()
        deadline = time.monotonic() + 30
        while processes_mentioning(self.folder) and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertEqual(processes_mentioning(self.folder), [])
        with open("/proc/self/mounts") as mounts:
            self.assertNotIn("minitwitter-driver", mounts.read())



if __name__ == "__main__":
    unittest.main()
