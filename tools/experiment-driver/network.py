"""The emulated network (Mininet) or its stand-in (loopback), as a map of role hosts.

The Mininet network is built from the plan's topology file (`topos[kind](**params,
link=link)`), with Linux-bridge switches and no controller (Open vSwitch bridges when
the plan asks for switch = "ovs"); it must run inside a private network namespace.
"""

import os
import runpy
import shutil
import subprocess
import sys
import time

from hosts import LocalHost, MininetHost
from plan import PlanError


class TopologyRejected(PlanError):
    """The topology file refused its parameters (bad value, no netem for delay/loss)."""


def load_topology(topology):
    """The Topo object for the plan's topology (nothing is started)."""
    path, kind = topology["file"], topology["kind"]
    if not os.path.isfile(path):
        raise PlanError("topology.file: %s does not exist" % path)
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    try:
        topos = runpy.run_path(path).get("topos", {})
    except ImportError as error:
        raise PlanError("topology.file: %s cannot be loaded: %s" % (path, error)) from None
    if kind not in topos:
        raise PlanError("topology.kind: %s defines no topology %r (it has: %s)"
                        % (path, kind, ", ".join(sorted(topos)) or "none"))
    try:
        return topos[kind](link=topology.get("link") or {}, **topology["params"])
    except TypeError as error:
        raise TopologyRejected("topology %s: %s" % (kind, error)) from None
    except ValueError as error:  # TopologyError, NetemMissingError
        raise TopologyRejected(str(error)) from None


class LoopbackNetwork:
    """Every role host is this machine."""

    backend = "loopback"

    def __init__(self, names):
        self.hosts = {name: LocalHost(name) for name in names}
        self.up_seconds = self.down_seconds = 0.0

    def start(self):
        pass

    def stop(self):
        pass


def open_vswitch_usable():
    """Open vSwitch needs its kernel module and a running ovsdb; otherwise (as on
    machines whose kernel lacks the module) Linux bridges do the switching."""
    if not os.path.isdir("/sys/module/openvswitch") or shutil.which("ovs-vsctl") is None:
        return False
    try:
        return subprocess.run(["ovs-vsctl", "--timeout=2", "show"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=5, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class MininetNetwork:
    backend = "mininet"

    def __init__(self, topo, switch="auto"):
        """switch: "lxbr" (Linux bridges, no controller), "ovs" (Open vSwitch bridges,
        no controller) or "auto": ovs where the machine can run it, else lxbr."""
        self.topo = topo
        if switch == "auto":
            switch = "ovs" if open_vswitch_usable() else "lxbr"
        self.switch = switch
        self.net = None
        self.hosts = {}
        self.up_seconds = self.down_seconds = None

    def start(self):
        from mininet.link import TCLink
        from mininet.log import setLogLevel
        from mininet.net import Mininet
        from mininet.nodelib import LinuxBridge
        from mininet.node import OVSBridge

        setLogLevel("warning")
        switch = OVSBridge if self.switch == "ovs" else LinuxBridge
        began = time.monotonic()
        # build=False: the Mininet object exists before any interface does, so stop()
        # can always take down whatever part of the network was made.
        self.net = Mininet(topo=self.topo, switch=switch, controller=None, link=TCLink,
                           build=False, waitConnected=False, autoSetMacs=True,
                           cleanup=False)  # never Mininet's global cleanup (mn -c)
        self.net.build()
        self.net.start()
        self.up_seconds = time.monotonic() - began
        self.hosts = {node.name: MininetHost(node) for node in self.net.hosts}

    def stop(self):
        if self.net is None:
            return
        began = time.monotonic()
        try:
            self.net.stop()
        finally:
            self.down_seconds = time.monotonic() - began
            self.net = None
