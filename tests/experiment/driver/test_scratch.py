"""The scratch folder outside a namespace, and `driver.py clean` of dead drivers' folders."""

import os
import subprocess
import sys
import tempfile
import unittest

import paths  # noqa: F401 (sys.path)
import scratch


def dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


class ScratchTest(unittest.TestCase):
    def test_created_reachable_and_removed(self):
        space = scratch.Scratch(private_mounts=False)
        folder = space.folder("postgres")
        self.assertTrue(os.path.isdir(folder))
        self.assertIn("%s%d-" % (scratch.PREFIX, os.getpid()), space.path)
        self.assertEqual(os.stat(space.path).st_mode & 0o777, 0o755)
        self.assertEqual(space.remove(), [])
        self.assertFalse(os.path.exists(space.path))

    def test_clean_removes_only_dead_drivers_folders(self):
        with tempfile.TemporaryDirectory() as base:
            dead = os.path.join(base, "%s%d-abc" % (scratch.PREFIX, dead_pid()))
            alive = os.path.join(base, "%s%d-def" % (scratch.PREFIX, os.getpid()))
            other = os.path.join(base, "someone-elses-folder")
            for path in (dead, alive, other):
                os.makedirs(os.path.join(path, "inside"))
            self.assertEqual(scratch.clean_dead(base), [dead])
            self.assertFalse(os.path.exists(dead))
            self.assertTrue(os.path.exists(alive))
            self.assertTrue(os.path.exists(other))


if __name__ == "__main__":
    unittest.main()
