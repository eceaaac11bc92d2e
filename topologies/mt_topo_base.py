"""What every experiment topology shares: role hosts, fixed addresses, link options.

Hosts are named by role (db, s1..sN, lb, c1..cM) and `roles` maps each name to its
role, which is how the experiment driver finds them. Addresses are fixed by role so
that logs read the same in every run: db 10.0.0.1, lb 10.0.0.2, server i 10.0.1.0+i,
client j 10.1.0.0+j (all in 10.0.0.0/8).
"""

import ipaddress

from mininet.topo import Topo

import mt_link_options as lo

DB_IP = ipaddress.IPv4Address("10.0.0.1")
LB_IP = ipaddress.IPv4Address("10.0.0.2")
SERVER_BASE = ipaddress.IPv4Address("10.0.1.0")
CLIENT_BASE = ipaddress.IPv4Address("10.1.0.0")
MAX_SERVERS = 250
MAX_CLIENTS = 60000

# Flat keyword arguments accepted as link options (`mn --topo campus,delay=5ms`).
FLAT_LINK_KEYS = lo.LINK_KEYS


class ExperimentTopo(Topo):
    """Base of the experiment topologies. Subclasses implement build()."""

    def __init__(self, *args, **params):
        self.roles = {}
        self._next_dpid = 1
        Topo.__init__(self, *args, **params)

    # -- parameters ------------------------------------------------------------------
    @staticmethod
    def client_link_options(link, flat, client_bw):
        """TCLink options of client access links: the `link` table plus flat overrides."""
        merged = dict(link or {})
        for key in FLAT_LINK_KEYS:
            if key in flat:
                value = flat.pop(key)
                if value is not None:
                    merged[key] = value
        merged.setdefault("bw", client_bw)
        return lo.link_options("link", merged)

    @staticmethod
    def reject_unknown(topology, flat):
        if flat:
            raise lo.TopologyError("%s: unknown parameter(s) %s"
                                   % (topology, ", ".join(sorted(flat))))

    @staticmethod
    def core_link_options(core_bw):
        bandwidth = lo.parse_bandwidth("core_bw", core_bw)
        return {"bw": bandwidth} if bandwidth is not None else {}

    # -- nodes -----------------------------------------------------------------------
    def add_switch(self, name):
        dpid = "%016x" % self._next_dpid
        self._next_dpid += 1
        return self.addSwitch(name, dpid=dpid)

    def add_role_host(self, name, role, address):
        self.roles[name] = role
        return self.addHost(name, ip="%s/8" % address)

    def add_server_side(self, switch, servers, haproxy, core_options):
        """db, s1..sN and (optionally) lb on `switch`, at the core bandwidth."""
        servers = lo.parse_count("servers", servers)
        if servers > MAX_SERVERS:
            raise lo.TopologyError("servers: at most %d, got %d" % (MAX_SERVERS, servers))
        names = [self.add_role_host("db", "db", DB_IP)]
        names += [self.add_role_host("s%d" % i, "server", SERVER_BASE + i)
                  for i in range(1, servers + 1)]
        if lo.parse_bool("haproxy", haproxy):
            names.append(self.add_role_host("lb", "lb", LB_IP))
        for name in names:
            self.link(name, switch, core_options)
        return names

    def add_client(self, index, switch, client_options):
        name = self.add_role_host("c%d" % index, "client", CLIENT_BASE + index)
        self.link(name, switch, client_options)
        return name

    def link(self, node1, node2, options):
        return self.addLink(node1, node2, cls=lo.ShapedLink, **options)

    @staticmethod
    def client_count(clients, default):
        count = default if clients is None else lo.parse_count("clients", clients)
        if count > MAX_CLIENTS:
            raise lo.TopologyError("clients: at most %d, got %d" % (MAX_CLIENTS, count))
        return count


def spread(count, bins):
    """Which bin (0-based) each of `count` items goes to: contiguous, as even as can be."""
    return [item * bins // count for item in range(count)] if count else []
