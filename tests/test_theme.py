"""Branding without code: a theme folder gives the help center its name, logo, favicon, colours,
footer and contact link, its own CSS and templates; a theme kb cannot use stops it with a sentence."""

import logging
import shutil
from pathlib import Path

import pytest

from kb.web.theme import ThemeError, contrast
from tests.conftest import app_on

SAMPLE = Path(__file__).parents[1] / "docs" / "theme-example"


@pytest.fixture
def themed(starter, encoder, tmp_path):
    folder = tmp_path / "theme"
    shutil.copytree(SAMPLE, folder)
    return folder, lambda: app_on(starter, encoder, tmp_path / "kb.sqlite3", THEME_DIR=str(folder)).test_client()


def test_the_sample_theme_brands_every_page(themed):
    _, make = themed
    client = make()
    home = client.get("/?lang=es").get_data(as_text=True)
    assert "<title>Ayuda de Facturo</title>" in home and '<img class="logo" src="/theme/logo.svg" alt="">' in home
    assert '<link rel="icon" href="/theme/logo.svg">' in home
    assert 'href="/theme/colours.css"' in home and 'href="/theme/custom.css"' in home
    assert 'href="mailto:soporte@facturo.example">Contacta con soporte</a>' in home
    assert '<a href="https://status.facturo.example">Estado del servicio</a>' in home
    english = client.get("/articles/en/account/reset-password?lang=en").get_data(as_text=True)
    assert "Facturo Help" in english and ">Service status</a>" in english
    assert "Ayuda de Facturo" in client.get("/search?q=factura&lang=es").get_data(as_text=True)
    colours = client.get("/theme/colours.css").get_data(as_text=True)
    assert "--primary: #0d6b4f" in colours and "--accent: #0b5e8a" in colours
    assert client.get("/theme/logo.svg").status_code == 200
    assert "Inter" in client.get("/theme/custom.css").get_data(as_text=True)


def test_only_the_files_the_theme_names_are_served(themed):
    _, make = themed
    client = make()
    for name in ("theme.toml", "..%2Fkb.sqlite3", "missing.png"):
        assert client.get(f"/theme/{name}").status_code == 404


def test_a_theme_template_replaces_kbs_own(themed):
    folder, make = themed
    (folder / "templates").mkdir()
    (folder / "templates" / "home.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Bienvenido a Facturo</h1>{% endblock %}'
    )
    page = make().get("/?lang=es").get_data(as_text=True)
    assert "<h1>Bienvenido a Facturo</h1>" in page and "Ayuda de Facturo" in page


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('name = "X"\ncolour = "#000000"\n', "unknown key 'colour'"),
        ('primary_color = "blue"\n', "primary_color must be a colour"),
        ('logo = "nope.svg"\n', "is not a file"),
        ('logo = "../kb.sqlite3"\n', "must be the name of a file"),
        ('name = { fr = "Aide" }\n', "language kb does not speak"),
        ('contact_url = "javascript:alert(1)"\n', "contact_url must be"),
        ("name = \n", "does not parse"),
    ],
)
def test_a_theme_kb_cannot_use_stops_it_with_a_sentence(themed, toml, says):
    folder, make = themed
    (folder / "theme.toml").write_text(toml)
    with pytest.raises(ThemeError, match=says):
        make()


def test_hard_to_read_colours_are_a_warning_at_start(themed, caplog):
    folder, make = themed
    (folder / "theme.toml").write_text('primary_color = "#ffdd00"\naccent_color = "#0b5e8a"\n')
    with caplog.at_level(logging.WARNING, logger="kb.web.theme"):
        make()
    said = [r.getMessage() for r in caplog.records]
    assert any("white text on primary_color" in m and "below WCAG AA" in m for m in said)
    assert not any("accent_color" in m for m in said)


def test_without_a_theme_kb_looks_like_itself(starter, encoder, tmp_path):
    client = app_on(starter, encoder, tmp_path / "kb.sqlite3", THEME_DIR=str(tmp_path / "none")).test_client()
    home = client.get("/?lang=es").get_data(as_text=True)
    assert "<title>Centro de ayuda</title>" in home and "/theme/" not in home


def test_contrast_is_wcags():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0 and contrast("#777777", "#777777") == 1.0
    assert round(contrast("#ffffff", "#0b6bcb"), 2) == 5.28  # kb's own blue: AA for text
