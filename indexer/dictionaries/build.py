"""Rebuild es.txt.xz and en.txt.xz from Debian's hunspell dictionaries (maintainers only; kb never runs it).

    apt-get install -y --no-install-recommends hunspell hunspell-es hunspell-en-us
    pip install spylls==0.1.7
    python indexer/dictionaries/build.py

Each dictionary's stems and affix rules (read by spylls, a pure-Python hunspell) are expanded into every
form they allow, and only the forms the hunspell engine itself accepts (`hunspell -G`) are kept: Debian's
`unmunch` leaves ~1,400 Spanish stems unexpanded and makes ~320,000 forms hunspell rejects. The forms are
lowercased and accent-folded as kb folds text (``indexer.analysis.fold``: ``ñ`` stays), sorted, and
written xz-compressed. About 30 s. See NOTICE.md for sources, versions and licences.
"""

from __future__ import annotations

import lzma
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from indexer.analysis import fold  # noqa: E402

SOURCES = {"es": "es_ES", "en": "en_US"}
HUNSPELL = Path("/usr/share/hunspell")


def _apply(affix, word: str) -> str | None:
    """An affix applied forwards (spylls' own conditions read in the analysis direction)."""
    if not affix.cond_regexp.search(word):
        return None
    strip = affix.strip
    if type(affix).__name__ == "Suffix":
        if strip and not word.endswith(strip):
            return None
        return (word[: len(word) - len(strip)] if strip else word) + affix.add
    if strip and not word.startswith(strip):
        return None
    return affix.add + word[len(strip) :]


def candidates(base: Path) -> set[str]:
    """Every form the .dic/.aff could make: stems, suffixed twice over, prefixed, both when allowed."""
    from spylls.hunspell import Dictionary

    d = Dictionary.from_files(str(base))
    aff = d.aff
    skip_root = {f for f in (aff.NEEDAFFIX, aff.FORBIDDENWORD, aff.ONLYINCOMPOUND) if f}

    def suffixed(word, flags, depth):
        for flag in flags:
            for sfx in aff.SFX.get(flag, ()):
                made = _apply(sfx, word)
                if made is None:
                    continue
                yield made, sfx
                if depth < 2 and sfx.flags:
                    yield from suffixed(made, sfx.flags, depth + 1)

    out: set[str] = set()
    for entry in d.dic.words:
        stem, flags = entry.stem, entry.flags
        if not flags & skip_root:
            out.add(stem)
        forms = list(suffixed(stem, flags, 1))
        out.update(f for f, _ in forms)
        for flag in flags:
            for pfx in aff.PFX.get(flag, ()):
                made = _apply(pfx, stem)
                if made is None:
                    continue
                out.add(made)
                if pfx.crossproduct:
                    out.update(x for f, s in forms if s.crossproduct and (x := _apply(pfx, f)))
    return {c for c in out if " " not in c}


def accepted(name: str, words: set[str]) -> list[str]:
    """The words the hunspell engine accepts (its -G mode prints them)."""
    done = subprocess.run(
        ["hunspell", "-d", name, "-i", "utf-8", "-G"],
        input="\n".join(sorted(words)),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def main() -> None:
    for lang, name in SOURCES.items():
        words = accepted(name, candidates(HUNSPELL / name))
        folded = sorted({fold(w.lower()) for w in words if w.isalpha()})
        text = ("\n".join(folded) + "\n").encode()
        (HERE / f"{lang}.txt.xz").write_bytes(lzma.compress(text, preset=9 | lzma.PRESET_EXTREME))
        print(f"{lang}: {len(words):,} forms accepted by hunspell, {len(folded):,} folded", file=sys.stderr)


if __name__ == "__main__":
    main()
