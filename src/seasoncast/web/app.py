"""The FastAPI application: pages, JSON API, feeds — all over `seasoncast.api`.

`create_app(store_url=None, token=None)` builds an app on one store. Configuration from
the environment (arguments win):

- `SEASONCAST_DATABASE_URL` — the store (SQLite under the user data directory by default);
- `SEASONCAST_TOKEN` — the write token; without one, every write is refused;
- `SEASONCAST_ALLOW_PRIVATE_URLS=1` — let URL ingestion fetch loopback/private hosts;
- `SEASONCAST_MAX_BODY` — request body limit in bytes (default 1 MB);
- `SEASONCAST_INGEST_RATE` — ingest requests allowed per client per minute (default 10).
"""


import json
import os
import re
import threading
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated

from fastapi import Depends, FastAPI, Form, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jinja2 import Environment, PackageLoader
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from seasoncast import api
from seasoncast.datespan import describe, describe_day
from seasoncast.errors import AskedWhen, NotFound, UserError
from seasoncast.model import Status
from seasoncast.web import feeds
from seasoncast.web.security import (
    BodyLimit,
    HeadAsGet,
    RateLimiter,
    RequestLog,
    SecurityHeaders,
    token_ok,
)
from seasoncast.web.site import Site

MAX_TEXT = 1_000_000
MAX_SEASON = 1000
STATUSES = [s.value for s in Status if s is not Status.RELEASED]


