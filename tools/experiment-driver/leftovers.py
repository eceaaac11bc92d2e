"""What is still there after teardown, so driver.json can say so.

In the private namespace the answer is exact: any process but the driver, any
interface but lo. Outside it, only what this run started is examined.
"""

import os
import subprocess


def _process_state(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            text = stat.read()
    except OSError:
        return None, None
    command = text[text.index("(") + 1:text.rindex(")")]
    state = text[text.rindex(")") + 2:].split(" ", 1)[0]
    return command, state


def namespace_processes():
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        command, state = _process_state(int(entry))
        if command is not None and state != "Z":
            found.append("process %s (%s)" % (entry, command))
    return found


def namespace_interfaces():
    result = subprocess.run(["ip", "-o", "link", "show"], capture_output=True, text=True,
                            check=False)
    names = [line.split(":", 2)[1].strip().split("@", 1)[0]
             for line in result.stdout.splitlines() if ":" in line]
    return ["interface %s" % name for name in names if name != "lo"]


def started_processes(processes):
    found = []
    for process in processes:
        if process.popen.poll() is None:
            found.append("process %d (%s %s)" % (process.pid, process.role, process.name))
    return found


def scan(in_namespace, processes):
    if in_namespace:
        return namespace_processes() + namespace_interfaces()
    return started_processes(processes)
