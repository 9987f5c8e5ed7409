"""Shared page template and building blocks of the printed documents.

Every document is A4 portrait (the daily report may turn landscape) with a running
header (station, copy label, 补打 mark) and footer (document number, "第 x 页 共 y 页"
counted per copy). The body is a platypus story built by the document module.

"共 y 页" is only known after layout, so the header and footer are drawn when the
canvas is saved: each page's drawing is kept until then (the usual reportlab
"numbered canvas" technique). The two copies differ only in that header, so the body
is laid out once and every kept page is emitted once per copy.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clerk.id_documents import mask_document
from clerk.validation import mask_mobile
from printing.fonts import ensure_cjk_font
from printing.model import (
    DocumentMeta,
    LegalPerson,
    MaterialLine,
    Party,
    Person,
    PrintOptions,
    StationInfo,
)

COPY_LABELS: tuple[str, str] = ("申请人留存联", "窗口存档联")
REPRINT_MARK = "补打"

MARGIN_X = 20 * mm
MARGIN_TOP = 19 * mm
MARGIN_BOTTOM = 17 * mm
GRID_COLOR = colors.Color(0.35, 0.35, 0.35)
LABEL_FILL = colors.Color(0.93, 0.93, 0.93)

# reportlab keeps per-document font subset state on the shared TTFont object and has
# module-level caches; builds are ~10 ms, so serialising them is cheap insurance
# against a UI that renders from several worker threads.
_BUILD_LOCK = threading.Lock()

Story = list[Flowable]

#: zlib level of every stream of our PDFs (font subsets, pages, ToUnicode maps, the QR
#: form). reportlab uses zlib's default, 6: for a receipt (68 KB of font subsets and
#: 46 KB of other streams) level 1 takes ~1.9 ms less for a file ~4 KB (6%) bigger.
PDF_ZLIB_LEVEL = 1


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's FlateDecode filter at ``PDF_ZLIB_LEVEL``; reportlab reads the module's
    ``PDFZCompress`` instance when it creates a stream, so build_pdf swaps it in."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text,
                             PDF_ZLIB_LEVEL)


_FAST_FLATE = _FastFlate()

# Chinese punctuation that must not begin a line. reportlab's list covers the Japanese
# set and ASCII but not the full-width comma, semicolon, colon, ! and ?, so a line
# could start with "，". Extending its module-level table makes the CJK wrapper hang
# such a mark at the end of the previous line instead.
_CN_CANNOT_START = "，；：！？、。）》」』】〉”’"


def _extend_line_break_rules() -> None:
    import reportlab.lib.textsplit as textsplit
    import reportlab.platypus.paragraph as paragraph

    missing = "".join(ch for ch in _CN_CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
    if missing:
        textsplit.ALL_CANNOT_START += missing
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


_extend_line_break_rules()

#: (font name, size) -> character -> width in points, for the CJK line breaker.
_char_widths: dict[tuple[str, float], dict[str, float]] = {}


def _cached_char_widths(word: str, fontName: str, fontSize: float) -> list[float]:
    """textsplit.getCharWidths with each character's width remembered.

    reportlab's CJK wrapper measures every character of every paragraph it wraps, one
    stringWidth call each (~1,300 per receipt, and paragraphs are wrapped more than
    once); a width depends only on the character, font and size. ~0.7 ms of a receipt.
    """
    table = _char_widths.setdefault((fontName, fontSize), {})
    widths = []
    for ch in word:
        width = table.get(ch)
        if width is None:
            width = table[ch] = stringWidth(ch, fontName, fontSize)
        widths.append(width)
    return widths


def _cache_char_widths() -> None:
    import reportlab.lib.textsplit as textsplit

    # wordSplit looks the function up in its module at each call
    textsplit.getCharWidths = _cached_char_widths


_cache_char_widths()


# --------------------------------------------------------------------------- text


def fmt_date(d: date) -> str:
    """2026年12月1日."""
    return f"{d.year}年{d.month}月{d.day}日"


_BEIJING = timezone(timedelta(hours=8))


def local(dt: datetime) -> datetime:
    """Beijing wall-clock time. Aware datetimes are converted (China has one zone and no
    DST); naive ones are taken to be local already."""
    return dt.astimezone(_BEIJING).replace(tzinfo=None) if dt.tzinfo else dt


def fmt_datetime(dt: datetime) -> str:
    """2026年12月1日 09:05 (local time)."""
    dt = local(dt)
    return f"{fmt_date(dt)} {dt:%H:%M}"


def fmt_day(dt: datetime) -> str:
    """The local calendar day of a moment: 2026年12月1日."""
    return fmt_date(local(dt).date())


def mask_id(id_no: str, id_type: str = "resident_id") -> str:
    """Mask an ID number for paper (110101********1234), by the domain's rule for its
    document type (a type key or a document name; clerk.id_documents.mask_document).

    Belt and braces: should the rule ever return the number unchanged, print stars
    only, because the full number must never reach the PDF.
    """
    value = id_no.strip()
    masked = mask_document(id_type, value)
    return "*" * len(value) if value and value in masked else masked


def mask_phone(value: str) -> str:
    """Mask a personal phone number for paper (138****5678), by the domain's rule."""
    value = value.strip()
    masked = mask_mobile(value)
    return "*" * len(value) if value and value in masked else masked


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of one font, built once and reused (they are immutable in use)."""

    font: str
    body: ParagraphStyle
    body_indent: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_label: ParagraphStyle
    cell_small: ParagraphStyle
    small: ParagraphStyle
    right: ParagraphStyle


_styles_cache: dict[str, Styles] = {}


def styles_for(font: str) -> Styles:
    """Styles for a registered font name (cached)."""
    cached = _styles_cache.get(font)
    if cached is not None:
        return cached

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )

    s = Styles(
        font=font,
        body=style("body", 10.5, 16, alignment=TA_JUSTIFY),
        # 2-character first-line indent, as in Chinese official writing
        body_indent=style("body_indent", 10.5, 16, alignment=TA_JUSTIFY, firstLineIndent=21),
        cell=style("cell", 9.5, 13, alignment=TA_LEFT),
        cell_center=style("cell_center", 9, 12.5, alignment=TA_CENTER),
        cell_label=style("cell_label", 9.5, 13, alignment=TA_CENTER),
        cell_small=style("cell_small", 8.5, 11, alignment=TA_CENTER),
        small=style("small", 8.5, 12, alignment=TA_LEFT, textColor=colors.Color(0.25, 0.25, 0.25)),
        right=style("right", 10.5, 16, alignment=TA_RIGHT),
    )
    _styles_cache[font] = s
    return s


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: user data must never be parsed as markup)."""
    return Paragraph(escape(text), style)


