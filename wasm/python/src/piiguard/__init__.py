"""Find and mask sensitive data in text, with piiguard's WebAssembly module.

>>> import piiguard
>>> s = piiguard.compile(identifiers=["EmailAddress"])
>>> s.mask("mail jane@example.com")
'mail ****************'

``compile`` uses a module loaded once per process; ``load`` gives a
``Module`` of your own (another path, no compilation cache).
"""

from ._host import (
    ABI_MAJOR,
    ABI_MINOR,
    CustomIdentifier,
    ErrorCode,
    Finding,
    Module,
    PiiGuardError,
    Scanner,
    compile,
    default_cache_dir,
    default_module_path,
    load,
)

__all__ = [
    "ABI_MAJOR",
    "ABI_MINOR",
    "CustomIdentifier",
    "ErrorCode",
    "Finding",
    "Module",
    "PiiGuardError",
    "Scanner",
    "compile",
    "default_cache_dir",
    "default_module_path",
    "load",
]
