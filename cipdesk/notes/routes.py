from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.notes import queries, services
from cipdesk.notes.forms import NoteForm, PartageForm
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.personnes.queries import conseillers_de_la_structure, garde_personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide
from cipdesk.web.rendu import rendre

bp = Blueprint("notes", __name__, url_prefix="/notes")


def _charger(note_id: uuid.UUID, *, modifier: bool = True) -> NoteConfidentielle:
    """The one loader: another structure's note is not found; a refused attempt is audited."""
    return charger(NoteConfidentielle, note_id, modifier=modifier)


def _collegues():
    return [u for u in conseillers_de_la_structure(db.session, current_user.structure_id)
            if u.id != current_user.id]


@bp.route("/", methods=["GET", "POST"])
def liste():
    policy.exiger(policy.peut_ecrire_note(current_user))
    form = NoteForm()
    statut = 200
    if form.validate_on_submit():
        try:
            note = services.ecrire_note(db.session, auteur=current_user, contenu=form.contenu.data)
        except ErreurMetier as exc:
            form.contenu.errors.append(exc.message)
            statut = 422
        else:
            flash("Note confidentielle enregistrée (chiffrée).", "succes")
            return redirect(url_for("notes.voir", note_id=note.id), 303)
    elif request.method == "POST":
        statut = 422
    notes = services.notes_visibles(db.session, current_user)
    sujets = queries.sujets(db.session, notes)
    # The person each note is about: filter (issue #11, point 7); search over the decrypted text
    # of the user's own notes (never the shared ones: their author did not write them for a search).
    personnes = sorted({s[0] for s in sujets.values() if s[0] is not None}, key=lambda p: (p.nom, p.prenom))
    personne = request.args.get("personne", "")[:36]
    if personne:
        notes = [n for n in notes if sujets[n.id][0] is not None and str(sujets[n.id][0].id) == personne]
    q = request.args.get("q", "").strip()[:100]
    if q:
        trouvees = queries.rechercher_dans_mes_notes(db.session, current_user, notes, q)
        notes = [n for n in notes if n.id in trouvees]
    # A link only when it may be followed (a colleague a note is shared with may not see the person).
    visibles = {p.id for p in personnes if garde_personne(db.session, current_user, p, False)}
    return rendre("notes/liste.html", form=form, notes=notes, sujets=sujets, personnes=personnes,
                  personne=personne, q=q, visibles=visibles, statut=statut)


@bp.get("/<uuid:note_id>")
def voir(note_id):
    return _page_note(_charger(note_id, modifier=False), PartageForm())


def _page_note(note, partage: PartageForm, statut: int = 200):
    texte, lisible = services.lire_note(db.session, lecteur=current_user, note=note)
    partage.collegue.choices = avec_vide(((c.id, c.nom_complet) for c in _collegues()
                                          if c.id not in note.lecteurs_ids), "— choisir un·e collègue —")
    return rendre("notes/voir.html", note=note, texte=texte, lisible=lisible, partage=partage,
                  est_auteur=note.auteur_id == current_user.id, statut=statut)


@bp.route("/<uuid:note_id>/modifier", methods=["GET", "POST"])
def modifier(note_id):
    note = _charger(note_id)
    policy.exiger(policy.peut_modifier_note(current_user, note))
    form = NoteForm()
    statut = 200
    if form.validate_on_submit():
        try:
            version = int(form.version.data or 0)
            services.modifier_note(db.session, auteur=current_user, note=note,
                                   contenu=form.contenu.data, version=version)
        except (ErreurMetier, ValueError) as exc:
            message = getattr(exc, "message", "Version invalide : rechargez la note.")
            form.contenu.errors.append(message)
            statut = 409 if message == services.MESSAGE_CONFLIT else 422
        else:
            flash("Note modifiée.", "succes")
            return redirect(url_for("notes.voir", note_id=note.id), 303)
    elif request.method == "POST":
        statut = 422
    else:
        texte, _ok = services.lire_note(db.session, lecteur=current_user, note=note)
        form.contenu.data = texte
        form.version.data = str(note.version)
    return rendre("notes/modifier.html", form=form, note=note, statut=statut)


@bp.post("/<uuid:note_id>/partages")
def partager(note_id):
    note = _charger(note_id)
    policy.exiger(policy.peut_modifier_note(current_user, note))
    form = PartageForm()
    if not form.validate_on_submit():
        return _page_note(note, form, 422)
    collegue = None
    try:
        collegue = db.session.get(Utilisateur, uuid.UUID(form.collegue.data or ""))
    except ValueError:
        pass
    try:
        services.partager_note(db.session, auteur=current_user, note=note, collegue=collegue)
    except ErreurMetier as exc:
        form.collegue.errors.append(exc.message)
        return _page_note(note, form, 422)
    flash(f"Note partagée avec {collegue.nom_complet}.", "succes")
    return redirect(url_for("notes.voir", note_id=note.id), 303)


@bp.post("/<uuid:note_id>/partages/<uuid:utilisateur_id>/retrait")
def retirer_partage(note_id, utilisateur_id):
    note = _charger(note_id)
    services.retirer_partage(db.session, auteur=current_user, note=note, collegue_id=utilisateur_id)
    flash("Partage retiré.", "succes")
    return redirect(url_for("notes.voir", note_id=note.id), 303)
