"""Command line: ``policytext analyze|themes|download``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .layout import LAYOUT_MODES
from .model_store import ARCHIVE_NAME, ModelError
from .parallels.scoring import GENRES

if TYPE_CHECKING:  # the analysis (and pandas, scikit-learn) load only when a command runs
    from .document import PolicyDoc

_BREAK_RE = re.compile(r"[ \t\u3000]*[\r\n\f]+[ \t\u3000]*")
#: the first character of a spreadsheet formula (and the control characters that can start one)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EPILOG = """examples:
  policytext analyze corpora/reference_essay.txt
  policytext analyze corpora/reference_essay.txt --format sentences
  policytext analyze corpora/reference_essay.txt --format html > out.html
  policytext analyze report.txt --format json > report.json
  policytext analyze report.docx page.html scan.pdf --format json > reports.json
  policytext analyze reports/*.txt --format csv --table parallels > parallels.csv
  policytext analyze reports/*.txt --format html --out-dir pages/
  policytext analyze gb2312_page.txt --encoding gb18030
  cat a.txt | policytext analyze - --format jsonl
  policytext analyze extracted_from_pdf.txt --layout wrapped --format sentences
  policytext themes corpora/reference_essay.txt --top-k 15
  policytext themes corpora/reference_essay.txt --by section
  policytext download
"""


class CommandError(Exception):
    """A usage problem found while running (exit status 2), e.g. an --out-dir that is a file."""


def _read_stdin(encoding: str) -> str:
    from .readers import decode

    stream = sys.stdin
    if stream is None or stream.closed:
        raise OSError("standard input is closed (pass a file, or pipe text into '-')")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (e.g. replaced in a test)
            return stream.read()
        data = buffer.read()
    except ValueError as error:  # "I/O operation on closed file"
        raise OSError(f"standard input is closed ({error})") from None
    return decode(data, encoding, "<stdin>")


def _read(source: str, encoding: str = "auto") -> str:
    """The text of a file ('-': standard input) through :func:`policytext.read`."""
    if source == "-":
        return _read_stdin(encoding)
    from .readers import read

    return read(source, encoding=encoding)


def _summary(doc: PolicyDoc, name: str) -> str:
    layout = doc.layout
    read = ""
    if layout.soft_breaks or layout.furniture:
        width = f" at {layout.width}" if layout.width else ""
        read = (
            f", read as {layout.mode}{width} ({len(layout.soft_breaks)} soft line breaks, "
            f"{len(layout.furniture)} furniture lines set aside)"
        )
    return (
        f"{name}: {len(doc.text)} characters, script {doc.script}{read}, "
        f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, "
        f"{len(doc.clauses)} clauses, {len(doc.outline_rows())} enumeration items"
    )


def _one_line(text: str) -> str:
    """``text`` without its line breaks (and the indentation after them)."""
    return _BREAK_RE.sub("", text)


def _preview(text: str, width: int = 40) -> str:
    text = _one_line(text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def format_outline(doc: PolicyDoc, name: str) -> str:
    """A summary line and the enumeration tree (path, marker, heading, offsets)."""
    return _summary(doc, name) + "\n" + (doc.outline() or "(no enumerations)")


def format_text(doc: PolicyDoc, name: str, themes: bool | None = None) -> str:
    """The default report, for a person: the summary, each item with the start of its text,
    the parallel groups with their members, the slogans and (model installed) the themes."""
    lines = [_summary(doc, name), ""]
    from .enumerations import walk_items

    items = list(walk_items(doc.enumerations))
    lines.append(f"Enumerations ({len(doc.enumerations)}, {len(items)} items)")
    for number, top in enumerate(doc.enumerations, 1):
        preview = f"  preview [{top.preview.start}:{top.preview.end}]" if top.preview else ""
        issues = f"  issues: {'; '.join(top.issues)}" if top.issues else ""
        lines.append(
            f"  enumeration {number} ({top.style}, {len(top.items)} items){preview}{issues}"
        )
        for path, enumeration, item in walk_items((top,)):
            indent = "  " * (enumeration.level + 1)
            heading = _preview(item.heading.text) if item.heading else ""
            span = item.span
            lines.append(f"{indent}{path} {item.marker.text} {heading} [{span.start}:{span.end}]")
            lines.append(f"{indent}  {_preview(span.text, 60)}")
    if not items:
        lines.append("  (none)")
    lines += ["", f"Parallel structures ({len(doc.parallels)})"]
    for group in doc.parallels:
        members = " | ".join(_preview(m.text, 24) for m in group.members)
        shared = "/".join(group.shared) or "-"
        lines.append(
            f"  [{group.start}:{group.end}] {group.kind}, shared {shared}, "
            f"score {group.score:.2f}: {members}"
        )
    if not doc.parallels:
        lines.append("  (none)")
    lines += ["", f"Slogans ({len(doc.slogans)})"]
    for slogan in doc.slogans:
        count = f", {slogan.count}" if slogan.count else ""
        expansion = " = " + "、".join(s.text for s in slogan.expansion) if slogan.expansion else ""
        lines.append(
            f"  [{slogan.span.start}:{slogan.span.end}] {_preview(slogan.span.text, 30)} "
            f"({slogan.kind}{count}){expansion}"
        )
    if not doc.slogans:
        lines.append("  (none)")
    if themes is None:
        from .model_store import is_installed

        themes = is_installed()
    lines.append("")
    if themes:
        terms = doc.themes(8)
        lines.append("Themes: " + ", ".join(f"{t} {s:.2f}" for t, s in terms))
    else:
        lines.append("Themes: (the segmentation model is not installed: policytext download)")
    return "\n".join(lines)


def format_sentences(doc: PolicyDoc, name: str) -> str:
    """A summary line, then paragraphs with their sentences, offsets in brackets."""
    lines = [_summary(doc, name)]
    sentences = iter(doc.sentences)
    sentence = next(sentences, None)
    for number, paragraph in enumerate(doc.paragraphs, 1):
        lines.append(f"¶{number} [{paragraph.start}:{paragraph.end}]")
        while sentence is not None and sentence.end <= paragraph.end:
            lines.append(f"    [{sentence.start}:{sentence.end}] {_preview(sentence.text)}")
            sentence = next(sentences, None)
    return "\n".join(lines)


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ …) gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv(frame, name: str, header: bool) -> str:
    frame = frame.assign(file=name)[["file", *frame.columns]]
    from pandas.api.types import is_numeric_dtype

    for column in frame.columns:
        if not is_numeric_dtype(frame[column]):  # text: object or pandas' string dtype
            frame[column] = frame[column].map(spreadsheet_safe)
    return frame.to_csv(index=False, header=header).rstrip("\n")


def _texts(sources: Iterable[str], encoding: str = "auto") -> Iterator[tuple[str, str, str | None]]:
    """``(source, display name, text)``; text is None (reported on stderr) when unreadable."""
    from .readers import DocumentError

    for source in sources:
        name = "<stdin>" if source == "-" else source
        text: str | None = None
        try:
            text = _read(source, encoding)
        except (OSError, UnicodeDecodeError, DocumentError, ImportError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            print(f"policytext: cannot read {name}: {reason}", file=sys.stderr)
        yield source, name, text


def _progress(items: list[str]):
    """Files with a progress bar on stderr when there are several and stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(
        items, unit="file", disable=len(items) < 2 or not sys.stderr.isatty(), file=sys.stderr
    )


def _render(doc: PolicyDoc, name: str, args: argparse.Namespace, header: bool = True) -> str:
    if args.format == "json":
        return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)
    if args.format == "jsonl":
        return json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False)
    if args.format == "csv":
        frame = doc.to_frames(themes=args.table == "themes")[args.table]
        return _csv(frame, name, header)
    if args.format == "html":
        return doc.to_html(title=Path(name).name)
    if args.format == "sentences":
        return format_sentences(doc, name)
    if args.format == "outline":
        return format_outline(doc, name)
    return format_text(doc, name)


def _layout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--layout",
        choices=LAYOUT_MODES,
        default="auto",
        help="how to read line breaks: auto (default) detects hard-wrapped text such as PDF "
        "extractions; lines: each line a paragraph; blank-lines: blank lines end paragraphs; "
        "wrapped: hard-wrapped at a page width",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default="auto",
        metavar="NAME",
        help="encoding of text files and standard input: auto (default: UTF-8 with or without "
        "BOM, then GB18030) or a codec name such as gbk, big5, utf-16",
    )


def _encoding(value: str) -> str:
    import codecs

    if value != "auto":
        try:
            codecs.lookup(value)
        except LookupError:
            raise argparse.ArgumentTypeError(
                f"expected 'auto' or a Python codec name (utf-8, gb18030, gbk, big5 …), "
                f"got {value!r}"
            ) from None
    return value


class _OutDir:
    """One output file per input in ``folder``; two inputs never write the same file."""

    def __init__(self, folder: Path, extension: str) -> None:
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"--out-dir {folder} is a file, not a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                f"cannot create --out-dir {folder}: {error.strerror or error}"
            ) from None
        self.folder, self.extension = folder, extension
        self.used: dict[str, str] = {}

    def write(self, source: str, name: str, output: str) -> None:
        stem = "stdin" if source == "-" else Path(source).stem
        filename = f"{stem}.{self.extension}"
        number = 1
        while filename.lower() in self.used:
            number += 1
            filename = f"{stem}-{number}.{self.extension}"
        if number > 1:
            taken = self.used[f"{stem}.{self.extension}".lower()]
            print(
                f"policytext: {name} written to {filename} ({stem}.{self.extension} holds {taken})",
                file=sys.stderr,
            )
        self.used[filename.lower()] = name
        try:
            (self.folder / filename).write_text(output + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(
                f"cannot write {self.folder / filename}: {error.strerror or error}"
            ) from None


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .document import analyze

    several = len(args.files) > 1
    if args.format == "html" and several and not args.out_dir:
        raise CommandError(
            "several files with --format html need --out-dir DIR (one page per file)"
        )
    extension = {"outline": "txt", "text": "txt", "sentences": "txt", "jsonl": "jsonl"}.get(
        args.format, args.format
    )
    out_dir = _OutDir(args.out_dir, extension) if args.out_dir else None
    status = 0
    header = True  # CSV: one header, on the first table written
    json_list = args.format == "json" and several and out_dir is None
    written = 0
    if json_list:
        print("[")
    for source, name, text in _texts(_progress(args.files), args.encoding):
        if text is None:
            status = 1
            continue
        doc = analyze(text, layout=args.layout, min_score=args.min_score)
        if json_list:  # one JSON document: a list of the files' analyses
            item = json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False, indent=2)
            print(("," if written else "") + item)
            written += 1
            continue
        try:
            output = _render(doc, name, args, header or out_dir is not None)
        except ModelError as error:
            print(f"policytext: {error}", file=sys.stderr)
            return 2
        if out_dir is not None:
            out_dir.write(source, name, output)
            continue
        if args.format in ("text", "outline", "sentences") and written:
            output = "\n" + output
        header = False
        written += 1
        if output:
            print(output)
    if json_list:
        print("]")
    return status


def _cmd_themes(args: argparse.Namespace) -> int:
    from .document import analyze

    status = 0
    for _source, name, text in _texts(args.files, args.encoding):
        if text is None:
            status = 1
            continue
        doc = analyze(text, layout=args.layout)
        try:
            if args.by == "section":
                print(f"{name}:")
                for span, terms in doc.themes(args.top_k, by="section"):
                    head = span.text[:12].replace("\n", " ")
                    print(f"  [{span.start}:{span.end}] {head}…  " + "  ".join(t for t, _ in terms))
            else:
                terms = doc.themes(args.top_k)
                print(f"{name}: " + "  ".join(f"{t} {s:.3f}" for t, s in terms))
        except ModelError as error:
            print(f"policytext: {error}", file=sys.stderr)
            return 2
    return status


def _cmd_download(args: argparse.Namespace) -> int:
    from . import model_store

    def progress(done: int, total: int) -> None:
        if total:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            print(
                f"\r{model_store.ARCHIVE_NAME} [{bar}] {done / 1e6:5.1f}/{total / 1e6:.1f} MB",
                end="",
                file=sys.stderr,
            )

    installed = model_store.is_installed()
    if installed and not args.repair and args.archive is None:
        if model_store.is_installed(verify=True):
            print(f"model installed and verified in {model_store.default_model_dir()}")
            return 0
        print(
            "the installed model is damaged (a file's sha256 differs): reinstalling",
            file=sys.stderr,
        )
    source = args.archive or f"{model_store.ARCHIVE_NAME} (pkuseg's default model)"
    print(f"installing from {source} …", file=sys.stderr)
    try:
        path = model_store.ensure_model(progress=progress, archive=args.archive, force=True)
    except ModelError as error:
        print(f"\npolicytext: {error}", file=sys.stderr)
        return 1
    print(f"\nmodel installed in {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policytext",
        description="Structure of Chinese policy texts (Traditional or Simplified).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze_parser = _file_command(
        commands, "analyze", "analyse files ('-' reads standard input)", _cmd_analyze
    )
    analyze_parser.add_argument(
        "--format",
        choices=("text", "outline", "sentences", "json", "jsonl", "csv", "html"),
        default="text",
        help="text (default: items, parallels, slogans and themes, for reading), outline, "
        "sentences, json (one document; a list for several files), jsonl (one line a file), "
        "csv (one table), html (several files: with --out-dir)",
    )
    analyze_parser.add_argument(
        "--table",
        choices=("items", "sentences", "parallels", "slogans", "themes"),
        default="items",
        help="the table --format csv writes (default: enumeration items)",
    )
    analyze_parser.add_argument(
        "--min-score",
        type=_score,
        default=None,
        metavar="S",
        help="keep parallel groups scoring at least S, 0..1 (default: the documented "
        "threshold; 0 keeps every group the rules accept, 0.8 the surer ones), or the "
        "threshold calibrated on a kind of text: normative or report",
    )
    analyze_parser.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="write one output file per input into this folder (same names get -2, -3 …)",
    )
    themes_parser = _file_command(
        commands, "themes", "keyness themes of files (needs the model)", _cmd_themes
    )
    themes_parser.add_argument("--top-k", type=_positive_int, default=10, metavar="N")
    themes_parser.add_argument("--by", choices=("document", "section"), default="document")
    download_parser = commands.add_parser(
        "download", help="fetch, verify and install the segmentation model"
    )
    download_parser.add_argument(
        "--verify",
        action="store_true",
        help="(kept for old scripts: an installed model is always re-hashed)",
    )
    download_parser.add_argument(
        "--repair", action="store_true", help="fetch and reinstall even if a model is installed"
    )
    download_parser.add_argument(
        "--from",
        dest="archive",
        type=Path,
        metavar="FILE",
        help=f"install from a {ARCHIVE_NAME} copied by hand (checked against the pinned sha256)",
    )
    download_parser.set_defaults(run=_cmd_download)
    return parser


def _file_command(
    commands: Any, name: str, help_text: str, run: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    """A subcommand that reads FILEs under a layout (``--layout``), with the shared epilog."""
    parser = commands.add_parser(
        name, help=help_text, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    _layout_option(parser)
    parser.set_defaults(run=run)
    return parser


def _score(value: str) -> float | str:
    if value in GENRES:
        return value
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(
            f"expected a score between 0 and 1 (e.g. 0.8) or a kind of text "
            f"({', '.join(GENRES)}), got {value!r}"
        )
    return number


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least 1 (e.g. 10), got {value!r}"
        )
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a file failed, 2 usage or model)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CommandError as error:
        print(f"policytext {args.command}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
