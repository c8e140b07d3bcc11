"""Use cases of the sessions (REAC CP10): half-days, enrolments with a capacity enforced
by the database, a waiting list. Services flush, never commit."""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.sessions import rules
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription
from cipdesk.comptes.models import Utilisateur
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy


def _verifier_demi_journee(periode, debut, fin) -> None:
    for champ, message in rules.erreurs_demi_journee(periode, debut, fin).items():
        raise ErreurMetier(message, champ)


def creer_session(session: Session, atelier: Atelier, *, par, le: date, animateur, lieu: str, co_animateurs: str,
                  capacite: int, jour: date, periode: Periode, debut: time, fin: time) -> SessionAtelier:
    """A session and its first half-day; the capacity defaults to the cahier des charges."""
    if animateur is None or animateur.structure_id != atelier.structure_id or not policy.peut(animateur, "ateliers.animer"):
        raise ErreurMetier("Choisissez un·e conseiller·e de la structure comme animateur·rice.", "animateur_id")
    erreur = rules.erreur_capacite(capacite, 0)
    if erreur:
        raise ErreurMetier(erreur, "capacite")
    _verifier_demi_journee(periode, debut, fin)
    sess = SessionAtelier(structure_id=atelier.structure_id, atelier=atelier, animateur_id=animateur.id, lieu=lieu,
                          co_animateurs=co_animateurs, capacite=capacite, inscrits=0)
    session.add(sess)
    session.add(DemiJournee(structure_id=sess.structure_id, session=sess, le=jour, periode=periode, debut=debut,
                            fin=fin))
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="session_atelier", objet_id=sess.id, le=le)
    return sess


def ajouter_demi_journee(session: Session, sess: SessionAtelier, *, par, jour: date, periode: Periode,
                         debut: time, fin: time) -> DemiJournee:
    _verifier_demi_journee(periode, debut, fin)
    if any(d.le == jour and d.periode == periode for d in sess.demi_journees):
        raise ErreurMetier("Cette demi-journée figure déjà dans la session.", "periode")
    demi = DemiJournee(structure_id=sess.structure_id, session=sess, le=jour, periode=periode, debut=debut, fin=fin)
    session.add(demi)
    session.flush()
    return demi


def _prendre_une_place(session: Session, sess: SessionAtelier) -> bool:
    """One conditional UPDATE: the database takes the place only if one is left, so two
    conseillers enrolling the last place at the same time cannot both get it (the second
    UPDATE waits for the first one's row lock, then finds no place)."""
    resultat = session.execute(
        update(SessionAtelier).where(SessionAtelier.id == sess.id, SessionAtelier.inscrits < SessionAtelier.capacite)
        .values(inscrits=SessionAtelier.inscrits + 1).execution_options(synchronize_session=False))
    session.expire(sess, ["inscrits"])
    return resultat.rowcount == 1


def _rendre_une_place(session: Session, sess: SessionAtelier) -> None:
    session.execute(update(SessionAtelier).where(SessionAtelier.id == sess.id, SessionAtelier.inscrits > 0)
                    .values(inscrits=SessionAtelier.inscrits - 1).execution_options(synchronize_session=False))
    session.expire(sess, ["inscrits"])


def inscrire(session: Session, sess: SessionAtelier, personne, *, par, le: date, contexte: dict) -> Inscription:
    """Enrol a person of the caseload: enrolled while places are left, else on the waiting list."""
    if personne is None or personne.structure_id != sess.structure_id:
        raise ErreurMetier("Cette personne n'est pas accompagnée par votre structure.", "personne_id")
    if not policy.peut_modifier_personne(par, personne, **contexte):
        raise ErreurMetier("Cette personne n'est pas dans votre file active : son référent peut l'inscrire.",
                           "personne_id")
    deja = session.scalar(select(Inscription).where(Inscription.session_id == sess.id,
                                                    Inscription.personne_id == personne.id))
    if deja is not None and deja.statut != StatutInscription.DESISTE:
        raise ErreurMetier(f"{personne.nom_complet} est déjà {deja.statut.libelle.lower()} à cette session.",
                           "personne_id")
    statut = StatutInscription.INSCRIT if _prendre_une_place(session, sess) else StatutInscription.ATTENTE
    if deja is not None:
        deja.statut, deja.inscrit_le, deja.inscrit_par_id = statut, le, par.id
        inscription = deja
    else:
        inscription = Inscription(structure_id=sess.structure_id, session_id=sess.id, personne_id=personne.id,
                                  statut=statut, inscrit_le=le, inscrit_par_id=par.id)
        session.add(inscription)
    try:
        session.flush()
    except IntegrityError:  # the same person enrolled twice at the same time
        raise ErreurMetier(f"{personne.nom_complet} vient d'être inscrit·e par un·e collègue.", "personne_id") from None
    if statut == StatutInscription.INSCRIT:
        _annoncer_l_inscription(session, sess, personne, par=par, le=le)
    return inscription


def _annoncer_l_inscription(session: Session, sess: SessionAtelier, personne, *, par, le: date) -> None:
    """The person's parcours records the atelier as an étape (parcours module, by signal)."""
    signaux.inscription_atelier.send(session, personne=personne, par=par, intitule=sess.atelier.titre,
                                     le=sess.debut or le, aujourd_hui=le)


def _promouvoir_la_liste_d_attente(session: Session, sess: SessionAtelier) -> Inscription | None:
    premier = session.scalar(select(Inscription).where(Inscription.session_id == sess.id,
                                                       Inscription.statut == StatutInscription.ATTENTE)
                             .order_by(Inscription.inscrit_le, Inscription.created_at).limit(1))
    if premier is not None and _prendre_une_place(session, sess):
        premier.statut = StatutInscription.INSCRIT
        session.flush()
        _annoncer_l_inscription(session, sess, premier.personne, par=session.get(Utilisateur, premier.inscrit_par_id),
                                le=premier.inscrit_le)
        return premier
    return None


def desister(session: Session, inscription: Inscription, *, par) -> Inscription | None:
    """The person withdraws; their place goes to the first of the waiting list (returned)."""
    if inscription.statut == StatutInscription.DESISTE:
        raise ErreurMetier("Cette personne s'est déjà désistée.")
    liberait = inscription.statut == StatutInscription.INSCRIT
    inscription.statut = StatutInscription.DESISTE
    session.flush()
    if liberait:
        _rendre_une_place(session, inscription.session)
        return _promouvoir_la_liste_d_attente(session, inscription.session)
    return None


def modifier_capacite(session: Session, sess: SessionAtelier, *, par, capacite: int) -> SessionAtelier:
    """Never below the people enrolled (checked by the database too); more places go to the
    waiting list."""
    erreur = rules.erreur_capacite(capacite, 0)
    if erreur:
        raise ErreurMetier(erreur, "capacite")
    resultat = session.execute(
        update(SessionAtelier).where(SessionAtelier.id == sess.id, SessionAtelier.inscrits <= capacite)
        .values(capacite=capacite).execution_options(synchronize_session=False))
    session.expire(sess, ["capacite", "inscrits"])
    if resultat.rowcount != 1:
        raise ErreurMetier(rules.erreur_capacite(capacite, sess.inscrits) or "Capacité refusée.", "capacite")
    while sess.inscrits < sess.capacite and _promouvoir_la_liste_d_attente(session, sess):
        pass
    return sess
