"""The page for the leaders (gk export DIR --format html): one self-contained file, its
embedded JSON equal to gk list, every text escaped; and opened in a real headless browser
where one is installed (bash .ci/install-browser installs Debian's chromium)."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkcli.html_page import embedded_json

HOSTILE = "</script><script>alert(1)</script><!-- =cmd|' /C calc'!A0 \u202eevil &amp;"


class Page(HTMLParser):
    """What a browser would build from the page: elements, their attributes and text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)

    @property
    def plain(self) -> str:
        return "".join(self.text)


@pytest.fixture
def page(gk, tmp_path):
    def make(*args: str) -> str:
        folder = tmp_path / "会议材料"
        shutil.rmtree(folder, ignore_errors=True)
        result = gk("export", str(folder), "--format", "html", *args)
        assert result.exit_code == 0, result.output
        assert "index.html" in result.output
        return (folder / "index.html").read_text(encoding="utf-8")

    return make


def test_export_dir_writes_one_page(gk, tmp_path):
    folder = tmp_path / "out"
    assert gk("export", str(folder), "--format", "html").exit_code == 0
    assert [p.name for p in folder.iterdir()] == ["index.html"]
    assert gk("export", str(folder), "--format", "html").exit_code == 1  # never overwrites
    assert gk("export", str(folder), "--format", "html", "--force").exit_code == 0
    assert gk("export", str(tmp_path / "p.html")).exit_code == 0
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_embedded_json_is_the_list(page, gk):
    doc = Page(page())
    scripts = [attrs for tag, attrs in doc.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "gk-data"}]
    data = json.loads(doc.scripts[0])
    assert data["items"] == gk.json("list")
    assert data["as_of"] == "2021-06-20"
    assert data["totals"]["overdue"] == 7
    assert data["overdue"] == [i["id"] for i in gk.json("overdue")]


def test_page_is_self_contained(page):
    text = page()
    doc = Page(text)
    assert not [t for t, a in doc.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in doc.tags if "src" in a or "href" in a]
    assert "url(" not in text
    assert "@import" not in text
    assert "http://" not in text
    assert "https://" not in text
    csp = [a["content"] for t, a in doc.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    assert ('name', 'viewport') in [(k, v) for t, a in doc.tags for k, v in a.items()]
    assert "@media print" in text
    assert "@media (max-width:640px)" in text


def test_page_has_dashboard_offices_lists_timeline_and_every_item(page, gk):
    doc = Page(page())
    sections = [a["id"] for t, a in doc.tags if t == "section"]
    assert sections == ["dashboard", "offices", "overdue", "due-soon", "timeline", "items"]
    plain = doc.plain
    assert "确定事项16项，已完成0项，占0%；按时完成0项；逾期7项，涉及综合股、运管股（政策法规股）。" in plain
    for item in gk.json("list"):
        assert item["title"] in plain
    rows = [a for t, a in doc.tags if t == "tr" and "data-state" in a]
    assert [int(a["data-id"]) for a in rows] == [i["id"] for i in gk.json("list")]
    assert [a["data-state"] for a in rows] == [i["state"] for i in gk.json("list")]
    tracks = [a for t, a in doc.tags if a.get("class") == "track"]
    assert len(tracks) == 16


def test_hostile_titles_stay_text(page, gk):
    from helpers import replace_in

    replace_in(gk.tasks, "title: 建立健全规范性文件全生命周期管理制度机制",
               'title: "' + HOSTILE.replace('"', '\\"') + '"')
    text = page()
    doc = Page(text)
    assert [t for t, _ in doc.tags].count("script") == 1
    assert HOSTILE in doc.plain
    assert json.loads(doc.scripts[0])["items"][7]["title"] == HOSTILE
    assert "<script>alert" not in text
    assert "</script><script>" not in text


@given(st.text())
def test_embedded_json_never_closes_the_script(value):
    text = embedded_json({"t": value})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text) == {"t": value}


def test_english_page(gk, tmp_path):
    assert gk("--lang", "en", "export", str(tmp_path / "p.html")).exit_code == 0
    text = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text
    assert "By lead office" in text


# --- in a real browser --------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless browser found (looked for " + ", ".join(BROWSERS)
                + "); bash .ci/install-browser installs Debian's chromium")


def run_browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--hide-scrollbars", *args],
        capture_output=True, timeout=120, cwd=tmp_path)


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of an 8-bit RGB or RGBA PNG (as Chromium writes them)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8
    assert colour in (2, 6)
    assert interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows


@pytest.fixture
def exported(gk, tmp_path) -> Path:
    assert gk("export", str(tmp_path / "site"), "--format", "html").exit_code == 0
    return tmp_path / "site" / "index.html"


def test_browser_shows_a_page_that_is_not_blank_on_a_phone(exported, tmp_path):
    shot = tmp_path / "phone.png"
    result = run_browser(tmp_path, "--window-size=412,915", f"--screenshot={shot}", exported.as_uri())
    assert shot.exists(), result.stderr.decode(errors="replace")[-2000:]
    width, height, rows = png_pixels(shot)
    assert (width, height) == (412, 915)
    bpp = len(rows[0]) // width
    pixels = [row[x:x + 3] for row in rows[::3] for x in range(0, len(row), bpp * 3)]
    white = pixels.count(b"\xff\xff\xff")
    assert white < 0.97 * len(pixels)  # there is something on it
    assert len(set(pixels)) > 20  # text and colours, not one flat fill
    red = [p for p in pixels if p[0] > 150 and p[1] < 80 and p[2] < 80]
    assert red  # the overdue count and days are red


def test_browser_dom_holds_every_item(exported, tmp_path, gk):
    result = run_browser(tmp_path, "--dump-dom", exported.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    dom = Page(result.stdout.decode("utf-8"))
    items = gk.json("list")
    rows = [a for t, a in dom.tags if t == "tr" and "data-state" in a]
    assert [int(a["data-id"]) for a in rows] == [i["id"] for i in items]
    for item in items:
        assert item["title"] in dom.plain
    assert json.loads(dom.scripts[-1])["items"] == items


def test_browser_prints_the_page_to_pdf(exported, tmp_path):
    pdf = tmp_path / "page.pdf"
    run_browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", exported.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 2


def test_an_empty_selection_is_still_a_page(page):
    doc = Page(page("--search", "没有这样的事项"))
    assert json.loads(doc.scripts[0])["items"] == []
    assert "没有逾期事项。" in doc.plain
