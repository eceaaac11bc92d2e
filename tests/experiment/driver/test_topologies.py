"""The experiment topologies as objects (nothing is started): hosts, roles, addresses,
links and their options, parameter errors, netem refusal, `mn --custom` loading."""

import os
import unittest
from unittest import mock

import paths

if paths.have_mininet():
    import mt_link_options
    import mt_netem
    import mt_topologies

KINDS = ("campus", "single", "linear", "tree", "dumbbell")


def load_like_mn(kind):
    """What `mn --custom topologies/<kind>.py` does: exec the file, read `topos`."""
    path = os.path.join(paths.TOPOLOGY_DIR, kind + ".py")
    customs = {}
    with open(path) as source:
        exec(compile(source.read(), path, "exec"), customs, customs)  # noqa: S102
    return customs["topos"]


def links_of(topo, node):
    return [(a if b == node else b, info) for a, b, info in topo.links(withInfo=True)
            if node in (a, b)]


@unittest.skipUnless(paths.have_mininet(), "needs Debian's python3 with the mininet module")
class TopologyTest(unittest.TestCase):
    def test_every_file_exposes_its_topology_to_mn(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                topos = load_like_mn(kind)
                self.assertEqual(list(topos), [kind])
                topo = topos[kind](servers=1)
                self.assertIn("db", topo.hosts())

    def test_campus_has_the_original_shape(self):
        topo = mt_topologies.CampusTopo(clusters=7, hosts_per_cluster=3, client_bw=7,
                                        servers=4, haproxy=True)
        clients = ["c%d" % i for i in range(1, 22)]
        self.assertEqual(sorted(topo.hosts()),
                         sorted(["db", "s1", "s2", "s3", "s4", "lb"] + clients))
        self.assertEqual(sorted(topo.switches()),
                         sorted(["gw", "main", "agg1", "agg2"] + ["cl%d" % i for i in range(1, 8)]))
        for name in ("db", "s1", "s4", "lb"):
            (switch, info), = links_of(topo, name)
            self.assertEqual(switch, "gw")
            self.assertEqual(info["bw"], 1000.0)
        (switch, info), = links_of(topo, "c1")
        self.assertEqual((switch, info["bw"]), ("cl1", 7.0))
        (switch, _), = links_of(topo, "c21")
        self.assertEqual(switch, "cl7")
        # clusters 1-5 under agg1, 6-7 under agg2, aggregation switches under main
        self.assertEqual(sorted(n for n, _ in links_of(topo, "agg1")),
                         sorted(["main", "cl1", "cl2", "cl3", "cl4", "cl5"]))
        self.assertEqual(sorted(n for n, _ in links_of(topo, "agg2")), ["cl6", "cl7", "main"])
        self.assertEqual(topo.roles["db"], "db")
        self.assertEqual(topo.roles["s3"], "server")
        self.assertEqual(topo.roles["lb"], "lb")
        self.assertEqual(topo.roles["c21"], "client")

    def test_addresses_are_fixed_by_role(self):
        topo = mt_topologies.CampusTopo(clusters=1, hosts_per_cluster=2, servers=2, haproxy=True)
        addresses = {name: topo.nodeInfo(name)["ip"] for name in topo.hosts()}
        self.assertEqual(addresses, {"db": "10.0.0.1/8", "lb": "10.0.0.2/8",
                                     "s1": "10.0.1.1/8", "s2": "10.0.1.2/8",
                                     "c1": "10.1.0.1/8", "c2": "10.1.0.2/8"})

    def test_campus_client_count_must_agree(self):
        with self.assertRaisesRegex(ValueError, "clusters \\* hosts_per_cluster = 4"):
            mt_topologies.CampusTopo(clusters=2, hosts_per_cluster=2, clients=5)
        topo = mt_topologies.CampusTopo(clusters=2, hosts_per_cluster=2, clients=4)
        self.assertEqual(len([h for h in topo.hosts() if h.startswith("c")]), 4)

    def test_single_linear_tree_dumbbell(self):
        single = mt_topologies.SingleTopo(clients=3, servers=2)
        self.assertEqual(single.switches(), ["sw1"])
        self.assertEqual(len(single.hosts()), 6)

        linear = mt_topologies.LinearTopo(switches=3, clients=6)
        self.assertEqual(sorted(n for n, _ in links_of(linear, "sw2")),
                         ["c3", "c4", "sw1", "sw3"])
        self.assertEqual(links_of(linear, "db")[0][0], "sw1")

        tree = mt_topologies.TreeTopo(depth=2, fanout=3)
        self.assertEqual(len(tree.switches()), 4)
        self.assertEqual(len([h for h in tree.hosts() if h.startswith("c")]), 9)
        self.assertEqual(links_of(tree, "db")[0][0], "sw1")
        self.assertEqual(links_of(tree, "c1")[0][0], "sw2")

        dumbbell = mt_topologies.DumbbellTopo(clients=3, bottleneck_bw=20, client_bw=5)
        (_, bottleneck), = [(n, i) for n, i in links_of(dumbbell, "left") if n == "right"]
        self.assertEqual(bottleneck["bw"], 20.0)
        self.assertEqual(links_of(dumbbell, "c3")[0][0], "right")
        self.assertEqual(links_of(dumbbell, "s1")[0][0], "left")

    def test_link_options_reach_client_links(self):
        topo = mt_topologies.SingleTopo(clients=1, client_bw=10,
                                        link={"max_queue_size": 100, "delay": "0ms", "loss": 0})
        (_, info), = links_of(topo, "c1")
        self.assertEqual(info["bw"], 10.0)
        self.assertEqual(info["max_queue_size"], 100)
        self.assertNotIn("delay", info)  # zero delay must not ask for netem
        self.assertNotIn("loss", info)
        self.assertIs(info["cls"], mt_link_options.ShapedLink)

    def test_flat_link_options_as_mn_passes_them(self):
        topo = mt_topologies.SingleTopo(clients=1, max_queue_size=50, haproxy="True")
        self.assertIn("lb", topo.hosts())
        self.assertEqual(links_of(topo, "c1")[0][1]["max_queue_size"], 50)

    def test_delay_and_loss_without_netem_are_refused_with_the_reason(self):
        with mock.patch.object(mt_netem, "netem_available", return_value=False):
            for kwargs in ({"link": {"delay": "5ms"}}, {"link": {"loss": 1}}, {"delay": 3},
                           {"link": {"jitter": "1ms"}}):
                with self.subTest(kwargs=kwargs):
                    with self.assertRaises(mt_netem.NetemMissingError) as caught:
                        mt_topologies.SingleTopo(clients=1, **kwargs)
                    self.assertIn("link delay/loss needs the netem qdisc, which this kernel "
                                  "does not have (sch_netem); use bandwidth-only links here",
                                  str(caught.exception))
            with self.assertRaises(mt_netem.NetemMissingError):
                mt_topologies.DumbbellTopo(bottleneck_delay="10ms")

    def test_delay_and_loss_with_netem_reach_tclink(self):
        with mock.patch.object(mt_netem, "netem_available", return_value=True):
            topo = mt_topologies.SingleTopo(clients=1, link={"delay": 5, "loss": 0.5})
        info = links_of(topo, "c1")[0][1]
        self.assertEqual((info["delay"], info["loss"]), ("5ms", 0.5))

    def test_bad_parameters(self):
        cases = [
            (mt_topologies.CampusTopo, {"clusters": 0}, "clusters: must be at least 1"),
            (mt_topologies.CampusTopo, {"client_bw": 5000}, "client_bw|link.bw"),
            (mt_topologies.SingleTopo, {"servers": "many"}, "servers: expected a whole number"),
            (mt_topologies.SingleTopo, {"haproxy": "maybe"}, "haproxy: expected true or false"),
            (mt_topologies.SingleTopo, {"link": {"colour": 1}}, "unknown link option"),
            (mt_topologies.SingleTopo, {"link": {"delay": "soon"}}, "expected a time"),
            (mt_topologies.SingleTopo, {"link": {"loss": 150}}, "0..100"),
            (mt_topologies.SingleTopo, {"wormholes": 2}, "single: unknown parameter"),
            (mt_topologies.TreeTopo, {"fanout": 0}, "fanout: must be at least 1"),
        ]
        for cls, kwargs, message in cases:
            with self.subTest(kwargs=kwargs):
                with self.assertRaisesRegex(ValueError, message):
                    cls(**kwargs)


@unittest.skipUnless(paths.have_mininet(), "needs the mininet module")
class ShapedIntfTest(unittest.TestCase):
    def commands(self, **options):
        intf = mt_link_options.ShapedIntf.__new__(mt_link_options.ShapedIntf)
        bw_cmds, parent = intf.bwCmds(bw=options.pop("bw", None))
        delay_cmds, _ = intf.delayCmds(parent, **options)
        return bw_cmds + delay_cmds

    def test_queue_limit_without_delay_uses_pfifo_not_netem(self):
        commands = self.commands(bw=10, max_queue_size=100)
        self.assertTrue(any("pfifo limit 100" in c for c in commands), commands)
        self.assertFalse(any("netem" in c for c in commands), commands)
        self.assertTrue(any("htb rate 10" in c and "quantum" in c for c in commands), commands)

    def test_delay_uses_netem(self):
        commands = self.commands(bw=10, delay="5ms", max_queue_size=100)
        self.assertTrue(any("netem delay 5ms" in c and "limit 100" in c for c in commands))

    def test_nothing_to_do(self):
        self.assertEqual(self.commands(), [])


class NetemProbeTest(unittest.TestCase):
    @unittest.skipUnless(paths.have_mininet(), "mt_netem sits beside the topologies")
    def test_kernel_config_decides_when_present(self):
        mt_netem.netem_available.cache_clear()
        try:
            with mock.patch.object(mt_netem, "_kernel_config_value", return_value="n"), \
                 mock.patch.object(mt_netem, "_probe_in_throwaway_namespace") as probe:
                self.assertFalse(mt_netem.netem_available())
                probe.assert_not_called()
            mt_netem.netem_available.cache_clear()
            with mock.patch.object(mt_netem, "_kernel_config_value", return_value=None), \
                 mock.patch.object(mt_netem, "_probe_in_throwaway_namespace", return_value=True):
                self.assertTrue(mt_netem.netem_available())
        finally:
            mt_netem.netem_available.cache_clear()


if __name__ == "__main__":
    unittest.main()
