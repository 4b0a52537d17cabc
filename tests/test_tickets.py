"""Ticket cleaning: real-shaped e-mails in Spanish and English, down to the customer's own words."""

from kb.services.tickets import clean_ticket

QUESTION_ES = (
    "Desde ayer no puedo conciliar los extractos bancarios: al importar el archivo aparece el error "
    "«formato no válido» y el botón Conciliar queda gris."
)

REPLY_CHAIN_ES = f"""Hola equipo de soporte,

{QUESTION_ES}

¿Me pueden ayudar?

Saludos cordiales,
María López
Responsable de Tesorería | Acme S.A.
Tel. +34 600 000 000

AVISO LEGAL: Este mensaje y sus anexos son confidenciales y se dirigen exclusivamente a su destinatario.
Si usted ha recibido este mensaje por error, notifíquelo al remitente y elimínelo.

El lun, 3 nov 2025 a las 10:12, Soporte Acme (<soporte@acme.example>) escribió:
> Hola María, ¿puede enviarnos una captura del error?
>
> El vie, 31 oct 2025 a las 9:00, María López (<maria@cliente.example>) escribió:
>> Buenos días, tengo un problema con la conciliación bancaria.
"""

HTML_OUTLOOK_EN = """<html><head><style>p{margin:0}</style></head><body>
<div dir="ltr"><p>Hi team,</p>
<p>Our storefront returns a <b>503 error</b> after enabling Fastly full-page cache on production.</p>
<p>Thanks,</p><p>John Smith<br>Platform Engineer</p>
<p>Sent from my iPhone</p>
<div class="gmail_quote"><div>On Mon, Nov 3, 2025 at 10:12 AM Support &lt;support@example.com&gt; wrote:</div>
<blockquote>Hello John, which environment is affected?</blockquote></div>
</div></body></html>"""

OUTLOOK_PLAIN_ES = """Buenas tardes:
El informe de inventario no muestra las existencias del almacén central.

-----Mensaje original-----
De: Soporte <soporte@acme.example>
Enviado el: martes, 4 de noviembre de 2025 9:15
Para: Juan
Asunto: RE: inventario
"""


def test_spanish_reply_chain_keeps_only_the_question():
    clean = clean_ticket("RE: RV: Error al conciliar", REPLY_CHAIN_ES)
    assert clean.text == f"Error al conciliar\n\n{QUESTION_ES}\n\n¿Me pueden ayudar?"
    assert {"greeting", "sign_off", "quoted_reply"} <= set(clean.removed)
    for gone in ("María López", "confidenciales", "captura", "Buenos días", "Tesorería"):
        assert gone not in clean.text


def test_html_email_drops_quotes_signature_and_sent_from():
    clean = clean_ticket("Fastly 503", HTML_OUTLOOK_EN)
    assert clean.text == (
        "Fastly 503\n\nOur storefront returns a 503 error after enabling Fastly full-page cache on production."
    )
    assert "html" in clean.removed and "quoted_reply" in clean.removed


def test_outlook_original_message_block_is_cut():
    clean = clean_ticket("", OUTLOOK_PLAIN_ES)
    assert clean.text == "El informe de inventario no muestra las existencias del almacén central."
    assert "quoted_reply" in clean.removed and "greeting" in clean.removed


def test_greeting_on_the_question_line_and_a_clean_ticket():
    assert clean_ticket("", "Hola, no puedo iniciar sesión en la app.").text == "no puedo iniciar sesión en la app."
    plain = "The export to Excel button does nothing in Chrome."
    clean = clean_ticket("Export broken", plain)
    assert clean.text == f"Export broken\n\n{plain}" and clean.removed == []


def test_words_that_look_like_conventions_inside_sentences_stay():
    body = "Gracias por la respuesta, pero on the invoice page the total is wrong.\nEl campo IVA escribe 0."
    assert clean_ticket("", body).text == body


