"""Makes the driver's and the topologies' modules importable from the tests."""

import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DRIVER_DIR = os.path.join(REPO, "tools", "experiment-driver")
TOPOLOGY_DIR = os.path.join(REPO, "topologies")
FAKES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fakes")

for folder in (DRIVER_DIR, TOPOLOGY_DIR):
    if folder not in sys.path:
        sys.path.insert(0, folder)


def have_mininet():
    try:
        import mininet.topo  # noqa: F401
        return True
    except ImportError:
        return False
