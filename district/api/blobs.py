"""Blobs (scans): content-addressed, idempotent, hash-verified, size- and type-limited.

A station uploads a scan before the events that reference it. The body must hash to the
name in the URL and its content must be of the declared type (PDF, PNG, JPEG by their
magic bytes), or nothing is stored. A station sees only blobs it uploaded itself; a proxy
agent only scans of the cases assigned to them; every staff download is logged. Scans go
out as attachments with their checked type and `nosniff`, so no browser renders one.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import String, cast, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk.errors import QT_TRANSLATE_NOOP
from clerk.scans import media_type_of
from district import security
from district.api.auth import client_address
from district.api.deps import AnyCaller, Ctx, Station
from district.auth import StaffPrincipal, StationPrincipal, naive
from district.errors import ApiError
from district.models import BlobOwner, BlobRow, CaseRow
from wire.protocol import SHA256_PATTERN, BlobInfo, ErrorBody

router = APIRouter(tags=["blobs"])
Sha = Annotated[str, Path(pattern=SHA256_PATTERN, description="内容的 sha256（小写十六进制）")]

BLOB_BODY = {
    "requestBody": {
        "required": True,
        "content": {t: {"schema": {"type": "string", "format": "binary"}}
                    for t in ("image/jpeg", "image/png", "application/pdf")},
    }
}


def _insert_ignore(s: Session, table: type[BlobRow] | type[BlobOwner],
                   values: dict[str, object]) -> None:
    """INSERT that quietly does nothing when the row exists (a concurrent identical upload)."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    s.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())


@router.put("/blobs/{sha256}", response_model=BlobInfo, openapi_extra=BLOB_BODY,
            responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody},
                       403: {"model": ErrorBody}, 413: {"model": ErrorBody},
                       415: {"model": ErrorBody}, 422: {"model": ErrorBody}},
            summary="上传扫描件（按内容哈希命名，可重复上传）")
async def put_blob(sha256: Sha, request: Request, ctx: Ctx, who: Station) -> BlobInfo:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in ctx.settings.blob_types:
        raise ApiError(
            415, "blob.media_type",
            QT_TRANSLATE_NOOP("errors", "只接受以下类型：{items}。"),
            params={"items": '、'.join(ctx.settings.blob_types)})
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > ctx.settings.max_blob_bytes:
        raise ApiError(
            413, "blob.too_large",
            QT_TRANSLATE_NOOP("errors", "扫描件超过 {max_blob_bytes} 字节。"),
            params={"max_blob_bytes": ctx.settings.max_blob_bytes})
    data = await request.body()
    if len(data) > ctx.settings.max_blob_bytes:
        raise ApiError(
            413, "blob.too_large",
            QT_TRANSLATE_NOOP("errors", "扫描件超过 {max_blob_bytes} 字节。"),
            params={"max_blob_bytes": ctx.settings.max_blob_bytes})
    if not data:
        raise ApiError(400, "blob.empty", QT_TRANSLATE_NOOP("errors", "扫描件内容为空。"))
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ApiError(
            422, "blob.hash_mismatch",
            QT_TRANSLATE_NOOP("errors", "上传内容与地址中的 sha256 不符，未保存。"))
    found = media_type_of(data)
    if found != media_type:
        # Judged by the content, not the declared type: a "PDF" that is HTML is refused.
        raise ApiError(
            415, "blob.content_type",
            QT_TRANSLATE_NOOP("errors", "扫描件内容不是所声明的类型 {declared}（只接受 PDF、"
                                        "PNG、JPEG 文件）；未保存。"),
            params={"declared": media_type})
    return await run_in_threadpool(_store, ctx, who, sha256, data, media_type)


def _store(ctx: Ctx, who: StationPrincipal, sha256: str, data: bytes,
           media_type: str) -> BlobInfo:
    now = naive(ctx.now())
    with ctx.db.write() as s:
        _insert_ignore(s, BlobRow, {"sha256": sha256, "size": len(data),
                                    "media_type": media_type, "data": data, "created_at": now})
        _insert_ignore(s, BlobOwner, {"sha256": sha256, "station_code": who.station_code,
                                      "created_at": now})
        stored_type = s.execute(select(BlobRow.media_type).where(BlobRow.sha256 == sha256)
                                ).scalar_one()
    return BlobInfo(sha256=sha256, size=len(data), media_type=stored_type)


@router.get("/blobs/{sha256}", response_class=Response,
            responses={200: {"content": {t: {} for t in ("image/jpeg", "image/png",
                                                         "application/pdf")}},
                       401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                       404: {"model": ErrorBody}},
            summary="取回扫描件（站点只能取本站上传的；代办员只能取指派给本人的案件的；"
                    "以附件形式、按内容判定的类型返回，并记入访问日志）")
def get_blob(sha256: Sha, request: Request, ctx: Ctx, who: AnyCaller) -> Response:
    case_id: str | None = None
    with ctx.db.read() as s:
        q = select(BlobRow.data).where(BlobRow.sha256 == sha256)
        if isinstance(who, StationPrincipal):
            q = q.join(BlobOwner, BlobOwner.sha256 == BlobRow.sha256).where(
                BlobOwner.station_code == who.station_code)
        elif who.role == "proxy":
            case_id = _assigned_case_citing(s, who.username, sha256)
        row = s.execute(q).first()
    if row is None:
        raise ApiError(404, "blob.unknown", QT_TRANSLATE_NOOP("errors", "没有这个扫描件。"))
    if isinstance(who, StaffPrincipal):
        if who.role == "proxy" and case_id is None:
            raise ApiError(
                403, "forbidden.not_assigned",
                QT_TRANSLATE_NOOP("errors", "代办员只能取回指派给本人的案件的扫描件。"))
        # A scan is a full record (an ID card, a certificate): every staff view is logged.
        security.record_now(ctx.db, security.RECORD_VIEWED, ctx.now(), username=who.username,
                            case_id=case_id, address=client_address(request),
                            detail=f"scan {sha256[:16]}")
    return scan_response(sha256, row.data)


def scan_response(sha256: str, data: bytes) -> Response:
    """A scan as a download, never rendered in place: its type checked from its content
    (not as declared at upload), no sniffing, as an attachment."""
    media_type = media_type_of(data) or "application/octet-stream"
    ext = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(media_type,
                                                                                "bin")
    return Response(content=data, media_type=media_type, headers={
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'attachment; filename="{sha256}.{ext}"'})


def _assigned_case_citing(s: Session, username: str, sha256: str) -> str | None:
    """A case assigned to this proxy agent whose record cites the scan, if any. The
    digest is hex (checked by the path pattern), safe inside LIKE; a proxy agent has a
    handful of cases, so the text search is over a handful of rows."""
    return s.execute(select(CaseRow.id).where(
        CaseRow.proxy_agent == username,
        cast(CaseRow.data, String).like(f"%{sha256}%")).limit(1)).scalar_one_or_none()
