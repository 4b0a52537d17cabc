from indexer.chunk import chunk_blocks, word_count
from indexer.parse import Block


def test_short_section_is_one_chunk():
    blocks = [Block("Una frase corta.", 3, 3), Block("Otra más.", 5, 5)]
    chunks = chunk_blocks(blocks, 100, 10, word_count)
    assert len(chunks) == 1
    assert chunks[0].text == "Una frase corta.\nOtra más."
    assert (chunks[0].line_start, chunks[0].line_end) == (3, 5)


def test_long_section_splits_within_budget_with_overlap():
    sentences = [f"Frase número {i} con cinco palabras." for i in range(40)]  # 6 words each
    blocks = [Block(" ".join(sentences[i : i + 5]), i + 1, i + 1) for i in range(0, 40, 5)]
    chunks = chunk_blocks(blocks, 30, 6, word_count)
    assert len(chunks) > 1
    assert all(c.tokens <= 30 for c in chunks)
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        assert prev.text.split("\n")[-1].split(". ")[-1].rstrip(".") in nxt.text  # overlap carried
    joined = " ".join(c.text for c in chunks)
    assert all(s in joined for s in sentences)


def test_sentence_longer_than_window_is_cut_by_words():
    long = " ".join(f"w{i}" for i in range(100))
    chunks = chunk_blocks([Block(long, 1, 1)], 20, 0, word_count)
    assert all(c.tokens <= 20 for c in chunks)
    assert " ".join(c.text for c in chunks).split() == long.split()


def test_real_tokenizer_chunks_fit_the_model_window(encoder):
    text = " ".join(f"La configuración número {i} del módulo de facturación electrónica." for i in range(200))
    chunks = chunk_blocks([Block(text, 1, 1)], encoder.max_tokens - 2, 32, encoder.count_tokens)
    assert len(chunks) > 3
    assert max(encoder.count_tokens([c.text for c in chunks])) <= encoder.max_tokens - 2
