import math

import pytest

from kb.services.evaluation import DatasetError, load_dataset, mrr_at_k, ndcg_at_k, percentile, recall_at_k
from kb.services.fusion import best_per_group, convex, max_normalised, min_max, rrf


def test_metrics_on_literal_rankings():
    rel = {"a": 1}
    assert ndcg_at_k(["a", "b"], rel) == 1.0
    assert ndcg_at_k(["b", "a"], rel) == pytest.approx(1 / math.log2(3))
    assert ndcg_at_k(["b"] * 10 + ["a"], rel) == 0.0
    assert recall_at_k(["x", "a"], {"a": 1, "b": 1}) == 0.5
    assert mrr_at_k(["x", "y", "a"], rel) == pytest.approx(1 / 3)
    assert mrr_at_k(["x"], rel) == 0.0
    assert percentile([5, 1, 3, 2, 4], 50) == 3


def test_load_dataset_layout_and_errors(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "queries.jsonl").write_text('{"_id": "q1", "text": "hola"}\n{"_id": "q2", "text": "sin juicio"}\n')
    (tmp_path / "qrels.tsv").write_text("query-id\tcorpus-id\tscore\nq1\tes/a\t1\n")
    ds = load_dataset(tmp_path)
    assert ds.queries == {"q1": "hola"} and ds.qrels == {"q1": {"es/a": 1}}
    (tmp_path / "queries.jsonl").write_text("not json\n")
    with pytest.raises(DatasetError, match="queries.jsonl:1"):
        load_dataset(tmp_path)
    with pytest.raises(DatasetError, match="no articles"):
        load_dataset(tmp_path / "articles")


def test_fusion_functions():
    assert rrf([["a", "b"], ["b"]]) == {"a": 1 / 61, "b": 1 / 62 + 1 / 61}
    assert max_normalised({"a": 4.0, "b": 1.0}) == {"a": 1.0, "b": 0.25}
    assert min_max({"a": 3.0, "b": 1.0, "c": 2.0}) == {"a": 1.0, "b": 0.0, "c": 0.5}
    assert convex({"a": 1.0}, {"b": 1.0, "a": 0.5}, 0.5) == {"a": 0.75, "b": 0.5}
    assert best_per_group({"a#1": 0.2, "a#2": 0.9, "b#1": 0.5}, {"a#1": "a", "a#2": "a", "b#1": "b"}) == {
        "a": (0.9, "a#2"),
        "b": (0.5, "b#1"),
    }
