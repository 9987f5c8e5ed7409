"""The tag palette every page uses: (text colour, background), calm on paper-white and
distinct at a glance. Necessity colours are the same wherever a material is shown."""

from __future__ import annotations

Colours = tuple[str, str]

GREEN: Colours = ("#1b6e35", "#e3f4e8")
BLUE: Colours = ("#1a56a8", "#e6effc")
RED: Colours = ("#a8231b", "#fce8e6")
AMBER: Colours = ("#8a4b00", "#fff0d4")
GREY: Colours = ("#4f5459", "#eef0f2")

#: By the catalog's necessity value (required / optional / deferrable / exempt_shared).
NECESSITY_COLOURS: dict[str, Colours] = {"required": RED, "optional": GREY,
                                         "deferrable": AMBER, "exempt_shared": GREEN}
