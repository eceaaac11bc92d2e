"""The 'dumbbell' experiment topology, for the driver and for
`mn --custom topologies/dumbbell.py --topo dumbbell,… --switch lxbr --controller none`.

Only `topos` is public: mn copies every name of this file into its own globals.
"""

import inspect as _inspect
import os as _os
import sys as _sys

# mn exec()s this file without __file__; the code object still knows its file name.
_here = _os.path.dirname(_os.path.abspath(_inspect.currentframe().f_code.co_filename))
if _here not in _sys.path:
    _sys.path.insert(0, _here)

import mt_topologies as _topologies  # noqa: E402

topos = {"dumbbell": _topologies.TOPOLOGIES["dumbbell"]}
