"""Use cases of the agenda: plan, move, cancel, note attendance, record the consent to
e-mails, convoke (letter, e-mail with the invitation, reminder), the calendar feed, the
structure's settings. Session and actor explicit, flush never commit, never Flask."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from cipdesk.agenda import ics, queries, rules
from cipdesk.agenda.models import ConsentementCourriel, FluxAgenda, RendezVousPlanifie
from cipdesk.agenda.rules import Modalite, NatureRdv, Presence
from cipdesk.core import signaux
from cipdesk.core.dates import date_heure_fr
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.courriel import envoi
from cipdesk.courriel.envoi import utc
from cipdesk.courriel.models import MessageSortant, StatutMessage
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

MESSAGE_FIGE = "Ce rendez-vous est {etat} : il ne se modifie plus. Planifiez-en un nouveau si besoin."


@dataclass
class DonneesRdv:
    nature: str
    le: date
    heure: time
    duree: int
    modalite: str
    lieu: str = ""
    a_apporter: str = ""
    motif: str = ""
    commentaire: str = ""


def _verifier(donnees: DonneesRdv, *, personne: bool, aujourd_hui: date) -> None:
    for champ, message in rules.erreurs_du_creneau(le=donnees.le, heure=donnees.heure, duree=donnees.duree,
                                                   modalite=donnees.modalite, lieu=donnees.lieu, personne=personne,
                                                   nature=donnees.nature, aujourd_hui=aujourd_hui).items():
        raise ErreurMetier(message, champ)


def _ecrire(rdv: RendezVousPlanifie, d: DonneesRdv) -> None:
    rdv.nature, rdv.le, rdv.heure, rdv.duree_minutes = NatureRdv(d.nature), d.le, d.heure, d.duree
    rdv.modalite, rdv.lieu = Modalite(d.modalite), d.lieu.strip()
    rdv.a_apporter, rdv.motif, rdv.commentaire = d.a_apporter.strip(), d.motif.strip(), d.commentaire.strip()


def planifier(session: Session, *, par, donnees: DonneesRdv, personne, aujourd_hui: date) -> RendezVousPlanifie:
    """`personne` was loaded through the loader for writing (or None: a visit to an employer)."""
    policy.exiger(policy.peut(par, "agenda.tenir"))
    _verifier(donnees, personne=personne is not None, aujourd_hui=aujourd_hui)
    rdv = RendezVousPlanifie(structure_id=par.structure_id, conseiller_id=par.id,
                             personne_id=personne.id if personne is not None else None)
    rdv.personne = personne
    _ecrire(rdv, donnees)
    session.add(rdv)
    session.flush()
    return rdv


def _figer(rdv: RendezVousPlanifie) -> None:
    if rdv.annule:
        raise ErreurMetier(MESSAGE_FIGE.format(etat="annulé"))
    if rdv.presence is not None:
        raise ErreurMetier(MESSAGE_FIGE.format(etat=f"noté « {Presence(rdv.presence).libelle.lower()} »"))


def _abandonner_en_attente(session: Session, rdv: RendezVousPlanifie, motif: str) -> int:
    n = 0
    for m in queries.messages_du_rdv(session, rdv.id):
        if m.statut == StatutMessage.A_ENVOYER:
            envoi.abandonner(m, motif)
            n += 1
    return n


def modifier(session: Session, rdv: RendezVousPlanifie, *, par, donnees: DonneesRdv, aujourd_hui: date) -> bool:
    """Moves or completes a rendez-vous. Returns whether the event moved (its SEQUENCE grows;
    messages not yet sent are given up: a new convocation carries the new slot)."""
    policy.exiger(policy.peut_modifier_rendez_vous(par, rdv))
    _figer(rdv)
    _verifier(donnees, personne=rdv.personne_id is not None, aujourd_hui=aujourd_hui)
    avant = (rdv.le, rdv.heure, rdv.duree_minutes, rdv.modalite, rdv.lieu)
    _ecrire(rdv, donnees)
    bouge = rules.creneau_change(avant, (rdv.le, rdv.heure, rdv.duree_minutes, rdv.modalite, rdv.lieu))
    if bouge:
        rdv.sequence += 1
        if _abandonner_en_attente(session, rdv, "Rendez-vous déplacé : message non envoyé (convoquer de nouveau)."):
            rdv.convoque_le = None
    return bouge


def annuler(session: Session, rdv: RendezVousPlanifie, *, par, maintenant: datetime) -> None:
    policy.exiger(policy.peut_modifier_rendez_vous(par, rdv))
    _figer(rdv)
    rdv.annule_le = utc(maintenant)
    rdv.sequence += 1
    _abandonner_en_attente(session, rdv, "Rendez-vous annulé : message non envoyé.")
    # The person holds the invitation in their calendar: it is withdrawn (METHOD:CANCEL).
    invitee = any(m.nature == "convocation" and m.statut == StatutMessage.ENVOYE
                  for m in queries.messages_du_rdv(session, rdv.id))
    accord = queries.consentement(session, rdv.personne_id) if rdv.personne_id else None
    if invitee and accord is not None and accord.accorde and (rdv.personne.email or "").strip() \
            and rules.debut(rdv.le, rdv.heure) > maintenant:
        c = contenu_lettre(session, rdv)
        sujet, texte = rules.texte_annulation(**{k: c[k] for k in ("prenom", "nom", "nature_libelle", "le", "heure",
                                                                    "conseiller", "structure", "contact")})
        retrait = ics.invitation(rdv, titre=f"{c['nature_libelle']} — {c['structure']}", lieu=c["ou_"],
                                 maintenant=maintenant, organisateur=(c["conseiller"], rdv.conseiller.email),
                                 participant=(rdv.personne.nom_complet, rdv.personne.email.strip()), methode="CANCEL")
        envoi.deposer(session, nature="annulation", structure_id=rdv.structure_id, personne_id=rdv.personne_id,
                      objet_type="rendez_vous", objet_id=rdv.id, envoyer_a_partir_du=maintenant, maintenant=maintenant,
                      contenu={"a": rdv.personne.email.strip(), "sujet": sujet, "texte": texte, "ics": retrait,
                               "methode": "CANCEL"})


def noter_presence(session: Session, rdv: RendezVousPlanifie, *, par, presence: str, aujourd_hui: date,
                   maintenant: datetime) -> None:
    """Honoré, excusé, non honoré. An honoured rendez-vous is a contact (the person's last
    contact is updated); a no-show sends nothing to the person — never a cancellation."""
    policy.exiger(policy.peut_modifier_rendez_vous(par, rdv))
    if rdv.annule:
        raise ErreurMetier("Ce rendez-vous a été annulé : aucune présence à noter.", "presence")
    if rdv.personne_id is None:
        raise ErreurMetier("Une visite d'employeur sans personne accompagnée n'a pas de présence à noter.", "presence")
    if not rules.presence_notable(rdv.le, aujourd_hui):
        raise ErreurMetier("La présence se note le jour du rendez-vous ou après.", "presence")
    try:
        valeur = Presence(presence)
    except ValueError:
        raise ErreurMetier("Choisissez : honoré, excusé ou non honoré.", "presence") from None
    rdv.presence, rdv.presence_notee_le = valeur, utc(maintenant)
    _abandonner_en_attente(session, rdv, "Présence notée : message non envoyé.")
    if valeur == Presence.HONORE:
        signaux.contact_realise.send(session, personne=rdv.personne, le=rdv.le,
                                     prochain_rdv=queries.prochain_rdv(session, rdv.personne_id, rdv.le),
                                     aujourd_hui=aujourd_hui)


def enregistrer_consentement(session: Session, personne, *, par, accorde: bool | None, mode: str, le: date,
                             maintenant: datetime) -> ConsentementCourriel:
    """The person's answer to « may we send you e-mails (convocations, reminders)? »."""
    policy.exiger(policy.peut(par, "agenda.tenir"))  # the person was loaded for writing by the view
    if accorde is None:
        raise ErreurMetier("Indiquez la réponse de la personne : oui ou non.", "accorde")
    if mode not in rules.MODES_CONSENTEMENT:
        raise ErreurMetier("Indiquez comment la réponse a été recueillie.", "mode")
    ligne = queries.consentement(session, personne.id)
    if ligne is None:
        ligne = ConsentementCourriel(structure_id=personne.structure_id, personne_id=personne.id)
        session.add(ligne)
    ligne.accorde, ligne.mode, ligne.le, ligne.par_id, ligne.modifie_le = accorde, mode, le, par.id, utc(maintenant)
    if not accorde:  # withdrawn: nothing more goes out
        for m in session.query(MessageSortant).filter(MessageSortant.personne_id == personne.id,
                                                      MessageSortant.statut == StatutMessage.A_ENVOYER):
            envoi.abandonner(m, "La personne a retiré son accord pour recevoir des e-mails.")
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="personne", objet_id=personne.id,
                details={"consentement_courriel": accorde, "mode": mode})
    return ligne


