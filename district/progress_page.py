"""The public progress page (办件进度查询): no login, Chinese, mobile first, no JavaScript.

``GET /p`` shows the form (case number + last 4 characters of the ID document);
``GET /p/{case_no}`` and ``GET /p?c={case_no}`` — the receipts' QR codes — show it with
the case number filled in (the URL never carries personal data). ``POST /p`` looks the
case up by the rule of the API (district.progress: throttled by case and address, never
a lockout) and shows it (district.progress_view); ``POST /p/rate`` records the citizen's
own rating (district.citizen_rating).

Forms are protected against cross-site posting by a double-submit token: the form page
sets a random token in a ``SameSite=Strict; HttpOnly`` cookie and in a hidden field, and a
post is taken only when both agree (and its Origin, when sent, is this site's). Nothing
is kept on the server, so every worker agrees. Every answer carries a CSP without any
script (``default-src 'none'``), nosniff, no-referrer and ``frame-ancestors 'none'``.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from clerk.errors import ValidationError
from clerk.labels import RATING_LABELS
from district import citizen_rating
from district import progress as lookup
from district.api.deps import AppContext
from district.errors import ApiError
from district.models import CaseRow, StationRow
from district.progress_view import case_view

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).with_name("templates") / "progress"
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)
COOKIE = "sd_form"
# The rating form at its longest: 500 Chinese characters of comment are 4,500 bytes
# percent-encoded, with the other fields well under 8 KB.
MAX_FORM_BYTES = 8192
FIELD = re.compile(r"^[a-z0-9]{1,16}$")  # the forms' own field names, flat
NOT_OUR_FORM = "请用本页的表单查询或评价。"
TOO_LONG = "提交的内容过长：意见最多 500 个字。"
CASE_NO = re.compile(r"^[0-9A-Za-z-]{1,40}$")
LAST4 = re.compile(r"^[0-9A-Za-z]{4}$")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
LEVELS = tuple(sorted(RATING_LABELS.items(), reverse=True))


@dataclass
class Form:
    fields: dict[str, str]
    token_ok: bool


def _ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def _base(ctx: AppContext) -> str:
    """The path the page lives under behind a proxy (from public_base_url), or ""."""
    return urlsplit(ctx.settings.public_base_url).path.rstrip("/")


def _page(request: Request, template: str, status: int = 200, *, token: str | None = None,
          headers: dict[str, str] | None = None, **values: Any) -> HTMLResponse:
    """Render with a form token (the cookie's, or a new one set now) and the headers."""
    ctx = _ctx(request)
    token = token or request.cookies.get(COOKIE) or ""
    fresh = not re.fullmatch(r"[A-Za-z0-9_-]{22,64}", token)
    if fresh:
        token = secrets.token_urlsafe(24)
    html = _env.get_template(template).render(base=_base(ctx), token=token, levels=LEVELS,
                                              **values)
    response = HTMLResponse(html, status_code=status, headers={**HEADERS, **(headers or {})})
    if fresh:
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                            secure=ctx.settings.public_base_url.startswith("https:"),
                            path="/")
    return response


def _filled(case_no: str | None) -> str:
    text = (case_no or "").strip()
    return text if CASE_NO.match(text) else ""


@router.get("/p", response_class=HTMLResponse)
async def form_page(request: Request, c: str | None = None) -> Response:
    return _page(request, "form.html", case_no=_filled(c))


@router.get("/p/{case_no}", response_class=HTMLResponse)
async def form_for_case(request: Request, case_no: str) -> Response:
    return _page(request, "form.html", case_no=_filled(case_no))


@router.get("/p-static/page.css")
async def stylesheet() -> Response:
    css = (TEMPLATES / "page.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css",
                    headers={**HEADERS, "Cache-Control": "public, max-age=3600"})


