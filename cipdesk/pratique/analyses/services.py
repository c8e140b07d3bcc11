"""Use cases of the analyses de pratique (REAC CP11). They flush, never commit, never read the clock."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cipdesk.core import signaux
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.pratique.analyses import queries, rules
from cipdesk.pratique.analyses.models import AnalysePratique, ParticipantSeance, SeanceAnalyse, TypeSeance
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

MESSAGE_CONFLIT = ("Cette analyse a été modifiée entre-temps (dans un autre onglet ?). Votre texte est conservé "
                   "ci-dessous : rechargez l'analyse pour voir la version enregistrée.")
MESSAGE_PARTAGE_NOMS = ("Avant de partager, retirez tout nom de personne accompagnée : un partage ne contient aucune "
                        "donnée identifiante.")


def controles(session: Session, auteur, valeurs: dict[str, str], situation_le: date | None, *,
              aujourd_hui: date, confirmer_noms: bool) -> dict[str, str]:
    """Every refusal at once, {field: message}: the input rules, then the names of the
    author's caseload (unless the author confirmed the words flagged are not a person)."""
    erreurs = rules.erreurs_de_saisie(valeurs, situation_le, aujourd_hui)
    if not confirmer_noms:
        trouves = rules.noms_cites(valeurs, queries.noms_de_la_file_active(session, auteur))
        for rubrique in trouves:
            erreurs.setdefault(rubrique, rules.message_noms({rubrique: trouves[rubrique]}))
    return erreurs


def _verifier(session, auteur, valeurs, situation_le, aujourd_hui, confirmer_noms) -> None:
    erreurs = controles(session, auteur, valeurs, situation_le, aujourd_hui=aujourd_hui,
                        confirmer_noms=confirmer_noms)
    if erreurs:
        champ, message = next(iter(erreurs.items()))
        raise ErreurMetier(message, champ)


def _remplir(analyse: AnalysePratique, valeurs: dict[str, str], situation_le: date, confirmer_noms: bool,
             noms_presents: bool) -> None:
    for rubrique in rules.RUBRIQUES:
        setattr(analyse, rubrique, (valeurs.get(rubrique) or "").strip())
    analyse.situation_le = situation_le
    analyse.noms_confirmes_le = utcnow() if confirmer_noms and noms_presents else None


def ecrire_analyse(session: Session, *, auteur, valeurs: dict[str, str], situation_le: date | None,
                   aujourd_hui: date, objet_type: str = "", objet_id: uuid.UUID | None = None,
                   confirmer_noms: bool = False) -> AnalysePratique:
    """Write an analysis, private to its author and encrypted (SECURITY.md), attached to a record
    of any module the author may see; it evidences CP11 (module.py, RegleDePreuve)."""
    policy.exiger(policy.peut(auteur, "pratique.analyser"))
    _verifier(session, auteur, valeurs, situation_le, aujourd_hui, confirmer_noms)
    queries.verifier_cible(session, auteur, objet_type, objet_id)
    analyse = AnalysePratique(id=uuid.uuid4(), structure_id=auteur.structure_id, auteur_id=auteur.id,
                              objet_type=objet_type or "", objet_id=objet_id if objet_type else None)
    noms = bool(rules.noms_cites(valeurs, queries.noms_de_la_file_active(session, auteur)))
    _remplir(analyse, valeurs, situation_le, confirmer_noms, noms)
    session.add(analyse)
    session.flush()
    journaliser(session, acteur=auteur, action=Action.CREATION, objet_type=queries.OBJET, objet_id=analyse.id)
    signaux.activite_enregistree.send(session, utilisateur=auteur, objet_type=queries.OBJET, objet_id=analyse.id,
                                      le=situation_le)
    return analyse


def modifier_analyse(session: Session, *, auteur, analyse: AnalysePratique, valeurs: dict[str, str],
                     situation_le: date | None, aujourd_hui: date, version: int | None,
                     confirmer_noms: bool = False) -> AnalysePratique:
    policy.verifier_structure(auteur, analyse)
    policy.exiger(policy.peut_modifier_analyse(auteur, analyse))
    if version != analyse.version:
        raise ErreurMetier(MESSAGE_CONFLIT, "version")
    _verifier(session, auteur, valeurs, situation_le, aujourd_hui, confirmer_noms)
    noms = bool(rules.noms_cites(valeurs, queries.noms_de_la_file_active(session, auteur)))
    if noms and (analyse.partage_tuteur_le or analyse.seance_id):
        raise ErreurMetier(MESSAGE_PARTAGE_NOMS + " Cette analyse est partagée.", "titre")
    _remplir(analyse, valeurs, situation_le, confirmer_noms, noms)
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        raise ErreurMetier(MESSAGE_CONFLIT, "version") from None
    journaliser(session, acteur=auteur, action=Action.MODIFICATION, objet_type=queries.OBJET, objet_id=analyse.id)
    return analyse


