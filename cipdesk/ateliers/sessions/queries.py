"""Queries of the sessions: participants within the access policy, people who may be
enrolled, the loader's guards, the enrolments on a person's timeline."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import StatutInscription
from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.personnes.queries import contexte_acces
from cipdesk.security import policy


def garde_session(_session: Session, utilisateur, _objet, modifier: bool) -> bool:
    return policy.peut(utilisateur, "ateliers.animer") if modifier else policy.peut(utilisateur, "ateliers.voir")


def garde_inscription(session: Session, utilisateur, inscription: Inscription, modifier: bool) -> bool:
    """A participant's record: whoever may see the person, or the session's animateur."""
    contexte = contexte_acces(session, inscription.personne)
    if modifier:
        return policy.peut_suivre_participant(utilisateur, inscription.personne, inscription.session, **contexte)
    return policy.peut_voir_participant(utilisateur, inscription.personne, inscription.session, **contexte)


def file_active_partagee(session: Session, utilisateur) -> bool:
    parametres = session.scalar(select(Structure.parametres).where(Structure.id == utilisateur.structure_id))
    return bool((parametres or {}).get(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE))


def charger_session(session: Session, session_id) -> SessionAtelier | None:
    """A session with its atelier, half-days and participants (4 queries whatever the size)."""
    return session.scalar(select(SessionAtelier).where(SessionAtelier.id == session_id).options(
        joinedload(SessionAtelier.atelier), joinedload(SessionAtelier.animateur),
        selectinload(SessionAtelier.demi_journees),
        selectinload(SessionAtelier.inscriptions).joinedload(Inscription.personne)))


@dataclass(frozen=True)
class Participant:
    inscription: Inscription
    visible: bool   # may this user see the person's name and record?
    rang: int

    @property
    def nom(self) -> str:
        return self.inscription.personne.nom_complet if self.visible else f"Participant·e n° {self.rang}"


def participants(session: Session, sess: SessionAtelier, utilisateur, *, statuts=None) -> list[Participant]:
    """The session's participants; a name is shown only to who may see that person."""
    partagee = file_active_partagee(session, utilisateur)
    equipes = dict(session.execute(select(Utilisateur.id, Utilisateur.equipe_id).where(
        Utilisateur.structure_id == sess.structure_id)).all())
    resultat = []
    for rang, i in enumerate(sess.inscriptions, start=1):
        if statuts and i.statut not in statuts:
            continue
        visible = policy.peut_voir_participant(utilisateur, i.personne, sess, file_active_partagee=partagee,
                                               equipe_du_referent=equipes.get(i.personne.referent_id))
        resultat.append(Participant(i, visible, rang))
    return resultat


def personnes_inscriptibles(session: Session, utilisateur, sess: SessionAtelier) -> list[Personne]:
    """People of the user's caseload (the policy's perimeter) not yet enrolled in the session."""
    perimetre = policy.perimetre(utilisateur, file_active_partagee=file_active_partagee(session, utilisateur))
    deja = select(Inscription.personne_id).where(Inscription.session_id == sess.id,
                                                 Inscription.statut != StatutInscription.DESISTE)
    return list(session.scalars(select(Personne).where(
        perimetre.condition(Personne, Utilisateur), Personne.id.not_in(deja),
        Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom, Personne.prenom).limit(500)))


@dataclass(frozen=True)
class LigneAtelier:
    atelier: Atelier
    sessions: int
    prochaine: date | None


def ateliers(session: Session, utilisateur, aujourd_hui: date) -> list[LigneAtelier]:
    """The structure's ateliers with their number of sessions and next half-day (2 queries)."""
    liste = session.scalars(select(Atelier).where(Atelier.structure_id == utilisateur.structure_id)
                            .options(selectinload(Atelier.concepteur)).order_by(Atelier.titre)).all()
    chiffres = {aid: (n, prochaine) for aid, n, prochaine in session.execute(
        select(SessionAtelier.atelier_id, func.count(distinct(SessionAtelier.id)),
               func.min(DemiJournee.le).filter(DemiJournee.le >= aujourd_hui))
        .outerjoin(DemiJournee, DemiJournee.session_id == SessionAtelier.id)
        .where(SessionAtelier.structure_id == utilisateur.structure_id).group_by(SessionAtelier.atelier_id))}
    return [LigneAtelier(a, *chiffres.get(a.id, (0, None))) for a in liste]


def sessions_de_l_atelier(session: Session, atelier_id) -> list[SessionAtelier]:
    return list(session.scalars(select(SessionAtelier).where(SessionAtelier.atelier_id == atelier_id)
                                .options(selectinload(SessionAtelier.demi_journees),
                                         joinedload(SessionAtelier.animateur))
                                .order_by(SessionAtelier.created_at)))


def _inscriptions(personne_id, lecteur_id):  # noqa: ARG001
    return select(Inscription.inscrit_le.label("le"), Inscription.created_at.label("saisi"),
                  Atelier.titre.label("texte"), Inscription.statut.label("texte2"),
                  Inscription.session_id.label("objet_id")) \
        .join(SessionAtelier, SessionAtelier.id == Inscription.session_id) \
        .join(Atelier, Atelier.id == SessionAtelier.atelier_id).where(Inscription.personne_id == personne_id)


def _lire_inscriptions(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(i.le, i.saisi, "inscription_atelier", f"Inscription à l'atelier « {i.texte} »",
                      StatutInscription(i.texte2).libelle, "ateliers.sessions.voir", (("session_id", i.objet_id),))
            for i in lignes]


# Enrolments on the person's timeline (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_inscriptions, _lire_inscriptions)


def demi_journee_et_session(session: Session, demi_id) -> DemiJournee | None:
    return session.scalar(select(DemiJournee).where(DemiJournee.id == demi_id).options(
        joinedload(DemiJournee.session).joinedload(SessionAtelier.atelier)))
