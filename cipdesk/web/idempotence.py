"""A form submitted twice records once (hardening, point 11).

Every rendering of a form carries a one-time token `_envoi`, added to each
`<form method="post">` of the HTML pages this app serves. A POST is identified by its
empreinte: the user, the URL, that token and the submitted fields. When a
POST answered « 303 See Other » (it created or changed something), its empreinte is
recorded with the page it led to, in the same transaction. A second identical POST
— a double click, a replayed request, the browser's « resend » — is not executed
again: it is sent to the first result with a message. Two identical POSTs arriving
together are settled by the database's unique constraint: the second one's whole
transaction is rolled back.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from flask import Flask, flash, g, redirect, request
from flask_login import current_user
from sqlalchemy import DateTime, String, Uuid, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, db, utcnow

DUREE_DE_GARDE = timedelta(hours=12)  # longer than any session
CHAMP = "_envoi"
FORMULAIRE_POST = re.compile(r'(<form\b[^>]*\bmethod="post"[^>]*>)', re.IGNORECASE)
MESSAGE = "Ce formulaire avait déjà été envoyé : il n'a pas été enregistré une seconde fois."


class Soumission(Base):
    """The empreinte of a POST that changed something, and where it led."""
    __tablename__ = "soumission"

    empreinte: Mapped[str] = mapped_column(String(64), primary_key=True)
    utilisateur_id = mapped_column(Uuid, index=True)
    resultat: Mapped[str] = mapped_column(String(500))
    le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


def empreinte_de_la_requete() -> str:
    h = hashlib.sha256()
    h.update(str(current_user.id).encode())
    h.update(b"\0" + request.path.encode())
    for cle in sorted(request.form):
        for valeur in request.form.getlist(cle):
            h.update(b"\0" + cle.encode() + b"=" + valeur.encode("utf-8", "surrogatepass"))
    for cle in sorted(request.files):
        fichier = request.files[cle]
        h.update(b"\0" + cle.encode() + b":" + (fichier.filename or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def installer(app: Flask) -> None:
    @app.before_request
    def _deja_soumis():
        if request.method != "POST" or not request.form.get(CHAMP) or not current_user.is_authenticated:
            return None
        g.empreinte, g.empreinte_de = empreinte_de_la_requete(), current_user.id
        resultat = db.session.scalar(select(Soumission.resultat).where(Soumission.empreinte == g.empreinte))
        if resultat is not None:
            g.empreinte = None
            flash(MESSAGE, "info")
            return redirect(resultat, 303)
        return None

    @app.after_request
    def _jetons_dans_les_formulaires(reponse):
        """Each POST form of the page gets its own one-time token."""
        if reponse.mimetype != "text/html" or reponse.direct_passthrough:
            return reponse
        html = reponse.get_data(as_text=True)
        if 'method="post"' not in html:
            return reponse
        reponse.set_data(FORMULAIRE_POST.sub(
            lambda m: f'{m.group(1)}<input type="hidden" name="{CHAMP}" value="{secrets.token_urlsafe(16)}">', html))
        return reponse

    # Registered after the transaction handler, so it runs before the commit.
    @app.after_request
    def _retenir(reponse):
        empreinte = g.pop("empreinte", None)
        if empreinte is None or reponse.status_code != 303:
            return reponse
        db.session.add(Soumission(empreinte=empreinte, utilisateur_id=g.empreinte_de,
                                  resultat=reponse.headers.get("Location", "/")[:500]))
        try:
            db.session.flush()
        except IntegrityError:
            # The same POST was recorded meanwhile by a concurrent request: undo ours.
            db.session.rollback()
            resultat = db.session.scalar(select(Soumission.resultat).where(Soumission.empreinte == empreinte))
            flash(MESSAGE, "info")
            return redirect(resultat or reponse.headers.get("Location", "/"), 303)
        return reponse


def purger(session, maintenant: datetime) -> int:
    """Forget empreintes older than the longest session (the retention purge calls it)."""
    resultat = session.execute(delete(Soumission).where(Soumission.le < maintenant - DUREE_DE_GARDE))
    return resultat.rowcount or 0
