"""Entry points: load documents from a path (file or directory), a URL or a feed."""

from __future__ import annotations

from pathlib import Path

from seasoncast.ingest.document import Document, deduplicate
from seasoncast.ingest.feeds import load_feed
from seasoncast.ingest.fetch import IngestError, fetch
from seasoncast.ingest.html import html_to_text, looks_like_html

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"}
MAX_FILE_BYTES = 5_000_000

__all__ = ["IngestError", "load_feed", "load_path", "load_url"]


def _from_bytes(raw: bytes, *, url: str | None, suffix: str = "",
                content_type: str = "") -> Document:
    if b"\x00" in raw[:4096]:
        raise IngestError(f"{url or 'input'} is binary, not text")
    text = raw.decode("utf-8", errors="replace")
    if suffix in (".html", ".htm", ".xhtml") or "html" in content_type or looks_like_html(text):
        page = html_to_text(text)
        return Document.create(page.text, url=url, title=page.title, published=page.published,
                               kind="html")
    kind = "markdown" if suffix in (".md", ".markdown") else "text"
    title = next((ln.strip("# ").strip() for ln in text.splitlines() if ln.strip()), None)
    return Document.create(text, url=url, title=title, kind=kind)


def load_file(path: Path) -> Document:
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise IngestError(f"cannot read {path}: {e.strerror or e}") from None
    if len(raw) > MAX_FILE_BYTES:
        raw = raw[:MAX_FILE_BYTES]
    return _from_bytes(raw, url=path.resolve().as_uri(), suffix=path.suffix.lower())


def load_path(path: str | Path) -> list[Document]:
    """One file, or every text/Markdown/HTML file under a directory (duplicates by
    content hash dropped)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file()
                       and p.suffix.lower() in TEXT_SUFFIXES)
        return deduplicate([load_file(p) for p in files])
    if not path.exists():
        raise IngestError(f"no such file or directory: {path}")
    return [load_file(path)]


def load_url(url: str, allow_private: bool = False) -> Document:
    """Fetch one article (redirects re-checked, private addresses refused)."""
    resp = fetch(url, allow_private=allow_private)
    return _from_bytes(resp.body, url=resp.url, content_type=resp.content_type.lower())
