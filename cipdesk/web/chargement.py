"""The one loader every view uses to reach a record by its id.

1. structure: a record of another structure does not exist for this user → 404;
2. policy: the module's guard for that model (`Lisible.garde`) says no → 403;
3. audit: reading a sensitive record writes exactly one audit line; a refused
   attempt on an audited record is written too.
"""
from __future__ import annotations

from typing import TypeVar

from flask import request
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

T = TypeVar("T")


def charger(modele: type[T], objet_id, *, modifier: bool = False, objet: T | None = None) -> T:
    """Load `modele` by id for the current user (or check an `objet` already loaded
    with a richer query). GET reads of an audited kind are journalled."""
    if objet is None:
        objet = db.session.get(modele, objet_id)
    if objet is None or not policy.meme_structure(current_user, objet):
        raise policy.Introuvable()
    lisible = registre.lisible(modele)
    if not lisible.garde(db.session, current_user, objet, modifier):
        if lisible.audit or lisible.refus:
            journaliser(db.session, acteur=current_user, action=Action.REFUS,
                        objet_type=lisible.audit or lisible.refus, objet_id=objet.id)
            _garder_malgre_le_refus()
        raise policy.Interdit()
    if lisible.audit and request.method == "GET":
        journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type=lisible.audit,
                    objet_id=objet.id)
    return objet


def _garder_malgre_le_refus() -> None:
    """A 403 rolls the request back; the refused attempt must stay in the audit trail."""
    from flask import g

    g.garder_en_erreur = True


def installer(app) -> None:
    """Every request of a logged-in user runs its ORM queries inside their structure
    (core.db's safety net)."""
    from flask import g

    from cipdesk.core.db import structure_courante

    @app.before_request
    def _structure_de_la_requete():
        if current_user.is_authenticated:
            g.jeton_structure = structure_courante.set(current_user.structure_id)

    @app.teardown_request
    def _fin_de_requete(_exc):
        jeton = g.pop("jeton_structure", None)
        if jeton is not None:
            structure_courante.reset(jeton)
