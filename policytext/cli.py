"""Command line: ``policytext analyze|themes|download``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .document import PolicyDoc, analyze
from .layout import LAYOUT_MODES
from .model_store import ARCHIVE_NAME, ModelError

_BREAK_RE = re.compile(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*")
EPILOG = """examples:
  policytext analyze corpora/reference_essay.txt
  policytext analyze corpora/reference_essay.txt --format sentences
  policytext analyze corpora/reference_essay.txt --format html > out.html
  policytext analyze report.txt --format json > report.json
  policytext analyze reports/*.txt --format csv --table parallels > parallels.csv
  policytext analyze reports/*.txt --format html --out-dir pages/
  cat a.txt | policytext analyze - --format jsonl
  policytext analyze extracted_from_pdf.txt --layout wrapped --format sentences
  policytext themes corpora/reference_essay.txt --top-k 15
  policytext themes corpora/reference_essay.txt --by section
  policytext download
"""


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    return Path(source).read_text(encoding="utf-8")


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


def format_outline(doc: PolicyDoc, name: str) -> str:
    """A summary line and the enumeration tree (path, marker, heading, offsets)."""
    return _summary(doc, name) + "\n" + (doc.outline() or "(no enumerations)")


def format_sentences(doc: PolicyDoc, name: str) -> str:
    """A summary line, then paragraphs with their sentences, offsets in brackets."""
    lines = [_summary(doc, name)]
    sentences = iter(doc.sentences)
    sentence = next(sentences, None)
    for number, paragraph in enumerate(doc.paragraphs, 1):
        lines.append(f"¶{number} [{paragraph.start}:{paragraph.end}]")
        while sentence is not None and sentence.end <= paragraph.end:
            text = _one_line(sentence.text)
            preview = text if len(text) <= 40 else text[:39] + "…"
            lines.append(f"    [{sentence.start}:{sentence.end}] {preview}")
            sentence = next(sentences, None)
    return "\n".join(lines)


def _texts(sources: Iterable[str]) -> Iterator[tuple[str, str, str | None]]:
    """``(source, display name, text)``; text is None (reported on stderr) when unreadable."""
    for source in sources:
        name = "<stdin>" if source == "-" else source
        text: str | None = None
        try:
            text = _read(source)
        except (OSError, UnicodeDecodeError) as error:
            print(f"policytext: cannot read {name}: {error}", file=sys.stderr)
        yield source, name, text


def _progress(items: list[str]):
    """Files with a progress bar on stderr when there are several and stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(
        items, unit="file", disable=len(items) < 2 or not sys.stderr.isatty(), file=sys.stderr
    )


def _render(doc: PolicyDoc, name: str, args: argparse.Namespace, several: bool) -> str:
    if args.format == "json":
        data = {"file": name, **doc.to_dict()} if several else doc.to_dict()
        return json.dumps(data, ensure_ascii=False, indent=2)
    if args.format == "jsonl":
        return json.dumps({"file": name, **doc.to_dict()}, ensure_ascii=False)
    if args.format == "csv":
        frame = doc.to_frames(themes=args.table == "themes")[args.table]
        return frame.assign(file=name)[["file", *frame.columns]].to_csv(index=False).rstrip("\n")
    if args.format == "html":
        return doc.to_html(title=Path(name).name)
    if args.format == "sentences":
        return format_sentences(doc, name)
    return format_outline(doc, name)


def _layout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--layout",
        choices=LAYOUT_MODES,
        default="auto",
        help="how to read line breaks: auto (default) detects hard-wrapped text such as PDF "
        "extractions; lines: each line a paragraph; blank-lines: blank lines end paragraphs; "
        "wrapped: hard-wrapped at a page width",
    )


def _cmd_analyze(args: argparse.Namespace) -> int:
    status = 0
    several = len(args.files) > 1
    extension = {"outline": "txt", "sentences": "txt", "jsonl": "jsonl"}.get(
        args.format, args.format
    )
    for number, (source, name, text) in enumerate(_texts(_progress(args.files))):
        if text is None:
            status = 1
            continue
        try:
            output = _render(analyze(text, layout=args.layout), name, args, several)
        except ModelError as error:
            print(f"policytext: {error}", file=sys.stderr)
            return 2
        if args.format == "csv" and number > 0 and not args.out_dir:
            output = output.split("\n", 1)[1] if "\n" in output else ""  # one header for all files
        if args.out_dir:
            args.out_dir.mkdir(parents=True, exist_ok=True)
            stem = "stdin" if source == "-" else Path(source).stem
            (args.out_dir / f"{stem}.{extension}").write_text(output + "\n", encoding="utf-8")
        elif output:
            print(output)
    return status


def _cmd_themes(args: argparse.Namespace) -> int:
    status = 0
    for _source, name, text in _texts(args.files):
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
    commands = parser.add_subparsers(dest="command", required=True)
    analyze_parser = _file_command(
        commands, "analyze", "analyse files ('-' reads standard input)", _cmd_analyze
    )
    analyze_parser.add_argument(
        "--format",
        choices=("outline", "sentences", "json", "jsonl", "csv", "html"),
        default="outline",
        help="outline (default), sentences, json, jsonl (one line a file), csv (one table), html",
    )
    analyze_parser.add_argument(
        "--table",
        choices=("items", "sentences", "parallels", "slogans", "themes"),
        default="items",
        help="the table --format csv writes (default: enumeration items)",
    )
    analyze_parser.add_argument(
        "--out-dir", type=Path, help="write one output file per input into this folder"
    )
    themes_parser = _file_command(
        commands, "themes", "TF-IDF themes of files (needs the segmentation model)", _cmd_themes
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


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a file failed, 2 usage or model)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