@dataclass(frozen=True)
class Convocation:
    """What « Convoquer » did: the letter is always ready; `courriel` and `rappel` say what
    was planned, or why not (shown to the conseiller as is)."""
    courriel: str
    rappel: str
    courriel_prevu: bool


def _reglages(session: Session, structure_id, conseiller) -> tuple[int, str, str, str]:
    p = queries.parametres_structure(session, structure_id)
    heures = int(p.get(rules.PARAMETRE_RAPPEL, rules.RAPPEL_HEURES_DEFAUT))
    adresse = p.get("agenda_adresse", "")
    contact = p.get("agenda_telephone", "") or conseiller.email
    return heures, adresse, contact, p.get("agenda_nom", "")


def contenu_lettre(session: Session, rdv: RendezVousPlanifie) -> dict:
    """What the letter, the e-mail and the reminder say (one source for the three)."""
    from cipdesk.comptes.models import Structure

    structure = session.get(Structure, rdv.structure_id)
    heures, adresse, contact, _ = _reglages(session, rdv.structure_id, rdv.conseiller)
    personne = rdv.personne
    return dict(prenom=personne.prenom, nom=personne.nom, nature_libelle=NatureRdv(rdv.nature).libelle,
                le=rdv.le, heure=rdv.heure,
                ou_=rules.ou(rdv.modalite, rdv.lieu, adresse, personne.adresse or ""),
                conseiller=rdv.conseiller.nom_complet, structure=structure.nom, contact=contact,
                rappel_heures=heures, a_apporter=rdv.a_apporter, duree=rdv.duree_minutes)


