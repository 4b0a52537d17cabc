"""The help center's interface text in Spanish and English, and how a visitor's language is chosen."""

from __future__ import annotations

from flask import Request

LANGUAGES = ("es", "en")
COOKIE = "kb_lang"

TEXT: dict[str, dict[str, str]] = {
    "es": {
        "site": "Centro de ayuda",
        "search_placeholder": "Describe tu problema o pregunta…",
        "search_button": "Buscar",
        "hello": "¿En qué podemos ayudarte?",
        "recent": "Artículos actualizados recientemente",
        "results_for": "Resultados para «{q}»",
        "n_results": "{n} artículos",
        "no_results": "No encontramos artículos para «{q}». Prueba con otras palabras.",
        "did_you_mean": "¿Quisiste decir",
        "filter_locale": "Idioma",
        "filter_product": "Producto",
        "filter_tags": "Etiquetas",
        "all": "Todos",
        "clear_filters": "Quitar filtros",
        "previous": "Anterior",
        "next": "Siguiente",
        "updated": "Actualizado",
        "contents": "En este artículo",
        "helpful_q": "¿Te resultó útil este artículo?",
        "yes": "Sí",
        "no": "No",
        "thanks": "¡Gracias por tu opinión!",
        "vote_failed": "No pudimos guardar tu voto. Inténtalo de nuevo.",
        "comment_placeholder": "¿Qué faltaba? (opcional)",
        "send": "Enviar",
        "related": "Artículos relacionados",
        "translations": "Este artículo en otros idiomas",
        "not_found": "No encontramos esa página.",
        "bad_request": "No pudimos entender la búsqueda",
        "back_home": "Volver al inicio",
        "no_index": "El centro de ayuda se está preparando. Vuelve en unos minutos.",
        "lang_es": "Español",
        "lang_en": "English",
    },
    "en": {
        "site": "Help center",
        "search_placeholder": "Describe your problem or question…",
        "search_button": "Search",
        "hello": "How can we help?",
        "recent": "Recently updated articles",
        "results_for": "Results for “{q}”",
        "n_results": "{n} articles",
        "no_results": "We found no articles for “{q}”. Try other words.",
        "did_you_mean": "Did you mean",
        "filter_locale": "Language",
        "filter_product": "Product",
        "filter_tags": "Tags",
        "all": "All",
        "clear_filters": "Clear filters",
        "previous": "Previous",
        "next": "Next",
        "updated": "Updated",
        "contents": "In this article",
        "helpful_q": "Was this article helpful?",
        "yes": "Yes",
        "no": "No",
        "thanks": "Thanks for your feedback!",
        "vote_failed": "We could not save your vote. Please try again.",
        "comment_placeholder": "What was missing? (optional)",
        "send": "Send",
        "related": "Related articles",
        "translations": "This article in other languages",
        "not_found": "We could not find that page.",
        "bad_request": "We could not understand that search",
        "back_home": "Back to the help center",
        "no_index": "The help center is being prepared. Please come back in a few minutes.",
        "lang_es": "Español",
        "lang_en": "English",
    },
}


def visitor_language(request: Request, default: str) -> str:
    """``?lang=``, then the cookie a previous choice left, then the browser's Accept-Language, then ``default``."""
    for value in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGUAGES:
            return value
    return request.accept_languages.best_match(LANGUAGES) or default