def test_signature_delimiter_and_disclaimer_in_english():
    body = (
        "Password reset emails never arrive for our customers.\n\n"
        "This email and any attachments are confidential and intended solely for the addressee. "
        "If you have received this email in error please notify the sender.\n"
        "-- \nJohn\n"
    )
    clean = clean_ticket("", body)
    assert clean.text == "Password reset emails never arrive for our customers."
    assert "disclaimer" in clean.removed and "signature" in clean.removed


# -- through the suggestion path, on the starter knowledge base and the real model -------------------------


def test_reply_chain_suggests_what_its_clean_text_suggests(starter, encoder):
    from kb.services import search as search_service
    from kb.services.engine import Engine
    from kb.services.suggest import suggest

    engine = Engine.from_settings(starter.settings, lambda: encoder)
    question = "No me llega el correo para restablecer la contraseña y no puedo entrar a mi cuenta."
    chain = f"""Buenos días,

{question}

Un saludo,
Pedro Gómez
Administración | Talleres Gómez S.L.

AVISO LEGAL: Este mensaje es confidencial y va dirigido exclusivamente a su destinatario. Si usted ha recibido
este mensaje por error, le rogamos que lo comunique al remitente y lo elimine.

El mar, 4 nov 2025 a las 9:30, Soporte (<soporte@ejemplo.es>) escribió:
> Hola Pedro, ¿ha revisado la carpeta de spam? También puede consultar cómo exportar facturas a Excel.
>
> El lun, 3 nov 2025 a las 18:02, Pedro Gómez (<pedro@talleres.example>) escribió:
>> Hola, ¿cómo exporto las facturas del trimestre a Excel para mi gestor?
"""
    clean = suggest(engine, "RE: RE: acceso", question, staff=True)
    messy = suggest(engine, "RE: RE: acceso", chain, staff=True)
    assert messy.ticket.text == clean.ticket.text
    assert messy.hits and messy.hits[0].id == clean.hits[0].id
    assert "contrasena" in messy.hits[0].id or "password" in messy.hits[0].id
    # Uncleaned, the quoted thread (about invoices) pulls in articles the customer did not ask about.
    raw = search_service.search(engine, chain, limit=3, staff=True)
    assert [h.id for h in raw.hits] != [h.id for h in messy.hits[:3]]


# -- what the model reads of a long ticket (pure) ---------------------------------------------------------


def _words(parts):
    return [len(p.split()) for p in parts]


def test_a_ticket_within_the_budget_is_read_whole():
    from kb.services.tickets import telling_part

    text = "Asunto\n\nNo llega el correo. Ya miré el spam."
    assert telling_part(text, 50, _words, lambda parts: [0.0] * len(parts)) == text


def test_the_telling_sentences_are_read_wherever_they_are_in_order():
    from kb.services.tickets import telling_part

    chatter = "Somos una empresa pequeña de doce personas."
    text = f"{chatter} {chatter} La factura rectificativa no se puede emitir. {chatter} El PDF sale en blanco."

    def weigh(parts):
        return [3.0 if ("factura" in p or "PDF" in p) else 0.1 for p in parts]

    read = telling_part(text, 14, _words, weigh)
    assert read == "La factura rectificativa no se puede emitir. El PDF sale en blanco."
    # A telling first sentence (a subject) weighs double and is read first.
    with_subject = telling_part("Error al emitir la factura\n\n" + text, 12, _words, weigh)
    assert with_subject == "Error al emitir la factura El PDF sale en blanco."


def test_a_short_precise_sentence_beats_a_long_vague_one_and_run_ons_are_cut():
    from kb.services.tickets import MAX_SENTENCE_WORDS, sentences, telling_part

    vague = " ".join(["palabra"] * 30) + "."
    precise = "Error CFDI 40102."
    weigh = lambda parts: [2.0 if "CFDI" in p else 3.0 for p in parts]  # noqa: E731
    read = telling_part(f"{vague} {precise}", 10, _words, weigh)
    assert read == precise
    log_line = " ".join(f"tok{i}" for i in range(100))
    assert [len(p.split()) for p in sentences(log_line)] == [MAX_SENTENCE_WORDS, MAX_SENTENCE_WORDS, 20]
