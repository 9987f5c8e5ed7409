"""The district service (区政务服务中心): FastAPI app, models, auth, review and supervision.

`python -m district serve|admin ...`; the app factory is `district.app.create_app`.
"""

__version__ = "0.1.0"
