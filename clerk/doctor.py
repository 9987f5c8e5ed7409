"""`python -m clerk doctor`: is this station sound? One finding per part, worded.

The store (SQLite's quick_check over every page), the scans (every cited scan present
and matching its hash). Other packages add their own parts through `register` (sync adds
the keyring entry and the district link), so clerk/ imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from clerk.scans import scan_problems
from clerk.workspace import Workspace


@dataclass(frozen=True)
class Finding:
    part: str  # what was looked at, for a person: "数据库", "扫描件", …
    ok: bool
    detail: str  # what was found and, when not ok, what to do
    items: list[str] = field(default_factory=list)


Check = Callable[[Workspace], Finding]
_CHECKS: list[Check] = []


def register(check: Check) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def check_store(ws: Workspace) -> Finding:
    problem = ws.store.integrity_problem()
    if problem is None:
        return Finding("数据库", True, f"完好（{ws.store.path}）")
    ws.store.mark_damaged(problem)
    return Finding("数据库", False, f"已损坏：{problem}。请停止在本机办件，联系管理员用最近的"
                                   "备份恢复。")


def check_scans(ws: Workspace) -> Finding:
    if ws.store.damage is not None:
        return Finding("扫描件", False, "数据库已损坏，无法列出被引用的扫描件。")
    problems = scan_problems(ws.store)
    if not problems:
        return Finding("扫描件", True, "被引用的扫描件都在，且与登记的哈希一致")
    words = {"missing": "缺失", "damaged": "已损坏（内容与哈希不符）"}
    return Finding(
        "扫描件", False,
        f"{len(problems)} 个被引用的扫描件有问题：请从原件重新扫描或从备份中找回文件"
        "（放回数据目录 blobs/ 下同名位置）。",
        [f"{p.case_no}：{p.sha256[:12]}… {words[p.problem]}" for p in problems])


def check_recovery_key(ws: Workspace) -> Finding:
    if ws.has_recovery_key():
        return Finding("恢复密钥", True, "已设置（数据库加密；密钥在本机密钥环，另有恢复密钥）")
    return Finding("恢复密钥", False, "数据库已加密，但还没有恢复密钥：换电脑或密钥环丢失时数据将"
                                     "无法打开。请运行 python -m clerk recovery-key new 生成"
                                     "并抄写保存。")


def run(ws: Workspace) -> list[Finding]:
    findings = [check_store(ws), check_scans(ws), check_recovery_key(ws)]
    findings += [check(ws) for check in _CHECKS]
    return findings
