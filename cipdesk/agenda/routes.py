"""Pages of the agenda (issue #18, points 1 to 4): the week, a rendez-vous (attendance,
convocation, letter), the person's rendez-vous and consent to e-mails, the calendar feed,
the structure's settings."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from flask import Blueprint, flash, make_response, request, url_for
from flask_login import current_user

from cipdesk.agenda import pdf, queries, rules, services
from cipdesk.agenda.forms import (ConsentementForm, ModifierRendezVousForm, PresenceForm, ReglagesForm,
                                  RendezVousForm)
from cipdesk.agenda.models import RendezVousPlanifie
from cipdesk.comptes.models import Structure
from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui, maintenant
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre, version_du
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre
from cipdesk.web.securite import ENDPOINTS_PUBLICS

bp = Blueprint("agenda", __name__, url_prefix="/agenda")
# The calendar feed is read by calendar applications, without a session: its secret is the key.
bp.record_once(lambda _etat: ENDPOINTS_PUBLICS.add("agenda.ics"))


def _semaine_demandee() -> date:
    try:
        demande = date.fromisoformat(request.args.get("du", "")[:10])
    except ValueError:
        return rules.lundi(aujourdhui())
    # An extreme date (year 1 or 9999) has no previous or next week: this week instead.
    return rules.lundi(demande) if 1900 <= demande.year <= 2200 else rules.lundi(aujourdhui())


@bp.get("/")
def semaine():
    policy.exiger(policy.peut(current_user, "agenda.tenir"))
    du = _semaine_demandee()
    au = du + timedelta(days=6)
    rdvs = queries.rdv_entre(db.session, current_user, du, au)
    # What the other modules put in the agenda (follow-ups of intégration…), this week only.
    autres = [r for m in registre.modules if m.code != "agenda" for f in m.agenda
              for r in f(db.session, current_user, du, au) if du <= r.le <= au]
    jours = [(du + timedelta(days=i), [r for r in rdvs if r.le == du + timedelta(days=i)],
              sorted((r for r in autres if r.le == du + timedelta(days=i)), key=lambda r: r.titre)) for i in range(7)]
    return rendre("agenda/semaine.html", jours=jours, du=du, au=au, aujourd_hui=aujourdhui(),
                  precedente=du - timedelta(days=7), suivante=du + timedelta(days=7), titre=queries.titre,
                  rules=rules)


def _choix_personnes(form) -> None:
    form.personne.choices = avec_vide(((str(p.id), f"{p.nom} {p.prenom}")
                                       for p in queries.personnes_convocables(db.session, current_user)),
                                      "— aucune (visite d'employeur) —")


def _donnees(form) -> services.DonneesRdv:
    return services.DonneesRdv(nature=form.nature.data, le=form.le.data, heure=form.heure.data,
                               duree=form.duree.data, modalite=form.modalite.data, lieu=form.lieu.data or "",
                               a_apporter=form.a_apporter.data or "", motif=form.motif.data or "",
                               commentaire=form.commentaire.data or "")


@bp.route("/nouveau", methods=["GET", "POST"])
def nouveau():
    policy.exiger(policy.peut(current_user, "agenda.tenir"))
    form = RendezVousForm()
    _choix_personnes(form)
    if request.method == "GET" and request.args.get("personne"):
        form.personne.data = request.args.get("personne")[:40]

    def service():
        personne = None
        if form.personne.data:
            personne = charger(Personne, uuid.UUID(form.personne.data), modifier=True)
        return services.planifier(db.session, par=current_user, donnees=_donnees(form), personne=personne,
                                  aujourd_hui=aujourdhui())

    envoi = soumettre(form, service, valider=form.valider_choix)
    if envoi:
        return rediriger(url_for("agenda.voir", rdv_id=envoi.resultat.id),
                         "Rendez-vous planifié. Vous pouvez maintenant convoquer la personne.")
    return rendre("agenda/formulaire.html", form=form, statut=envoi.statut, titre_page="Planifier un rendez-vous",
                  rdv=None)


def _page(rdv, *, presence_form=None, statut=200, convocation=None):
    return rendre("agenda/voir.html", rdv=rdv, titre=queries.titre(rdv), rules=rules, statut=statut,
                  presence_form=presence_form or PresenceForm(),
                  peut_modifier=policy.peut_modifier_rendez_vous(current_user, rdv),
                  messages=queries.messages_du_rdv(db.session, rdv.id),
                  consentement=queries.consentement(db.session, rdv.personne_id) if rdv.personne_id else None,
                  presence_notable=rules.presence_notable(rdv.le, aujourdhui()), convocation=convocation,
                  passe=rules.debut(rdv.le, rdv.heure) <= maintenant())


@bp.get("/<uuid:rdv_id>")
def voir(rdv_id):
    return _page(charger(RendezVousPlanifie, rdv_id))


@bp.route("/<uuid:rdv_id>/modifier", methods=["GET", "POST"])
def modifier(rdv_id):
    rdv = charger(RendezVousPlanifie, rdv_id, modifier=True)
    form = ModifierRendezVousForm(obj=rdv if request.method == "GET" else None)
    if request.method == "GET":
        form.duree.data, form.version.data = rdv.duree_minutes, rdv.version
        form.nature.data, form.modalite.data = str(rdv.nature), str(rdv.modalite)

    def service():
        if version_du(form) != rdv.version:
            raise ErreurMetier("Ce rendez-vous a été modifié entre-temps : rechargez la page.", "version")
        return services.modifier(db.session, rdv, par=current_user, donnees=_donnees(form), aujourd_hui=aujourdhui())

    envoi = soumettre(form, service, valider=form.valider_choix)
    if envoi:
        return rediriger(url_for("agenda.voir", rdv_id=rdv.id),
                         "Rendez-vous déplacé : convoquez de nouveau la personne pour la prévenir." if envoi.resultat
                         else "Rendez-vous enregistré.")
    return rendre("agenda/formulaire.html", form=form, statut=envoi.statut, titre_page="Modifier le rendez-vous",
                  rdv=rdv)


@bp.post("/<uuid:rdv_id>/presence")
def presence(rdv_id):
    rdv = charger(RendezVousPlanifie, rdv_id, modifier=True)
    form = PresenceForm()
    envoi = soumettre(form, lambda: services.noter_presence(db.session, rdv, par=current_user,
                                                            presence=form.presence.data, aujourd_hui=aujourdhui(),
                                                            maintenant=maintenant()))
    if envoi:
        return rediriger(url_for("agenda.voir", rdv_id=rdv.id), "Présence notée.")
    return _page(rdv, presence_form=form, statut=envoi.statut)


@bp.post("/<uuid:rdv_id>/annulation")
def annuler(rdv_id):
    rdv = charger(RendezVousPlanifie, rdv_id, modifier=True)
    try:
        services.annuler(db.session, rdv, par=current_user, maintenant=maintenant())
    except ErreurMetier as exc:
        flash(exc.message, "erreur")
        return rediriger(url_for("agenda.voir", rdv_id=rdv.id))
    return rediriger(url_for("agenda.voir", rdv_id=rdv.id),
                     "Rendez-vous annulé. Aucun rappel ne partira ; si la personne avait reçu l'invitation par e-mail, "
                     "elle reçoit l'annulation.")


@bp.post("/<uuid:rdv_id>/convocation")
def convoquer(rdv_id):
    rdv = charger(RendezVousPlanifie, rdv_id, modifier=True)
    try:
        resultat = services.convoquer(db.session, rdv, par=current_user, maintenant=maintenant())
    except ErreurMetier as exc:
        flash(exc.message, "erreur")
        return rediriger(url_for("agenda.voir", rdv_id=rdv.id))
    flash("Convocation prête : la lettre est à imprimer ci-dessous.", "succes")
    flash(resultat.courriel, "succes" if resultat.courriel_prevu else "info")
    flash(resultat.rappel, "info")
    return rediriger(url_for("agenda.voir", rdv_id=rdv.id) + "#convocation")


def _adresse_postale(personne) -> str:
    ville = " ".join(x for x in (personne.code_postal or "", personne.commune or "") if x)
    return "\n".join(x for x in (personne.adresse or "", ville) if x)


@bp.get("/<uuid:rdv_id>/convocation.pdf")
def lettre(rdv_id):
    rdv = charger(RendezVousPlanifie, rdv_id)
    if rdv.personne_id is None:
        policy.exiger(False)
    c = services.contenu_lettre(db.session, rdv)
    return reponse_pdf(pdf.convocation(c=c, structure=db.session.get(Structure, rdv.structure_id),
                                       adresse_personne=_adresse_postale(rdv.personne), edite_le=aujourdhui()),
                       "convocation.pdf", en_ligne=True)


# -- the person: rendez-vous and consent to e-mails ------------------------------------
def _page_personne(personne, form=None, statut=200):
    accord = queries.consentement(db.session, personne.id)
    return rendre("agenda/personne.html", personne=personne, rdvs=queries.rdv_de_la_personne(db.session, personne.id),
                  consentement=accord, form=form or ConsentementForm(), modes=rules.MODES_CONSENTEMENT,
                  peut_modifier=policy.peut_modifier_personne(current_user, personne) or
                  (policy.peut(current_user, "agenda.tenir") and personne.referent_id == current_user.id),
                  titre=queries.titre, rules=rules, statut=statut)


@bp.get("/personnes/<uuid:personne_id>")
def de_la_personne(personne_id):
    return _page_personne(charger(Personne, personne_id))


@bp.post("/personnes/<uuid:personne_id>/consentement")
def consentement(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = ConsentementForm()
    envoi = soumettre(form, lambda: services.enregistrer_consentement(
        db.session, personne, par=current_user,
        accorde={"oui": True, "non": False}.get(form.accorde.data), mode=form.mode.data or "",
        le=aujourdhui(), maintenant=maintenant()))
    if envoi:
        return rediriger(url_for("agenda.de_la_personne", personne_id=personne.id),
                         "Réponse de la personne enregistrée.")
    return _page_personne(personne, form, envoi.statut)


# -- the calendar feed (webcal) ----------------------------------------------------------
@bp.route("/flux", methods=["GET", "POST"])
def flux():
    policy.exiger(policy.peut(current_user, "agenda.tenir"))
    jeton = None
    if request.method == "POST":
        jeton = services.creer_flux(db.session, utilisateur=current_user, maintenant=maintenant())
    adresse = url_for("agenda.ics", jeton=jeton, _external=True) if jeton else None
    return rendre("agenda/flux.html", actif=queries.flux_actif(db.session, current_user), adresse=adresse,
                  webcal=("webcal://" + adresse.split("://", 1)[1]) if adresse else None)


@bp.post("/flux/revocation")
def revoquer_flux():
    policy.exiger(policy.peut(current_user, "agenda.tenir"))
    fait = services.revoquer_flux(db.session, utilisateur=current_user, maintenant=maintenant())
    return rediriger(url_for("agenda.flux"), "Adresse révoquée : les agendas abonnés ne reçoivent plus rien."
                     if fait else "Aucune adresse n'était active.")


@bp.get("/ics/<jeton>.ics")
def ics(jeton: str):
    contenu = services.calendrier(db.session, jeton=jeton[:100], maintenant=maintenant(), aujourd_hui=aujourdhui())
    if contenu is None:
        return make_response("Agenda introuvable ou adresse révoquée.", 404, {"Content-Type": "text/plain; charset=utf-8"})
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "text/calendar; charset=utf-8"
    reponse.headers["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return reponse


# -- the structure's settings -------------------------------------------------------------
@bp.route("/reglages", methods=["GET", "POST"])
def reglages():
    policy.exiger(policy.peut(current_user, "agenda.regler"))
    structure = db.session.get(Structure, current_user.structure_id)
    form = ReglagesForm()
    if request.method == "GET":
        form.heures.data = structure.parametre(rules.PARAMETRE_RAPPEL, rules.RAPPEL_HEURES_DEFAUT)
        form.adresse.data = structure.parametre("agenda_adresse", "")
        form.telephone.data = structure.parametre("agenda_telephone", "")
    envoi = soumettre(form, lambda: services.regler(db.session, par=current_user, structure=structure,
                                                    heures=form.heures.data, adresse=form.adresse.data or "",
                                                    telephone=form.telephone.data or ""))
    if envoi:
        return rediriger(url_for("agenda.reglages"), "Réglages des convocations enregistrés.")
    return rendre("agenda/reglages.html", form=form, statut=envoi.statut)