def _sans_nom(session: Session, auteur, analyse: AnalysePratique) -> None:
    """A shared analysis holds no identifying data: no override here."""
    valeurs = {r: getattr(analyse, r) for r in rules.RUBRIQUES}
    if rules.noms_cites(valeurs, queries.noms_de_la_file_active(session, auteur)):
        raise ErreurMetier(MESSAGE_PARTAGE_NOMS, "partage")


def partager_avec_tuteur(session: Session, *, auteur, analyse: AnalysePratique) -> None:
    """The candidat's tutor reads the analysis only once its author shares it explicitly
    (issue #15, « Accès ») — journalled."""
    policy.exiger(policy.peut_modifier_analyse(auteur, analyse))
    tuteur = queries.tuteur_de(session, auteur)
    if tuteur is None:
        raise ErreurMetier("Vous n'avez pas de tuteur ou tutrice désigné·e par votre structure.", "partage")
    _sans_nom(session, auteur, analyse)
    analyse.tuteur_id, analyse.partage_tuteur_le = tuteur.id, utcnow()
    session.flush()
    journaliser(session, acteur=auteur, action=Action.PARTAGE, objet_type=queries.OBJET, objet_id=analyse.id,
                details={"avec": str(tuteur.id), "role": "tuteur"})


def retirer_partage_tuteur(session: Session, *, auteur, analyse: AnalysePratique) -> None:
    policy.exiger(policy.peut_modifier_analyse(auteur, analyse))
    ancien = analyse.tuteur_id
    analyse.tuteur_id, analyse.partage_tuteur_le = None, None
    session.flush()
    journaliser(session, acteur=auteur, action=Action.PARTAGE, objet_type=queries.OBJET, objet_id=analyse.id,
                details={"retire": str(ancien), "role": "tuteur"})


def partager_avec_seance(session: Session, *, auteur, analyse: AnalysePratique,
                         seance: SeanceAnalyse | None) -> None:
    """Bring the analysis to a practice group the author takes part in (its participants read it)."""
    policy.exiger(policy.peut_modifier_analyse(auteur, analyse))
    if seance is None or not policy.meme_structure(auteur, seance) or auteur.id not in seance.participants_ids:
        raise ErreurMetier("Choisissez une séance d'analyse de pratique à laquelle vous participez.", "seance")
    _sans_nom(session, auteur, analyse)
    analyse.seance_id, analyse.partage_seance_le = seance.id, utcnow()
    session.flush()
    journaliser(session, acteur=auteur, action=Action.PARTAGE, objet_type=queries.OBJET, objet_id=analyse.id,
                details={"seance": str(seance.id)})


def retirer_partage_seance(session: Session, *, auteur, analyse: AnalysePratique) -> None:
    policy.exiger(policy.peut_modifier_analyse(auteur, analyse))
    ancienne = analyse.seance_id
    analyse.seance_id, analyse.partage_seance_le = None, None
    session.flush()
    journaliser(session, acteur=auteur, action=Action.PARTAGE, objet_type=queries.OBJET, objet_id=analyse.id,
                details={"retire_seance": str(ancienne)})


def enregistrer_seance(session: Session, *, organisateur, type_seance: TypeSeance | None, le: date | None,
                       animateur: str, participants: list, participants_externes: str,
                       aujourd_hui: date) -> SeanceAnalyse:
    """Record a GEASE or supervision session with its date and participants (colleagues of
    the structure, who read what is shared with it; others named in free text)."""
    policy.exiger(policy.peut(organisateur, "pratique.analyser"))
    if type_seance is None:
        raise ErreurMetier("Choisissez le type de séance.", "type_seance")
    if le is None:
        raise ErreurMetier("Indiquez la date de la séance.", "le")
    if le > aujourd_hui:
        raise ErreurMetier("Enregistrez une séance qui a eu lieu : la date ne peut pas être dans le futur.", "le")
    for collegue in participants:
        if collegue is None or collegue.structure_id != organisateur.structure_id or not collegue.actif \
                or not (policy.est_conseiller(collegue) or policy.est_chef(collegue)):
            raise ErreurMetier("Choisissez des participant·es parmi les professionnel·les de votre structure.",
                               "participants")
    seance = SeanceAnalyse(id=uuid.uuid4(), structure_id=organisateur.structure_id, organisateur_id=organisateur.id,
                           type_seance=type_seance, le=le, animateur=(animateur or "").strip()[:200])
    seance.participants_externes = (participants_externes or "").strip()
    for collegue in {c.id: c for c in participants if c.id != organisateur.id}.values():
        seance.participants.append(ParticipantSeance(structure_id=seance.structure_id, utilisateur_id=collegue.id))
    session.add(seance)
    session.flush()
    journaliser(session, acteur=organisateur, action=Action.CREATION, objet_type="seance_analyse",
                objet_id=seance.id)
    return seance
