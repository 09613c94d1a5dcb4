"""pandas frames, the HTML view, and the page in headless Chromium."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import policytext as pt
from policytext import html
from tests.conftest import CORPORA


def test_frames_of_the_essay(essay, model_dir):
    frames = pt.analyze(essay).to_frames(themes=True)
    assert list(frames) == ["sentences", "items", "parallels", "slogans", "themes"]
    assert len(frames["sentences"]) == 58 and len(frames["items"]) == 17
    items = frames["items"]
    assert list(items["path"][:3]) == ["1", "2", "2.1"] and items["level"].max() == 2
    assert all(
        essay[s:e] == t for s, e, t in zip(items["start"], items["end"], items["text"], strict=True)
    )
    slogans = frames["slogans"]
    assert slogans.loc[slogans["text"] == "“五送”", "member_count"].item() == 5
    assert frames["themes"]["term"].iloc[0] == "工會"


def test_corpus_frames_have_a_doc_id_column():
    frames = pt.corpus_frames(
        [
            ("a", "一是加强。二是完善。"),
            ("b", "送政策、送技能、送维权。"),
            "进万家门，知万家情，解万家难。",
        ]
    )
    assert list(frames["items"]["doc_id"]) == ["a", "a"]
    assert set(frames["parallels"]["doc_id"]) == {"b", "doc2"}
    assert "themes" not in frames  # only when asked
    with pytest.raises(TypeError, match="int"):
        pt.corpus_frames([3])


def test_html_highlights_every_layer(essay):
    doc = pt.analyze(essay)
    fragment = html.render(doc, themes=False)
    assert fragment.count('class="pt-marker"') >= 17
    assert "pt-member" in fragment and "pt-slogan" in fragment
    assert "<script" not in fragment
    assert html.render(pt.analyze("<b>一是</b>甲。二是乙。"), themes=False).count("&lt;b&gt;") == 1


def test_repr_html_is_the_notebook_view(essay, model_dir):
    view = pt.analyze(essay)._repr_html_()
    assert "pt-theme" in view and "工會" in view


def test_page_in_headless_chromium(tmp_path, chromium, model_dir):
    page = tmp_path / "out.html"
    with open(page, "w", encoding="utf-8") as out:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "policytext",
                "analyze",
                str(CORPORA / "reference_essay.txt"),
                "--format",
                "html",
            ],
            stdout=out,
            check=True,
        )
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    dom = subprocess.run(
        [chromium, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert (
        dom.count('class="pt-marker"') >= 17 and dom.count("pt-slogan") >= 6 and "pt-member" in dom
    )
    shot = tmp_path / "shot.png"
    subprocess.run(
        [chromium, *flags, "--window-size=1200,2400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    pixels = [
        image.getpixel((x, y)) for x in range(0, image.width, 2) for y in range(0, image.height, 2)
    ]

    def count(test):
        return sum(1 for p in pixels if test(*p))

    amber = count(lambda r, g, b: r > 230 and 190 < g < 235 and b < 160)  # markers
    blue = count(lambda r, g, b: b > 200 and r < 120 and 120 < g < 190)  # member underlines
    green = count(lambda r, g, b: g > 140 and r < 120 and b < 120)  # slogan outlines
    assert amber > 50 and blue > 50 and green > 25, (amber, blue, green)


def _glyph_boxes(image, gap: int = 14) -> list[tuple[int, int, int, int]]:
    """Bounding boxes of the dark runs of columns (one per glyph when glyphs are spaced)."""
    width, height = image.size
    pixels = image.load()
    dark = [[y for y in range(height) if pixels[x, y] < 128] for x in range(width)]
    boxes, start, last = [], None, None
    for x in range(width + 1):
        inked = x < width and bool(dark[x])
        if inked and start is None:
            start = x
        if inked:
            last = x
        if start is not None and ((not inked and x - last > gap) or x == width):
            rows = [y for column in dark[start : last + 1] for y in column]
            boxes.append((start, min(rows), last + 1, max(rows) + 1))
            start = None
    return boxes


def test_chinese_glyphs_render_in_chromium(tmp_path, chromium):
    """The view's font stack gives real glyphs: each character draws differently (missing
    glyphs would all be the same empty box)."""
    characters = "工會職工維權和諧發展"
    page = tmp_path / "glyphs.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{html.STYLE}"
        "body{margin:0;background:#fff;color:#000}"
        ".pt-doc{font-size:64px;letter-spacing:40px;padding:20px;white-space:nowrap}</style>"
        f"</head><body><div class='pt-doc'>{characters}</div></body></html>",
        encoding="utf-8",
    )
    shot = tmp_path / "glyphs.png"
    subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update",
            f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
            "--window-size=1100,160", f"--screenshot={shot}", page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )  # fmt: skip
    from PIL import Image

    image = Image.open(shot).convert("L")
    boxes = _glyph_boxes(image)
    assert len(boxes) == len(characters), boxes
    crops = [image.crop(box).tobytes() for box in boxes]
    assert crops[0] == crops[3]  # 工 twice: the same glyph
    assert len(set(crops)) == len(set(characters)), "CJK characters render as identical boxes"


def test_the_font_stack_names_cjk_fonts_and_a_generic_fallback():
    page = pt.analyze("一是工會。二是職工。").to_html(themes=False)
    rule = re.search(r"\.pt-doc \{[^}]*font-family: ([^;]+);", page).group(1)
    fonts = [name.strip().strip('"') for name in rule.split(",")]
    assert {"Noto Sans CJK SC", "Noto Sans CJK TC", "Microsoft YaHei", "PingFang SC"} <= set(fonts)
    assert fonts[-1] == "sans-serif"
