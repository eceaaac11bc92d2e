#!/usr/bin/python3
"""Runs one experiment plan (schema minitwitter-experiment-plan/1) and tears it down.

    driver.py [--in-namespace] PLAN.json
    driver.py clean      remove the scratch folders of SIGKILLed loopback drivers

Backends: "mininet" (an emulated network; needs root, Mininet, and a private network
namespace: start the driver through run-in-namespace.sh) and "loopback" (the same
processes on 127.0.0.1, no shaping). Writes OUTDIR/driver.json; exit code 0 when the
run succeeded, otherwise non-zero with a one-line reason as the last line on stderr:
  1 the run failed (a process did not start, a client failed or hung)
  2 the plan or its topology is invalid, or a prerequisite is missing (nothing started)
  3 interrupted by SIGINT/SIGTERM/SIGHUP (torn down)
  4 teardown left something behind (listed in driver.json)
--in-namespace: the driver runs as pid 1 of private network, pid and mount namespaces
(run-in-namespace.sh passes it); it refuses the mininet backend without it.
"""

import json
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import leftovers  # noqa: E402
import scratch  # noqa: E402
import plan as plan_module  # noqa: E402
from experiment import Experiment, RunFailed, log  # noqa: E402

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_INTERRUPTED, EXIT_LEFTOVERS = 0, 1, 2, 3, 4


class Interrupted(BaseException):
    """A signal asked the run to stop (BaseException: no `except Exception` swallows it)."""


def _raise_interrupted(signum, _frame):
    raise Interrupted(signal.Signals(signum).name)


def _note_during_teardown(signum, _frame):
    log("%s during teardown: finishing the teardown first" % signal.Signals(signum).name)


def _set_handlers(handler):
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, handler)


def now_rfc3339():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def write_json(path, document):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as output:
        json.dump(document, output, indent=2)
        output.write("\n")
    os.replace(temporary, path)


def check_namespace(plan, in_namespace):
    if plan["backend"] == "loopback":
        addresses = plan_module.literal_experiment_addresses(plan)
        if addresses and not in_namespace:
            where, address = addresses[0]
            raise plan_module.PlanError(
                "%s: %s is an experiment address; on loopback use {ip:NAME} (127.0.0.1), "
                "10.0.0.0/8 leaves this machine from the main namespace" % (where, address))
        return
    if not in_namespace:
        raise plan_module.PlanError(
            "backend mininet needs a private network namespace: run the driver through "
            "tools/experiment-driver/run-in-namespace.sh (never in the main namespace, "
            "which routes 10.0.0.0/8 off this machine)")
    # Belt and braces: pid 1 proves a pid namespace, not a network one. A fresh network
    # namespace has nothing but lo; the main one has the interfaces that reach 10.0.0.0/8.
    others = leftovers.namespace_interfaces()
    if others:
        raise plan_module.PlanError("backend mininet: this network namespace already has %s; "
                                    "the driver needs a fresh one (run-in-namespace.sh)"
                                    % ", ".join(others))
    try:
        import mininet.net  # noqa: F401
    except ImportError:
        raise plan_module.PlanError("backend mininet: this Python (%s) has no mininet module; "
                                    "use /usr/bin/python3 with the mininet package"
                                    % sys.executable) from None


def clean():
    """Removes what SIGKILLed drivers outside a namespace left: their scratch folders.
    (Their processes died with them: each had SIGKILL as its parent-death signal.)"""
    for path in scratch.clean_dead():
        print("removed %s" % path)
    return EXIT_OK


def main(argv):
    args = argv[1:]
    if args == ["clean"]:
        return clean()
    in_namespace = "--in-namespace" in args
    args = [arg for arg in args if arg != "--in-namespace"]
    if len(args) != 1 or args[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return EXIT_INVALID
    if in_namespace and os.getpid() != 1:
        print("driver: error: --in-namespace, but this is not pid 1 of a private pid namespace",
              file=sys.stderr)
        return EXIT_INVALID

    _set_handlers(_raise_interrupted)
    started = now_rfc3339()
    experiment = None
    outcome = {"ok": False, "error": None, "code": EXIT_FAILED}
    try:
        plan = plan_module.load(args[0])
        check_namespace(plan, in_namespace)
        experiment = Experiment(plan, in_namespace)
        experiment.prepare()
        experiment.run()
        outcome.update(ok=True, code=EXIT_OK)
    except plan_module.PlanError as error:
        outcome.update(error=str(error), code=EXIT_INVALID)
    except RunFailed as error:
        outcome.update(error=str(error), code=EXIT_FAILED)
    except Interrupted as signal_name:
        outcome.update(error="interrupted by %s" % signal_name, code=EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - reported, then torn down
        outcome.update(error="%s: %s" % (type(error).__name__, error), code=EXIT_FAILED)
    finally:
        _set_handlers(_note_during_teardown)
        teardown = experiment.teardown() if experiment else {"ok": True, "leftovers": []}

    if outcome["ok"] and not teardown["ok"]:
        outcome.update(ok=False, code=EXIT_LEFTOVERS,
                       error="teardown left: " + "; ".join(teardown["leftovers"]))
    if experiment is not None:
        document = {"schema": "minitwitter-experiment-driver/1", "ok": outcome["ok"],
                    "error": outcome["error"], "backend": experiment.plan["backend"],
                    "started": started, "finished": now_rfc3339()}
        document.update(experiment.report())
        document["teardown"] = teardown
        try:
            write_json(os.path.join(experiment.out, "driver.json"), document)
        except OSError as error:
            if outcome["ok"]:
                outcome.update(ok=False, code=EXIT_FAILED,
                               error="cannot write driver.json: %s" % error.strerror)
    if outcome["ok"]:
        log("done")
        return EXIT_OK
    print("driver: error: %s" % outcome["error"], file=sys.stderr, flush=True)
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