def fit(text: str, style: ParagraphStyle, avail: float) -> str | Paragraph:
    """A table cell: the plain string when it fits on one line, else a wrapping paragraph.

    A string cell costs a fraction of a Paragraph (no markup parsing, no line breaking)
    and most cells are short; the table's FONT/ALIGN commands must then match ``style``.
    """
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= avail:
        return text
    return para(text, style)


class FlowTable(Table):
    """A table that breaks between rows, and inside a row only when it must.

    reportlab's ``splitInRow`` also splits a row that would fit on the next page, and
    then places a repeated header plus the row's first lines in the space left at the
    bottom of the current page. Splitting inside a row is only needed when one row is
    taller than a whole page (pathological requirement text): allow it only when the
    table is at the top of a fresh page.
    """

    FRESH_PAGE_HEIGHT = (A4[1] - MARGIN_TOP - MARGIN_BOTTOM) * 0.9

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.splitInRow = 1 if availHeight >= self.FRESH_PAGE_HEIGHT else 0
        return super().split(availWidth, availHeight)


def table(
    data: Sequence[Sequence[Any]],
    widths: Sequence[float | str],
    cmds: Sequence[tuple[Any, ...]],
    st: Styles,
    **kwargs: Any,
) -> Table:
    """A Table whose plain-string cells use our font.

    reportlab's default cell font is Helvetica; even an empty cell would list that
    (unembedded) font in the PDF.
    """
    style = TableStyle([("FONT", (0, 0), (-1, -1), st.font, 9.5), *cmds])
    return FlowTable(data, colWidths=widths, style=style, **kwargs)