def convoquer(session: Session, rdv: RendezVousPlanifie, *, par, maintenant: datetime) -> Convocation:
    policy.exiger(policy.peut_modifier_rendez_vous(par, rdv))
    if rdv.personne_id is None:
        raise ErreurMetier("Une visite d'employeur ne se convoque pas : il n'y a pas de personne accompagnée.")
    _figer(rdv)
    debut = rules.debut(rdv.le, rdv.heure)
    if debut <= maintenant:
        raise ErreurMetier("Le rendez-vous est passé : on ne convoque plus.")
    _abandonner_en_attente(session, rdv, "Remplacé par une nouvelle convocation.")
    rdv.convoque_le = utc(maintenant)
    c = contenu_lettre(session, rdv)
    personne, accord = rdv.personne, queries.consentement(session, rdv.personne_id)
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="rendez_vous", objet_id=rdv.id,
                details={"convocation": True})
    if accord is None or not accord.accorde:
        raison = ("la personne n'a pas encore donné son accord pour recevoir des e-mails" if accord is None
                  else "la personne a refusé de recevoir des e-mails")
        return Convocation(f"Pas d'e-mail : {raison}. Remettez-lui ou postez la lettre de convocation.",
                           "Pas de rappel par e-mail, pour la même raison.", False)
    if not (personne.email or "").strip():
        return Convocation("Pas d'e-mail : aucune adresse e-mail n'est connue pour la personne. Ajoutez-la à sa "
                           "fiche, ou remettez-lui la lettre de convocation.", "Pas de rappel par e-mail.", False)
    sujet, texte = rules.texte_convocation(**{k: c[k] for k in ("prenom", "nom", "nature_libelle", "le", "heure",
                                                                 "duree", "ou_", "a_apporter", "conseiller",
                                                                 "structure", "contact")})
    invitation = ics.invitation(rdv, titre=f"{c['nature_libelle']} — {c['structure']}", lieu=c["ou_"],
                                maintenant=maintenant, organisateur=(c["conseiller"], rdv.conseiller.email),
                                participant=(personne.nom_complet, personne.email.strip()))
    envoi.deposer(session, nature="convocation", structure_id=rdv.structure_id, personne_id=personne.id,
                  objet_type="rendez_vous", objet_id=rdv.id, envoyer_a_partir_du=maintenant, maintenant=maintenant,
                  contenu={"a": personne.email.strip(), "sujet": sujet, "texte": texte, "ics": invitation,
                           "methode": "REQUEST"})
    courriel = f"E-mail de convocation avec l'invitation à envoyer à {personne.email.strip()}."
    moment = rules.moment_du_rappel(debut, c["rappel_heures"])
    if moment <= maintenant:
        return Convocation(courriel, f"Pas de rappel : le rendez-vous est dans moins de {c['rappel_heures']} h, "
                                     "la convocation en tient lieu.", True)
    sujet_r, texte_r = rules.texte_rappel(**{k: c[k] for k in ("prenom", "nom", "nature_libelle", "le", "heure",
                                                                "ou_", "conseiller", "structure", "contact")})
    envoi.deposer(session, nature="rappel", structure_id=rdv.structure_id, personne_id=personne.id,
                  objet_type="rendez_vous", objet_id=rdv.id, envoyer_a_partir_du=moment, maintenant=maintenant,
                  contenu={"a": personne.email.strip(), "sujet": sujet_r, "texte": texte_r})
    return Convocation(courriel, f"Rappel par e-mail prévu le {date_heure_fr(moment)} "
                                 f"({c['rappel_heures']} h avant).", True)


