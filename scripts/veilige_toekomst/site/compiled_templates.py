"""The theme's Jinja templates compiled once per build rather than once per language.

The i18n plugin builds each language with a new Jinja environment, which would parse and compile every
template again (about a fifth of a second of CPU per language). Every language's environment comes from
the same theme with the same options, so the compiled code of one serves the next. Jinja keeps a
checksum of the source with the code: a template edited under `mkdocs serve` is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """A Jinja bytecode cache in memory, for as long as the process runs."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


compiled_templates = CompiledTemplates()
"""One for all the builds of the process (hooks.py may be loaded more than once)."""
