"""Draw passages of the shared corpora for blind annotation, by the procedure the "about"
of the annotated sets 27 to 42 states.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.draw_passages 20261410 report B 48 drawn.json [earlier.json ...]

The documents: for ``report``, the first 21 provincial reports of 2026 by name and every
national report of ``gwr_cpc_wikisource``; for ``normative``, the development policy
documents (``sha1(name) % 3 != 0``); of either, one half
(:func:`tools.calibration.document_half`). With ``held-out`` instead of a half: the held-out
documents (the provincial reports of 2026 after the first 21; the policy documents with
``sha1(name) % 3 == 0``), for held-out sets. A paragraph is a non-empty stripped line (in a
hard-wrapped file, a run of lines up to one ending in 。！？); eligible: 100 to 500 characters,
overlapping no passage of ``tests/data/*parallel_passages*.json`` or
``tests/data/agreement/*.json`` (``ignore`` leaves named sets out, to redraw one) nor one
drawn before (the ``earlier`` draws). The files are sorted, shuffled once with the seed and
visited round-robin, at most two passages a file (``--per-file`` raises it where the
documents run out); odd draws are random paragraphs, even draws ones with a cue (three 、, a
quotation mark, a ；, or a numeral before 个项大化为条种). Offsets index the file read as UTF-8.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Collection, Sequence
from pathlib import Path

from tools.calibration import ROOT, document_half, shared_root

#: what makes a paragraph a "cue" draw
CUE = re.compile(r"(、.*){3,}|[“”「」‘’\"]|；|[一二两三四五六七八九十][个项大化为条种]")
SENTENCE_END = "。！？"
LENGTHS = (100, 500)
PER_FILE = 2
PROVINCIAL_REPORTS = 21
#: the ``half`` that names the held-out documents instead of a half of the development ones
HELD_OUT = "held-out"


def wrapped_files(corpora: Path) -> set[str]:
    """The hard-wrapped policy documents, as ``policy_docs/SOURCES.md`` lists them."""
    sources = (corpora / "policy_docs" / "SOURCES.md").read_text(encoding="utf-8")
    return {"policy_docs/" + m for m in re.findall(r"^- (\S+\.txt) \(mid-sentence", sources, re.M)}


def documents(corpora: Path, kind: str, half: str) -> list[str]:
    """The files (relative to the corpora) a draw of ``kind`` and ``half`` (``"A"``, ``"B"``
    or ``HELD_OUT``) reads, sorted."""
    if half not in ("A", "B", HELD_OUT):
        raise ValueError(f"half must be 'A', 'B' or {HELD_OUT!r}, not {half!r}")
    held_out = half == HELD_OUT
    if kind == "report":
        provincial = sorted(p.name for p in (corpora / "gwr_provincial_2026").glob("*.txt"))
        if held_out:
            return [f"gwr_provincial_2026/{name}" for name in provincial[PROVINCIAL_REPORTS:]]
        files = [f"gwr_provincial_2026/{name}" for name in provincial[:PROVINCIAL_REPORTS]]
        files += sorted(
            f"gwr_cpc_wikisource/{p.name}" for p in (corpora / "gwr_cpc_wikisource").glob("*.txt")
        )
    elif kind == "normative":
        files = [
            f"policy_docs/{p.name}"
            for p in (corpora / "policy_docs").glob("*.txt")
            if (int(hashlib.sha1(p.name.encode()).hexdigest(), 16) % 3 == 0) == held_out
        ]
        if held_out:
            return sorted(files)
    else:
        raise ValueError(f"kind must be 'report' or 'normative', not {kind!r}")
    return sorted(f for f in files if document_half(f) == half)


def paragraphs(text: str, wrapped: bool) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: a stripped non-empty line, or in wrapped text a run
    of lines up to one that ends a sentence (or a blank line)."""
    spans, run, pos = [], None, 0
    for line in text.split("\n"):
        start = pos + len(line) - len(line.lstrip())
        end = pos + len(line.rstrip())
        pos += len(line) + 1
        if not wrapped:
            if line.strip():
                spans.append((start, end))
            continue
        if not line.strip():
            if run:
                spans.append(run)
                run = None
            continue
        run = (run[0], end) if run else (start, end)
        if line.rstrip().endswith(tuple(SENTENCE_END)):
            spans.append(run)
            run = None
    if run:
        spans.append(run)
    return spans


