"""Pages of the person's rights (issue #18): the person's « droits » page (notice, requests of
access, rectifications, erasure, break-glass accesses), the export, the authors' decisions on
their notes, the retention list of the chef de service, the settings and the registre."""
from __future__ import annotations

import json
from datetime import timedelta

from flask import Blueprint, make_response, url_for
from flask_login import current_user

from cipdesk.comptes.models import Structure
from cipdesk.core.contrat import registre
from cipdesk.core.dates import PARIS, aujourdhui, heure_fr
from cipdesk.core.db import db
from cipdesk.droits import pdf, queries, rules, services
from cipdesk.droits.forms import (AccesExceptionnelForm, ConservationForm, DecisionForm, DemandeForm, EffacementForm,
                                  NoticeForm)
from cipdesk.droits.models import DemandeAcces, ModeRemise
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import contexte_acces, garde_personne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("droits", __name__, url_prefix="/droits")


def _structure() -> Structure:
    return db.session.get(Structure, current_user.structure_id)


def _contact(structure: Structure) -> str:
    return structure.parametre(rules.CONTACT_DONNEES) or f"la direction de {structure.nom}"


def _paragraphes_notice(structure: Structure):
    return rules.notice(structure.nom, structure.ville, structure.parametres, contact=_contact(structure),
                        file_active_partagee=bool(structure.parametre(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE)))


def _page(personne, *, notice_form=None, demande_form=None, effacement_form=None, statut=200):
    peut_exercer = garde_personne(db.session, current_user, personne, True)
    return rendre("droits/personne.html", personne=personne, peut_exercer=peut_exercer,
                  notices=queries.notice_du(db.session, personne.id),
                  demandes=queries.demandes_de(db.session, personne.id),
                  rectifications=queries.rectifications_de(db.session, personne.id),
                  anonymisation=queries.anonymisation_de(db.session, personne.id),
                  acces=queries.acces_exceptionnels(db.session, personne.id),
                  paragraphes=_paragraphes_notice(_structure()), modes=ModeRemise.LIBELLES,
                  notice_form=notice_form or NoticeForm(formdata=None),
                  demande_form=demande_form or DemandeForm(formdata=None),
                  effacement_form=effacement_form or EffacementForm(formdata=None), statut=statut)


@bp.get("/personnes/<uuid:personne_id>")
def personne(personne_id):
    return _page(charger(Personne, personne_id))


