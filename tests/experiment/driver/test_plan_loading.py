"""Plan validation (each error names its key) and placeholder substitution."""

import json
import os
import tempfile
import unittest

import paths  # noqa: F401 (sys.path)
import plan as plan_module
from plan_fixture import make_plan


class PlanLoadingTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.plan = make_plan(os.path.join(self.folder.name, "out"))

    def load(self, document):
        path = os.path.join(self.folder.name, "plan.json")
        with open(path, "w") as output:
            json.dump(document, output)
        return plan_module.load(path)

    def assertRejected(self, message):  # noqa: N802 (unittest style)
        with self.assertRaises(plan_module.PlanError) as caught:
            self.load(self.plan)
        self.assertIn(message, str(caught.exception))

    def test_a_valid_plan_gets_its_defaults(self):
        loaded = self.load(self.plan)
        self.assertEqual(loaded["backend"], "loopback")
        self.assertEqual(loaded["timing"]["healthTimeoutSeconds"], 120.0)
        self.assertEqual(loaded["timing"]["startDelaySeconds"], 0.5)
        self.assertEqual(loaded["database"], {"kind": "sqlite"})
        self.assertEqual(loaded["topology"]["link"]["max_queue_size"], 1000)
        self.assertEqual(plan_module.host_names(loaded), ["db", "s1", "s2", "c1", "c2"])

    def test_defaults_for_logs_and_outputs(self):
        del self.plan["servers"][0]["log"], self.plan["servers"][0]["metrics"]
        del self.plan["clients"][0]["log"]
        loaded = self.load(self.plan)
        self.assertEqual(loaded["servers"][0]["log"], "s1.log")
        self.assertEqual(loaded["servers"][0]["metrics"], "s1.metrics")
        self.assertEqual(loaded["clients"][0]["log"], "c1.log")

    def test_top_level_link_is_accepted(self):
        self.plan["link"] = self.plan["topology"].pop("link")
        self.assertEqual(self.load(self.plan)["topology"]["link"]["max_queue_size"], 1000)

    def test_not_json(self):
        path = os.path.join(self.folder.name, "broken.json")
        with open(path, "w") as output:
            output.write("{")
        with self.assertRaisesRegex(plan_module.PlanError, "is not JSON"):
            plan_module.load(path)
        with self.assertRaisesRegex(plan_module.PlanError, "cannot read"):
            plan_module.load(os.path.join(self.folder.name, "missing.json"))

    def test_schema(self):
        self.plan["schema"] = "something/2"
        self.assertRejected("schema: expected 'minitwitter-experiment-plan/1'")

    def test_backend(self):
        self.plan["backend"] = "docker"
        self.assertRejected("backend: 'docker' is not one of mininet, loopback")

    def test_relative_out_dir(self):
        self.plan["outDir"] = "results/x"
        self.assertRejected("outDir: 'results/x' is not an absolute path")

    def test_mininet_needs_a_topology_file(self):
        self.plan["backend"] = "mininet"
        del self.plan["topology"]["file"]
        self.assertRejected("topology.file: missing")

    def test_wrong_types(self):
        self.plan["servers"][0]["port"] = "8081"
        self.assertRejected("servers[0].port: expected a whole number")
        self.plan = make_plan("/tmp/x")
        self.plan["clients"][1]["argv"] = []
        self.assertRejected("clients[1].argv: expected a non-empty list of strings")
        self.plan = make_plan("/tmp/x")
        self.plan["servers"][0]["env"] = {"DB": ["twitter"]}
        self.assertRejected("servers[0].env.DB: expected a string")
        self.plan = make_plan("/tmp/x")
        self.plan["timing"]["deadlineSeconds"] = 0
        self.assertRejected("timing.deadlineSeconds: 0 is too small")

    def test_impossible_values(self):
        self.plan["servers"][0]["port"] = 70000
        self.assertRejected("servers[0].port: 70000 is not a TCP port")
        self.plan = make_plan("/tmp/x")
        self.plan["servers"] = []
        self.assertRejected("servers: at least one server is needed")
        self.plan = make_plan("/tmp/x")
        self.plan["clients"] = []
        self.assertRejected("clients: at least one client is needed")
        self.plan = make_plan("/tmp/x")
        self.plan["clients"][0]["host"] = "no such host!"
        self.assertRejected("clients[0].host: 'no such host!' is not a host name")

    def test_output_files_stay_inside_out_dir_and_differ(self):
        self.plan["clients"][0]["output"] = "../c1.json"
        self.assertRejected("clients[0].output: '../c1.json' must be a plain file name")
        self.plan = make_plan("/tmp/x")
        self.plan["clients"][1]["output"] = "c1.json"
        self.assertRejected("clients[1].output: 'c1.json' is also clients[0].output")
        self.plan = make_plan("/tmp/x")
        self.plan["servers"][0]["log"] = "driver.json"
        self.assertRejected("servers[0].log: 'driver.json' is a file the driver writes itself")

    def test_loopback_ports_must_differ(self):
        self.plan["servers"][1]["port"] = self.plan["servers"][0]["port"]
        self.assertRejected("loopback: port 18081 is used by servers[0] and servers[1]")
        self.plan = make_plan("/tmp/x", backend="mininet")
        self.plan["servers"][1]["port"] = self.plan["servers"][0]["port"]
        self.load(self.plan)  # separate hosts on Mininet: fine

    def test_database(self):
        self.plan["database"] = {"kind": "mysql"}
        self.assertRejected("database.kind: 'mysql' is neither postgresql nor sqlite")
        self.plan["database"] = {"kind": "postgresql", "host": "db", "port": 5432,
                                 "name": "twitter", "user": "minitwitter"}
        self.assertRejected("database.password: missing")
        self.plan["database"]["password"] = "secret"
        loaded = self.load(self.plan)
        self.assertEqual(loaded["database"]["bin"], "/usr/lib/postgresql/15/bin")
        self.assertIn("db", plan_module.host_names(loaded))

    def test_haproxy_backends_in_both_forms(self):
        self.plan["haproxy"] = {"host": "lb", "port": 8080,
                                "backends": ["s1:18081", {"host": "s2", "port": 18082}]}
        loaded = self.load(self.plan)
        self.assertEqual(loaded["haproxy"]["backends"],
                         [{"host": "s1", "port": 18081}, {"host": "s2", "port": 18082}])
        self.plan["haproxy"]["backends"] = ["s1"]
        self.assertRejected("haproxy.backends[0]: 's1' is not HOST:PORT")
        self.plan["haproxy"]["backends"] = []
        self.assertRejected("haproxy.backends: must not be empty")

    def test_placeholders_must_name_hosts_of_the_plan(self):
        self.plan["clients"][0]["argv"].append("{ip:s9}")
        self.assertRejected("clients[0].argv: {ip:s9} names no host of the plan")