class WriteRefused(Exception):
    def __init__(self, status: int, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class ArticleIn(BaseModel):
    """An article to read: pasted `text`, or a `url` to fetch (one of the two)."""

    text: str | None = Field(None, max_length=MAX_TEXT,
                             description="plain text, Markdown or HTML")
    url: str | None = Field(None, max_length=2000,
                            description="where the text came from, or the page to fetch "
                                        "when no text is given")
    title: str | None = Field(None, max_length=300,
                              description="title hint for articles that say 'the show'")
    published: date | None = Field(None, description="the article's date (YYYY-MM-DD)")



def _href(url) -> bool:
    """Only web links become hrefs (no javascript:, data:, file: …)."""
    return isinstance(url, str) and url.startswith(("http://", "https://"))


def _tier(value) -> str:
    from seasoncast.model import Tier

    try:
        return Tier(int(value)).label
    except (ValueError, TypeError):
        return str(value)


def _env() -> Environment:
    env = Environment(loader=PackageLoader("seasoncast.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(day=describe_day, span=describe,
                       pct=lambda p: f"{p:.0%}" if p >= 0.005 or p == 0 else "<1%",
                       status_label=lambda s: str(s).replace("_", " "),
                       statuses=STATUSES, href=_href, tier=_tier)
    return env


def _nodelay_on_inherited_sockets() -> None:
    """Work around 40 ms latency under `uvicorn --workers N`.

    With several workers uvicorn binds the listening socket itself as
    `socket.socket(AF_INET)`, whose `proto` is 0, and asyncio only sets TCP_NODELAY on
    accepted sockets whose `proto` is IPPROTO_TCP. Responses written in two parts then
    wait for the client's delayed ACK (~40 ms each: ~350 requests/s instead of ~2000).
    Setting TCP_NODELAY on every IPv4/IPv6 stream socket is what asyncio means to do.
    """
    import asyncio.base_events as base_events
    import socket

    def set_nodelay(sock) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and \
                sock.type == socket.SOCK_STREAM:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass

    if hasattr(base_events, "_set_nodelay"):
        base_events._set_nodelay = set_nodelay


def create_app(store_url: str | None = None, token: str | None = None, *,
               allow_private: bool | None = None, max_body: int | None = None,
               ingest_rate: tuple[int, float] | None = None, warm: bool = True,
               log_stream=None) -> FastAPI:
    from seasoncast.store import Store

    token = token if token is not None else (os.environ.get("SEASONCAST_TOKEN") or None)
    if allow_private is None:
        allow_private = os.environ.get("SEASONCAST_ALLOW_PRIVATE_URLS", "") in ("1", "true")
    max_body = max_body or int(os.environ.get("SEASONCAST_MAX_BODY", 1_000_000))
    if ingest_rate is None:
        ingest_rate = (int(os.environ.get("SEASONCAST_INGEST_RATE", 10)), 60.0)

    _nodelay_on_inherited_sockets()
    store = Store.open(store_url)
    if store.is_empty():
        api.init_store(store)
    site = Site(store)
    env = _env()
    limiter = RateLimiter(*ingest_rate)
    write_lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_app):
        if warm:  # fit the day's model and compute Coming up without blocking startup
            threading.Thread(target=site.warm, name="seasoncast-warm", daemon=True).start()
        else:
            site.ready = True
        yield

    app = FastAPI(
        title="seasoncast",
        version="1",
        summary="When is season N coming out? Evidence-based premiere forecasts.",
        description="JSON shapes follow the project's interfaces contract (forecast §5, "
                    "extract §3, check §7). Write endpoints need `Authorization: Bearer "
                    "<token>`.",
        docs_url="/docs", redoc_url=None, lifespan=lifespan,
    )
    app.state.site = site
    app.state.token = token


    # -- helpers -----------------------------------------------------------------------
    def html(template: str, **ctx) -> str:
        return env.get_template(template).render(**ctx)

    def page(body: str, status: int = 200, cache: bool = True) -> HTMLResponse:
        headers = {"Cache-Control": "public, max-age=60" if cache else "no-store"}
        return HTMLResponse(body, status_code=status, headers=headers)

    def base_url(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def client_key(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def authorize(request: Request, given: str | None) -> None:
        """Rate-limit, then check the token; raise WriteRefused otherwise."""
        wait = limiter.hit(client_key(request))
        if wait is not None:
            raise WriteRefused(429, "too many ingest requests; try again in "
                                    f"{int(wait) + 1} s", wait)
        if not token:
            raise WriteRefused(403, "writes are disabled: the server has no token "
                                    "configured (set SEASONCAST_TOKEN)")
        if not token_ok(token, given):
            raise WriteRefused(401, "a valid token is required to add articles")

    def load_article(text: str | None, url: str | None, published: date | None):
        from seasoncast.ingest.document import Document
        from seasoncast.ingest.html import html_to_text, looks_like_html
        from seasoncast.ingest.load import load_url

        text = (text or "").strip() or None
        url = (url or "").strip() or None
        if url and not url.startswith(("http://", "https://")):
            raise UserError("the URL must start with http:// or https://")
        if text is None and url is None:
            raise UserError("paste the article's text or give its URL")
        if text is None:
            return load_url(url, allow_private=allow_private)
        if len(text) > MAX_TEXT:
            raise UserError(f"the text is longer than {MAX_TEXT} characters")
        if looks_like_html(text):
            page_ = html_to_text(text)
            doc = Document.create(page_.text, url=url, title=page_.title,
                                  published=page_.published, kind="html")
        else:
            first = next((ln.strip("# ").strip() for ln in text.splitlines() if ln.strip()),
                         None)
            doc = Document.create(text, url=url, title=first[:300] if first else None)
        if doc.text.strip() == "":
            raise UserError("the article has no text")
        return doc

    def ingest(doc, title: str | None, published: date | None, dry_run: bool):
        title = (title or "").strip() or None
        preview = api.ingest_document(site.store, doc, title_hint=title, published=published,
                                      dry_run=True)
        if published is None and preview.published and preview.published > site.today:
            # Without a given date the library guesses the first full date near the top,
            # which in a short article may be the announced premiere itself: a future
            # "publication" would hide the article's claims until then. Use today.
            published = site.today
            preview = api.ingest_document(site.store, doc, title_hint=title,
                                          published=published, dry_run=True)
        if dry_run:
            return preview
        with write_lock:
            report = api.ingest_document(site.store, doc, title_hint=title,
                                         published=published)
        site.invalidate()
        return report

    def claim_rows(doc, extraction) -> list[dict]:
        out = []
        for c in extraction.claims:
            d = c.to_dict()
            lo, hi = d.get("quote_span") or (None, None)
            d["quote"] = doc.text[lo:hi] if lo is not None and hi is not None else ""
            d["when"] = describe(c.date) if c.date else "undated"
            out.append(d)
        return out

    # -- errors ------------------------------------------------------------------------
    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith(
            (".ics", ".atom", ".json"))

    def error_response(request: Request, status: int, message: str,
                       suggestions: list[str] | None = None, headers: dict | None = None):
        if wants_json(request):
            body = {"error": message}
            if suggestions:
                body["suggestions"] = suggestions
            return JSONResponse(body, status_code=status, headers=headers)
        links = []
        for s in suggestions or []:
            links.append({"text": s, "href": "/?" + _query(q=s)})
        return HTMLResponse(html("error.html", message=message, code=status,
                                 suggestions=links, nav=None),
                            status_code=status, headers=headers)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return error_response(request, 404, str(exc), exc.suggestions)

    @app.exception_handler(UserError)
    async def _user_error(request: Request, exc: UserError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(WriteRefused)
    async def _refused(request: Request, exc: WriteRefused):
        headers = {}
        if exc.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if exc.retry_after is not None:
            headers["Retry-After"] = str(int(exc.retry_after) + 1)
        return error_response(request, exc.status, str(exc), headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail),
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if wants_json(request):
            return JSONResponse({"error": "invalid request",
                                 "detail": json.loads(json.dumps(exc.errors(), default=str))},
                                status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:])
        return error_response(request, 422, f"{where}: {first.get('msg', 'invalid input')}")

    # -- pages -------------------------------------------------------------------------
    def filtered(q: str | None, platform: str | None, country: str | None,
                 status: str | None):
        rows = site.rows()
        if platform:
            rows = [r for r in rows if (r.platform or "").casefold() == platform.casefold()]
        if country:
            rows = [r for r in rows if (r.country or "").casefold() == country.casefold()]
        if status:
            rows = [r for r in rows if r.status == status]
        suggestions: list[str] = []
        if q and q.strip():
            names = site.search(q)
            order = {n: i for i, n in enumerate(names)}
            rows = sorted((r for r in rows if r.title in order),
                          key=lambda r: (order[r.title], r.median or date.max))
            if not rows:
                suggestions = names[:5]
        return rows, suggestions

    QText = Annotated[str | None, Query(max_length=200)]

    @app.get("/", response_class=HTMLResponse, summary="Coming up", tags=["pages"])
    def coming_up(q: QText = None, platform: QText = None, country: QText = None,
                  status: QText = None):
        status = status if status in STATUSES else None

        def render():
            rows, suggestions = filtered(q, platform, country, status)
            every = site.rows()
            return html("index.html", rows=rows, total=len(every),
                        cancelled=sum(r.status == "cancelled" for r in every), q=q or "",
                        platform=platform or "", country=country or "", status=status or "",
                        platforms=sorted({r.platform for r in every if r.platform}),
                        countries=sorted({r.country for r in every if r.country}),
                        suggestions=suggestions, year=site.today.year, today=site.today,
                        nav="home")
        return page(site.page(("index", q, platform, country, status), render))

    def season_or_redirect(slug: str, n: int, suffix: str = ""):
        if n > MAX_SEASON:
            raise NotFound(f"season {n} is not tracked")
        try:
            return site.season(slug, n), None
        except NotFound:
            if slug in site.slugs()[0]:
                raise
            name = site.best(slug.replace("-", " "))
            if name:
                return None, RedirectResponse(f"/season/{site.slug_of(name)}/{n}{suffix}",
                                              status_code=307)
            raise

    @app.get("/season/{slug}/{n:int}.ics", tags=["feeds"],
             summary="iCalendar feed of one season's premiere",
             response_class=Response, responses={200: {"content": {"text/calendar": {}}}})
    def season_ics(request: Request, slug: str, n: int):
        season, redirect = season_or_redirect(slug, n, ".ics")
        if redirect:
            return redirect
        base = base_url(request)
        body = site.page(("ics", season.key, base), lambda: feeds.calendar(
            [feeds.premiere_of(site, season)], base,
            f"{season.title} season {season.number} (seasoncast)"))
        return Response(body, media_type="text/calendar; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})

    @app.get("/season/{slug}/{n:int}", response_class=HTMLResponse, tags=["pages"],
             summary="The season explainer")
    def season_page(slug: str, n: int):
        season, redirect = season_or_redirect(slug, n)
        if redirect:
            return redirect

        def render():
            report, body = site.report(season)
            return html("season.html", report=report, body=body,
                        slug=site.slug_of(season.title), nav=None)
        return page(site.page(("season", season.key), render))

    @app.get("/check", response_class=HTMLResponse, tags=["pages"],
             summary="Check a rumour")
    def check_page(claim: Annotated[str | None, Query(max_length=4000)] = None):
        # (the claim's own limit, 500 characters, is checked with a readable message)
        from seasoncast.verdict import check_claim

        verdict, error, suggestions, status, asked = None, None, [], 200, None
        if claim and claim.strip():
            try:
                site.model()
                verdict = check_claim(site.store, claim, site.today)
            except NotFound as e:  # the page lists the suggestions the message names
                error, suggestions, status = re.sub(r"\s*Did you mean: .*$", "", str(e)) \
                    if e.suggestions else str(e), e.suggestions, 404
            except AskedWhen as e:  # "When is …?": the season's page answers it
                error, status = str(e), 400
                asked = (f"/season/{site.slug_of(e.title)}/{e.number}",
                         f"{e.title} season {e.number}")
            except UserError as e:
                error, status = str(e), 400
        slug = site.slug_of(verdict.claim.season.title) if verdict else None
        return page(html("check.html", claim=claim or "", verdict=verdict, error=error,
                         suggestions=suggestions, slug=slug, asked=asked, nav="check"),
                    status)

    @app.get("/add", response_class=HTMLResponse, tags=["pages"], summary="Add an article")
    def add_form():
        return page(html("add.html", step="form", form={}, nav="add",
                         writable=bool(token)), cache=False)

    @app.post("/add", response_class=HTMLResponse, tags=["pages"],
              summary="Preview or store an article (token in the form or the header)")
    def add_submit(request: Request,
                   token_field: Annotated[str, Form(alias="token", max_length=500)] = "",
                   text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
                   url: Annotated[str, Form(max_length=2000)] = "",
                   title: Annotated[str, Form(max_length=300)] = "",
                   published: Annotated[str, Form(max_length=20)] = "",
                   action: Annotated[str, Form(max_length=20)] = "preview"):
        from seasoncast.web.security import bearer

        form = {"text": text, "url": url, "title": title, "published": published,
                "token": token_field}
        given = token_field or bearer(request.headers.get("authorization"))
        try:
            authorize(request, given)
        except WriteRefused as e:
            headers = {"Retry-After": str(int(e.retry_after) + 1)} if e.retry_after else None
            return HTMLResponse(html("add.html", step="form", form=form, error=str(e),
                                     nav="add", writable=bool(token)),
                                status_code=e.status, headers=headers)
        try:
            pub = date.fromisoformat(published) if published.strip() else None
        except ValueError:
            pub = None
            error = f"published: {published!r} is not a date (YYYY-MM-DD)"
        else:
            error = None
        if error is None:
            try:
                doc = load_article(text, url, pub)
                report = ingest(doc, title, pub, dry_run=action != "store")
            except UserError as e:
                error = str(e)
        if error is not None:
            return HTMLResponse(html("add.html", step="form", form=form, error=error,
                                     nav="add", writable=bool(token)), status_code=400,
                                headers={"Cache-Control": "no-store"})
        seasons = [{"title": t, "season": n, "href": f"/season/{site.slug_of(t)}/{n}",
                    "known": site.store.season(t, n) is not None or action == "store"}
                   for t, n in report.seasons]
        step = "stored" if action == "store" else "preview"
        extraction = report.extraction
        return page(html("add.html", step=step, form=form, report=report, seasons=seasons,
                         claims=claim_rows(doc, extraction),
                         cast=[c.to_dict() for c in extraction.cast],
                         viewership=[v.to_dict() for v in extraction.viewership],
                         fetched=not text.strip(), nav="add", writable=True), cache=False)

    @app.get("/sources", response_class=HTMLResponse, tags=["pages"],
             summary="Sources of ingested articles")
    def sources_page():
        from seasoncast.store.documents import sources

        rows = sources(site.store, limit=500)
        return page(html("sources.html", rows=rows, nav="sources"))

    @app.get("/changes", response_class=HTMLResponse, tags=["pages"],
             summary="What changed in which timeline")
    def changes_page():
        from seasoncast.store.documents import changes

        rows = changes(site.store, limit=200)
        for r in rows:
            r["href"] = f"/season/{site.slug_of(r['title'])}/{r['season']}"
        return page(html("changes.html", rows=rows, nav="changes"))

    # -- feeds -------------------------------------------------------------------------
    @app.get("/calendar.ics", tags=["feeds"], response_class=Response,
             summary="iCalendar feed of every tracked season's premiere (and those of the "
                     "last 90 days)",
             responses={200: {"content": {"text/calendar": {}}}})
    def calendar_ics(request: Request):
        base = base_url(request)

        def render():
            seasons = [site.season(r.slug, r.season) for r in site.rows()]
            seasons += site.recent_premieres()
            premieres = [feeds.premiere_of(site, s) for s in seasons]
            return feeds.calendar(premieres, base, "seasoncast premieres")
        return Response(site.page(("calendar", base), render),
                        media_type="text/calendar; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})

    @app.get("/changes.atom", tags=["feeds"], response_class=Response,
             summary="Atom feed of timeline changes",
             responses={200: {"content": {"application/atom+xml": {}}}})
    def changes_atom(request: Request):
        from seasoncast.store.documents import changes

        body = feeds.atom(changes(site.store, limit=100), base_url(request), site.slug_of,
                          site.today)
        return Response(body, media_type="application/atom+xml; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})

    @app.get("/healthz", tags=["ops"], summary="Liveness and readiness")
    def healthz():
        from sqlalchemy import text as sql

        try:
            with site.store.engine.connect() as c:
                c.execute(sql("SELECT 1"))
        except Exception as e:  # noqa: BLE001 — reported, not raised
            return JSONResponse({"status": "error", "database": type(e).__name__},
                                status_code=503)
        return {"status": "ok", "ready": site.ready, "writes": bool(token)}

    # -- JSON API ----------------------------------------------------------------------
    Slug = Annotated[str, Path(max_length=300, description="the title's address, "
                                                            "e.g. all-of-us-are-dead")]
    Number = Annotated[int, Path(ge=0, le=MAX_SEASON, description="season number")]
    bearer_scheme = HTTPBearer(auto_error=False, description="the write token")

    def api_season(slug: str, n: int):
        season, redirect = season_or_redirect(slug, n)
        if redirect:
            raise NotFound(f"no tracked title has the address {slug!r}",
                           [redirect.headers["location"]])
        return season

    def cached_json(name, compute) -> Response:
        body = site.page(name, lambda: json.dumps(compute(), ensure_ascii=False).encode())
        return Response(body, media_type="application/json",
                        headers={"Cache-Control": "public, max-age=60"})

    @app.get("/api/seasons", tags=["api"], summary="Tracked seasons, by forecast median")
    def api_seasons(q: QText = None, platform: QText = None, country: QText = None,
                    status: Annotated[str | None, Query(
                        description="one of " + ", ".join(STATUSES))] = None):
        if status is not None and status not in STATUSES:
            raise UserError(f"status must be one of {', '.join(STATUSES)}")

        def compute():
            rows, suggestions = filtered(q, platform, country, status)
            return {"as_of": site.today.isoformat(), "count": len(rows),
                    "seasons": [r.to_dict() for r in rows], "suggestions": suggestions}
        return cached_json(("api-seasons", q, platform, country, status), compute)

    @app.get("/api/seasons/{slug}/{n}/forecast", tags=["api"],
             summary="The premiere forecast (interfaces §5)")
    def api_forecast(slug: Slug, n: Number):
        season = api_season(slug, n)
        return cached_json(("api-forecast", season.key),
                           lambda: site.forecast(season).to_dict())

    @app.get("/api/seasons/{slug}/{n}/timeline", tags=["api"],
             summary="The reconciled timeline")
    def api_timeline(slug: Slug, n: Number):
        season = api_season(slug, n)
        return cached_json(("api-timeline", season.key),
                           lambda: site.timeline(season).to_dict())

    @app.get("/api/seasons/{slug}/{n}/report", tags=["api"],
             summary="The season explainer as data")
    def api_report(slug: Slug, n: Number):
        season = api_season(slug, n)
        return cached_json(("api-report", season.key),
                           lambda: site.report(season)[0].to_dict())

    @app.get("/api/check", tags=["api"], summary="Check a rumour (interfaces §7)")
    def api_check(claim: Annotated[str, Query(min_length=1, max_length=500,
                                              description="e.g. 'Wednesday S3 in 2027'")]):
        from seasoncast.verdict import check_claim

        site.model()
        return check_claim(site.store, claim, site.today).to_dict()

    def api_article(request: Request, body: ArticleIn,
                    creds: HTTPAuthorizationCredentials | None):
        authorize(request, creds.credentials if creds else None)
        return load_article(body.text, body.url, body.published)

    @app.post("/api/extract", tags=["api"],
              summary="Extract claims, cast and viewership from an article (interfaces §3); "
                      "stores nothing")
    def api_extract(request: Request, body: ArticleIn,
                    creds: Annotated[HTTPAuthorizationCredentials | None,
                                     Depends(bearer_scheme)] = None):
        doc = api_article(request, body, creds)
        report = ingest(doc, body.title, body.published, dry_run=True)
        return report.extraction.to_dict()

    @app.post("/api/ingest", tags=["api"],
              summary="Store an article and what it says about tracked seasons")
    def api_ingest(request: Request, body: ArticleIn,
                   creds: Annotated[HTTPAuthorizationCredentials | None,
                                    Depends(bearer_scheme)] = None):
        doc = api_article(request, body, creds)
        report = ingest(doc, body.title, body.published, dry_run=False)
        out = report.to_dict()
        out["extraction"] = report.extraction.to_dict()
        return out

    # -- middleware (outermost last) ---------------------------------------------------
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(RequestLog, stream=log_stream)
    return app


def _query(**params) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in params.items() if v})
