"""Waits until a wall-clock moment, then becomes the given program (exec, same pid).

    start_at.py EPOCH_SECONDS -- PROGRAM ARGS...

Every load client is spawned through this, so all of them begin together however long
spawning a few hundred processes on their hosts takes.
"""

import os
import sys
import time


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    delay = float(argv[1]) - time.time()
    if delay > 0:
        time.sleep(delay)
    program = argv[3:]
    try:
        os.execvp(program[0], program)
    except OSError as error:
        print("cannot run %s: %s" % (program[0], error.strerror), file=sys.stderr)
        return 127


if __name__ == "__main__":
    sys.exit(main(sys.argv))
