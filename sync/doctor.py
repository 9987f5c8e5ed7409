"""The doctor's sync parts: the device token in the keyring and the link to the district."""

from __future__ import annotations

from apiclient import keyring_backend
from apiclient.http import SyncError
from apiclient.retry import RetryPolicy, TransportError
from clerk.doctor import Finding
from clerk.workspace import Workspace
from sync import credentials, engine


def check_keyring(ws: Workspace) -> Finding:
    server = engine.server_url(ws)
    if not server:
        return Finding("密钥环", True, "本站尚未登记到区中心，不需要设备令牌")
    if not credentials.usable():
        return Finding("密钥环", False, "本机没有可用的系统密钥环；请安装或解锁密钥环后重新登记"
                                        "（enroll），或每次同步用 --token-stdin 输入令牌。")
    try:
        token = engine.stored_token(ws)
    except credentials.CredentialsError as exc:
        return Finding("密钥环", False, exc.message)
    if token is None:
        return Finding("密钥环", False, "密钥环中没有本站的设备令牌；请向区中心要新的登记码，"
                                        "重新登记（enroll）。")
    return Finding("密钥环", True, f"设备令牌已存入（{keyring_backend.backend_name()}）")


def check_district(ws: Workspace) -> Finding:
    server = engine.server_url(ws)
    if not server:
        return Finding("区中心", True, "未登记（仅本机使用）")
    try:
        with engine.make_client(ws, retry=RetryPolicy(attempts=2, base=0.2)) as client:
            who = client.whoami()
    except (SyncError, TransportError, credentials.CredentialsError) as exc:
        return Finding("区中心", False, f"{server}：{exc.message}")
    station = ws.station()
    if station is not None and who.station_code != station.code:
        return Finding("区中心", False, f"{server} 认为本机属于站点 {who.station_code}，与本站 "
                                        f"{station.code} 不符；请重新登记（enroll）。")
    return Finding("区中心", True, f"{server} 可以连接，设备令牌有效（本机：{who.device_name}）")
