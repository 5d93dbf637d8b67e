"""Reading a notice file into a neutral structure: paragraphs and grids of cells, in order.

Nothing here knows what a task table is; :mod:`gkcli.importer.notice` reads the meaning.
A grid keeps what the file says about merged cells: ``span`` for a cell merged across
(``w:gridSpan``), ``merged_up`` for one merged with the cell above (``w:vMerge``), so the
parser fills vertical merges down without guessing. A plain-text extraction cannot say
which empty cell was merged; there ``merged_up`` stays False and the parser decides.

Readers: :func:`read_docx` (python-docx), :func:`read_text` (the plain-text extraction:
cells on their own tab-indented lines, blank lines between rows), :func:`read_sheet`
(.xlsx through openpyxl, .csv). :func:`read_file` picks one by the file's name and
converts .doc/.wps through LibreOffice when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from gkcli.errors import GkError, Msg
from gkcli.importer.review import Review

TEXT_SUFFIXES = (".txt", ".text")
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")
WORD_BINARY_SUFFIXES = (".doc", ".wps")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE file: .doc, .wps, or an encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"  # a .docx (or .xlsx) is a zip, whatever its name says
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Word's and Notepad's "Unicode" text
CONVERT_SECONDS = 120


@dataclass
class Cell:
    text: str
    span: int = 1            # grid columns this cell covers
    merged_up: bool = False  # a vertical merge's continuation: the text is the cell above's
    where: tuple = ()        # for the review list: ("cell", table, row, col) or ("line", n)


@dataclass
class Grid:
    rows: list[list[Cell]]
    number: int = 1          # 1-based, in document order

    def positions(self, row: list[Cell]) -> list[Cell]:
        """One cell per grid column: a cell spanning n columns appears n times."""
        out: list[Cell] = []
        for cell in row:
            out.extend([cell] * max(cell.span, 1))
        return out


@dataclass
class Para:
    text: str
    where: tuple = ()


Block = Union[Para, Grid]


@dataclass
class Source:
    """A notice as read from its file: blocks in document order."""

    path: Path
    kind: str                 # docx, text, xlsx, csv
    blocks: list[Block] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)  # what reading the file changed

    @property
    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]


def _shown(path: Path) -> str:
    from gkcli.store import display_path

    return display_path(path)[:200]


def read_file(path: Path) -> Source:
    """Read a notice by its file type; one clear GkError when it cannot be read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GkError("import_missing", path=_shown(path)) from None
    except OSError as exc:
        raise GkError("import_unreadable", path=_shown(path), reason=os_reason(exc)) from None
    if not path.is_file():
        raise GkError("import_not_a_file", path=_shown(path))
    if size == 0:
        raise GkError("import_empty", path=_shown(path))
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix in WORD_BINARY_SUFFIXES:
        if _head(path, len(ZIP_MAGIC)) == ZIP_MAGIC:  # a .docx renamed .doc: no converting
            return read_docx(path)
        return _read_converted(path)
    if suffix in SHEET_SUFFIXES:
        return read_sheet(path)
    if suffix in TEXT_SUFFIXES or suffix == "":
        return read_text(path)
    raise GkError("import_unknown_type", path=_shown(path), suffix=suffix[:20])


# --- .docx --------------------------------------------------------------------------------------

def os_reason(exc: OSError) -> Msg:
    """Why the system refused, in the user's language: never the system's own English text."""
    import errno

    names = {errno.ENOENT: "enoent", errno.EACCES: "eacces", errno.EPERM: "eacces",
             errno.ENOTDIR: "enotdir", errno.EISDIR: "eisdir", errno.ENOSPC: "enospc",
             errno.EROFS: "erofs", errno.ENAMETOOLONG: "enametoolong", errno.EEXIST: "eexist"}
    name = names.get(exc.errno or 0, "other")
    return Msg.of(f"os_error.{name}", code=exc.errno or 0)


