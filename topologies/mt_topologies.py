"""The experiment topologies. Each per-name file (campus.py, …) exposes one of them to
`mn --custom`; the driver loads those files too."""

import math

import mt_link_options as lo
from mt_topo_base import ExperimentTopo, spread


class CampusTopo(ExperimentTopo):
    """The original's shape.

    A gateway switch holds db, s1..sN and lb at core_bw; a main switch joins it to one
    aggregation switch per `clusters_per_aggregation` (5) clusters; each cluster is a
    switch with hosts_per_cluster client hosts on client_bw links.
    """

    def build(self, clusters=2, hosts_per_cluster=5, client_bw=7.0, core_bw=1000,
              servers=1, haproxy=False, clients=None, link=None,
              clusters_per_aggregation=5, **flat):
        clusters = lo.parse_count("clusters", clusters)
        per_cluster = lo.parse_count("hosts_per_cluster", hosts_per_cluster)
        per_aggregation = lo.parse_count("clusters_per_aggregation", clusters_per_aggregation)
        total = clusters * per_cluster
        if clients is not None and lo.parse_count("clients", clients) != total:
            raise lo.TopologyError(
                "clients: %s client hosts, but campus has clusters * hosts_per_cluster = %d"
                % (clients, total))
        total = self.client_count(None, total)
        client_options = self.client_link_options(link, flat, client_bw)
        self.reject_unknown("campus", flat)
        core = self.core_link_options(core_bw)

        gateway = self.add_switch("gw")
        self.add_server_side(gateway, servers, haproxy, core)
        main = self.add_switch("main")
        self.link(gateway, main, core)
        aggregations = []
        for index in range(1, math.ceil(clusters / per_aggregation) + 1):
            aggregations.append(self.add_switch("agg%d" % index))
            self.link(main, aggregations[-1], core)
        client = 0
        for cluster in range(1, clusters + 1):
            switch = self.add_switch("cl%d" % cluster)
            self.link(aggregations[(cluster - 1) // per_aggregation], switch, core)
            for _ in range(per_cluster):
                client += 1
                self.add_client(client, switch, client_options)


class SingleTopo(ExperimentTopo):
    """One switch holding every host."""

    def build(self, clients=2, client_bw=None, core_bw=1000, servers=1, haproxy=False,
              link=None, **flat):
        count = self.client_count(clients, 2)
        client_options = self.client_link_options(link, flat, client_bw)
        self.reject_unknown("single", flat)
        switch = self.add_switch("sw1")
        self.add_server_side(switch, servers, haproxy, self.core_link_options(core_bw))
        for index in range(1, count + 1):
            self.add_client(index, switch, client_options)


class LinearTopo(ExperimentTopo):
    """A chain of switches; the servers on the first, the clients spread along the chain."""

    def build(self, switches=2, clients=None, client_bw=None, core_bw=1000, servers=1,
              haproxy=False, link=None, **flat):
        switches = lo.parse_count("switches", switches)
        count = self.client_count(clients, switches)
        client_options = self.client_link_options(link, flat, client_bw)
        self.reject_unknown("linear", flat)
        core = self.core_link_options(core_bw)
        chain = [self.add_switch("sw%d" % index) for index in range(1, switches + 1)]
        for left, right in zip(chain, chain[1:]):
            self.link(left, right, core)
        self.add_server_side(chain[0], servers, haproxy, core)
        for index, place in enumerate(spread(count, switches), start=1):
            self.add_client(index, chain[place], client_options)


class TreeTopo(ExperimentTopo):
    """A tree of switches `depth` levels deep with `fanout` children each (as Mininet's
    tree); the servers on the root, the clients on the leaf switches (fanout**depth by
    default, fanout per leaf)."""

    def build(self, depth=2, fanout=2, clients=None, client_bw=None, core_bw=1000,
              servers=1, haproxy=False, link=None, **flat):
        depth = lo.parse_count("depth", depth)
        fanout = lo.parse_count("fanout", fanout)
        if fanout ** (depth - 1) > 1000:
            raise lo.TopologyError("tree: fanout**(depth-1) = %d leaf switches is too many"
                                   % fanout ** (depth - 1))
        count = self.client_count(clients, fanout ** depth)
        client_options = self.client_link_options(link, flat, client_bw)
        self.reject_unknown("tree", flat)
        core = self.core_link_options(core_bw)
        numbered = iter(range(1, 10 ** 6))
        level = [self.add_switch("sw%d" % next(numbered))]
        self.add_server_side(level[0], servers, haproxy, core)
        for _ in range(depth - 1):
            children = []
            for parent in level:
                for _ in range(fanout):
                    children.append(self.add_switch("sw%d" % next(numbered)))
                    self.link(parent, children[-1], core)
            level = children
        for index, place in enumerate(spread(count, len(level)), start=1):
            self.add_client(index, level[place], client_options)


class DumbbellTopo(ExperimentTopo):
    """Two switches joined by one bottleneck link: db, servers and lb on the left, the
    clients on the right."""

    def build(self, clients=2, bottleneck_bw=100, bottleneck_delay=None, bottleneck_loss=None,
              bottleneck_queue=None, client_bw=None, core_bw=1000, servers=1, haproxy=False,
              link=None, **flat):
        count = self.client_count(clients, 2)
        client_options = self.client_link_options(link, flat, client_bw)
        self.reject_unknown("dumbbell", flat)
        bottleneck = lo.link_options("bottleneck", {
            "bw": bottleneck_bw, "delay": bottleneck_delay, "loss": bottleneck_loss,
            "max_queue_size": bottleneck_queue})
        core = self.core_link_options(core_bw)
        left, right = self.add_switch("left"), self.add_switch("right")
        self.link(left, right, bottleneck)
        self.add_server_side(left, servers, haproxy, core)
        for index in range(1, count + 1):
            self.add_client(index, right, client_options)


TOPOLOGIES = {
    "campus": CampusTopo,
    "single": SingleTopo,
    "linear": LinearTopo,
    "tree": TreeTopo,
    "dumbbell": DumbbellTopo,
}
