"""Command: serve (the web app under uvicorn)."""

from __future__ import annotations

import typer

from seasoncast.errors import UserError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
    workers: int = typer.Option(1, "--workers", help="worker processes (use PostgreSQL "
                                                     "via SEASONCAST_DATABASE_URL for >1)"),
    token: str = typer.Option(None, "--token", envvar="SEASONCAST_TOKEN",
                              help="write token (default: $SEASONCAST_TOKEN; none = "
                                   "read-only)", show_envvar=False),
    proxy_headers: bool = typer.Option(False, "--proxy-headers",
                                       help="trust X-Forwarded-* from a reverse proxy"),
) -> None:
    """Serve the web app: pages, JSON API under /api/, iCalendar and Atom feeds."""
    import os

    import uvicorn

    from seasoncast.cli import err

    if workers < 1:
        raise UserError("--workers must be at least 1")
    if not 0 < port < 65536:
        raise UserError(f"--port {port} is not a TCP port")
    if token:
        os.environ["SEASONCAST_TOKEN"] = token  # workers build their app from the env
    url = os.environ.get("SEASONCAST_DATABASE_URL", "")
    if workers > 1 and url.startswith("sqlite") or (workers > 1 and not url):
        err.print("[yellow]warning:[/yellow] several workers on SQLite serialise writes; "
                  "use PostgreSQL (SEASONCAST_DATABASE_URL) for real deployments")
    # Create and migrate the store once, before workers start, so they do not race.
    from seasoncast.cli import open_store

    open_store().engine.dispose()
    err.print(f"serving on http://{host}:{port} ({workers} worker"
              f"{'s' if workers > 1 else ''}; writes {'on' if token else 'off'})")
    uvicorn.run("seasoncast.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, access_log=False, proxy_headers=proxy_headers,
                log_level="warning", server_header=False)
