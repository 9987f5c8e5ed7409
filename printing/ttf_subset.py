"""A faster TrueType subsetter for reportlab, giving the same bytes as reportlab's.

reportlab embeds a subset of the CJK font in every PDF (a subset per 256 characters
used, so two for a receipt). Its ``TTFontFace.makeSubset`` copies the whole ``glyf``
table (3.5 MB for WenQuanYi Micro Hei) and the ``post`` table (0.5 MB) each time, and
seeks and reads every glyph's header through the file object: ~3 ms of a ~19 ms
receipt. Everything it reads except the glyph set itself is the same for every
subset of a font, so this face keeps it: the tables copied as they are, and each
glyph's bytes and composite components once a document has used the glyph.

The subset is byte for byte what reportlab 5.1's ``makeSubset`` returns (the
algorithm below follows it step by step; tests/printing/test_fonts.py compares the
two over many glyph sets), so the PDF says exactly what it said before.
"""

from __future__ import annotations

import contextlib
from struct import pack, unpack_from

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFont,
    TTFontFace,
    TTFontMaker,
    _set_ushort,
)

#: Tables copied unchanged into every subset (cvt, fpgm and prep are optional).
_COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")


class _Glyph:
    """One glyph of the original font: its bytes and the glyphs it is composed of."""

    __slots__ = ("components", "data", "offsets")

    def __init__(self, data: bytes, components: tuple[int, ...], offsets: tuple[int, ...]):
        self.data = data
        #: original glyph indices of a composite glyph's parts, in order (empty if simple)
        self.components = components
        #: where each component's glyph index sits in ``data``
        self.offsets = offsets


def _component_offsets(data: bytes) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The components of a composite glyph and where their indices are (as reportlab
    reads them: after the 10-byte header, one record per component)."""
    components: list[int] = []
    offsets: list[int] = []
    pos = 10
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, glyph = unpack_from(">HH", data, pos)
        components.append(glyph)
        offsets.append(pos + 2)
        pos += 4
        pos += 4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2
        if flags & GF_WE_HAVE_A_SCALE:
            pos += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            pos += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            pos += 8
    return tuple(components), tuple(offsets)


class SubsettingFace(TTFontFace):
    """reportlab's TrueType face with a subsetter that keeps what all subsets share."""

    _sd_tables: dict[str, bytes]
    _sd_glyf: tuple[int, int]
    _sd_glyphs: dict[int, _Glyph]

    def _sd_prepare(self) -> None:
        """Keep the tables every subset copies (done once, on the first subset)."""
        tables: dict[str, bytes] = {}
        for tag in _COPIED:
            # optional tables (cvt, fpgm, prep) may be missing
            with contextlib.suppress(KeyError):
                tables[tag] = self.get_table(tag)
        tables["post"] = b"\x00\x03\x00\x00" + self.get_table("post")[4:16] + b"\x00" * 16
        for tag in ("hhea", "maxp", "head"):
            tables[tag] = self.get_table(tag)
        self._sd_tables = tables
        self._sd_glyf = self.get_table_pos("glyf")
        self._sd_glyphs = {}

    def _sd_glyph(self, index: int) -> _Glyph:
        glyphs = self._sd_glyphs
        glyph = glyphs.get(index)
        if glyph is None:
            start, length = self._sd_glyf
            # clamped to the table, as reportlab's slice of the glyf table is
            end = start + min(self.glyphPos[index + 1], length)
            data = self._ttf_data[start + self.glyphPos[index]:end]
            # reportlab tests the contour count differently when collecting (any length)
            # and when copying (more than 2 bytes); both are negative only for composites
            composite = len(data) > 2 and unpack_from(">h", data)[0] < 0
            components, offsets = _component_offsets(data) if composite else ((), ())
            glyph = glyphs[index] = _Glyph(data, components, offsets)
        return glyph

    def makeSubset(self, subset: list[int]) -> bytes:
        """Create a subset of the font: the same bytes as ``TTFontFace.makeSubset``."""
        if not hasattr(self, "_sd_tables"):
            self._sd_prepare()
        tables = self._sd_tables
        output = TTFontMaker()

        # new glyph index -> old, old -> new, unicode -> new; glyph 0 is "missing"
        glyph_map = [0]
        glyph_set = {0: 0}
        code_to_glyph: dict[int, int] = {}
        char_to_glyph = self.charToGlyph
        for code in subset:
            original = char_to_glyph.get(code, 0)
            if original not in glyph_set:
                glyph_set[original] = len(glyph_map)
                glyph_map.append(original)
            code_to_glyph[code] = glyph_set[original]

        # also the glyphs that composite glyphs are made of
        n = 0
        while n < len(glyph_map):
            for part in self._sd_glyph(glyph_map[n]).components:
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)
            n += 1

        for tag in (*_COPIED, "post"):
            if tag in tables:
                output.add(tag, tables[tag])

        num_glyphs = len(glyph_map)
        hmtx, number_of_hmetrics = _hmtx(self.hmetrics, glyph_map)
        output.add("hmtx", hmtx)
        output.add("hhea", _set_ushort(tables["hhea"], 34, number_of_hmetrics))
        output.add("maxp", _set_ushort(tables["maxp"], 4, num_glyphs))

        entry_count = len(subset)
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + entry_count * 2, 0, 0, entry_count,
                *map(code_to_glyph.get, subset)]
        output.add("cmap", pack(f">{len(cmap)}H", *cmap))

        glyf: list[bytes] = []
        offsets: list[int] = []
        pos = 0
        for original in glyph_map:
            offsets.append(pos)
            glyph = self._sd_glyph(original)
            data = glyph.data
            if glyph.components:
                # the parts' indices in the subset, in place of the original ones
                fixed = bytearray(data)
                for part, at in zip(glyph.components, glyph.offsets, strict=True):
                    fixed[at:at + 2] = pack(">H", glyph_set[part])
                data = bytes(fixed)
            glyf.append(data)
            pos += len(data)
            if pos % 4:
                padding = 4 - pos % 4
                glyf.append(b"\0" * padding)
                pos += padding
        offsets.append(pos)
        output.add("glyf", b"".join(glyf))

        if (pos + 1) >> 1 > 0xFFFF:
            index_to_loc_format = 1  # long offsets
            loca = pack(f">{len(offsets)}L", *offsets)
        else:
            index_to_loc_format = 0
            loca = pack(f">{len(offsets)}H", *(o >> 1 for o in offsets))
        output.add("loca", loca)
        output.add("head", _set_ushort(tables["head"], 50, index_to_loc_format))
        return output.makeStream()


def _hmtx(hmetrics: list[tuple[int, int]], glyph_map: list[int]) -> tuple[bytes, int]:
    """The hmtx table and its numberOfHMetrics, by reportlab's rule: a trailing run of
    equal advance widths is stored once, then only the run's left side bearings."""
    pairs: list[int] = []
    for original in glyph_map:
        aw, lsb = hmetrics[original]
        pairs.append(int(aw))
        pairs.append(int(lsb))
    n = len(pairs) - 2
    while n and pairs[n] == pairs[n - 2]:
        n -= 2
    n += 2
    values = pairs[:n] + pairs[n + 1::2]
    return pack(f">{len(values)}H", *values), n >> 1


class SubsettingTTFont(TTFont):
    """reportlab's TTFont with :class:`SubsettingFace` as its face."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:
        super().__init__(name, filename, subfontIndex=subfontIndex)
        # the face reportlab just parsed gains methods only (no new state at load), so it
        # is re-classed instead of parsing the 5 MB file a second time
        self.face.__class__ = SubsettingFace
