"""Collection settings for the whole repository (tests/ and the doctests in src/)."""
from __future__ import annotations

from importlib.util import find_spec

# The Dask path is an optional extra: without it, its module's doctests are not collected
# (tests/test_distributed.py skips itself).
collect_ignore = [] if find_spec("dask") and find_spec("distributed") else ["src/umpanbalik/distributed.py"]
