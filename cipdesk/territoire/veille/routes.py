"""The veille (REAC CP3): search and add, one fiche with its edit form and where it served."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.territoire.veille import queries, rules, services
from cipdesk.territoire.veille.forms import FicheVeilleForm, LienForm
from cipdesk.territoire.veille.models import FicheVeille, NatureVeille
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("veille", __name__, url_prefix="/territoire/veille")


def _donnees(form) -> services.DonneesFiche:
    return services.DonneesFiche(titre=form.titre.data or "", nature=form.nature.data or "",
                                 source=form.source.data or "", date_fiche=form.date_fiche.data,
                                 resume=form.resume.data or "", eligibilite=form.eligibilite.data or "",
                                 url=form.url.data or "", echeance=form.echeance.data,
                                 etiquettes=rules.lire_etiquettes(form.etiquettes.data or ""))


def _valider(form) -> dict[str, str]:
    """All the date and address errors at once, beside their fields."""
    erreurs = rules.erreurs_de_dates(form.date_fiche.data, form.echeance.data, aujourdhui())
    if form.date_fiche.data is None and not form.date_fiche.errors:
        erreurs["date_fiche"] = "Indiquez la date de l'information."
    if not form.nature.data:
        erreurs["nature"] = "Choisissez la nature de la fiche."
    try:
        rules.valider_url(form.url.data or "")
    except ValueError as exc:
        erreurs["url"] = str(exc)
    return erreurs


@bp.route("", methods=["GET", "POST"])
def liste():
    policy.exiger(policy.peut(current_user, "territoire.voir"))
    peut_modifier = policy.peut(current_user, "territoire.modifier")
    if request.method == "POST":
        policy.exiger(peut_modifier)
    form = FicheVeilleForm()
    envoi = soumettre(form, lambda: services.enregistrer_fiche(db.session, par=current_user, donnees=_donnees(form),
                                                               aujourd_hui=aujourdhui()),
                      valider=lambda: _valider(form))
    if envoi:
        return rediriger(url_for("territoire.veille.voir", fiche_id=envoi.resultat.id),
                         f"Fiche de veille « {envoi.resultat.titre} » enregistrée.")
    recherche = {"q": request.args.get("q", "")[:200], "nature": request.args.get("nature", ""),
                 "etiquette": request.args.get("etiquette", "")[:40], "echues": request.args.get("echues") == "1"}
    fiches = queries.rechercher(db.session, current_user.structure_id, texte=recherche["q"],
                                nature=recherche["nature"], etiquette=recherche["etiquette"],
                                echues=recherche["echues"], aujourd_hui=aujourdhui())
    return rendre("territoire/veille/liste.html", fragment="territoire/veille/_resultats.html", form=form,
                  fiches=fiches, recherche=recherche, natures=NatureVeille.choix(),
                  etiquettes=queries.etiquettes(db.session, current_user.structure_id),
                  etat=lambda f: rules.etat_echeance(f.echeance, aujourdhui()),
                  nb_echues=len(queries.echues(db.session, current_user.structure_id, aujourdhui())),
                  peut_modifier=peut_modifier, statut=envoi.statut)


def _page(fiche, form, lien_form, statut=200):
    liens = [(l, registre.libelle(l.objet_type), registre.cible(l.objet_type, l.objet_id))
             for l in queries.liens_de(db.session, fiche.id)]
    return rendre("territoire/veille/fiche.html", fiche=fiche, form=form, lien_form=lien_form, liens=liens,
                  etat=rules.etat_echeance(fiche.echeance, aujourdhui()),
                  peut_modifier=policy.peut(current_user, "territoire.modifier"), statut=statut)


def _form_de(fiche) -> FicheVeilleForm:
    form = FicheVeilleForm(formdata=None, obj=fiche)
    form.nature.data = fiche.nature.value
    form.etiquettes.data = ", ".join(fiche.etiquettes or [])
    form.version.data = str(fiche.version)
    return form


def _lien_form(cibles) -> LienForm:
    form = LienForm(prefix="lien")
    form.cible.choices = avec_vide([(f"{c.objet_type}:{c.objet_id}", c.libelle) for c in cibles])
    return form


def _cibles():
    return queries.cibles_possibles(db.session, current_user)


@bp.route("/<uuid:fiche_id>", methods=["GET", "POST"])
def voir(fiche_id):
    fiche = charger(FicheVeille, fiche_id, modifier=request.method == "POST")
    form = FicheVeilleForm() if request.method == "POST" else _form_de(fiche)
    envoi = soumettre(form, lambda: services.enregistrer_fiche(
        db.session, par=current_user, donnees=_donnees(form), aujourd_hui=aujourdhui(), fiche=fiche,
        version=version_du(form)), valider=lambda: _valider(form))
    if envoi:
        return rediriger(url_for("territoire.veille.voir", fiche_id=fiche.id), "Fiche de veille mise à jour.")
    cibles = _cibles() if policy.peut(current_user, "territoire.modifier") else []
    return _page(fiche, form, _lien_form(cibles), envoi.statut)


@bp.post("/<uuid:fiche_id>/liens")
def lier(fiche_id):
    fiche = charger(FicheVeille, fiche_id, modifier=True)
    cibles = _cibles()
    lien_form = _lien_form(cibles)

    def _lier():
        type_, _, ident = (lien_form.cible.data or "").partition(":")
        try:
            objet_id = uuid.UUID(ident)
        except ValueError:
            objet_id = None
        return services.lier(db.session, par=current_user, fiche=fiche, objet_type=type_, objet_id=objet_id,
                             autorises={(c.objet_type, c.objet_id) for c in cibles})

    envoi = soumettre(lien_form, _lier)
    if envoi:
        return rediriger(url_for("territoire.veille.voir", fiche_id=fiche.id),
                         f"Fiche reliée : {registre.libelle(envoi.resultat.objet_type)}.")
    return _page(fiche, _form_de(fiche), lien_form, envoi.statut)
