"""Categories → sections → articles: folders, _meta.yml, front matter, pages and their JSON twins."""

import pytest

from indexer.categories import place, pretty, read_meta
from kb.cli import main as cli_main
from tests.conftest import KB, app_on


def test_folders_place_articles_in_categories_and_sections():
    assert place("es/facturacion/crear-factura.md") == ("es/facturacion", "es/facturacion")  # the default section
    assert place("es/facturacion/normativa/verifactu.md") == ("es/facturacion", "es/facturacion/normativa")
    assert place("es/facturacion/normativa/mx/cfdi.md") == ("es/facturacion", "es/facturacion/normativa")
    assert place("es/suelto.md") == ("", "")  # directly in a locale folder: in no category
    # A repository without locale folders (Microsoft Learn): its top folders; front matter names win.
    assert place("finance/general-ledger/x.md") == ("finance", "finance/general-ledger")
    assert place("docs/x.md", "Facturación electrónica", "España") == (
        "facturación-electrónica", "facturación-electrónica/españa"
    )  # fmt: skip
    assert place("es/x.md", "Cuenta") == ("es/cuenta", "es/cuenta")
    assert place("es/facturacion/x.md", "", "Normativa fiscal") == ("es/facturacion", "es/facturacion/normativa-fiscal")
    assert pretty("primeros-pasos") == "Primeros pasos" and pretty("getting_started") == "Getting started"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: [unclosed", "malformed YAML"),
        ("title: {es: Facturación, fr: Facturation}", "language 'fr'"),
        ("title: {en: Invoicing}", "no 'es' text"),
        ("position: first", "whole number"),
        ("icon: Not An Icon!", "icon must be"),
        ("colour: red", "unknown key 'colour'"),
        ("- a list", "small mapping"),
    ],
)
def test_a_meta_file_kb_cannot_use_is_reported(tmp_path, text, problem):
    path = tmp_path / "_meta.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = read_meta(path, "es/facturacion/_meta.yml")
    assert any(problem in p.message for p in problems), problems


def test_kb_check_reports_meta_files(tmp_path, monkeypatch):
    from click.testing import CliRunner

    kb = KB(tmp_path)
    kb.write("es/facturacion/crear.md", "title: Crear una factura", "Pulsa Nueva factura.")
    (kb.articles / "es" / "facturacion" / "_meta.yml").write_text("title: {es: Facturación, pt: Faturação}\n")
    (kb.articles / "es" / "cuenta").mkdir(parents=True)
    (kb.articles / "es" / "cuenta" / "_meta.yml").write_text("title: [roto\n")
    result = CliRunner().invoke(cli_main, ["check", "--articles", str(kb.articles), "--strict"])
    assert result.exit_code == 1
    assert "es/facturacion/_meta.yml:1: title names language 'pt'" in result.output
    assert "es/cuenta/_meta.yml:" in result.output and "malformed YAML" in result.output


@pytest.fixture(scope="module")
def browse(tmp_path_factory, encoder):
    kb = KB(tmp_path_factory.mktemp("browse"))
    kb.write("es/facturacion/crear.md", "title: Crear una factura\npromoted: true", "Pulsa Nueva factura.")
    kb.write("es/facturacion/anular.md", "title: Anular una factura", "Emite una factura rectificativa.")
    kb.write("es/facturacion/normativa/verifactu.md", "title: VeriFactu", "El registro de facturas de la AEAT.")
    kb.write("es/facturacion/normativa/iva.md", "title: IVA\nstatus: draft", "Borrador.")
    kb.write("es/cuenta/clave.md", "title: Cambiar la contraseña", "Abre Perfil.")
    kb.write("es/internas/fraude.md", "title: Fraude\naudience: internal", "Procedimiento interno.")
    kb.write("es/suelto.md", "title: Un artículo suelto", "Sin categoría.")
    kb.write("en/invoicing/create.md", "title: Create an invoice\ntranslation_of: es/facturacion/crear", "Press New.")
    kb.write(
        "en/invoicing/tax/verifactu.md",
        "title: VeriFactu (Spain)\ntranslation_of: es/facturacion/normativa/verifactu",
        "AEAT.",
    )
    kb.write("es/guias.md", "title: Guía de cierre\ncategory: Contabilidad\nsection: Cierre del año", "Cierra el año.")
    (kb.articles / "es" / "facturacion" / "_meta.yml").write_text(
        "title: {es: Facturación, en: Invoicing}\ndescription:\n  es: Emitir y corregir facturas.\n"
        "icon: receipt\nposition: 1\n", encoding="utf-8",
    )  # fmt: skip
    (kb.articles / "es" / "facturacion" / "normativa" / "_meta.yml").write_text(
        "title: Normativa fiscal\ndescription: Lo que exige Hacienda.\n", encoding="utf-8"
    )
    (kb.articles / "es" / "cuenta" / "_meta.yml").write_text("title: Tu cuenta\nposition: 2\n", encoding="utf-8")
    report = kb.build(encoder)
    assert not report.errors and not report.warnings, report.problems
    app = app_on(kb, encoder, tmp_path_factory.mktemp("browse-db") / "kb.sqlite3")
    return app.test_client()


