"""The web app: server-rendered pages, a JSON API, iCalendar and Atom feeds.

A thin layer over `seasoncast.api`, like the CLI; see `docs/web.md`.
"""

from seasoncast.web.app import create_app

__all__ = ["create_app"]
