"""Sections -> chunks that fit the embedding model's window.

A short section is one chunk. A long one is packed greedily from sentences up to the token budget,
each new chunk repeating the last sentences of the previous one (the overlap) so that an answer
that straddles a cut is still whole in one chunk. Token counts come from the model's own
tokenizer (any ``count_tokens`` callable), so "fits the window" is exact, not a guess from words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from indexer.parse import Block

CountTokens = Callable[[Sequence[str]], list[int]]

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[\"'¿¡(\[A-ZÁÉÍÓÚÑ0-9])")


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence (or a slice of a very long one) with the block it came from."""

    text: str
    block: int
    line_start: int
    line_end: int
    tokens: int


@dataclass(frozen=True, slots=True)
class ChunkText:
    text: str
    line_start: int
    line_end: int
    tokens: int


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _pieces(blocks: Sequence[Block], budget: int, count_tokens: CountTokens) -> list[Piece]:
    sentences: list[tuple[str, int, Block]] = []
    for b_index, block in enumerate(blocks):
        for sentence in split_sentences(block.text):
            sentences.append((sentence, b_index, block))
    counts = count_tokens([s for s, _, _ in sentences]) if sentences else []
    pieces: list[Piece] = []
    for (sentence, b_index, block), n in zip(sentences, counts, strict=True):
        if n <= budget:
            pieces.append(Piece(sentence, b_index, block.line_start, block.line_end, n))
            continue
        # A sentence longer than the whole window (a log line, a table): cut it by words.
        words = sentence.split()
        per_word = max(n / max(len(words), 1), 1e-9)
        step = max(int(budget / per_word * 0.9), 1)
        parts = [" ".join(words[k : k + step]) for k in range(0, len(words), step)]
        for part, m in zip(parts, count_tokens(parts), strict=True):
            pieces.append(Piece(part, b_index, block.line_start, block.line_end, min(m, budget)))
    return pieces


def _join(pieces: Sequence[Piece]) -> str:
    out = []
    for k, piece in enumerate(pieces):
        if k:
            out.append("\n" if piece.block != pieces[k - 1].block else " ")
        out.append(piece.text)
    return "".join(out)


def chunk_blocks(
    blocks: Sequence[Block],
    budget: int,
    overlap: int,
    count_tokens: CountTokens,
) -> list[ChunkText]:
    """Pack a section's blocks into chunks of at most ``budget`` tokens with ``overlap`` tokens repeated."""
    if budget < 1:
        raise ValueError("chunk budget must be at least one token")
    overlap = max(0, min(overlap, budget // 2))
    pieces = _pieces(blocks, budget, count_tokens)
    chunks: list[ChunkText] = []
    current: list[Piece] = []
    size = 0
    for piece in pieces:
        if current and size + piece.tokens > budget:
            chunks.append(_chunk(current, size))
            carried: list[Piece] = []
            carried_size = 0
            for prev in reversed(current):
                if carried_size + prev.tokens > overlap or carried_size + prev.tokens + piece.tokens > budget:
                    break
                carried.insert(0, prev)
                carried_size += prev.tokens
            current, size = carried, carried_size
        current.append(piece)
        size += piece.tokens
    if current:  # never only carried pieces: a new piece always follows the carry
        chunks.append(_chunk(current, size))
    return chunks


def _chunk(pieces: Sequence[Piece], size: int) -> ChunkText:
    return ChunkText(
        text=_join(pieces),
        line_start=min(p.line_start for p in pieces),
        line_end=max(p.line_end for p in pieces),
        tokens=size,
    )


def word_count(texts: Sequence[str]) -> list[int]:
    """A tokenizer stand-in for tests and for models without one: one token per word."""
    return [len(t.split()) for t in texts]
