"""Evaluate the extractor against gold annotations (issue 3, "Evaluation").

A gold directory holds `NNN_slug.txt|md|html` articles, each with `NNN_slug.gold.json`
(the extract JSON without quote_span/confidence, plus `published` and `title_hint`),
and optionally `seed.gold.json` for the seed article that lives outside the repository
in `../shared/seeds/`. A predicted claim matches a gold claim when title (fuzzy),
season, kind, modality and date span all agree (both null is agreement); matching is
one-to-one. Cast recall counts person + status, viewership recall metric + value within
1%.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from seasoncast.extract import extract_document
from seasoncast.extract.cast import normalize_person
from seasoncast.extract.titles import KnownTitles
from seasoncast.model import Title
from seasoncast.titles import normalize_title

_TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    per_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    span_pairs: int = 0
    span_equal: int = 0
    cast_gold: int = 0
    cast_found: int = 0
    view_gold: int = 0
    view_found: int = 0
    documents: list[dict] = field(default_factory=list)

    def add(self, other: Report) -> None:
        for name in ("span_pairs", "span_equal", "cast_gold", "cast_found", "view_gold",
                     "view_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for src, dst in [(other.overall, self.overall)] + [
                (c, self.per_kind[k]) for k, c in other.per_kind.items()]:
            dst.tp += src.tp
            dst.fp += src.fp
            dst.fn += src.fn
        self.documents.extend(other.documents)

    def to_dict(self) -> dict:
        return {
            "overall": self.overall.to_dict(),
            "per_kind": {k: v.to_dict() for k, v in sorted(self.per_kind.items())},
            "date_span_accuracy": round(self.span_equal / self.span_pairs, 4)
            if self.span_pairs else None,
            "cast_recall": round(self.cast_found / self.cast_gold, 4) if self.cast_gold else None,
            "viewership_recall": round(self.view_found / self.view_gold, 4)
            if self.view_gold else None,
            "documents": self.documents,
        }


def _same_title(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    na, nb = normalize_title(a), normalize_title(b)
    return na == nb or fuzz.ratio(na, nb) >= 85 or (min(len(na), len(nb)) >= 4 and (
        na.startswith(nb) or nb.startswith(na)))


def _span(d: dict | None) -> tuple | None:
    return (d["start"], d["end"]) if d else None


def _claim_match(p: dict, g: dict, with_span: bool = True) -> bool:
    return (_same_title(p["title"], g["title"]) and p["season"] == g["season"]
            and p["kind"] == g["kind"] and p["modality"] == g["modality"]
            and (not with_span or _span(p["date"]) == _span(g["date"])))


def _match(pred: list[dict], gold: list[dict], same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(p, g):
                used.add(pi)
                pairs.append((pi, gi))
                break
    return pairs


def score_document(pred: dict, gold: dict, name: str) -> Report:
    r = Report()
    pc, gc = pred["claims"], gold["claims"]
    pairs = _match(pc, gc, _claim_match)
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    r.overall.tp, r.overall.fp, r.overall.fn = len(pairs), len(pc) - len(pairs), \
        len(gc) - len(pairs)
    for pi, p in enumerate(pc):
        c = r.per_kind[p["kind"]]
        if pi in matched_p:
            c.tp += 1
        else:
            c.fp += 1
    for gi, g in enumerate(gc):
        if gi not in matched_g:
            r.per_kind[g["kind"]].fn += 1
    loose = _match(pc, gc, lambda p, g: _claim_match(p, g, with_span=False))
    r.span_pairs = len(loose)
    r.span_equal = sum(_span(pc[p]["date"]) == _span(gc[g]["date"]) for p, g in loose)
    people = {(normalize_person(c["person"]).lower(), c["status"]) for c in pred["cast"]}
    r.cast_gold = len(gold.get("cast", []))
    r.cast_found = sum((normalize_person(c["person"]).lower(), c["status"]) in people
                       for c in gold.get("cast", []))
    r.view_gold = len(gold.get("viewership", []))
    for g in gold.get("viewership", []):
        if any(v["metric"] == g["metric"] and abs(v["value"] - g["value"]) <= 0.01 * g["value"]
               for v in pred["viewership"]):
            r.view_found += 1
    missed = [_brief(gc[i]) for i in range(len(gc)) if i not in matched_g]
    extra = [_brief(pc[i]) for i in range(len(pc)) if i not in matched_p]
    r.documents.append({"document": name, **r.overall.to_dict(), "missed": missed,
                        "extra": extra})
    return r


def _brief(c: dict) -> str:
    d = c["date"]
    when = f"{d['start']}..{d['end']}" if d else "-"
    return f"{c['title']} S{c['season']} {c['kind']}/{c['modality']} {when}"


def _read_article(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        from seasoncast.ingest.html import html_to_text
        return html_to_text(raw).text
    return raw


def _run(text: str, gold: dict, name: str, known_titles=(), season_guess=None) -> Report:
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    pred = extract_document(text, published=published, title_hint=gold.get("title_hint"),
                            known_titles=known_titles, season_guess=season_guess)
    return score_document(pred.to_dict(), gold, name)


def find_seed_dir(gold_dir: Path) -> Path | None:
    """`../shared/seeds` relative to the repository root or to the gold directory."""
    here = Path(__file__).resolve()
    candidates = [p / ".." / "shared" / "seeds" for p in here.parents] + [
        p / "shared" / "seeds" for p in gold_dir.resolve().parents]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


def evaluate(gold_dir: str | Path, seed_dir: str | Path | None = None,
             known_titles: Sequence[Title] | KnownTitles = (),
             season_guess: Callable[[str, date | None], int | None] | None = None) -> dict:
    """Score every annotated article in `gold_dir` (and the seed, when available), read
    as `seasoncast extract` reads them when given the same `known_titles` and
    `season_guess`."""
    gold_dir = Path(gold_dir)
    known_titles = KnownTitles.of(known_titles)
    dev = Report()
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        if gold_path.name == "seed.gold.json":
            continue
        stem = gold_path.name[: -len(".gold.json")]
        article = next((gold_dir / (stem + s) for s in _TEXT_SUFFIXES
                        if (gold_dir / (stem + s)).exists()), None)
        if article is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        dev.add(_run(_read_article(article), gold, article.name, known_titles, season_guess))
    result = {"dev": dev.to_dict(), "n_documents": len(dev.documents)}
    seed_gold = gold_dir / "seed.gold.json"
    seeds = Path(seed_dir) if seed_dir else find_seed_dir(gold_dir)
    if seed_gold.exists() and seeds is not None:
        files = sorted(p for p in seeds.iterdir() if p.suffix in _TEXT_SUFFIXES)
        if files:
            gold = json.loads(seed_gold.read_text(encoding="utf-8"))
            rep = _run(_read_article(files[0]), gold, files[0].name, known_titles,
                       season_guess)
            seed = rep.to_dict()
            gclaims = gold["claims"]
            dated = [g for g in gclaims if g["date"] and g["season"] == max(
                c["season"] or 0 for c in gclaims)]
            pred = extract_document(_read_article(files[0]), published=date.fromisoformat(
                gold["published"]) if gold.get("published") else None,
                known_titles=known_titles, season_guess=season_guess).to_dict()
            seed["dated_production_claims"] = {
                "gold": len(dated),
                "found": len(_match(pred["claims"], dated, _claim_match))}
            result["seed"] = seed
    return result


def render(result: dict) -> None:
    """Print the report as rich tables (stderr-free: this is the command's output)."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for name in ("dev", "seed"):
        block = result.get(name)
        if not block:
            continue
        table = Table(title=f"{name}: claims per kind")
        for col in ("kind", "tp", "fp", "fn", "precision", "recall", "F1"):
            table.add_column(col, justify="right" if col != "kind" else "left")
        for kind, c in block["per_kind"].items():
            table.add_row(kind, str(c["tp"]), str(c["fp"]), str(c["fn"]),
                          f"{c['precision']:.2f}", f"{c['recall']:.2f}", f"{c['f1']:.2f}")
        o = block["overall"]
        table.add_row("[b]overall", str(o["tp"]), str(o["fp"]), str(o["fn"]),
                      f"{o['precision']:.2f}", f"{o['recall']:.2f}", f"[b]{o['f1']:.2f}")
        console.print(table)
        extra = [f"date-span accuracy {block['date_span_accuracy']}",
                 f"cast recall {block['cast_recall']}",
                 f"viewership recall {block['viewership_recall']}"]
        if "dated_production_claims" in block:
            d = block["dated_production_claims"]
            extra.append(f"dated production claims {d['found']}/{d['gold']}")
        console.print("  " + " · ".join(extra))


if __name__ == "__main__":  # pragma: no cover
    import sys

    res = evaluate(sys.argv[1])
    if "--json" in sys.argv:
        print(json.dumps(res, indent=1))
    else:
        render(res)