@bp.post("/personnes/<uuid:personne_id>/notice")
def notice(personne_id):
    p = charger(Personne, personne_id, modifier=True)
    form = NoticeForm()
    envoi = soumettre(form, lambda: services.enregistrer_notice(
        db.session, p, par=current_user, remise_le=form.remise_le.data, mode=form.mode.data,
        aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("droits.personne", personne_id=p.id), "Remise de la notice enregistrée.")
    return _page(p, notice_form=form, statut=envoi.statut)


@bp.get("/personnes/<uuid:personne_id>/notice.pdf")
def notice_pdf(personne_id):
    p = charger(Personne, personne_id)
    structure = _structure()
    contenu = pdf.notice_pdf(structure_nom=structure.nom, paragraphes=_paragraphes_notice(structure),
                             personne_nom=p.nom_complet, le=aujourdhui())
    return reponse_pdf(contenu, "notice-information.pdf", en_ligne=True)


@bp.post("/personnes/<uuid:personne_id>/demandes")
def nouvelle_demande(personne_id):
    p = charger(Personne, personne_id, modifier=True)
    form = DemandeForm()
    envoi = soumettre(form, lambda: services.ouvrir_demande(db.session, p, par=current_user,
                                                             demandee_le=form.demandee_le.data,
                                                             aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("droits.demande", demande_id=envoi.resultat.id),
                         "Demande d'accès enregistrée. Les auteurs des notes confidentielles décident de les "
                         "communiquer ou non.")
    return _page(p, demande_form=form, statut=envoi.statut)


def _demande(demande_id, *, modifier=False) -> tuple[DemandeAcces, Personne]:
    demande = db.session.get(DemandeAcces, demande_id)
    if demande is None or not policy.meme_structure(current_user, demande):
        raise policy.Introuvable()
    return demande, charger(Personne, demande.personne_id, modifier=modifier)


@bp.get("/demandes/<uuid:demande_id>")
def demande(demande_id):
    d, p = _demande(demande_id)
    parts, _contexte = queries.assembler(db.session, p, current_user)
    notes = [ligne for part in parts for s in part.sections if s.code == "note_confidentielle" for ligne in s.lignes]
    return rendre("droits/demande.html", demande=d, personne=p, parts=parts, notes=notes,
                  decisions={str(k): v for k, v in queries.decisions_de(d).items()},
                  peut_exporter=garde_personne(db.session, current_user, p, True))


@bp.get("/demandes/<uuid:demande_id>/export.<any(json, pdf):format_>")
def export(demande_id, format_):
    d, p = _demande(demande_id, modifier=True)
    policy.exiger(policy.peut_exercer_droits(current_user, p, **contexte_acces(db.session, p)))
    donnees, _journal = services.exporter(db.session, d, par=current_user, format_=format_)
    if format_ == "pdf":
        return reponse_pdf(pdf.export_pdf(donnees, structure_nom=_structure().nom), "droit-d-acces.pdf")
    reponse = make_response(json.dumps(donnees, ensure_ascii=False, indent=2, default=str))
    reponse.headers["Content-Type"] = "application/json; charset=utf-8"
    reponse.headers["Content-Disposition"] = 'attachment; filename="droit-d-acces.json"'
    return reponse


@bp.route("/mes-notes", methods=["GET"])
def mes_decisions():
    """The requests of access that involve the confidential notes I wrote."""
    policy.exiger(policy.peut_ecrire_note(current_user))
    a_decider = []
    # The recent requests only (an export is answered within a month, RGPD art. 12.3): each one
    # gathers the person's records to find the notes, so the list stays short.
    depuis = aujourdhui() - timedelta(days=rules.DELAI_REPONSE_JOURS)
    for d in db.session.query(DemandeAcces).where(DemandeAcces.demandee_le >= depuis) \
            .order_by(DemandeAcces.demandee_le.desc()).limit(30):
        p = db.session.get(Personne, d.personne_id)
        mes_notes = [n for n in queries.notes_de_la_personne(db.session, p) if n["auteur_id"] == str(current_user.id)]
        if mes_notes:
            a_decider.append((d, p, mes_notes, {str(k): v for k, v in queries.decisions_de(d).items()}))
    return rendre("droits/mes_notes.html", a_decider=a_decider, form=DecisionForm(formdata=None))


@bp.post("/demandes/<uuid:demande_id>/notes/<uuid:note_id>")
def decider(demande_id, note_id):
    demande = db.session.get(DemandeAcces, demande_id)
    note = db.session.get(NoteConfidentielle, note_id)
    if demande is None or note is None or not policy.meme_structure(current_user, demande) \
            or not policy.meme_structure(current_user, note):
        raise policy.Introuvable()
    policy.exiger(policy.peut_decider_note_pour_acces(current_user, note))
    p = db.session.get(Personne, demande.personne_id)
    if str(note.id) not in {n["id"] for n in queries.notes_de_la_personne(db.session, p)}:
        raise policy.Introuvable()  # a note about someone else
    form = DecisionForm()
    envoi = soumettre(form, lambda: services.decider_note(db.session, demande, note, par=current_user,
                                                           inclure=form.inclure.data == "oui"))
    if envoi:
        return rediriger(url_for("droits.mes_decisions"), "Décision enregistrée au journal.")
    return make_response(rendre("droits/mes_notes.html", a_decider=[], form=form), envoi.statut)


@bp.route("/personnes/<uuid:personne_id>/effacement", methods=["POST"])
def effacement(personne_id):
    p = charger(Personne, personne_id, modifier=True)
    form = EffacementForm()
    envoi = soumettre(form, lambda: services.effacer_sur_demande(
        db.session, p, par=current_user, motif=form.motif.data or "", confirmation=form.confirmation.data or "",
        aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("droits.personne", personne_id=p.id),
                         "Dossier anonymisé : l'identité et les écrits sont effacés, les chiffres restent.")
    return _page(p, effacement_form=form, statut=envoi.statut)


@bp.route("/personnes/<uuid:personne_id>/acces-exceptionnel", methods=["GET", "POST"])
def acces_exceptionnel(personne_id):
    p = policy.verifier_structure(current_user, db.session.get(Personne, personne_id))
    if not policy.peut_ouvrir_acces_exceptionnel(current_user, p):
        journaliser(db.session, acteur=current_user, action=Action.REFUS, objet_type="acces_exceptionnel",
                    objet_id=p.id)
        raise policy.Interdit()
    form = AccesExceptionnelForm()
    envoi = soumettre(form, lambda: services.ouvrir_acces_exceptionnel(db.session, p, par=current_user,
                                                                        motif=form.motif.data or ""))
    if envoi:
        return rediriger(url_for("personnes.voir", personne_id=p.id),
                         f"Accès exceptionnel ouvert jusqu'à {heure_fr(envoi.resultat.fin.astimezone(PARIS))} ; "
                         "le référent de la personne en est informé.", "attention")
    return rendre("droits/acces_exceptionnel.html", form=form, personne_id=p.id, statut=envoi.statut)


@bp.get("/conservation")
def conservation():
    policy.exiger(policy.peut_voir_conservation(current_user))
    structure = _structure()
    return rendre("droits/conservation.html", lignes=queries.bientot_a_echeance(db.session, current_user, aujourdhui()),
                  mois=rules.duree_conservation(structure.parametres), preavis=rules.PREAVIS_JOURS)


@bp.route("/reglages", methods=["GET", "POST"])
def reglages():
    policy.exiger(policy.peut(current_user, "droits.regler_conservation"))
    structure = _structure()
    form = ConservationForm()
    if not form.is_submitted():
        form.conservation.data = rules.duree_conservation(structure.parametres)
        form.provenance.data = rules.duree_provenance(structure.parametres)
        form.journal.data = rules.duree_journal(structure.parametres)
    envoi = soumettre(form, lambda: services.regler_conservation(
        db.session, structure, par=current_user, conservation=form.conservation.data,
        provenance=form.provenance.data, journal=form.journal.data))
    if envoi:
        return rediriger(url_for("droits.reglages"), "Durées de conservation enregistrées.")
    return rendre("droits/reglages.html", form=form, statut=envoi.statut)


def _traitements():
    from cipdesk.security.champs_chiffres import tous

    structure = _structure()
    return structure, rules.traitements(
        structure.parametres, modules=[m.titre for m in registre.modules if m.blueprints],
        champs_chiffres=sum(len(champs) for _t, champs in tous().values()),
        file_active_partagee=bool(structure.parametre(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE)))


@bp.get("/registre")
def registre_des_traitements():
    policy.exiger(policy.peut(current_user, "droits.voir_registre"))
    structure, traitements = _traitements()
    return rendre("droits/registre.html", structure=structure, traitements=traitements,
                  contact=_contact(structure))


@bp.get("/registre.json")
def registre_export():
    policy.exiger(policy.peut(current_user, "droits.voir_registre"))
    structure, traitements = _traitements()
    donnees = {"structure": structure.nom, "responsable": _contact(structure), "genere_le": aujourdhui().isoformat(),
               "traitements": [t.__dict__ for t in traitements]}
    reponse = make_response(json.dumps(donnees, ensure_ascii=False, indent=2))
    reponse.headers["Content-Type"] = "application/json; charset=utf-8"
    reponse.headers["Content-Disposition"] = 'attachment; filename="registre-des-traitements.json"'
    return reponse


