"""Attached documents: the person's list and the deposit form, the file shown inline
(never from the static folder: a route that checks access and journals the read), delete."""
from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, abort, current_app, make_response, request, url_for
from flask_login import current_user

from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.documents_joints import queries, rules, services
from cipdesk.documents_joints.forms import DepotForm
from cipdesk.documents_joints.models import DocumentJoint
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import contexte_acces
from cipdesk.security import keys, policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import attacher, rediriger
from cipdesk.web.rendu import rendre

bp = Blueprint("documents_joints", __name__, url_prefix="/documents-joints")

# What the browser may do with a document shown inline: show it, nothing else (no script,
# no form, no request elsewhere); the PDF viewer is the browser's own.
CSP_DOCUMENT = ("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; "
                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def taille_max() -> int:
    return int(current_app.config.get("CIPDESK_DOCUMENTS_TAILLE_MAX", rules.TAILLE_MAX_PAR_DEFAUT))


# Just above the limit, the form says by how much (422); far beyond it, the body is refused
# before it is read (413). Set before the CSRF check reads the form (a URL value
# preprocessor runs before every before_request function).
MARGE_CORPS = 1024 * 1024


@bp.url_value_preprocessor
def _limiter_le_corps(endpoint, _valeurs):
    if endpoint == "documents_joints.deposer":
        request.max_content_length = taille_max() + MARGE_CORPS


@bp.errorhandler(413)
def _trop_gros(_exc):
    from flask import render_template

    return render_template("errors/erreur.html", statut=413, titre="Fichier trop volumineux",
                           message=f"Le fichier envoyé dépasse la limite de {rules.taille_lisible(taille_max())} : "
                                   "rien n'a été enregistré. Revenez à la page précédente et choisissez un fichier "
                                   "plus léger (numérisation en 150 ppp, en niveaux de gris)."), 413


def _page(personne: Personne, form: DepotForm, statut: int = 200):
    documents = queries.documents_de(db.session, personne.id)
    peut_modifier = policy.peut_modifier_personne(current_user, personne, **contexte_acces(db.session, personne))
    return rendre("documents_joints/page.html", personne=personne, documents=documents, form=form, statut=statut,
                  peut_modifier=peut_modifier, natures=rules.NATURES, taille_lisible=rules.taille_lisible,
                  taille_max=rules.taille_lisible(taille_max()), libelle_objet=_libelle_objet)


def _libelle_objet(document: DocumentJoint) -> str:
    from cipdesk.core.contrat import registre

    return registre.libelle(document.objet_type) if document.objet_type else ""


@bp.get("/personne/<uuid:personne_id>")
def personne(personne_id):
    p = charger(Personne, personne_id)
    form = DepotForm(formdata=None, objet_type=request.args.get("objet_type", ""),
                     objet_id=request.args.get("objet_id", ""))
    return _page(p, form)


@bp.post("/personne/<uuid:personne_id>")
def deposer(personne_id):
    p = charger(Personne, personne_id, modifier=True)
    form = DepotForm()
    if not form.validate_on_submit():
        return _page(p, form, 422)
    fichier = form.fichier.data
    if not fichier or not getattr(fichier, "filename", ""):
        form.fichier.errors.append("Choisissez le fichier à joindre.")
        return _page(p, form, 422)
    donnees = fichier.read(taille_max() + 1)
    try:
        document = services.deposer(db.session, personne=p, par=current_user, nature=form.nature.data,
                                    nom_fichier=fichier.filename, donnees=donnees, taille_max=taille_max(),
                                    objet_type=form.objet_type.data or "", objet_id=form.objet_id.data or None)
    except ErreurMetier as exc:
        return _page(p, form, attacher(form, exc))
    return rediriger(url_for("documents_joints.personne", personne_id=p.id),
                     f"Document « {document.nom_fichier} » joint au dossier, chiffré.")


@bp.get("/<uuid:document_id>")
def voir(document_id):
    """The file itself, inline, with its exact type. The loader checks access and writes
    the read to the audit log."""
    document = charger(DocumentJoint, document_id)
    try:
        donnees = services.contenu(document)
    except (keys.Indechiffrable, keys.CleIntrouvable):
        abort(500)
    reponse = make_response(donnees)
    reponse.headers["Content-Type"] = document.type_mime
    nom = document.nom_fichier or "document"
    reponse.headers["Content-Disposition"] = (f'inline; filename="{rules.nom_ascii(nom)}"; '
                                              f"filename*=UTF-8''{quote(nom)}")
    reponse.headers["Content-Security-Policy"] = CSP_DOCUMENT
    reponse.headers["X-Content-Type-Options"] = "nosniff"
    reponse.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return reponse


@bp.post("/<uuid:document_id>/suppression")
def supprimer(document_id):
    document = charger(DocumentJoint, document_id, modifier=True)
    personne_id = document.personne_id
    services.supprimer(db.session, document=document, par=current_user)
    return rediriger(url_for("documents_joints.personne", personne_id=personne_id), "Document supprimé.")
