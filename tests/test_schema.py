import datetime as dt

import pytest

from indexer.parse import parse_article
from indexer.sources import Problem, Source


def parse(text: str, rel: str = "es/a.md", default_locale: str = "es"):
    return parse_article(Source(rel, text, "x", 0.0), default_locale)


def test_our_schema():
    art = parse(
        "---\ntitle: Hola\nsummary: Resumen\nlocale: en\ntags: [a, b]\nproduct: pagos\naudience: internal\n"
        "owner: ana\nreviewed: 2026-01-02\nreview_every: 90\nstatus: draft\ntranslation_of: es/b.md\nid: custom/id\n"
        "---\n\nTexto.\n"
    )
    m = art.meta
    assert (m.id, m.title, m.summary, m.locale, m.tags, m.product) == (
        "custom/id",
        "Hola",
        "Resumen",
        "en",
        ("a", "b"),
        "pagos",
    )
    assert (m.audience, m.owner, m.reviewed, m.review_every, m.status) == (
        "internal",
        "ana",
        dt.date(2026, 1, 2),
        90,
        "draft",
    )
    assert m.translation_of == "es/b"
    assert art.problems == []


def test_microsoft_learn_keys_are_mapped_and_unknown_kept():
    art = parse(
        "---\ntitle: Access MyApps\nms.author: v-smandalika\nauthor: someone\nms.date: 01/20/2021\n"
        "ms.service: o365-administration\ndescription: Qué es\nms.contentlocale: es-ES\naudience: Application User\n"
        "ROBOTS: NOINDEX\n---\n\n# Título\n\nTexto.\n",
        rel="access-myapps.md",
        default_locale="en",
    )
    m = art.meta
    assert m.owner == "v-smandalika"
    assert m.reviewed == dt.date(2021, 1, 20)
    assert m.product == "o365-administration"
    assert m.summary == "Qué es"
    assert m.locale == "es"
    assert m.audience == "public"  # Microsoft's audience is a reader role, not our access level
    assert m.extra["ROBOTS"] == "NOINDEX" and m.extra["audience"] == "Application User"
    assert art.problems == []


def test_adobe_keys_become_tags():
    art = parse("---\ntitle: ACSD-1\nfeature: Catalog Management, Orders\nrole: Admin\nexl-id: 9b0b\n---\n\nx\n")
    assert art.meta.tags == ("Catalog Management", "Orders", "Admin")
    assert art.meta.extra == {"exl-id": "9b0b"}


def test_locale_from_folder_then_setting():
    assert parse("---\ntitle: T\n---\nx\n", rel="en/x.md").meta.locale == "en"
    assert parse("---\ntitle: T\n---\nx\n", rel="guides/x.md", default_locale="en").meta.locale == "en"
    assert parse("---\ntitle: T\n---\nx\n", rel="es.md", default_locale="en").meta.locale == "en"


def test_invalid_values_warn_with_line_and_fail_closed():
    art = parse("---\ntitle: T\naudience: internl\nstatus: live\nreview_every: soon\nreviewed: ayer\n---\nx\n")
    assert art.meta.audience == "internal"  # a typo never publishes an internal article
    assert art.meta.status == "draft"
    lines = {p.line for p in art.problems}
    assert lines == {3, 4, 5, 6}
    assert all(p.severity == "warning" for p in art.problems)


def test_malformed_yaml_is_an_error_with_its_line():
    got = parse("---\ntitle: T\ntags: [a, b\nowner: x\n---\nbody\n")
    assert isinstance(got, Problem)
    assert got.severity == "error" and "malformed YAML" in got.message
    assert got.line >= 3


def test_missing_title_uses_heading_or_fails():
    art = parse("---\nowner: x\n---\n# Encabezado\n\ntexto\n")
    assert art.meta.title == "Encabezado" and art.problems[0].severity == "warning"
    got = parse("---\nowner: x\n---\ntexto sin encabezado\n")
    assert isinstance(got, Problem) and "title" in got.message


def test_unsafe_id_is_refused():
    art = parse("---\ntitle: T\nid: ../../etc/passwd\n---\nx\n", rel="es/a.md")
    assert art.meta.id == "es/a"
    assert art.problems and "id" in art.problems[0].message


def test_locale_detected_from_the_text_when_nothing_says():
    english = (
        "---\ntitle: Undefined array key error on import\n---\n"
        "The patch fixes the issue where the import of the customer data stops with an error.\n"
    )
    spanish = (
        "---\ntitle: Error al importar\n---\n"
        "El parche soluciona el problema por el que la importación de los datos se detiene.\n"
    )
    assert parse(english, rel="guides/x.md", default_locale="es").meta.locale == "en"
    assert parse(spanish, rel="guides/x.md", default_locale="en").meta.locale == "es"
    assert parse("---\ntitle: ACSD-1\n---\nQPT 1.1.40\n", rel="x.md", default_locale="en").meta.locale == "en"


@pytest.mark.parametrize(
    "front",
    ["audience: agents\nms.date: 2020-01-01", "audience: agents\nms.author: ana\nms.topic: article",
     "audience: Application User, Agents\nms.service: x", "audience: ''", "audience: [public, internal]"],
)  # fmt: skip
def test_every_unknown_audience_fails_closed_whatever_else_the_front_matter_holds(front):
    art = parse(f"---\ntitle: T\n{front}\n---\nx\n")
    assert art.meta.audience == "internal"
    assert [p.line for p in art.problems if "audience" in p.message] == [3]


@pytest.mark.parametrize("value", ["Application User", "itpro", "Application User, Developer, IT Pro", "Admin"])
def test_microsoft_learn_reader_roles_stay_public_as_metadata(value):
    art = parse(f"---\ntitle: T\naudience: {value}\nms.date: 01/02/2024\n---\nx\n")
    assert art.meta.audience == "public" and art.meta.extra["audience"] == value and not art.problems


def _alias_bomb(levels: int) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "bcdefghijk"[:levels]
    previous = "a"
    for name in names:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines)


def test_a_yaml_alias_bomb_is_refused_at_its_line_in_no_time():
    import time

    started = time.perf_counter()
    got = parse(f"---\ntitle: T\n{_alias_bomb(7)}\n---\nbody\n")
    assert time.perf_counter() - started < 1.0
    assert isinstance(got, Problem) and got.severity == "error"
    assert got.line == 4 and "aliases expand it" in got.message  # the first alias: line 4 of the file
    small = parse("---\ntitle: T\nbase: &b {x: 1}\ncopy: *b\n---\nbody\n")  # ordinary aliases are fine
    assert small.meta.extra["copy"] == {"x": 1}


def test_a_bomb_article_is_reported_and_the_rest_indexed(kb, encoder):
    kb.write("es/bomba.md", f"title: Bomba\n{_alias_bomb(8)}", "Texto.")
    kb.write("es/normal.md", "title: Normal", "Un artículo normal sobre facturas.")
    report = kb.build(encoder)
    assert [(p.path, p.line) for p in report.errors] == [("es/bomba.md", 4)]
    build = kb.data / "current"
    assert (build / "articles.json").stat().st_size < 100_000
    assert "es/normal" in (build / "articles.json").read_text(encoding="utf-8")
