"""Whether this kernel can emulate link delay and loss (the netem qdisc).

Mininet's TCLink needs netem for delay, jitter and loss. Some kernels (these machines'
among them) are built without it, and tc then fails link by link while the network
still comes up, so an experiment would silently run without the delay it asked for.
The topologies ask here first and refuse instead.
"""

import functools
import gzip
import os
import platform
import shutil
import subprocess

NETEM_MISSING = ("link delay/loss needs the netem qdisc, which this kernel does not have "
                 "(sch_netem); use bandwidth-only links here")


class NetemMissingError(ValueError):
    """A topology asked for delay, jitter or loss on a kernel without netem."""

    def __init__(self, what=""):
        super().__init__(NETEM_MISSING + (" (asked for: %s)" % what if what else ""))


def _kernel_config_value(option):
    """'y', 'm', 'n' (explicitly not set) or None (no kernel config readable)."""
    candidates = ["/proc/config.gz", "/boot/config-%s" % platform.release()]
    for path in candidates:
        try:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt") as config:
                for line in config:
                    if line.startswith(option + "="):
                        return line.strip().split("=", 1)[1]
                    if line.strip() == "# %s is not set" % option:
                        return "n"
            return "n"
        except OSError:
            continue
    return None


def _probe_in_throwaway_namespace():
    """Add a netem qdisc to lo in a network namespace that dies with the probe."""
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("tc"):
        return None
    script = "ip link set lo up && tc qdisc add dev lo root netem delay 1ms"
    try:
        result = subprocess.run(["unshare", "--net", "sh", "-c", script],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.returncode == 0


def _module_present():
    try:
        with open("/proc/modules") as modules:
            if any(line.split(" ", 1)[0] == "sch_netem" for line in modules):
                return True
    except OSError:
        pass
    if shutil.which("modinfo"):
        result = subprocess.run(["modinfo", "sch_netem"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, check=False)
        return result.returncode == 0
    return False


@functools.lru_cache(maxsize=1)
def netem_available():
    """True when netem qdiscs can be created; nothing outside a throwaway namespace changes."""
    configured = _kernel_config_value("CONFIG_NET_SCH_NETEM")
    if configured == "y":
        return True
    if configured == "n":
        return False
    probed = _probe_in_throwaway_namespace()
    if probed is not None:
        return probed
    return _module_present()