def _head(path: Path, n: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(n)
    except OSError as exc:
        raise GkError("import_unreadable", path=_shown(path), reason=os_reason(exc)) from None


def _refuse_encrypted(path: Path) -> None:
    """An encrypted .docx or .xlsx is an OLE file (CFB_MAGIC), not a zip: say so in one line."""
    head = _head(path, 8)
    if head == CFB_MAGIC:
        raise GkError("import_encrypted", path=_shown(path))


def read_docx(path: Path) -> Source:
    """Paragraphs and tables of the body in order, merges read from the XML."""
    _refuse_encrypted(path)
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise GkError("import_needs_package", package="python-docx", pip="python-docx") from None
    try:
        document = docx.Document(str(path))
    except Exception:  # zipfile.BadZipFile, KeyError, lxml errors: a broken package
        raise GkError("import_corrupt", path=_shown(path), kind=".docx") from None

    source = Source(path, "docx")
    tables = 0
    for child in _body(document.element.body, qn):
        if child.tag == qn("w:p"):
            source.blocks.append(Para(_text(child, qn)))
        elif child.tag == qn("w:tbl"):
            tables += 1
            source.blocks.append(_docx_grid(child, tables, qn, source.review))
    return source


def _body(element, qn):
    """Paragraphs and tables in order, looking inside content controls (w:sdt), where WPS
    and Word templates often keep a whole table."""
    for child in element.iterchildren():
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body(content, qn)
        else:
            yield child


def _text(paragraph, qn) -> str:
    """A paragraph's text as it reads: every w:t in order, also inside tracked insertions,
    smart tags and inline content controls (python-docx's Paragraph.text skips those);
    deleted text (w:delText), field codes and text boxes are not part of it."""
    t, tab, br, cr, box = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:txbxContent")
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            if child.tag == t:
                parts.append(child.text or "")
            elif child.tag == tab:
                parts.append("\t")
            elif child.tag in (br, cr):
                parts.append("\n")
            elif child.tag != box:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _docx_grid(tbl, number: int, qn, review: list[Review]) -> Grid:
    """A table's rows; a cell's place is its grid column (as the reader counts columns in
    Word), not its index among the row's cells, which a merged cell before it shifts."""
    rows: list[list[Cell]] = []
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr")), start=1):
        row: list[Cell] = []
        column = 1
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        if before is not None:
            skipped = int(before.get(qn("w:val"), "0") or 0)
            row.append(Cell("", span=skipped))
            column += skipped
        for tc in tr.iterchildren(qn("w:tc")):
            span, merged_up = 1, False
            props = tc.find(qn("w:tcPr"))
            if props is not None:
                grid_span = props.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = int(grid_span.get(qn("w:val"), "1") or 1)
                v_merge = props.find(qn("w:vMerge"))
                if v_merge is not None:
                    merged_up = v_merge.get(qn("w:val"), "continue") != "restart"
            where = ("cell", number, r, column)
            # paragraphs of a cell on their own lines: offices are often listed one per line;
            # a table nested in the cell gives its text too, and the review list says so
            lines, nested = _cell_lines(tc, qn)
            if nested:
                review.append(Review("imp_nested_table", {}, where))
            row.append(Cell("\n".join(lines).strip(), span, merged_up, where))
            column += max(span, 1)
        rows.append(row)
    return Grid(rows, number)


def _cell_lines(tc, qn) -> tuple[list[str], bool]:
    """The non-empty lines of a cell in order, those of nested tables' cells included, and
    whether there was a nested table with text."""
    lines: list[str] = []
    nested = False
    for child in tc.iterchildren(qn("w:p"), qn("w:tbl"), qn("w:sdt")):
        if child.tag == qn("w:p"):
            line = _text(child, qn).strip()
            if line:
                lines.append(line)
            continue
        if child.tag == qn("w:sdt"):  # a content control around the cell's paragraphs
            content = child.find(qn("w:sdtContent"))
            found, inside = _cell_lines(content, qn) if content is not None else ([], False)
            lines += found
            nested = nested or inside
            continue
        for tr in child.iterchildren(qn("w:tr")):
            for cell in tr.iterchildren(qn("w:tc")):
                found, _ = _cell_lines(cell, qn)
                nested = nested or bool(found)
                lines += found
    return lines, nested


def _read_converted(path: Path) -> Source:
    """A binary .doc/.wps: convert with LibreOffice when it is installed, else say how."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise GkError("import_needs_soffice", path=_shown(path), suffix=path.suffix.lower())
    with tempfile.TemporaryDirectory(prefix="gk-import-") as tmp:
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "docx", "--outdir", tmp,
                            str(path)], capture_output=True, timeout=CONVERT_SECONDS, check=False,
                           env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired):
            raise GkError("import_convert_failed", path=_shown(path)) from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.is_file() or converted.stat().st_size == 0:
            raise GkError("import_convert_failed", path=_shown(path))
        source = read_docx(converted)
    source.path = path
    return source


# --- plain text ---------------------------------------------------------------------------------

def decode(raw: bytes, path: Path) -> str:
    """UTF-16 with its BOM (Word's and Notepad's "Unicode" save), UTF-8 (with or without
    BOM), else GB18030 as Chinese Windows and WPS save it. Text with NUL in it is no text."""
    if raw[:2] in UTF16_BOMS:
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise GkError("import_not_text", path=_shown(path)) from None
        if "\x00" in text:
            raise GkError("import_not_text", path=_shown(path))
        return text
    if b"\x00" in raw[:4096]:
        raise GkError("import_not_text", path=_shown(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GkError("import_not_text", path=_shown(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GkError("import_unreadable", path=_shown(path), reason=os_reason(exc)) from None


def read_text(path: Path) -> Source:
    """The text extraction: a tab-indented line is a cell, a blank line ends a row,
    two blank lines or a paragraph end a table. A line of cells separated by tabs (Word's and
    Excel's own text save of a table) is a row; such lines in a row make a table."""
    text = decode(_read_bytes(path), path)
    if not text.strip():
        raise GkError("import_empty", path=_shown(path))
    lines = text.splitlines()
    source = Source(path, "text")
    grid: list[list[Cell]] | None = None
    row: list[Cell] = []
    blanks = 0
    tables = 0
    rows: list[list[Cell]] | None = None  # a table saved as tab-separated lines

    def end_rows() -> None:
        nonlocal rows
        if rows:
            source.blocks.append(Grid(rows, tables))
        rows = None

    def end_row() -> None:
        nonlocal row
        if row and grid is not None:
            grid.append(row)
        row = []

    def end_grid() -> None:
        nonlocal grid
        end_row()
        if grid:
            source.blocks.append(Grid(grid, tables))
        grid = None

    for number, line in enumerate(lines, start=1):
        if "\t" in line.lstrip("\t") or (rows is not None and line and not line.strip("\t")):
            if rows is None:
                end_grid()
                tables += 1
                rows = []
            blanks = 0
            rows.append([Cell(cell.strip(), where=("line", number, column))
                         for column, cell in enumerate(line.split("\t"), start=1)])
            continue
        end_rows()
        if line.startswith("\t"):
            if grid is None:
                tables += 1
                grid = []
            elif blanks >= 2:
                end_grid()
                tables += 1
                grid = []
            blanks = 0
            row.append(Cell(line.strip(), where=("line", number)))
        elif not line.strip():
            blanks += 1
            end_row()
            if grid is None:
                source.blocks.append(Para("", ("line", number)))
        else:
            end_grid()
            blanks = 0
            source.blocks.append(Para(line.rstrip(), ("line", number)))
    end_grid()
    end_rows()
    return source


# --- .xlsx / .csv -------------------------------------------------------------------------------

def read_sheet(path: Path) -> Source:
    """Each sheet becomes one grid; merged ranges become spans and vertical merges."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    _refuse_encrypted(path)
    try:
        import openpyxl
    except ImportError:
        raise GkError("import_needs_openpyxl") from None
    try:
        book = openpyxl.load_workbook(str(path), data_only=True)
    except Exception:  # zipfile.BadZipFile, KeyError, InvalidFileException
        raise GkError("import_corrupt", path=_shown(path), kind=".xlsx") from None
    source = Source(path, "xlsx")
    for number, sheet in enumerate(book.worksheets, start=1):
        covered: dict[tuple[int, int], str] = {}  # (row, col) -> "left" | "up"
        spans: dict[tuple[int, int], int] = {}
        for merged in sheet.merged_cells.ranges:
            spans[(merged.min_row, merged.min_col)] = merged.max_col - merged.min_col + 1
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) == (merged.min_row, merged.min_col):
                        continue
                    covered[(r, c)] = "up" if c == merged.min_col else "left"
                    if c == merged.min_col:
                        spans[(r, c)] = merged.max_col - merged.min_col + 1
        rows: list[list[Cell]] = []
        for r, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            row: list[Cell] = []
            for c, value in enumerate(values, start=1):
                if covered.get((r, c)) == "left":
                    continue
                text = "" if value is None else _cell_text(value)
                row.append(Cell(text, spans.get((r, c), 1), covered.get((r, c)) == "up",
                                ("cell", number, r, c)))
            rows.append(row)
        source.blocks.append(Grid(rows, number))
    return source


def _cell_text(value: object) -> str:
    from datetime import date, datetime

    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(path: Path) -> Source:
    import csv
    import io

    text = decode(_read_bytes(path), path)
    if "\x00" in text:
        raise GkError("import_not_text", path=_shown(path))
    if not text.strip():
        raise GkError("import_empty", path=_shown(path))
    rows = [[Cell(value.strip(), where=("cell", 1, r, c)) for c, value in enumerate(row, start=1)]
            for r, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
    return Source(path, "csv", [Grid(rows, 1)])