async def _read_form(request: Request) -> Form | None:
    """The posted fields (one value each), or None for a body that is not a small form
    (:func:`_form_problem` words why)."""
    if _form_problem(request) is not None:
        return None
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        request.state.form_problem = TOO_LONG
        return None
    try:
        parsed = parse_qs(body.decode("utf-8"), max_num_fields=12, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        request.state.form_problem = NOT_OUR_FORM
        return None
    if any(len(v) > 1 or not FIELD.match(k) for k, v in parsed.items()):
        # A field given twice (score=5&score=1) or a nested/bracketed name: which value
        # was meant cannot be told, so nothing is taken.
        request.state.form_problem = NOT_OUR_FORM
        return None
    fields = {k: v[0] for k, v in parsed.items() if v}
    cookie = request.cookies.get(COOKIE, "")
    origin = request.headers.get("origin")
    # With Referrer-Policy no-referrer, browsers send "Origin: null" on their own forms:
    # the token decides then; a named foreign origin is refused outright.
    same_origin = origin in (None, "null") or _same_origin(request, origin)
    ok = bool(cookie) and hmac.compare_digest(cookie, fields.get("token", "")) and same_origin
    return Form(fields, ok)


def _form_problem(request: Request) -> str | None:
    """Why the body cannot be this page's form, judged before reading it."""
    problem = getattr(request.state, "form_problem", None)
    if problem is not None:
        return str(problem)
    problem = None
    if request.headers.get("content-type", "").split(";")[0].strip() != \
            "application/x-www-form-urlencoded":
        problem = NOT_OUR_FORM  # JSON, multipart …: not what the page's forms send
    else:
        try:
            declared = int(request.headers.get("content-length") or 0)
        except ValueError:
            declared = MAX_FORM_BYTES + 1
        if declared > MAX_FORM_BYTES:
            problem = TOO_LONG  # refused before the body is read
    request.state.form_problem = problem
    return problem


def _same_origin(request: Request, origin: str) -> bool:
    ctx = _ctx(request)
    allowed = {f"{request.url.scheme}://{request.headers.get('host', '')}"}
    if ctx.settings.public_base_url:
        parts = urlsplit(ctx.settings.public_base_url)
        allowed.add(f"{parts.scheme}://{parts.netloc}")
    return origin in allowed


def _refused(request: Request, form: Form | None, case_no: str = "") -> Response:
    if form is None:
        too_long = _form_problem(request) == TOO_LONG
        return _page(request, "form.html", 413 if too_long else 400, case_no=case_no,
                     error=_form_problem(request) or NOT_OUR_FORM)
    return _page(request, "form.html", 403, case_no=_filled(form.fields.get("c")),
                 error="页面已过期或浏览器未保存本站的 Cookie：请允许 Cookie 后重新查询。")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _station(ctx: AppContext, code: str) -> StationRow | None:
    with ctx.db.read() as s:
        row = s.get(StationRow, code)
        if row is not None:
            s.expunge(row)
        return row


def _show(request: Request, row: CaseRow, last4: str, status: int = 200,
          message: str = "", error: str = "") -> Response:
    ctx = _ctx(request)
    now = ctx.now()
    view = case_view(row, _station(ctx, row.station_code), now)
    rating = citizen_rating.standing(row, ctx, now)
    return _page(request, "case.html", status, case=view, rating=rating, last4=last4,
                 message=message, error=error, change_days=ctx.settings.rating_change_days)


def _looked_up(request: Request, form: Form) -> CaseRow | Response:
    """The verified case, or the form again saying what went wrong."""
    case_no = form.fields.get("c", "").strip()
    last4 = form.fields.get("last4", "").strip()
    if not CASE_NO.match(case_no) or not LAST4.match(last4):
        return _page(request, "form.html", 422, case_no=_filled(case_no),
                     error="请填写办件编号（回执上印的编号）和证件号码后4位（数字或字母）。")
    try:
        return lookup.verified_case(_ctx(request), case_no, last4, _client(request))
    except ApiError as exc:
        wait = exc.headers.get("Retry-After") if exc.headers else None
        words = (f"查询过于频繁，请 {wait} 秒后再试。" if exc.status == 429
                 else "没有查到这个案件，或证件号码后4位不符。请核对回执上的办件编号。")
        return _page(request, "form.html", exc.status, case_no=case_no, error=words,
                     headers={"Retry-After": wait} if wait else None)


@router.post("/p", response_class=HTMLResponse)
async def look_up(request: Request) -> Response:
    form = await _read_form(request)
    if form is None or not form.token_ok:
        return _refused(request, form)
    found = await run_in_threadpool(_looked_up, request, form)
    if isinstance(found, Response):
        return found
    return await run_in_threadpool(_show, request, found, form.fields["last4"].strip())


def _rate(request: Request, form: Form) -> Response:
    found = _looked_up(request, form)
    if isinstance(found, Response):
        return found
    last4 = form.fields["last4"].strip()
    try:
        score, comment = citizen_rating.validate(form.fields.get("score", ""),
                                                 form.fields.get("comment", ""))
        citizen_rating.record(_ctx(request), found.id, score, comment)
    except ValidationError as exc:
        return _show(request, found, last4, 422, error=exc.message)
    except ApiError as exc:
        return _show(request, found, last4, exc.status, error=exc.message)
    again = lookup.verified_case(_ctx(request), found.case_no, last4, _client(request))
    return _show(request, again, last4, message="谢谢您的评价！")


@router.post("/p/rate", response_class=HTMLResponse)
async def rate(request: Request) -> Response:
    form = await _read_form(request)
    if form is None or not form.token_ok:
        return _refused(request, form)
    return await run_in_threadpool(_rate, request, form)
