"""The run's scratch folder (PostgreSQL's data and sockets).

Inside the experiment's private mount namespace it is a tmpfs mounted on a fixed,
always-empty folder: the namespace's death frees it, so even a SIGKILLed run leaves no
data behind. Outside a namespace (loopback as a normal process) it is a temporary
folder that teardown removes.
"""

import os
import re
import shutil
import subprocess
import tempfile

MOUNT_POINT = "/run/minitwitter-driver"
# Outside a namespace: <tmp>/minitwitter-driver-<driver pid>-<random>, so that `driver.py
# clean` can tell the folders of dead drivers (SIGKILLed) from those of running ones.
PREFIX = "minitwitter-driver-"
_FOLDER = re.compile(r"^" + re.escape(PREFIX) + r"(\d+)-[A-Za-z0-9_]+$")


class Scratch:
    def __init__(self, private_mounts):
        self.private_mounts = private_mounts
        self.path = None
        self.mounted = False

    def create(self):
        if self.private_mounts:
            os.makedirs(MOUNT_POINT, mode=0o755, exist_ok=True)
            result = subprocess.run(["mount", "-t", "tmpfs", "-o", "mode=0755,size=50%",
                                     "minitwitter-driver", MOUNT_POINT],
                                    capture_output=True, text=True, check=False)
            if result.returncode != 0:
                raise RuntimeError("cannot mount the scratch tmpfs on %s: %s"
                                   % (MOUNT_POINT, result.stderr.strip()))
            self.mounted = True
            self.path = MOUNT_POINT
        else:
            self.path = tempfile.mkdtemp(prefix="%s%d-" % (PREFIX, os.getpid()))
            os.chmod(self.path, 0o755)  # the postgres user must reach its folder inside
        return self.path

    def folder(self, name):
        if self.path is None:
            self.create()
        path = os.path.join(self.path, name)
        os.makedirs(path, exist_ok=True)
        return path

    def remove(self):
        """Returns what could not be removed (for the leftovers list)."""
        leftovers = []
        if self.mounted:
            result = subprocess.run(["umount", MOUNT_POINT], capture_output=True, text=True,
                                    check=False)
            if result.returncode != 0:
                leftovers.append("tmpfs on %s (%s)" % (MOUNT_POINT, result.stderr.strip()))
            else:
                self.mounted = False
        elif self.path and os.path.isdir(self.path):
            shutil.rmtree(self.path, ignore_errors=True)
            if os.path.exists(self.path):
                leftovers.append("folder " + self.path)
        return leftovers


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_dead(temporary_folder=None):
    """Removes the scratch folders of drivers that are no longer running; returns them."""
    base = temporary_folder or tempfile.gettempdir()
    removed = []
    for name in sorted(os.listdir(base)):
        match = _FOLDER.match(name)
        if match and not _alive(int(match.group(1))):
            shutil.rmtree(os.path.join(base, name), ignore_errors=True)
            removed.append(os.path.join(base, name))
    return removed