def test_the_categories_api_is_the_customers_tree(browse):
    body = browse.get("/api/v1/categories?locale=es").get_json()
    assert body["locale"] == "es"
    cats = {c["id"]: c for c in body["categories"]}
    assert list(cats) == ["es/facturacion", "es/cuenta", "es/contabilidad"]  # by position, then title
    billing = cats["es/facturacion"]
    assert billing["title"] == "Facturación" and billing["description"] == "Emitir y corregir facturas."
    assert billing["icon"] == "receipt" and billing["articles"] == 3  # the draft is not counted
    assert billing["translations"] == {"en": "/categories/en/invoicing"}  # its articles' translations say so
    default, rules = billing["sections"]
    assert default["default"] and default["id"] == "es/facturacion"
    assert [a["title"] for a in default["articles"]] == ["Crear una factura", "Anular una factura"]  # promoted first
    assert rules["title"] == "Normativa fiscal" and rules["url"] == "/sections/es/facturacion/normativa"
    assert [a["id"] for a in rules["articles"]] == ["es/facturacion/normativa/verifactu"]
    assert cats["es/cuenta"]["title"] == "Tu cuenta"
    accounting = cats["es/contabilidad"]  # from front matter, named as written
    assert accounting["title"] == "Contabilidad" and accounting["sections"][0]["title"] == "Cierre del año"
    assert "es/internas" not in cats  # only internal articles: no such category for customers
    en = browse.get("/api/v1/categories?locale=en").get_json()["categories"]
    assert [c["id"] for c in en] == ["en/invoicing"] and en[0]["title"] == "Invoicing"
    assert en[0]["sections"][1]["title"] == "Tax"  # no _meta.yml: the folder's name, shown nicely


def test_staff_see_the_internal_category(browse):
    from kb.services import tokens

    app = browse.application
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "browse")
    body = browse.get("/api/v1/categories?locale=es", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert "es/internas" in {c["id"] for c in body["categories"]}


def test_category_and_section_documents_and_pages(browse):
    one = browse.get("/api/v1/categories/es/facturacion").get_json()
    assert one["id"] == "es/facturacion" and len(one["sections"]) == 2
    section = browse.get("/api/v1/sections/es/facturacion/normativa").get_json()
    assert section["category"]["id"] == "es/facturacion" and section["section"]["title"] == "Normativa fiscal"
    assert browse.get("/api/v1/categories/es/nada").status_code == 404
    assert browse.get("/api/v1/sections/es/internas").status_code == 404
    page = browse.get("/categories/es/facturacion?lang=es").get_data(as_text=True)
    assert "Normativa fiscal" in page and 'href="/sections/es/facturacion/normativa"' in page
    assert 'href="/categories/en/invoicing?lang=en"' in page  # the language switch goes to the translation
    assert 'aria-label="Estás aquí"' in page
    section_page = browse.get("/sections/es/facturacion/normativa?lang=es").get_data(as_text=True)
    assert 'href="/categories/es/facturacion"' in section_page and "VeriFactu" in section_page
    assert browse.get("/sections/es/facturacion").status_code == 301  # the default section is the category
    article = browse.get("/articles/es/facturacion/normativa/verifactu?lang=es").get_data(as_text=True)
    crumbs = article.split('class="crumbs"', 1)[1].split("</nav>", 1)[0]
    assert "Facturación" in crumbs and "Normativa fiscal" in crumbs and 'aria-current="page">VeriFactu' in crumbs
    assert '"@type": "BreadcrumbList"' in article


def test_the_home_page_has_category_cards_promoted_and_most_viewed(browse):
    for _ in range(3):
        browse.get("/articles/es/cuenta/clave").close()  # closing the answer runs its after-response work
    browse.get("/articles/es/facturacion/anular").close()
    home = browse.get("/?lang=es").get_data(as_text=True)
    cards = home.split('class="cards"', 1)[1].split("</ul>", 1)[0]
    assert cards.index("Facturación") < cards.index("Tu cuenta") and "3 artículos" in cards
    promoted = home.split('id="promoted-h"', 1)[1].split("</section>", 1)[0]
    assert "Crear una factura" in promoted and "Anular" not in promoted
    viewed = home.split('id="viewed-h"', 1)[1].split("</section>", 1)[0]
    assert viewed.index("Cambiar la contraseña") < viewed.index("Anular una factura")


def test_the_sitemap_lists_category_and_section_pages(browse):
    sitemap = browse.get("/sitemap.xml").get_data(as_text=True)
    assert "/categories/es/facturacion</loc>" in sitemap and "/sections/es/facturacion/normativa</loc>" in sitemap
    assert 'hreflang="en" href="http://localhost/categories/en/invoicing"' in sitemap
    assert "internas" not in sitemap
