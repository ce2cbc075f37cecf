"""The store: the only module that talks to the database.

`Store` maps tables to the plain objects of `seasoncast.model`. Every write runs in one
transaction, so a failed import or ingest leaves nothing half-written.
"""

from seasoncast.store.repository import ImportResult, Store

__all__ = ["ImportResult", "Store"]
