"""policytext.read: text files in any of the usual encodings, .docx, .html and .pdf."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import policytext as pt
from policytext import readers
from tests.documents import make_pdf

TEXT = "一是加强领导。二是完善机制。"


def make_documents(folder: Path) -> list[Path]:
    """The same two-item enumeration as .docx, .html and .pdf."""
    import docx

    document = docx.Document()
    document.add_paragraph("一是加强领导。")
    document.add_paragraph("二是完善机制。")
    docx_path = folder / "items.docx"
    document.save(docx_path)
    html_path = folder / "items.html"
    html_path.write_text(
        "<html><body><p>一是加强领导。</p><p>二是完善机制。</p></body></html>", encoding="utf-8"
    )
    pdf_path = folder / "items.pdf"
    pdf_path.write_bytes(make_pdf([["一是加强领导。", "二是完善机制。"]]))
    return [docx_path, html_path, pdf_path]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16-bom"],
)
def test_text_files_in_every_auto_encoding(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert pt.read(path) == TEXT


def test_undecodable_text_raises_and_names_the_encodings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xe5\xb7\xa5\x80\xff")
    with pytest.raises(UnicodeDecodeError, match="neither UTF-8 nor GB18030"):
        pt.read(path)
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        pt.read(path, encoding="klingon")


def test_explicit_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("一是加強領導。".encode("big5"))
    assert pt.read(path, encoding="big5") == "一是加強領導。"


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("一是加强领导。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲表格"
    table.cell(0, 1).text = "乙表格"
    document.add_paragraph("二是完善机制。")
    path = tmp_path / "a.docx"
    document.save(path)
    assert pt.read(path) == "一是加强领导。\n甲表格\n乙表格\n二是完善机制。"


def test_html_visible_text_only(tmp_path):
    pytest.importorskip("bs4")
    page = """<!DOCTYPE html><html><head><title>标题栏</title>
    <style>p { color: red }</style><script>var x = "脚本";</script></head>
    <body><header>网站首页 | 导航</header><nav><a href="/">首页</a></nav>
    <div class="content"><h1>关于加强工作的意见</h1>
    <p>　　一是<b>加强</b>领导。<!-- 注释 --></p>
    <p style="display: none">隐藏段落</p><p hidden>也隐藏</p>
    <p>　　二是完善机制，<br>狠抓落实。</p>
    <ul><li>第一项</li><li>第二项</li></ul></div>
    <footer>版权所有</footer><noscript>请启用脚本</noscript></body></html>"""
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("gb2312").replace(b"<head>", b'<head><meta charset="gb2312">'))
    assert pt.read(path) == (
        "关于加强工作的意见\n　　一是加强领导。\n　　二是完善机制，\n狠抓落实。\n第一项\n第二项"
    )


def test_pdf_read_through_the_layout_layer(tmp_path):
    pytest.importorskip("pypdf")
    paragraphs = [
        "　　一是加强组织领导，健全工作机制，压实各方责任，确保各项任务落到实处。"
        "各地要结合实际制定具体方案，明确时间表和路线图。",
        "　　二是强化要素保障，加大资金投入，优化审批流程，提高服务效率和水平。"
        "有关部门要加强督促检查，及时总结推广好的经验做法。",
    ]
    lines = []
    for paragraph in paragraphs:  # printed 20 characters a line, as a PDF page does
        lines += [paragraph[i : i + 20] for i in range(0, len(paragraph), 20)]
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([[*lines[:6], "1"], [*lines[6:], "2"]]))
    text = pt.read(path)
    assert "\f" in text and text.count("\n") >= len(lines) - 2  # the printed lines are kept
    doc = pt.analyze(text)  # layout="auto" reads them as paragraphs
    assert len(doc.paragraphs) == 2
    furniture = doc.layout.furniture
    assert [(f.text, f.label) for f in furniture] == [("1", "page_number"), ("2", "page_number")]
    aside = {i for f in furniture for i in range(f.start, f.end)}

    def reading(span):
        return "".join(
            text[i] for i in range(span.start, span.end) if i not in aside and text[i] not in "\n\f"
        )

    assert [reading(s) for s in doc.sentences] == [
        s.text for s in pt.analyze("\n".join(p.strip("　") for p in paragraphs)).sentences
    ]
    assert [item.marker.text for item in doc.enumerations[0].items] == ["一是", "二是"]


def test_damaged_documents_raise_document_error(tmp_path):
    pytest.importorskip("pypdf")
    pytest.importorskip("docx")
    for name in ("a.pdf", "a.docx"):
        path = tmp_path / name
        path.write_bytes(b"not a document at all")
        with pytest.raises(readers.DocumentError, match="not a readable"):
            pt.read(path)


def test_missing_parser_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK")
    with pytest.raises(ImportError, match=r'pip install "policytext\[docx\]"'):
        pt.read(path)
