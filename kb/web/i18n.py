"""The help center's interface text in Spanish and English, how a visitor's language is chosen, and how
values read in it: dates, numbers and plurals by Babel (CLDR's rules), languages by their names,
products and tags by their labels (``labels.yml``), never by their slugs."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
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
        "n_results": {"one": "{n} artículo", "other": "{n} artículos"},
        "no_results": "No encontramos artículos para «{q}». Prueba con otras palabras.",
        "did_you_mean": "¿Quisiste decir",
        "showing_for": "Mostrando resultados de {fixed}.",
        "search_instead": "Buscar solo {original}",
        "fallback_notice": "No encontramos respuestas en español. Resultados en inglés:",
        "fallback_es": "No encontramos respuestas en inglés. Resultados en español:",
        "internal": "Interno",
        "internal_help": "Solo para el personal: un cliente no puede abrir este enlace.",
        "contact_prompt": "¿No encuentras la respuesta?",
        "filter_locale": "Idioma",
        "filter_product": "Producto",
        "filter_tags": "Etiquetas",
        "all": "Todos",
        "clear_filters": "Quitar filtros",
        "previous": "Anterior",
        "next": "Siguiente",
        "pages": "Páginas de resultados",
        "updated": "Actualizado el",
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
        "too_many": "Demasiadas peticiones seguidas. Espera un momento y vuelve a intentarlo.",
        "staff_sign_in": "Acceso del personal",
        "staff_email": "Correo electrónico",
        "staff_password": "Contraseña",
        "staff_continue": "Continuar",
        "staff_bad_credentials": "El correo o la contraseña no son correctos.",
        "staff_code_title": "Código de verificación",
        "staff_code_help": (
            "Escribe el código de 6 cifras de tu aplicación de autenticación, o uno de tus códigos de recuperación."
        ),
        "staff_code": "Código",
        "staff_bad_code": "Ese código no es válido. Espera al siguiente e inténtalo de nuevo.",
        "staff_code_tries": "Demasiados códigos incorrectos. Vuelve a escribir tu correo y tu contraseña.",
        "staff_locked": (
            "Demasiados intentos fallidos con esta cuenta. Por seguridad, espera {n} min y vuelve a intentarlo."
        ),
        "staff_enrol_title": "Activa la verificación en dos pasos",
        "staff_enrol_help": (
            "Escanea este código QR con tu aplicación de autenticación (o escribe la clave) "
            "y confirma con el código que muestre."
        ),
        "staff_key": "Clave",
        "staff_recovery_title": "Tus códigos de recuperación",
        "staff_recovery_help": (
            "Guárdalos en un lugar seguro: cada uno sirve una vez si pierdes el teléfono. No volverás a verlos."
        ),
        "staff_go_on": "Ir a mi página",
        "staff_sign_out": "Cerrar sesión",
        "bad_request": "No pudimos entender la búsqueda",
        "back_home": "Volver al inicio",
        "no_index": "El centro de ayuda se está preparando. Vuelve en unos minutos.",
        "unavailable": "El centro de ayuda no está disponible en este momento. Inténtalo de nuevo en unos minutos.",
        "lang_es": "Español",
        "lang_en": "English",
        "agent_title": "Consola de agentes",
        "agent_intro": "Pega un ticket: te mostramos los artículos que lo responden, la sección y por qué.",
        "agent_token": "Token de agente",
        "agent_token_help": "Créalo con «kb token create --role agent». Se guarda solo en esta pestaña.",
        "agent_sign_in": "Entrar",
        "agent_sign_out": "Salir",
        "agent_bad_token": "Ese token no es válido o fue revocado.",
        "agent_subject": "Asunto",
        "agent_body": "Mensaje del cliente",
        "agent_suggest": "Sugerir artículos",
        "agent_confidence": "Confianza",
        "agent_used": "Lo usé",
        "agent_not_relevant": "No es relevante",
        "agent_marked": "Anotado",
        "agent_gap": "Ninguna sugerencia es lo bastante segura: queda registrado como posible hueco de contenido.",
        "agent_none": "No hay artículos que sugerir para este ticket.",
        "agent_failed": "No pudimos obtener sugerencias. Inténtalo de nuevo.",
        "owners_title": "Cola de revisión",
        "owners_intro": (
            "Los artículos que necesitan a sus responsables, y por qué; primero los que más cuestan a los clientes."
        ),
        "owners_token": "Token de responsable",
        "owners_token_help": "Créalo con «kb token create --role owner». Se guarda solo en esta pestaña.",
        "owners_bad_token": "Ese token no es de un responsable (owner o admin), no es válido o fue revocado.",
        "owners_owner": "Responsable",
        "owners_reason": "Motivo",
        "owners_locale": "Idioma",
        "owners_all": "Todos",
        "owners_show": "Mostrar",
        "owners_score": "Puntuación",
        "owners_reviewed": "Revisado",
        "owners_snooze": "Posponer 14 días",
        "owners_done": "Anotado",
        "owners_empty": "Nada que revisar con estos filtros.",
        "owners_gaps": "Contenido que falta",
        "owners_gap_line": "{searches} y {tickets} sobre «{topic}»; ningún artículo",
        "searches_n": {"one": "{n} búsqueda", "other": "{n} búsquedas"},
        "tickets_n": {"one": "{n} ticket", "other": "{n} tickets"},
        "owners_comments": "Lo que dijeron los clientes",
        "analytics_comments": "Comentarios de los clientes",
        "analytics_comments_csv": "Descargar todos (CSV)",
        "analytics_staff": "Búsquedas del personal (fuera de estas cifras)",
        "analytics_no_comments": "Ningún comentario en este periodo.",
        "vote_yes_short": "útil",
        "vote_no_short": "no útil",
        "owners_failed": "No pudimos cargar la cola. Inténtalo de nuevo.",
        "owners_analytics": "Analítica",
        "owners_queue": "Cola de revisión",
        "analytics_title": "Analítica",
        "analytics_from": "Desde",
        "analytics_to": "Hasta",
        "analytics_searches": "Búsquedas",
        "analytics_zero": "Sin resultados",
        "analytics_helpful": "Votos útiles",
        "analytics_acceptance": "Sugerencias aceptadas",
        "analytics_confident": "Tickets con sugerencia segura",
        "analytics_per_day": "Búsquedas por día (en oscuro, sin resultados)",
        "analytics_ctr": "Clics por posición del resultado",
        "analytics_top": "Búsquedas más frecuentes",
        "analytics_none": "sin datos",
        "users_title": "Cuentas del personal",
        "users_intro": (
            "Quién puede entrar en las páginas del personal. Desactivar una cuenta o restablecer su segundo "
            "factor cierra todas sus sesiones al momento."
        ),
        "users_token": "Token de administrador",
        "users_token_help": "Créalo con «kb token create --role admin». Se guarda solo en esta pestaña.",
        "users_bad_token": "Ese token no es de un administrador, no es válido o fue revocado.",
        "users_role": "Rol",
        "users_state": "Estado",
        "users_sessions": "Sesiones abiertas",
        "users_actions": "Acciones",
        "users_name": "Nombre",
        "users_new": "Nueva cuenta",
        "users_create": "Crear cuenta",
        "users_password_help": (
            "Al menos 12 caracteres. En su primer acceso, la persona activa una aplicación de autenticación."
        ),
        "users_enrolled": "Activa, con verificación en dos pasos",
        "users_not_enrolled": "Activa, sin verificación en dos pasos todavía",
        "users_disabled": "Desactivada",
        "users_disable": "Desactivar",
        "users_enable": "Activar",
        "users_reset": "Restablecer 2FA",
        "users_reset_q": "¿Restablecer la verificación en dos pasos de {email}? Tendrá que activarla de nuevo.",
        "users_delete": "Eliminar",
        "users_delete_q": "¿Eliminar la cuenta {email}? No se puede deshacer.",
        "users_failed": "No pudimos completar la operación. Inténtalo de nuevo.",
        "users_none": "Todavía no hay ninguna cuenta: crea la primera aquí abajo.",
    },
    "en": {
        "site": "Help center",
        "search_placeholder": "Describe your problem or question…",
        "search_button": "Search",
        "hello": "How can we help?",
        "recent": "Recently updated articles",
        "results_for": "Results for “{q}”",
        "n_results": {"one": "{n} article", "other": "{n} articles"},
        "no_results": "We found no articles for “{q}”. Try other words.",
        "did_you_mean": "Did you mean",
        "showing_for": "Showing results for {fixed}.",
        "search_instead": "Search only for {original}",
        "fallback_notice": "We found no answers in English. Results in Spanish:",
        "fallback_es": "We found no answers in Spanish. Results in English:",
        "internal": "Internal",
        "internal_help": "Staff only: a customer cannot open this link.",
        "contact_prompt": "Can't find the answer?",
        "filter_locale": "Language",
        "filter_product": "Product",
        "filter_tags": "Tags",
        "all": "All",
        "clear_filters": "Clear filters",
        "previous": "Previous",
        "next": "Next",
        "pages": "Result pages",
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
        "too_many": "Too many requests in a row. Wait a moment and try again.",
        "staff_sign_in": "Staff sign-in",
        "staff_email": "E-mail",
        "staff_password": "Password",
        "staff_continue": "Continue",
        "staff_bad_credentials": "That e-mail or password is not right.",
        "staff_code_title": "Verification code",
        "staff_code_help": "Type the 6-digit code from your authenticator app, or one of your recovery codes.",
        "staff_code": "Code",
        "staff_bad_code": "That code is not valid. Wait for the next one and try again.",
        "staff_code_tries": "Too many wrong codes. Please type your e-mail and password again.",
        "staff_locked": "Too many failed attempts for this account. For your security, wait {n} min and try again.",
        "staff_enrol_title": "Turn on two-step verification",
        "staff_enrol_help": (
            "Scan this QR code with your authenticator app (or type the key) and confirm with the code it shows."
        ),
        "staff_key": "Key",
        "staff_recovery_title": "Your recovery codes",
        "staff_recovery_help": (
            "Keep them somewhere safe: each works once if you lose your phone. You will not see them again."
        ),
        "staff_go_on": "Go to my page",
        "staff_sign_out": "Sign out",
        "bad_request": "We could not understand that search",
        "back_home": "Back to the help center",
        "no_index": "The help center is being prepared. Please come back in a few minutes.",
        "unavailable": "The help center is not available right now. Please try again in a few minutes.",
        "lang_es": "Español",
        "lang_en": "English",
        "agent_title": "Agent console",
        "agent_intro": "Paste a ticket: see the articles that answer it, the section, and why.",
        "agent_token": "Agent token",
        "agent_token_help": "Create one with “kb token create --role agent”. It is kept in this tab only.",
        "agent_sign_in": "Sign in",
        "agent_sign_out": "Sign out",
        "agent_bad_token": "That token is not valid or was revoked.",
        "agent_subject": "Subject",
        "agent_body": "Customer's message",
        "agent_suggest": "Suggest articles",
        "agent_confidence": "Confidence",
        "agent_used": "Used it",
        "agent_not_relevant": "Not relevant",
        "agent_marked": "Noted",
        "agent_gap": "No suggestion is sure enough: recorded as a possible content gap.",
        "agent_none": "No articles to suggest for this ticket.",
        "agent_failed": "We could not get suggestions. Try again.",
        "owners_title": "Review queue",
        "owners_intro": "The articles that need their owners, and why; those that cost customers most first.",
        "owners_token": "Owner token",
        "owners_token_help": "Create one with “kb token create --role owner”. It is kept in this tab only.",
        "owners_bad_token": "That token is not an owner's (owner or admin), is not valid, or was revoked.",
        "owners_owner": "Owner",
        "owners_reason": "Reason",
        "owners_locale": "Language",
        "owners_all": "All",
        "owners_show": "Show",
        "owners_score": "Score",
        "owners_reviewed": "Reviewed",
        "owners_snooze": "Snooze 14 days",
        "owners_done": "Noted",
        "owners_empty": "Nothing to review with these filters.",
        "owners_gaps": "Missing content",
        "owners_gap_line": "{searches} and {tickets} about “{topic}”; no article",
        "searches_n": {"one": "{n} search", "other": "{n} searches"},
        "tickets_n": {"one": "{n} ticket", "other": "{n} tickets"},
        "owners_comments": "What customers said",
        "analytics_comments": "Customers' comments",
        "analytics_comments_csv": "Download all (CSV)",
        "analytics_staff": "Staff searches (left out of these figures)",
        "analytics_no_comments": "No comments in this period.",
        "vote_yes_short": "helpful",
        "vote_no_short": "not helpful",
        "owners_failed": "We could not load the queue. Try again.",
        "owners_analytics": "Analytics",
        "owners_queue": "Review queue",
        "analytics_title": "Analytics",
        "analytics_from": "From",
        "analytics_to": "To",
        "analytics_searches": "Searches",
        "analytics_zero": "Zero results",
        "analytics_helpful": "Helpful votes",
        "analytics_acceptance": "Suggestions accepted",
        "analytics_confident": "Tickets with a confident suggestion",
        "analytics_per_day": "Searches per day (dark: zero results)",
        "analytics_ctr": "Click-through by result position",
        "analytics_top": "Top searches",
        "analytics_none": "no data",
        "users_title": "Staff accounts",
        "users_intro": (
            "Who can sign in to the staff pages. Disabling an account or resetting its second factor ends "
            "every one of its sessions at once."
        ),
        "users_token": "Admin token",
        "users_token_help": "Create one with “kb token create --role admin”. It is kept in this tab only.",
        "users_bad_token": "That token is not an admin's, is not valid, or was revoked.",
        "users_role": "Role",
        "users_state": "State",
        "users_sessions": "Open sessions",
        "users_actions": "Actions",
        "users_name": "Name",
        "users_new": "New account",
        "users_create": "Create account",
        "users_password_help": "At least 12 characters. At their first sign-in, they set up an authenticator app.",
        "users_enrolled": "Active, with two-step verification",
        "users_not_enrolled": "Active, no two-step verification yet",
        "users_disabled": "Disabled",
        "users_disable": "Disable",
        "users_enable": "Enable",
        "users_reset": "Reset 2FA",
        "users_reset_q": "Reset the two-step verification of {email}? They will have to set it up again.",
        "users_delete": "Delete",
        "users_delete_q": "Delete the account {email}? This cannot be undone.",
        "users_failed": "We could not complete that. Try again.",
        "users_none": "No accounts yet: create the first one below.",
    },
}


def visitor_language(request: Request, default: str) -> str:
    """``?lang=``, then the cookie a previous choice left, then the browser's Accept-Language, then ``default``."""
    for value in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGUAGES:
            return value
    return request.accept_languages.best_match(LANGUAGES) or default


