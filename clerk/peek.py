"""The window's quick look at a station before the store opens (see clerk.store.peek).

The UI imports it from here: the interface never reaches into clerk.store itself.
Standard library only, like the module it names.
"""

from clerk.store.peek import Peek, peek

__all__ = ["Peek", "peek"]
