"""Write the test suite's sample texts as a fuzzing seed corpus (one file each)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def samples() -> list[str]:
    from tests import (
        test_enumerations,
        test_parallels,
        test_robustness,
        test_sentences,
        test_slogans,
    )

    texts = [text for _, text, _ in test_sentences.CASES]
    texts += [text for _, text in test_enumerations.NOT_ENUMERATIONS]
    texts += [text for _, text, _ in test_enumerations.ENUMERATIONS]
    texts += [text for _, text, _ in test_parallels.PARALLEL]
    texts += [text for _, text in test_parallels.NOT_PARALLEL]
    texts += [text[:4000] for text in test_robustness.HOSTILE.values()]
    texts += [params[0] for params in test_slogans.test_slogan_cases.pytestmark[0].args[1]]
    texts.append((ROOT / "corpora" / "reference_essay.txt").read_text(encoding="utf-8"))
    return texts


def main(target: str) -> int:
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    for text in samples():
        data = text.encode("utf-8", errors="surrogatepass")
        (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{len(list(out.iterdir()))} seeds in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus"))
