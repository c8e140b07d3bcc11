"""Forms: the one submit routine every view uses, and small WTForms helpers.

`soumettre(form, service)` validates the form, calls ONE service, and attaches a
business error to its field. The view then answers 303 on success, or renders
the same template with the returned status: 422 (the user's input kept, errors
beside fields and summarised at the top) or 409 (a colleague saved first).
Responses of 400 and above roll the transaction back (web.securite), so a
service that flushed half its work before refusing leaves nothing behind."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import flash, redirect, request
from wtforms.fields.choices import SelectChoice

from cipdesk.core.erreurs import ErreurMetier

CHAMP_VERSION = "version"  # a stale version is a conflict (409), not a typing error


@dataclass
class Soumission:
    """What came of a submitted form: `ok` with the service's result, or the
    status to render the form again with."""
    ok: bool
    resultat: Any = None
    statut: int = 200

    def __bool__(self) -> bool:
        return self.ok


def attacher(form, exc: ErreurMetier) -> int:
    """Put the business error beside its field (or at the top of the form when it
    concerns no single field); return the status to answer with."""
    champ = getattr(form, exc.champ, None) if exc.champ and exc.champ != CHAMP_VERSION else None
    if champ is not None and hasattr(champ, "errors"):
        if not isinstance(champ.errors, list):
            champ.errors = list(champ.errors)
        champ.errors.append(exc.message)
    else:
        form.form_errors.append(exc.message)
    return 409 if exc.champ == CHAMP_VERSION else 422


def soumettre(form, service: Callable[[], Any], *, valider: Callable[[], dict[str, str]] | None = None
              ) -> Soumission:
    """Validate → call the service → attach its business error.

    GET shows the form (200). `valider` returns further {field: message} checks to
    show all at once with the form's own errors (e.g. several dates inconsistent)."""
    if request.method != "POST":
        return Soumission(False, statut=200)
    valide = form.validate_on_submit()
    for champ, message in (valider() if valider else {}).items():
        if not getattr(getattr(form, champ, None), "errors", None):
            attacher(form, ErreurMetier(message, champ))
            valide = False
    if not valide:
        return Soumission(False, statut=422)
    try:
        return Soumission(True, service(), 303)
    except ErreurMetier as exc:
        return Soumission(False, statut=attacher(form, exc))


def rediriger(url: str, message: str | None = None, categorie: str = "succes"):
    """After a successful POST: a message for the next page, then 303 See Other."""
    if message:
        flash(message, categorie)
    return redirect(url, 303)


def version_du(form) -> int | None:
    """The record version the form was loaded with (optimistic locking)."""
    try:
        return int(form.version.data)
    except (AttributeError, TypeError, ValueError):
        return None


def choix(paires: Iterable[tuple[Any, str]]) -> list[SelectChoice]:
    """(value, label) pairs as the option objects WTForms expects."""
    return [SelectChoice(str(valeur), libelle) for valeur, libelle in paires]


def avec_vide(paires: Iterable[tuple[Any, str]], libelle: str = "— choisir —") -> list[SelectChoice]:
    """Choices starting with an empty option: nothing is recorded that the user did not choose."""
    return choix([("", libelle), *paires])
