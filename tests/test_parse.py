from indexer.parse import clean_text, parse_article, slugify
from indexer.sources import Source

DOC = """---
title: Generar informes
---
# <a name="generate-reports"></a>Generar informes

Introducción con [enlace](otro.md#algo) y ![logo](img/logo.png).

## Requisitos previos

Texto de requisitos.

### Permisos {#permisos-custom}

Necesitas permisos.

## Requisitos previos

Otra sección con el mismo título.

| Campo | Valor |
| --- | --- |
| Serie | A |

```bash
kb index
```

<script>alert(1)</script>
"""


def test_sections_paths_anchors_and_lines():
    art = parse_article(Source("es/informes.md", DOC, "x", 0.0), "es")
    heads = [(s.heading, s.path, s.anchor, s.line_start) for s in art.sections]
    assert heads == [
        ("Generar informes", (), "generate-reports", 1),
        ("Requisitos previos", ("Requisitos previos",), "requisitos-previos", 8),
        ("Permisos", ("Requisitos previos", "Permisos"), "permisos-custom", 12),
        ("Requisitos previos", ("Requisitos previos",), "requisitos-previos-1", 16),
    ]
    assert art.sections[0].line_end == 7
    last = art.sections[-1]
    texts = [b.text for b in last.blocks]
    assert "Campo | Valor" in texts and "Serie | A" in texts
    assert "kb index" in texts
    # Raw HTML is text, never markup; tags are stripped from what is indexed.
    assert any("alert(1)" in t for t in texts)
    assert not any("<script>" in t for t in texts)


def test_links_and_images_with_lines():
    art = parse_article(Source("es/informes.md", DOC, "x", 0.0), "es")
    assert [(link.href, link.line, link.kind) for link in art.links] == [
        ("otro.md#algo", 6, "link"),
        ("img/logo.png", 6, "image"),
    ]


def test_slugify_like_github():
    assert slugify("¿Cómo escalar?") == "cómo-escalar"
    assert slugify("Step 1: Install") == "step-1-install"


def test_clean_text_drops_foreign_markup():
    assert clean_text("Use [!DNL Quality Patches Tool] now") == "Use Quality Patches Tool now"
    assert clean_text("[!NOTE] Cuidado") == "Cuidado"
    assert clean_text("[!INCLUDE [banner](../includes/b.md)] Texto") == "Texto"
