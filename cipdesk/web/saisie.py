"""What was typed is never lost, never let through unchecked (issue #10, points 10 and 14).

- A NUL character is never legitimate input (PostgreSQL refuses it in text). It is
  removed from the submitted fields before any view runs, and every form then fails
  validation with a message beside each field that held one: the view answers 422
  with the form and the rest of the text, never a bare 400 page.
- A JSON body is refused (415): this application receives HTML forms only, and
  Flask-WTF would otherwise feed a JSON body to the forms past the checks above
  (lone surrogates, NUL, lists where text is expected).
- Fields given back after a new login (comptes: the draft kept when the session had
  expired) fill the forms of the page they were typed on: set `g.saisie_restituee`.

Flask-WTF has no hook for either, so `FlaskForm.validate` and its `wrap_formdata` are
wrapped once, here and nowhere else.
"""
from __future__ import annotations

import re

from flask import Flask, g, has_request_context, request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import ImmutableMultiDict

MESSAGE_NUL = ("Un caractère invisible non autorisé a été retiré de ce champ : vérifiez le texte, "
               "puis enregistrez à nouveau.")
METHODES_SURES = {"GET", "HEAD", "OPTIONS"}
TAILLE_MAX_GARDEE = 500_000  # characters; a form bigger than this is not kept
CHAMPS_JAMAIS_GARDES = {"csrf_token", "_envoi"}  # the CSRF and one-time tokens
MOTS_DE_PASSE = re.compile(r"passe|password|secret", re.IGNORECASE)


def champs_a_garder(paires) -> dict[str, list[str]]:
    """{name: [values]} of submitted fields worth giving back to the person who typed
    them: no token, no password, nothing empty; {} when nothing is left or the whole
    is too big. Pure (drafts of comptes, the « Formulaire expiré » page)."""
    champs: dict[str, list[str]] = {}
    taille = 0
    for cle, valeur in paires:
        if cle in CHAMPS_JAMAIS_GARDES or MOTS_DE_PASSE.search(cle):
            continue
        champs.setdefault(cle, []).append(valeur)
        taille += len(cle) + len(valeur)
    if taille > TAILLE_MAX_GARDEE or not any(v.strip() for vs in champs.values() for v in vs):
        return {}
    return champs


def _sans_nul(donnees) -> tuple[ImmutableMultiDict, set[str]]:
    retires: set[str] = set()
    paires = []
    for cle, valeur in donnees.items(multi=True):
        if "\x00" in cle or "\x00" in valeur:
            cle, valeur = cle.replace("\x00", ""), valeur.replace("\x00", "")
            retires.add(cle)
        paires.append((cle, valeur))
    return ImmutableMultiDict(paires), retires


# ?page= beyond this is read as this: a 20-digit number overflows the database's OFFSET
# (Flask-SQLAlchemy's paginate reads ?page= itself, on every paginated page).
PAGE_MAX = 1_000_000


def _page_bornee(args) -> ImmutableMultiDict | None:
    valeurs = args.getlist("page")
    if not any(len(v) > 7 for v in valeurs):
        return None
    return ImmutableMultiDict([(c, str(PAGE_MAX) if c == "page" and len(v) > 7 else v)
                               for c, v in args.items(multi=True)])


def nettoyer_la_requete() -> None:
    """Remove NUL characters from the query string and the form; remember which fields
    held one. Bound ?page= (PAGE_MAX)."""
    bornee = _page_bornee(request.args)
    if bornee is not None:
        request.args = bornee
        request.__dict__.pop("values", None)
    retires: set[str] = set()
    for attribut in ("args", "form"):
        donnees = getattr(request, attribut)
        if any("\x00" in c or "\x00" in v for c, v in donnees.items(multi=True)):
            propres, noms = _sans_nul(donnees)
            setattr(request, attribut, propres)  # werkzeug's cached_property accepts it
            retires |= noms
    if retires:
        request.__dict__.pop("values", None)
        g.saisie_retiree = retires


def corps_refuse() -> bool:
    """A body this application does not read: JSON (or any non-form body) on a writing method."""
    return request.method not in METHODES_SURES and request.is_json


def _brancher_les_formulaires() -> None:
    if getattr(FlaskForm, "_saisie_branchee", False):
        return
    valider_origine = FlaskForm.validate
    envelopper_origine = FlaskForm.Meta.wrap_formdata

    def validate(self, extra_validators=None):
        valide = valider_origine(self, extra_validators=extra_validators)
        retires = g.get("saisie_retiree") if has_request_context() else None
        if not retires:
            return valide
        places = False
        for champ in self:
            if champ.name in retires:
                champ.errors = [*champ.errors, MESSAGE_NUL]
                places = True
        if not places:
            self.form_errors.append(MESSAGE_NUL)
        return False

    def wrap_formdata(meta, form, formdata):
        restituee = g.get("saisie_restituee") if has_request_context() else None
        if restituee is not None and formdata is _Auto and not _is_submitted() \
                and any(champ.name in restituee for champ in form):
            return restituee
        return envelopper_origine(meta, form, formdata)

    FlaskForm.validate = validate
    FlaskForm.Meta.wrap_formdata = wrap_formdata
    FlaskForm._saisie_branchee = True


def installer(_app: Flask) -> None:
    _brancher_les_formulaires()