# --------------------------------------------------------------------------- flowables


class BoldLine(Flowable):
    """One line of faux-bold text (fill + thin stroke): CJK TrueType fonts ship no bold face."""

    def __init__(
        self,
        text: str,
        font: str,
        size: float,
        *,
        align: str = "center",
        char_space: float = 0.0,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.align = align
        self.char_space = char_space
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.size * 1.3

    def draw(self) -> None:

        canv = self.canv
        width = stringWidth(self.text, self.font, self.size)
        width += self.char_space * max(len(self.text) - 1, 0)
        x = {"center": (self._avail - width) / 2, "left": 0.0}.get(self.align, self._avail - width)
        text = canv.beginText(x, self.size * 0.3)
        text.setFont(self.font, self.size)
        text.setCharSpace(self.char_space)
        text.setTextRenderMode(2)
        text.textOut(self.text)
        canv.saveState()
        canv.setLineWidth(self.size / 40)
        canv.drawText(text)
        canv.restoreState()


class SealArea(Flowable):
    """The seal placeholder: a dashed circle over the issuing body's name and the date."""

    DIAMETER = 36 * mm

    def __init__(self, font: str, seal_label: str, issued: date) -> None:
        super().__init__()
        self.font = font
        self.seal_label = seal_label
        self.issued = issued
        self._avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.DIAMETER + 2 * mm

    def draw(self) -> None:

        canv = self.canv
        r = self.DIAMETER / 2
        cx = self._avail - r - 8 * mm
        cy = r + 1 * mm
        canv.saveState()
        canv.setStrokeGray(0.55)
        canv.setDash(3, 2)
        canv.setLineWidth(0.8)
        canv.circle(cx, cy, r, stroke=1, fill=0)
        canv.restoreState()
        lines = (
            (self.seal_label, 10.5, 0.0),
            ("（盖章）", 9.0, 0.55),
            (fmt_date(self.issued), 10.5, 0.0),
        )
        y = cy + 6 * mm
        for text, size, gray in lines:
            size = _fit_size(text, self.font, size, self.DIAMETER + 16 * mm)
            w = stringWidth(text, self.font, size)
            canv.setFillGray(gray)
            canv.setFont(self.font, size)
            canv.drawString(cx - w / 2, y, text)
            y -= 7 * mm
        canv.setFillGray(0)


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    """Shrink a long station name until it fits the seal area."""

    while size > 6 and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


# --------------------------------------------------------------------------- blocks


def title_block(title: str, meta: DocumentMeta, st: Styles, *, authority: str = "") -> Story:
    """The issuing authority and the centred title, then document number (left) and issue
    date (right)."""
    issuer: Story = [BoldLine(authority, st.font, 14, space_after=1 * mm)] if authority else []
    head = BoldLine(title, st.font, 20, char_space=6, space_after=2.5 * mm)
    row = table(
        [[para(f"编号：{meta.doc_no}", st.body),
          para(f"日期：{fmt_day(meta.issued_at)}", st.right)]],
        ["60%", "40%"],
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
        st,
    )
    return [*issuer, head, row, Spacer(1, 2 * mm)]


def heading(text: str, st: Styles, *, cond_break: bool = True) -> Story:
    """A section heading that never sits alone at the bottom of a page.

    ``cond_break=False`` for a heading inside a block that is kept together anyway.
    """
    line = BoldLine(text, st.font, 11.5, align="left", space_before=2.5 * mm, space_after=1 * mm)
    return [CondPageBreak(30 * mm), line] if cond_break else [line]


GridRow = tuple[str, str] | tuple[str, str, str, str]


def place_row(station: StationInfo) -> GridRow:
    """受理地点: the station that took the application for the issuing authority."""
    return ("受理地点", station.place)


_PAD = 6  # reportlab's default left/right cell padding (points)


def form_grid(rows: Sequence[GridRow], st: Styles) -> Table:
    """A bordered label/value grid; a 2-tuple row spans the full width."""
    label_w, value_w = 25 * mm, 60 * mm
    widths = [label_w, value_w, label_w, value_w]
    wide = 2 * value_w + label_w - 2 * _PAD

    def label(text: str) -> Any:
        return fit(text, st.cell_label, label_w - 2 * _PAD)

    data: list[list[Any]] = []
    cmds: list[tuple[Any, ...]] = []
    for i, row in enumerate(rows):
        if len(row) == 2:
            data.append([label(row[0]), fit(row[1], st.cell, wide), "", ""])
            cmds.append(("SPAN", (1, i), (3, i)))
        else:
            value_avail = value_w - 2 * _PAD
            data.append([label(row[0]), fit(row[1], st.cell, value_avail),
                         label(row[2]), fit(row[3], st.cell, value_avail)])
            cmds.append(("BACKGROUND", (2, i), (2, i), LABEL_FILL))
    cmds += [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (2, 0), (2, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    return table(data, widths, cmds, st)


def party_rows(role: str, party: Party) -> list[GridRow]:
    """Grid rows describing an applicant or agent, personal numbers masked."""
    if isinstance(party, LegalPerson):
        rows: list[GridRow] = [
            (role, party.name, "统一社会信用代码", party.uscc),
            ("法定代表人", party.legal_rep,
             "联系人", _join(party.contact, mask_phone(party.phone))),
        ]
        if party.address:
            rows.append(("地址", party.address))
        return rows
    rows = [
        (role, party.name, "联系电话", mask_phone(party.mobile) or "—"),
        (f"{role}证件", f"{party.id_type}  {mask_id(party.id_no, party.id_type)}"),
    ]
    if party.address:
        rows.append((f"{role}住址", party.address))
    return rows


def agent_rows(agent: Person | None) -> list[GridRow]:
    """The agent's rows, or nothing when the applicant came in person."""
    return party_rows("代理人", agent) if agent is not None else []


def _join(*parts: str) -> str:
    return "  ".join(p for p in parts if p) or "—"


def counts_label(line: MaterialLine) -> str:
    """份数 column: 原件1 / 复印件2."""
    parts = []
    if line.original_count:
        parts.append(f"原件{line.original_count}")
    if line.copy_count:
        parts.append(f"复印件{line.copy_count}")
    return "/".join(parts) or "—"


def material_table(
    lines: Sequence[MaterialLine],
    last_header: str,
    last_cell: Callable[[MaterialLine], str],
    st: Styles,
) -> Table:
    """序号 / 材料名称 / 形式 / 份数 / <last>: header repeated on every page, long text wrapped."""
    widths = [12 * mm, 42 * mm, 23 * mm, 25 * mm, 68 * mm]
    narrow = 3  # padding of the 形式/份数 columns
    name_w, form_w, count_w, last_w = (widths[1] - 2 * _PAD, widths[2] - 2 * narrow,
                                       widths[3] - 2 * narrow, widths[4] - 2 * _PAD)
    header = ("序号", "材料名称", "形式", "份数", last_header)
    data: list[list[Any]] = [[fit(h, st.cell_label, w - 2 * _PAD)
                              for h, w in zip(header, widths, strict=True)]]
    for n, line in enumerate(lines, start=1):
        data.append([
            str(n),
            fit(line.name, st.cell, name_w),
            fit(line.form_label, st.cell_center, form_w),
            fit(counts_label(line), st.cell_center, count_w),
            fit(last_cell(line) or "—", st.cell, last_w),
        ])
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (3, -1), "CENTER"),
        ("FONTSIZE", (2, 1), (3, -1), st.cell_center.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        # 形式/份数 are short centred words: narrow padding leaves the width to 要求
        ("LEFTPADDING", (2, 0), (3, -1), 3),
        ("RIGHTPADDING", (2, 0), (3, -1), 3),
    ]
    return table(data, widths, cmds, st, repeatRows=1)


def closing_block(
    meta: DocumentMeta,
    seal_label: str,
    st: Styles,
    *,
    signer: str | None = "申请人（签收）",
    qr: tuple[str, str] | None = None,
    lead_in: Sequence[Flowable] = (),
) -> Flowable:
    """Clerk, signature line and (optionally) the progress QR code left of the seal area.

    ``qr`` is (the progress page's URL, case number): the code, and the URL in words
    under it for whoever cannot scan. ``lead_in`` (the last section) is kept on the same
    page: a page holding nothing but the seal is not acceptable on an official document
    (GB/T 9704 has the same rule for 公文).
    """
    lines = [f"经办人：{meta.clerk_name}"]
    if meta.clerk_phone:
        lines.append(f"联系电话：{meta.clerk_phone}")
    text: Story = [para(line, st.body) for line in lines]
    if signer:
        text += [
            Spacer(1, 3 * mm),
            para(f"{signer}：____________", st.body),
            Spacer(1, 2 * mm),
            para("日期：________年______月______日", st.body),
        ]
    left: Any = text
    if qr is not None:
        left = table([[_qr_cell(qr[0], qr[1], st), text]], [34 * mm, 56 * mm],
                     [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
                     st)
    seal = SealArea(st.font, seal_label, local(meta.issued_at).date())
    row = table(
        [[left, seal]],
        [90 * mm, 80 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
        st,
    )
    tail: Story = []
    if qr is not None:
        tail = [para(f"办理进度网上查询：{qr[0]}（输入申请人证件号码后4位）", st.small)]
    return KeepTogether([*lead_in, Spacer(1, 3 * mm), row, *tail])


def _qr_cell(url: str, case_no: str, st: Styles) -> Story:
    """The progress page's QR code and what it is for."""
    from printing.qr import QrFlowable

    return [
        QrFlowable(url, 26 * mm),
        para("手机扫码查询办理进度", st.small),
    ]


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True, slots=True)
class Furniture:
    """What the running header and footer show."""

    station_name: str
    doc_no: str
    reprint: bool
    #: One label per copy; ``(None,)`` for a single unlabelled copy (the daily report).
    copy_labels: tuple[str | None, ...]

    def draw(self, canv: Canvas, font: str, copy: int, page: int, pages: int) -> None:
        """Header and footer of one page."""
        width, height = canv._pagesize
        label = self.copy_labels[copy]
        top = height - 12 * mm
        canv.saveState()
        canv.setFont(font, 9)
        canv.setFillGray(0.3)
        canv.drawString(MARGIN_X, top, self.station_name)
        right = width - MARGIN_X
        if label:
            canv.setFillGray(0)
            canv.setFont(font, 10.5)
            canv.drawRightString(right, top, label)
            right -= canv.stringWidth(label, font, 10.5) + 4 * mm
        if self.reprint:
            _draw_reprint_mark(canv, font, right, top)
        canv.setStrokeGray(0.6)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
        canv.setFillGray(0.3)
        canv.setFont(font, 8.5)
        bottom = 10 * mm
        canv.drawString(MARGIN_X, bottom, f"编号：{self.doc_no}" if self.doc_no else "")
        canv.setFillGray(0)
        canv.setFont(font, 9)
        canv.drawCentredString(width / 2, bottom, f"第 {page} 页 共 {pages} 页")
        canv.restoreState()


def _draw_reprint_mark(canv: Canvas, font: str, right: float, baseline: float) -> None:
    """A boxed 补打 stamp ending at ``right``; real text, so it is in the text layer too."""
    size = 10.5
    w = canv.stringWidth(REPRINT_MARK, font, size)
    pad = 1.5 * mm
    canv.setStrokeGray(0)
    canv.setLineWidth(0.9)
    box_w, box_h = w + 2 * pad, size + 1.2 * mm
    canv.rect(right - box_w, baseline - 1.6 * mm, box_w, box_h, stroke=1, fill=0)
    canv.setFillGray(0)
    canv.setFont(font, size)
    canv.drawRightString(right - pad, baseline, REPRINT_MARK)


class _DeferredCanvas(Canvas):
    """Lays out the body once and emits it once per copy, with header and footer.

    Every page's drawing is kept until save(): only then is the page count known
    ("共 y 页"). The copies differ only in the running header, so the body is laid out
    once and each kept page is emitted once per copy label — half the layout work of
    building the story twice.
    """

    def __init__(self, *args: Any, furniture: Furniture, font: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sd_furniture = furniture
        self.sd_font = font
        self.sd_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self.sd_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self.sd_pages
        for copy in range(len(self.sd_furniture.copy_labels)):
            for number, state in enumerate(pages, start=1):
                self.__dict__.update(state)
                # the page's operator list is shared by every copy: draw on a copy of it
                self._code = list(state["_code"])
                self.sd_furniture.draw(self, self.sd_font, copy, number, len(pages))
                super().showPage()
        super().save()


def _body_frame(pagesize: tuple[float, float]) -> Frame:
    return Frame(
        MARGIN_X, MARGIN_BOTTOM, pagesize[0] - 2 * MARGIN_X,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )


def build_pdf(
    *,
    title: str,
    furniture: Furniture,
    story: Callable[[Styles], Story],
    options: PrintOptions,
    created: datetime,
    landscape_page: bool = False,
) -> bytes:
    """Lay out the story built by ``story(styles)`` and return the PDF bytes.

    The body is laid out once; it is emitted once per copy label of ``furniture``
    (only the first label when ``options.copies == 1``). ``created`` becomes the PDF's
    creation date, so that the same document always gives the same bytes.
    """
    font = ensure_cjk_font(options.font_path).name
    st = styles_for(font)
    if len(furniture.copy_labels) > 1 and options.copies == 1:
        furniture = replace(furniture, copy_labels=furniture.copy_labels[:1])
    pagesize = landscape(A4) if landscape_page else A4
    buf = BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=furniture.station_name,
        creator="StationDesk",
        lang="zh-CN",
        # otherwise the canvas starts in Helvetica and lists it, unembedded, in the PDF
        initialFontName=font,
        # deterministic bytes: no timestamps or random document ID (tests and caching)
        invariant=1,
    )
    doc.addPageTemplates(
        [PageTemplate(id="body", frames=[_body_frame(pagesize)], pagesize=pagesize)]
    )

    stamp = f"D:{local(created):%Y%m%d%H%M%S}+08'00'"

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        canv = _DeferredCanvas(*args, furniture=furniture, font=font, **kwargs)
        # invariant=1 would otherwise stamp 2000-01-01 as the creation date
        canv.setDateFormatter(lambda *_: stamp)
        return canv

    with _BUILD_LOCK:
        # ASCII85-wrapping every compressed stream costs ~15% of the render in pure
        # Python and only makes the file bigger; binary streams are valid PDF.
        saved_a85, saved_flate = rl_config.useA85, pdfdoc.PDFZCompress
        rl_config.useA85 = 0
        pdfdoc.PDFZCompress = _FAST_FLATE
        try:
            doc.build(story(st), canvasmaker=canvasmaker)
        finally:
            rl_config.useA85, pdfdoc.PDFZCompress = saved_a85, saved_flate
    return buf.getvalue()


def official_furniture(station: StationInfo, meta: DocumentMeta) -> Furniture:
    """Header/footer of the documents handed to an applicant (two labelled copies): the
    issuing authority, then the station as the place of acceptance."""
    header = (f"{station.issuer}　受理地点：{station.name}" if station.authority
              else station.name)
    return Furniture(header, meta.doc_no, meta.reprint, COPY_LABELS)