class Formatter:
    """Values as the interface's language writes them (templates get one as ``fmt``)."""

    def __init__(self, lang: str, labels: dict | None = None) -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.locale = Locale.parse(self.lang)
        self.labels = labels or {}

    def date(self, value: str | dt.date | dt.datetime | None) -> str:
        """``22 de noviembre de 2026`` / ``November 22, 2026``; "" for nothing or what is not a date."""
        if not value:
            return ""
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return ""
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format="long", locale=self.locale)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, share: float | None) -> str:
        """``33,3 %`` / ``33.3%``."""
        if share is None:
            return "–"
        return format_percent(share, format="#,##0.0 %" if self.lang == "es" else "#,##0.0%", locale=self.locale)

    def count(self, n: int, key: str) -> str:
        """``TEXT[key]`` in its plural form for ``n`` (``1 artículo``, ``2 artículos``)."""
        forms = TEXT[self.lang][key]
        form = forms.get(self.locale.plural_form(n), forms["other"])
        return form.format(n=self.number(n))

    def language(self, code: str) -> str:
        """``Español`` / ``Spanish``: a language's name in the interface's language."""
        name = self.locale.languages.get(code)
        return name[:1].upper() + name[1:] if name else code

    def product(self, slug: str) -> str:
        return self._label("products", slug)

    def tag(self, slug: str) -> str:
        return self._label("tags", slug)

    def _label(self, kind: str, slug: str) -> str:
        names = self.labels.get(kind, {}).get((slug or "").lower())
        if names:
            return names.get(self.lang) or next(iter(names.values()))
        if kind == "tags":
            return slug
        words = (slug or "").replace("-", " ").replace("_", " ").strip()
        return words[:1].upper() + words[1:]
