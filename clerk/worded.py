"""Words as a template and its values, for texts the domain writes and the workstation
shows in its interface language (catalog changes, a catalog or calendar file's problems).

The templates are marked with ``QT_TRANSLATE_NOOP("catalog_changes", …)`` where they are
written; ``text`` is the Chinese the district, the CLI and API clients read.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Worded", "worded"]


@dataclass(frozen=True)
class Worded:
    """Words as a template (marked for translation) and its values; a value is plain
    text (a name from a file, or a label the window translates in the templates'
    context) or another Worded. ``text`` is the Chinese the district and its API clients
    read; the workstation words the same in its interface language."""

    template: str
    params: tuple[tuple[str, str | Worded], ...] = ()

    @property
    def text(self) -> str:
        values = {k: v.text if isinstance(v, Worded) else v for k, v in self.params}
        return self.template.format(**values) if values else self.template


def worded(template: str, **params: str | Worded) -> Worded:
    return Worded(template, tuple(params.items()))
