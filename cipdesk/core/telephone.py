"""Phone numbers: French-region parsing and display (phonenumbers). Pure functions."""
from __future__ import annotations

import phonenumbers

from cipdesk.core.erreurs import ErreurMetier


def telephone_e164(saisie: str) -> str:
    """French-region parsing with phonenumbers; '' stays ''. Raises ErreurMetier."""
    saisie = (saisie or "").strip()
    if not saisie:
        return ""
    try:
        numero = phonenumbers.parse(saisie, "FR")
    except phonenumbers.NumberParseException:
        numero = None
    if numero is None or not phonenumbers.is_valid_number(numero):
        raise ErreurMetier("Numéro de téléphone invalide (exemple : 06 12 34 56 78).", "telephone")
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.E164)


def telephone_affiche(e164: str) -> str:
    if not e164:
        return ""
    try:
        numero = phonenumbers.parse(e164, "FR")
    except phonenumbers.NumberParseException:
        return e164
    if numero.country_code == 33:
        return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
