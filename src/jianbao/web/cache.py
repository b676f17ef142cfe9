"""A small thread-safe cache with a time limit, for what is dear to compute and read often
(facet counts over the whole archive, a person's profile). `ttl=0` turns it off. The views put the
archive's version (Archive.version: it changes with every write) in their keys, so that what a write
changed is computed anew at once; entries of earlier versions age out (least recently used first)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Hashable


class TTLCache:
    def __init__(self, ttl: float = 60.0, size: int = 512):
        self.ttl, self.size = ttl, size
        self._d: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        if self.ttl <= 0:
            return None
        with self._lock:
            got = self._d.get(key)
            if got is None:
                return None
            if time.monotonic() - got[0] > self.ttl:
                del self._d[key]
                return None
            self._d.move_to_end(key)
            return got[1]

    def put(self, key: Hashable, value: Any) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._d[key] = (time.monotonic(), value)
            self._d.move_to_end(key)
            while len(self._d) > self.size:
                self._d.popitem(last=False)
