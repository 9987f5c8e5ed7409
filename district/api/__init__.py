"""The district service's HTTP endpoints, one router per group (FastAPI)."""