def verifier_message(session: Session, message: MessageSortant, maintenant: datetime) -> str | None:
    """The outbox's check before sending a convocation or a reminder: never for a cancelled,
    past or already-held rendez-vous, nor without the person's consent."""
    # Re-read from the database (a long-running sender must not trust a cached row).
    rdv = session.get(RendezVousPlanifie, message.objet_id, populate_existing=True) if message.objet_id else None
    if rdv is None:
        return "Rendez-vous introuvable : message non envoyé."
    accord = queries.consentement(session, rdv.personne_id) if rdv.personne_id else None
    if accord is None or not accord.accorde:
        return "La personne n'a pas donné son accord pour recevoir des e-mails : message non envoyé."
    if message.nature == "annulation":  # the only message about a cancelled rendez-vous
        return None if rdv.annule and rules.debut(rdv.le, rdv.heure) > maintenant else \
            "Rendez-vous passé : message non envoyé."
    return rules.motif_d_abandon(annule=rdv.annule, debut_=rules.debut(rdv.le, rdv.heure), presence=rdv.presence,
                                 maintenant=maintenant)


# -- the calendar feed ---------------------------------------------------------------
def empreinte(jeton: str) -> str:
    return hashlib.sha256(jeton.encode()).hexdigest()


def creer_flux(session: Session, *, utilisateur, maintenant: datetime) -> str:
    """A new secret address (the previous one stops working). Returns the secret, shown once."""
    policy.exiger(policy.peut(utilisateur, "agenda.tenir"))
    revoquer_flux(session, utilisateur=utilisateur, maintenant=maintenant)
    jeton = secrets.token_urlsafe(32)
    session.add(FluxAgenda(structure_id=utilisateur.structure_id, utilisateur_id=utilisateur.id,
                           empreinte=empreinte(jeton), cree_le=utc(maintenant)))
    journaliser(session, acteur=utilisateur, action=Action.CREATION, objet_type="flux_agenda",
                objet_id=utilisateur.id)
    return jeton


def revoquer_flux(session: Session, *, utilisateur, maintenant: datetime) -> bool:
    policy.exiger(policy.peut(utilisateur, "agenda.tenir"))
    flux = queries.flux_actif(session, utilisateur)
    if flux is None:
        return False
    flux.revoque_le = utc(maintenant)
    journaliser(session, acteur=utilisateur, action=Action.SUPPRESSION, objet_type="flux_agenda",
                objet_id=utilisateur.id)
    session.flush()
    return True


def calendrier(session: Session, *, jeton: str, maintenant: datetime, aujourd_hui: date) -> bytes | None:
    """The feed of the conseiller this secret names (None: unknown or revoked)."""
    from cipdesk.comptes.models import Utilisateur

    flux = queries.flux_par_empreinte(session, empreinte(jeton))
    if flux is None:
        return None
    utilisateur = session.get(Utilisateur, flux.utilisateur_id)
    if utilisateur is None or not utilisateur.actif or utilisateur.structure_id != flux.structure_id:
        return None
    flux.dernier_acces_le = utc(maintenant)
    evenements = [ics.evenement(r, titre=queries.titre(r, discret=True),
                                lieu=rules.Modalite(r.modalite).libelle + (f" — {r.lieu}" if r.lieu else ""),
                                maintenant=maintenant)
                  for r in queries.rdv_du_flux(session, flux, aujourd_hui)]
    return ics.flux(evenements, nom=f"cipdesk — {utilisateur.nom_complet}")


def regler(session: Session, *, par, structure, heures: int, adresse: str, telephone: str) -> None:
    policy.exiger(policy.peut(par, "agenda.regler") and structure.id == par.structure_id)
    if not 1 <= heures <= 7 * 24:
        raise ErreurMetier("Le rappel part entre 1 heure et 7 jours (168 heures) avant le rendez-vous.", "heures")
    structure.parametres = {**(structure.parametres or {}), rules.PARAMETRE_RAPPEL: heures,
                            "agenda_adresse": adresse.strip(), "agenda_telephone": telephone.strip()}
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure.id,
                details={"agenda_rappel_heures": heures})

