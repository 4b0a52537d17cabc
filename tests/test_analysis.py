import pytest

from indexer.analysis import detect_language, fold, spanish_stem, tokens


def test_fold_removes_accents_but_keeps_enye():
    assert fold("Facturación rápida") == "Facturacion rapida"
    assert fold("año") == "año"
    assert fold("AÑO") == "AÑO"
    assert fold("pingüino") == "pinguino"


def test_accented_and_unaccented_spanish_meet():
    assert tokens("facturación", "es") == tokens("facturacion", "es") == tokens("FACTURACIÓN", "es")
    assert tokens("configuración", "es") == tokens("configuracion", "es")
    assert tokens("sesión", "es") == tokens("sesion", "es")


def test_enye_stays_distinct():
    assert tokens("año", "es") != tokens("ano", "es")


def test_spanish_stemming_groups_forms():
    assert tokens("facturas", "es") == tokens("factura", "es") == tokens("facturar", "es")
    assert spanish_stem("contraseñas") == spanish_stem("contraseña")


def test_stop_words_removed_in_each_language():
    assert tokens("la factura de los clientes", "es") == tokens("factura clientes", "es")
    assert tokens("the invoices of the customers", "en") == tokens("invoices customers", "en")


def test_english_stemming():
    assert tokens("resetting passwords", "en") == tokens("reset password", "en")


def test_codes_and_versions_stay_whole():
    assert tokens("ACSD-48204 v2.4.7", "en") == ["acsd-48204", "v2.4.7"]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The customer did not receive the invoice email from José in México", "en"),
        ("No recibo el correo de la factura y no sé por qué", "es"),
        ("contraseña", "es"),
        ("reset password", None),
        ("how do I reset my password", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_fold_tables_equal_folding_one_character_at_a_time():
    from indexer.analysis import _fold, _fold_char, fold

    for cp in list(range(0, 0x3400)) + list(range(0xF900, 0x10000)) + [0x1F600, 0x1D400]:
        ch = chr(cp)
        assert _fold(ch) == _fold_char(ch), hex(cp)
        assert _fold(f"Acción “{ch}” ñ") == "".join(_fold_char(c) for c in f"Acción “{ch}” ñ"), hex(cp)
    assert fold("Facturación, AÑO, über, “crème” 😀") == "Facturacion, AÑO, uber, “creme” 😀"