class ExperimentAddressTest(unittest.TestCase):
    def test_literal_ten_net_addresses_are_found(self):
        plan = plan_module.validate(make_plan("/tmp/x"))
        self.assertEqual(plan_module.literal_experiment_addresses(plan), [])
        plan["clients"][0]["argv"].append("http://10.0.1.1:8081")
        plan["servers"][1]["env"]["HOST"] = "10.0.0.1:5432"
        plan["servers"][0]["argv"].append("110.0.0.1")  # not in 10.0.0.0/8
        self.assertEqual(plan_module.literal_experiment_addresses(plan),
                         [("servers[1].env.HOST", "10.0.0.1"),
                          ("clients[0].argv", "10.0.1.1")])


class SubstitutionTest(unittest.TestCase):
    def test_ip_and_out(self):
        addresses = {"s1": "10.0.1.1", "db": "10.0.0.1"}
        self.assertEqual(plan_module.substitute("http://{ip:s1}:8081/x", addresses, "/o"),
                         "http://10.0.1.1:8081/x")
        self.assertEqual(plan_module.substitute("{out}/c1.json", addresses, "/r/p01/r1"),
                         "/r/p01/r1/c1.json")
        self.assertEqual(plan_module.substitute_all({"HOST": "{ip:db}:5432"}, addresses, "/o"),
                         {"HOST": "10.0.0.1:5432"})

    def test_nothing_else_is_interpreted(self):
        text = "{not-a-placeholder} {ip} $HOME %s {{out}}"
        self.assertEqual(plan_module.substitute(text, {}, "/o"),
                         "{not-a-placeholder} {ip} $HOME %s {/o}")

    def test_unknown_host(self):
        with self.assertRaisesRegex(plan_module.PlanError, r"\{ip:s3\}: no such host"):
            plan_module.substitute("{ip:s3}", {"s1": "1"}, "/o")


if __name__ == "__main__":
    unittest.main()
