"""Link options of the experiment topologies: parsing, validation, and the link class.

Every option Mininet's TCLink knows is accepted: bw (Mbit/s), delay, jitter, loss (%),
max_queue_size (packets), plus TCLink's own extras (use_htb/use_tbf/use_hfsc, latency_ms,
enable_ecn, enable_red, speedup, gro, txo, rxo). Zero delay and zero loss are dropped so
that a bandwidth-only config never touches netem; a queue limit without delay or loss
uses a pfifo under the shaper, which every kernel has.
"""

import re

from mininet.link import TCIntf, TCLink

import mt_netem


class TopologyError(ValueError):
    """A topology parameter is missing, of the wrong type or impossible."""


NETEM_KEYS = ("delay", "jitter", "loss")
TCLINK_EXTRAS = ("use_htb", "use_tbf", "use_hfsc", "latency_ms", "enable_ecn", "enable_red",
                 "speedup", "gro", "txo", "rxo")
LINK_KEYS = ("bw", "max_queue_size") + NETEM_KEYS + TCLINK_EXTRAS

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(us|ms|s)?\s*$")


def parse_bool(name, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "on", "1"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "off", "0", ""):
        return False
    raise TopologyError("%s: expected true or false, got %r" % (name, value))


def parse_count(name, value, minimum=1):
    if isinstance(value, bool) or value is None:
        raise TopologyError("%s: expected a whole number, got %r" % (name, value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int):
        raise TopologyError("%s: expected a whole number, got %r" % (name, value))
    if value < minimum:
        raise TopologyError("%s: must be at least %d, got %d" % (name, minimum, value))
    return value


def parse_bandwidth(name, value):
    """Mbit/s as a float, or None for an unshaped link (None, 0)."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "none")):
        return None
    if isinstance(value, bool):
        raise TopologyError("%s: expected Mbit/s, got %r" % (name, value))
    try:
        bandwidth = float(value)
    except (TypeError, ValueError):
        raise TopologyError("%s: expected Mbit/s, got %r" % (name, value)) from None
    if bandwidth == 0:
        return None
    if not 0 < bandwidth <= 1000:
        raise TopologyError("%s: %s Mbit/s is outside 0..1000 (Mininet's TCLink range)"
                            % (name, value))
    return bandwidth


def parse_delay(name, value):
    """A tc time ('5ms'), or None when zero. Plain numbers are milliseconds."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TopologyError("%s: expected a time such as '5ms', got %r" % (name, value))
    if isinstance(value, (int, float)):
        value = "%gms" % value
    match = _DURATION.match(str(value))
    if not match:
        raise TopologyError("%s: expected a time such as '5ms', got %r" % (name, value))
    amount, unit = float(match.group(1)), match.group(2) or "ms"
    if amount == 0:
        return None
    return "%g%s" % (amount, unit)


def parse_loss(name, value):
    """Loss in percent, or None when zero."""
    if value is None:
        return None
    try:
        loss = float(value)
    except (TypeError, ValueError):
        raise TopologyError("%s: expected a percentage, got %r" % (name, value)) from None
    if isinstance(value, bool) or not 0 <= loss <= 100:
        raise TopologyError("%s: expected a percentage in 0..100, got %r" % (name, value))
    return loss or None


def link_options(prefix, options):
    """Validated TCLink keyword arguments from a dict of link options.

    prefix names the options in error messages (e.g. 'link'). Raises TopologyError
    for unknown keys and bad values, NetemMissingError for delay/jitter/loss without netem.
    """
    options = dict(options or {})
    unknown = sorted(set(options) - set(LINK_KEYS))
    if unknown:
        raise TopologyError("%s: unknown link option(s) %s (known: %s)"
                            % (prefix, ", ".join(unknown), ", ".join(LINK_KEYS)))
    result = {}
    if "bw" in options:
        bandwidth = parse_bandwidth(prefix + ".bw", options["bw"])
        if bandwidth is not None:
            result["bw"] = bandwidth
    for key in ("delay", "jitter"):
        if key in options:
            value = parse_delay("%s.%s" % (prefix, key), options[key])
            if value is not None:
                result[key] = value
    if "loss" in options:
        loss = parse_loss(prefix + ".loss", options["loss"])
        if loss is not None:
            result["loss"] = loss
    if options.get("max_queue_size") is not None:
        result["max_queue_size"] = parse_count(prefix + ".max_queue_size",
                                               options["max_queue_size"])
    for key in TCLINK_EXTRAS:
        if key in options and options[key] is not None:
            result[key] = options[key]
    wanted = [key for key in NETEM_KEYS if key in result]
    if wanted and not mt_netem.netem_available():
        raise mt_netem.NetemMissingError(", ".join(
            "%s %s=%s" % (prefix, key, result[key]) for key in wanted))
    return result


class ShapedIntf(TCIntf):
    """TCIntf whose queue limit does not need netem when there is no delay or loss, and
    whose htb class has an explicit quantum (the kernel warns about its own default at
    high rates, and Mininet reports that warning as an error)."""

    def bwCmds(self, *args, **kwargs):  # noqa: N802 (Mininet's name)
        cmds, parent = TCIntf.bwCmds(self, *args, **kwargs)
        return [cmd + " quantum 60000" if " htb rate " in cmd else cmd for cmd in cmds], parent

    def delayCmds(self, parent, delay=None, jitter=None, loss=None,  # noqa: N802 (Mininet's name)
                  max_queue_size=None):
        if delay or jitter or loss:
            return TCIntf.delayCmds(parent, delay=delay, jitter=jitter, loss=loss,
                                    max_queue_size=max_queue_size)
        if max_queue_size is not None:
            return (["%s qdisc add dev %s " + parent +
                     " handle 10: pfifo limit %d" % max_queue_size], " parent 10:1 ")
        return [], parent


class ShapedLink(TCLink):
    """The link class every experiment topology uses (whatever `mn --link` says)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("cls1", ShapedIntf)
        kwargs.setdefault("cls2", ShapedIntf)
        TCLink.__init__(self, *args, **kwargs)
