"""Documents in: ``read(path)``, the text of a ``.txt``, ``.docx``, ``.html`` or ``.pdf`` file.

* text files (any other suffix): ``encoding="auto"`` reads UTF-8 with or
  without a byte-order mark, then GB18030 (which many government sites still
  serve; it covers GBK and GB2312); UTF-16 with a byte-order mark too;
* ``.docx``: the paragraphs and table cells in document order (python-docx);
* ``.html`` / ``.htm``: the visible text (Beautiful Soup), one line per block;
  scripts, styles, the head, navigation, headers, footers, asides, forms and
  hidden elements are left out;
* ``.pdf``: the text of each page (pypdf), line by line, pages separated by a
  form feed. The line breaks of the printed page stay in the text: the
  layout layer (``analyze(text, layout="auto")``) reads a hard-wrapped page as
  paragraphs and sets page numbers and running headers aside.

The parsers are optional: ``pip install "policytext[formats]"`` installs all
three (or the extras ``docx``, ``html``, ``pdf`` one by one); a missing one
raises an ``ImportError`` that names its extra.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

ENCODINGS = ("auto", "utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "big5", "utf-16")
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: elements whose text a reader does not see as the document's
HTML_LEFT_OUT = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
)
HTML_BLOCKS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class DocumentError(ValueError):
    """A file that exists but whose text cannot be read (a damaged or encrypted document)."""


def _require(module: str, extra: str, package: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f'reading {extra} files needs {package}: pip install "policytext[{extra}]" '
            f'(or "policytext[formats]" for every format)'
        ) from error


def decode(data: bytes, encoding: str = "auto", name: str = "<bytes>") -> str:
    """``data`` as text; ``encoding="auto"``: UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030.

    Undecodable bytes raise ``UnicodeDecodeError`` (nothing is replaced or escaped).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    if encoding != "auto":
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(
                f"unknown encoding {encoding!r}; use 'auto' or a Python codec name such as "
                f"{', '.join(ENCODINGS[1:])}"
            ) from None
        return data.decode(encoding)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise UnicodeDecodeError(
                "utf-8",
                data,
                utf8_error.start,
                utf8_error.end,
                f"{name} is neither UTF-8 nor GB18030 (first bad byte at {utf8_error.start}); "
                "pass its encoding, e.g. encoding='big5'",
            ) from None


def read(path: str | Path, encoding: str = "auto") -> str:
    """The text of the document at ``path`` (see the module docstring for the formats).

    ``encoding`` applies to text files and to HTML without a declared charset.
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path must be str or Path, not {type(path).__name__}")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".pdf":
        return _read_pdf(path)
    if suffix in HTML_SUFFIXES:
        return html_text(path.read_bytes(), encoding)
    return decode(path.read_bytes(), encoding, str(path))


def _read_docx(path: Path) -> str:
    docx = _require("docx", "docx", "python-docx")
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise DocumentError(f"{path} is not a readable .docx file ({error})") from error
    except Exception as error:  # zipfile.BadZipFile, lxml errors: a damaged package
        raise DocumentError(f"{path} is not a readable .docx file ({error})") from error
    lines: list[str] = []

    def add(block: Any) -> None:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for inner in cell.iter_inner_content():
                        add(inner)
        else:
            lines.append(block.text)

    for block in document.iter_inner_content():
        add(block)
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    pypdf = _require("pypdf", "pdf", "pypdf")
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(f"{path} is encrypted: decrypt it first (e.g. qpdf --decrypt)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except FileNotFoundError:
        raise
    except Exception as error:  # pypdf.errors.PdfReadError and friends
        raise DocumentError(f"{path} is not a readable PDF ({error})") from error
    return "\f".join(page.strip("\n") for page in pages)


def html_text(data: bytes | str, encoding: str = "auto") -> str:
    """The visible text of an HTML document, one line per block element."""
    bs4 = _require("bs4", "html", "beautifulsoup4")
    if isinstance(data, (bytes, bytearray)):
        declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
        if encoding == "auto" and declared is None:
            data = decode(bytes(data), "auto", "HTML")
        elif encoding != "auto":
            data = decode(bytes(data), encoding, "HTML")
        # else: Beautiful Soup reads the declared charset
    soup = bs4.BeautifulSoup(data, "html.parser")
    for element in soup(HTML_LEFT_OUT):
        element.decompose()
    for element in soup.find_all(_hidden):
        element.decompose()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = "".join(current).strip(" ")
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Any, preformatted: bool) -> None:
        for child in node.children:
            if isinstance(child, bs4.Comment | bs4.Doctype | bs4.ProcessingInstruction):
                continue
            if isinstance(child, bs4.NavigableString):
                text = str(child)
                if preformatted:
                    parts = text.split("\n")
                    for number, part in enumerate(parts):
                        if number:
                            flush()
                        current.append(part)
                else:
                    current.append(_SPACES.sub(" ", text))
                continue
            block = child.name in HTML_BLOCKS
            if block:
                flush()
            walk(child, preformatted or child.name == "pre")
            if block:
                flush()

    walk(soup, False)
    flush()
    return "\n".join(lines)


def _hidden(tag: Any) -> bool:
    attributes = getattr(tag, "attrs", None) or {}
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(attributes.get("style", "")))
    )
