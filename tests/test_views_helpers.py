"""Fixture writers in Netflix's layouts (no tests here). openpyxl is not a dependency and
python-calamine only reads, so workbooks are written as minimal .xlsx zips by hand."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

# ruff: noqa: E501  (the OOXML boilerplate below is clearer unwrapped)

_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WB = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>{sheets}</sheets></workbook>"""
_WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"""
_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"""


def _col(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _sheet_xml(rows: list[list]) -> str:
    out = []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row, 1):  # data starts in column B, as in Netflix's files
            ref = f"{_col(c)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return _SHEET.format(rows="".join(out))


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        z.writestr("[Content_Types].xml", _CT.format(sheets=overrides))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB.format(sheets="".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(sheets, 1))))
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS.format(rels="".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1))))
        for i, rows in enumerate(sheets.values(), 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(rows))
    return path


def title_rows(period: str) -> list[list]:
    return [["What We Watched: A Netflix Engagement Report"], [period], [], []]


HEADER = ["Title", "Available Globally?", "Release Date", "Hours Viewed", "Runtime", "Views"]
AOUAD = "All of Us Are Dead: Season 1 // 지금 우리 학교는: 시즌 1"


def engagement_2023h1(path: Path) -> Path:
    return write_xlsx(path, {"Engagement": title_rows("Hours viewed from January to June 2023")
                             + [HEADER[:4],
                                [AOUAD, "Yes", "2022-01-28", 94600000],
                                ["Some Film", "No", "", 1200000],
                                ["Quiet Town: Limited Series", "Yes", "2023-02-01", 5000000]]})


def engagement_2023h2(path: Path) -> Path:
    return write_xlsx(path, {
        "TV": title_rows("Views from July to December 2023") + [
            HEADER, [AOUAD, "Yes", "2022-01-28", 69700000, "12:14", 5700000],
            ["Quiet Town: Limited Series", "Yes", "2023-02-01", 2000000, "4:10*", 500000],
            ["Quiet Twn: Season 2", "Yes", "", 1000000, "*", 200000]],
        "Film": title_rows("Views from July to December 2023") + [
            HEADER, ["Some Film", "No", "", 900000, "1:30", 600000]]})


WEEKLY_HEADER = ("week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\t"
                 "runtime\tweekly_views\tcumulative_weeks_in_top_10\n")


def weekly_tsv(path: Path) -> Path:
    path.write_text(
        WEEKLY_HEADER
        + "2022-01-30\tTV (Non-English)\t1\tAll of Us Are Dead\tAll of Us Are Dead: Season 1"
          "\t124790000\t\t\t1\n"
        + "2023-07-02\tTV (Non-English)\t9\tAll of Us Are Dead\tAll of Us Are Dead: Season 1"
          "\t1200000\t12.2333\t100000\t12\n"
        + '2022-01-30\tFilms (English)\t1\tThe "Quoted" Film\tN/A\t5000000\t\t\t1\n',
        encoding="utf-8")
    return path


def most_popular_tsv(path: Path, window: int) -> Path:
    if window == 28:
        text = ("category\trank\tshow_title\tseason_title\thours_viewed_first_28_days\n"
                "TV (Non-English)\t3\tAll of Us Are Dead\tAll of Us Are Dead: Season 1"
                "\t560780000\n")
    else:
        text = ("category\trank\tshow_title\tseason_title\thours_viewed_first_91_days\truntime"
                "\tviews_first_91_days\n"
                "TV (Non-English)\t10\tAll of Us Are Dead\tAll of Us Are Dead: Season 1"
                "\t679300000\t12.2333\t55500000\n")
    path.write_text(text, encoding="utf-8")
    return path
