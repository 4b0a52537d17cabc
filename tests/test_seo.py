"""What search engines and link previews see of the starter help center: a sitemap of the public
articles with their translations as hreflang alternates, robots.txt, a favicon, and on every article a
canonical link, a description from its summary and Open Graph tags."""

import re
import xml.etree.ElementTree as ET

import pytest

from kb.settings import SettingsError, load
from tests.conftest import app_on

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def client(starter, encoder, tmp_path_factory):
    db = tmp_path_factory.mktemp("seo") / "kb.sqlite3"
    return app_on(starter, encoder, db, PUBLIC_URL="https://ayuda.example.com").test_client()


def test_the_sitemap_lists_every_public_article_and_pairs_translations(client):
    answer = client.get("/sitemap.xml")
    assert answer.status_code == 200 and answer.mimetype == "application/xml"
    root = ET.fromstring(answer.data)
    locs = [u.findtext("s:loc", namespaces=NS) for u in root.findall("s:url", NS)]
    assert "https://ayuda.example.com/articles/es/cuenta/restablecer-contrasena" in locs
    health = client.get("/-/health").get_json()
    assert len([loc for loc in locs if "/articles/" in loc]) == health["articles"]  # every public one, once
    assert not [loc for loc in locs if "/internal/" in loc or "/internas/" in loc]
    entry = next(
        u for u in root.findall("s:url", NS) if u.findtext("s:loc", namespaces=NS).endswith("en/account/reset-password")
    )
    alternates = {a.get("hreflang"): a.get("href") for a in entry.findall("x:link", NS)}
    assert alternates == {
        "en": "https://ayuda.example.com/articles/en/account/reset-password",
        "es": "https://ayuda.example.com/articles/es/cuenta/restablecer-contrasena",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", entry.findtext("s:lastmod", namespaces=NS))


def test_robots_keeps_crawlers_to_the_articles_and_names_the_sitemap(client):
    text = client.get("/robots.txt").get_data(as_text=True)
    assert "Disallow: /api/" in text and "Disallow: /agent" in text and "Disallow: /search" not in text
    assert "Sitemap: https://ayuda.example.com/sitemap.xml" in text


def test_a_search_page_is_canonical_to_its_query_and_its_filters_are_not_followed(client):
    page = client.get("/search?q=factura&tag=pagos&lang=es").get_data(as_text=True)
    assert '<link rel="canonical" href="https://ayuda.example.com/search?q=factura">' in page
    facets = page.split('id="filters"', 1)[1].split("</aside>", 1)[0]
    links = re.findall(r"<a [^>]*>", facets)
    assert links and all('rel="nofollow"' in a for a in links)


def test_the_favicon_is_found(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301
    icon = client.get(answer.headers["Location"])
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"


def test_an_article_is_shared_and_listed_properly(client):
    page = client.get("/articles/es/cuenta/restablecer-contrasena").get_data(as_text=True)
    canonical = "https://ayuda.example.com/articles/es/cuenta/restablecer-contrasena"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert '<meta name="description" content="Qué hacer si olvidaste tu contraseña' in page
    assert '<meta property="og:type" content="article">' in page and 'property="og:title"' in page
    assert 'hreflang="en" href="https://ayuda.example.com/articles/en/account/reset-password"' in page
    home = client.get("/?lang=en").get_data(as_text=True)
    assert '<link rel="canonical" href="https://ayuda.example.com/?lang=en">' in home
    assert '<meta property="og:locale" content="en_US">' in home


def test_without_a_public_url_links_name_the_address_asked(starter, encoder, tmp_path):
    client = app_on(starter, encoder, tmp_path / "kb.sqlite3").test_client()
    text = client.get("/robots.txt", base_url="http://kb.internal:8080").get_data(as_text=True)
    assert "Sitemap: http://kb.internal:8080/sitemap.xml" in text


@pytest.mark.parametrize("bad", ["ayuda.example.com", "ftp://x", "https://a b", "https://x/?q=1"])
def test_a_public_url_that_is_no_address_is_refused(bad):
    with pytest.raises(SettingsError, match="PUBLIC_URL"):
        load({"PUBLIC_URL": bad}, environ={})
