"""Hard-wrap a text as a printed edition does, remembering where each character came from."""

from __future__ import annotations

from dataclasses import dataclass

#: characters a printed line may not start with (they hang on the line before)
NO_LINE_START = "，。、；：！？”’）》」』…—%"
INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Wrapped:
    """A wrapped text and, for each of its characters, the source offset (-1 when inserted)."""

    text: str
    origin: tuple[int, ...]
    wraps: tuple[int, ...] = ()  # offsets of the line breaks inside a paragraph (soft)
    furniture: tuple[tuple[int, int], ...] = ()  # page numbers and running headers

    def source_bounds(self, start: int, end: int) -> tuple[int, int] | None:
        """The source ``(start, end)`` of the wrapped stretch, or None if it ends on inserted text."""
        first, last = self.origin[start], self.origin[end - 1]
        return None if first < 0 or last < 0 else (first, last + 1)


def wrap(
    text: str,
    width: int,
    *,
    indent: bool = False,
    page_lines: int | None = None,
    header: str | None = None,
) -> Wrapped:
    """``text`` with a line break every ``width`` characters of each line.

    ``indent`` starts each paragraph with two U+3000; ``page_lines`` inserts a
    page number (``— 3 —``) after that many printed lines, followed by
    ``header`` (a running header) when given.
    """
    out: list[str] = []
    origin: list[int] = []
    wraps: list[int] = []
    furniture: list[tuple[int, int]] = []
    printed = 0
    page = 1

    def emit(chars: str, source: int | None) -> None:
        out.append(chars)
        origin.extend(
            range(source, source + len(chars)) if source is not None else [-1] * len(chars)
        )

    def end_line(source: int | None) -> None:
        nonlocal printed, page
        if source is None:
            wraps.append(len(origin))
        emit("\n", source)
        printed += 1
        if page_lines and printed % page_lines == 0:
            for line in (f"— {page} —", header):
                if line:
                    furniture.append((len(origin), len(origin) + len(line)))
                    emit(line + "\n", None)
            page += 1

    position = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        if not line.strip():
            if not last:
                emit("\n", position + len(line))
            position += len(line) + 1
            continue
        cursor = 0
        first = True
        while cursor < len(line):
            room = width - 2 if indent and first else width
            if indent and first:
                emit(INDENT, None)
            stop = min(len(line), cursor + room)
            while stop < len(line) and line[stop] in NO_LINE_START and stop - cursor < room + 2:
                stop += 1
            emit(line[cursor:stop], position + cursor)
            cursor = stop
            first = False
            if cursor < len(line):
                end_line(None)
        if not last:
            end_line(position + len(line))
        position += len(line) + 1
    return Wrapped("".join(out), tuple(origin), tuple(wraps), tuple(furniture))
