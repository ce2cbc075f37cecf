"""The `seasoncast` command line: a thin layer over `seasoncast.api`.

JSON goes to stdout alone; tables, progress and errors go to stderr, so `--json`
output can be piped. User errors print one line and exit 2.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from datetime import date

import typer
from rich.console import Console
from rich.markup import escape

from seasoncast.errors import NotFound, UserError

app = typer.Typer(
    help="When is season N coming out? Evidence-based premiere forecasts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


def parse_day(value: str | None, field: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from None
    if not 1000 <= day.year <= 8999:  # forecasts run years past the day: keep in range
        raise UserError(f"{field}: {value} is out of range (years 1000 to 8999)")
    return day


def emit_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def open_store():
    from seasoncast.api import init_store
    from seasoncast.store import Store

    store = Store.open()
    if store.is_empty():
        err.print("[dim]First run: loading the bundled reference data…[/dim]")
        init_store(store)
    return store


# Sub-command modules register themselves; each stage owns its commands.
for _module in ("store_cmds", "extract_cmds", "forecast_cmds", "report_cmds", "views_cmds",
                "web_cmds"):
    try:
        mod = importlib.import_module(f"seasoncast.cli.{_module}")
    except ModuleNotFoundError as e:
        if e.name != f"seasoncast.cli.{_module}":
            raise
        continue
    mod.register(app)


def main() -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    from sqlalchemy.exc import OperationalError

    try:
        code = app(standalone_mode=False)  # returns the code of a typer.Exit
        if isinstance(code, int) and code:
            sys.exit(code)
    except NotFound as e:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except UserError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except OperationalError as e:
        err.print(f"[red]error:[/red] database: {str(e.orig).splitlines()[0]}", highlight=False)
        sys.exit(2)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except typer.TyperException as e:  # usage errors: a missing argument, a bad option
        ctx = getattr(e, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        if type(e).__name__ != "NoArgsIsHelpError":  # the help was the answer
            err.print(f"[red]error:[/red] {e.format_message()}{hint}", highlight=False,
                      soft_wrap=True)
        sys.exit(2)
    except Exception as e:  # a bug of ours, not the user's input: one line, and the
        # traceback on request (SEASONCAST_DEBUG=1)
        if os.environ.get("SEASONCAST_DEBUG"):
            raise
        first = (str(e).splitlines() or [""])[0][:200]
        err.print(f"[red]internal error:[/red] {type(e).__name__}: {escape(first)} (please report "
                  "it; SEASONCAST_DEBUG=1 shows the traceback)", highlight=False,
                  markup=True, soft_wrap=True)
        sys.exit(1)