def taken_passages(ignore: Collection[str] = ()) -> list[dict]:
    """Every passage (file, start, end) of the annotated sets in ``tests/data``."""
    data_dir = ROOT / "tests" / "data"
    taken = []
    for path in sorted(data_dir.glob("*parallel_passages*.json")) + sorted(
        data_dir.glob("agreement/*.json")
    ):
        if path.name in ignore:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        passages = data.get("passages", []) if isinstance(data, dict) else data
        taken += [p for p in passages if isinstance(p, dict) and "file" in p]
    return taken


def draw(
    seed: int,
    kind: str,
    half: str,
    count: int,
    earlier: Sequence[dict] = (),
    ignore: Collection[str] = (),
    most_per_file: int = PER_FILE,
) -> list[dict]:
    """``count`` passages (fewer when the documents run out), at most ``most_per_file`` of
    one file, as dicts of file, start, end, pick ("random" or "cue") and text."""
    corpora = shared_root() / "corpora"
    wrapped = wrapped_files(corpora)
    # the stretches already annotated or drawn, by file
    taken: dict[str, list[tuple[int, int]]] = {}
    for p in [*taken_passages(ignore), *earlier]:
        taken.setdefault(p["file"], []).append((p["start"], p["end"]))
    order = documents(corpora, kind, half)
    rng = random.Random(seed)  # one generator: the shuffle, then every choice
    rng.shuffle(order)
    texts, eligible = {}, {}
    low, high = LENGTHS
    for file in order:
        text = (corpora / file).read_text(encoding="utf-8")
        texts[file] = text
        eligible[file] = [
            (s, e) for s, e in paragraphs(text, file in wrapped) if low <= e - s <= high
        ]
    drawn: list[dict] = []
    per_file: dict[str, int] = {}
    while len(drawn) < count:
        progressed = False
        for file in order:
            if len(drawn) >= count:
                break
            if per_file.get(file, 0) >= most_per_file:
                continue
            pick = "random" if len(drawn) % 2 == 0 else "cue"
            used = taken.get(file, [])
            free = [(s, e) for s, e in eligible[file] if not any(s < b and a < e for a, b in used)]
            if pick == "cue":
                free = [(s, e) for s, e in free if CUE.search(texts[file][s:e])]
            if not free:
                continue
            s, e = rng.choice(free)
            drawn.append(
                {"file": file, "start": s, "end": e, "pick": pick, "text": texts[file][s:e]}
            )
            taken.setdefault(file, []).append((s, e))
            per_file[file] = per_file.get(file, 0) + 1
            progressed = True
        if not progressed:
            break
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("kind", choices=("report", "normative"))
    parser.add_argument("half", choices=("A", "B", HELD_OUT))
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path, help="where the drawn passages go (JSON)")
    parser.add_argument("earlier", nargs="*", type=Path, help="draws made before this one")
    parser.add_argument(
        "--ignore", action="append", default=[], help="a tests/data set to leave out"
    )
    parser.add_argument(
        "--per-file", type=int, default=PER_FILE, help="at most this many passages of one file"
    )
    args = parser.parse_args(argv)
    if args.per_file < 1:
        parser.error("--per-file must be 1 or more")
    missing = [str(path) for path in args.earlier if not path.is_file()]
    if missing:
        parser.error(f"no such earlier draw: {', '.join(missing)}")
    if not (shared_root() / "corpora").is_dir():
        parser.error(f"{shared_root() / 'corpora'} is absent: set POLICYTEXT_SHARED")
    earlier = [p for path in args.earlier for p in json.loads(path.read_text(encoding="utf-8"))]
    drawn = draw(args.seed, args.kind, args.half, args.count, earlier, args.ignore, args.per_file)
    args.out.write_text(json.dumps(drawn, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{args.out}: {len(drawn)} passages, {len({d['file'] for d in drawn})} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
