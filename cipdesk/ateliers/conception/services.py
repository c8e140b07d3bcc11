"""Use cases of the design of an atelier (REAC CP9). Services take the session, the
acting user and today's date, flush and never commit."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.ateliers.conception import rules
from cipdesk.ateliers.conception.models import Atelier, ObjectifPedagogique, Sequence
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier

CHAMPS_ATELIER = ("titre", "origine", "commanditaire", "contexte", "changements_recherches", "competences_visees",
                  "caracteristiques_public", "contraintes", "public_prerequis", "places_min", "places_max",
                  "duree_minutes", "rythme", "format", "lieu", "objectif_general", "ressources_budget", "animateurs",
                  "developpement_durable", "prevention_risques", "satisfaction_a_chaud", "suivi_a_froid_semaines")
CHAMPS_SEQUENCE = ("titre", "duree_minutes", "contenu", "methode", "modalite", "format", "activites", "ressources",
                   "evaluation", "scenario_alternatif")
CHAMPS_OBJECTIF = ("capacite", "conditions", "critere", "modalite_evaluation")


def _verifier_atelier(champs: dict) -> None:
    if champs.get("origine") == rules.Origine.DEMANDE and not (champs.get("commanditaire") or "").strip():
        raise ErreurMetier("Une demande institutionnelle a un commanditaire : qui a formulé la demande ?",
                           "commanditaire")
    for champ, message in rules.erreurs_places(champs.get("places_min"), champs.get("places_max")).items():
        raise ErreurMetier(message, champ)


def creer_atelier(session: Session, *, par, le: date, **champs) -> Atelier:
    """REAC CP9 : « En s'appuyant sur une demande institutionnelle ou sur un besoin identifié …
    analyser la demande, identifier les besoins, respecter un cahier des charges »."""
    _verifier_atelier(champs)
    atelier = Atelier(structure_id=par.structure_id, concepteur_id=par.id,
                      **{c: champs[c] for c in CHAMPS_ATELIER if c in champs})
    session.add(atelier)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="atelier", objet_id=atelier.id, le=le)
    return atelier


def modifier_atelier(session: Session, atelier: Atelier, *, par, version: int | None, **champs) -> Atelier:
    if version is not None and version != atelier.version:
        raise ErreurMetier("Un·e collègue a modifié cet atelier entre-temps : rechargez la page.", "version")
    _verifier_atelier(champs)
    for c in CHAMPS_ATELIER:
        if c in champs:
            setattr(atelier, c, champs[c])
    session.flush()
    return atelier


def ajouter_objectif(session: Session, atelier: Atelier, *, par, **champs) -> ObjectifPedagogique:
    """REAC CP9 : « Formuler intentions et objectifs pédagogiques »."""
    if not (champs.get("capacite") or "").strip():
        raise ErreurMetier("Dites ce que le participant sera capable de faire.", "capacite")
    objectif = ObjectifPedagogique(structure_id=atelier.structure_id, atelier=atelier,
                                   ordre=len(atelier.objectifs) + 1,
                                   **{c: champs.get(c) or "" for c in CHAMPS_OBJECTIF})
    session.add(objectif)
    session.flush()
    return objectif


def _verifier_version(obj, version: int | None, message: str) -> None:
    """Optimistic locking: the form carries the version it was read at; another one means a
    colleague saved in between (the database refuses a race past this check: Versioned)."""
    if version is None or version != obj.version:
        raise ErreurMetier(message, "version")


def modifier_objectif(session: Session, objectif: ObjectifPedagogique, *, par, version: int | None,
                      **champs) -> ObjectifPedagogique:
    """An objective stays editable while the atelier is designed and re-run (REAC CP9 : « Formuler
    intentions et objectifs pédagogiques »); its evaluations keep pointing at it."""
    _verifier_version(objectif, version, "Un·e collègue a modifié cet objectif entre-temps : rechargez la page.")
    if not (champs.get("capacite") or "").strip():
        raise ErreurMetier("Dites ce que le participant sera capable de faire.", "capacite")
    for c in CHAMPS_OBJECTIF:
        setattr(objectif, c, champs.get(c) or "")
    session.flush()
    return objectif


def deplacer_objectif(session: Session, objectif: ObjectifPedagogique, *, par, sens: int) -> ObjectifPedagogique:
    atelier = objectif.atelier
    ordre = rules.deplacer([o.id for o in atelier.objectifs], objectif.id, sens)
    par_id = {o.id: o for o in atelier.objectifs}
    for rang, oid in enumerate(ordre, start=1):
        par_id[oid].ordre = rang
    session.flush()
    session.expire(atelier, ["objectifs"])
    return objectif


def _verifier_sequence(atelier: Atelier, duree: int | None, objectif_id: uuid.UUID | None) -> None:
    erreur = rules.erreur_sequence(duree, atelier.duree_minutes)
    if erreur:
        raise ErreurMetier(erreur, "duree_minutes")
    if objectif_id is not None and objectif_id not in {o.id for o in atelier.objectifs}:
        raise ErreurMetier("Choisissez un objectif pédagogique de cet atelier.", "objectif_id")


def modifier_sequence(session: Session, sequence: Sequence, *, par, version: int | None,
                      objectif_id: uuid.UUID | None = None, **champs) -> tuple[Sequence, str | None]:
    """Same checks as a new séquence; returns the duration warning of the whole progression."""
    _verifier_version(sequence, version, "Un·e collègue a modifié cette séquence entre-temps : rechargez la page.")
    atelier = sequence.atelier
    _verifier_sequence(atelier, champs.get("duree_minutes"), objectif_id)
    for c in CHAMPS_SEQUENCE:
        if c in champs:
            setattr(sequence, c, champs[c])
    sequence.objectif_id = objectif_id
    session.flush()
    return sequence, rules.avertissement_duree(atelier.duree_progression, atelier.duree_minutes)


def ajouter_sequence(session: Session, atelier: Atelier, *, par, objectif_id: uuid.UUID | None = None,
                     **champs) -> tuple[Sequence, str | None]:
    """A séquence of the progression; returns it with the duration warning (never a block:
    REAC CP9 « La progression pédagogique est en adéquation avec les objectifs »)."""
    _verifier_sequence(atelier, champs.get("duree_minutes"), objectif_id)
    sequence = Sequence(structure_id=atelier.structure_id, atelier=atelier, objectif_id=objectif_id,
                        ordre=max((s.ordre for s in atelier.sequences), default=0) + 1,
                        **{c: champs[c] for c in CHAMPS_SEQUENCE if c in champs})
    session.add(sequence)
    session.flush()
    return sequence, rules.avertissement_duree(atelier.duree_progression, atelier.duree_minutes)


def deplacer_sequence(session: Session, sequence: Sequence, *, par, sens: int) -> Sequence:
    atelier = sequence.atelier
    ordre = rules.deplacer([s.id for s in atelier.sequences], sequence.id, sens)
    par_id = {s.id: s for s in atelier.sequences}
    for rang, sid in enumerate(ordre, start=1):
        par_id[sid].ordre = rang
    session.flush()
    session.expire(atelier, ["sequences"])
    return sequence


def reordonner_sequences(session: Session, atelier: Atelier, *, par, ordre: list[uuid.UUID]) -> Atelier:
    """The progression in the order dropped (rules.reordonner)."""
    par_id = {s.id: s for s in atelier.sequences}
    for rang, sid in enumerate(rules.reordonner(list(par_id), ordre), start=1):
        par_id[sid].ordre = rang
    session.flush()
    session.expire(atelier, ["sequences"])
    return atelier


def supprimer_sequence(session: Session, sequence: Sequence, *, par) -> Atelier:
    atelier = sequence.atelier
    atelier.sequences.remove(sequence)
    for rang, s in enumerate(atelier.sequences, start=1):
        s.ordre = rang
    session.flush()
    return atelier


def dupliquer_atelier(session: Session, atelier: Atelier, *, par, le: date) -> Atelier:
    """An atelier used as a model: a copy of its design (not its sessions)."""
    copie = Atelier(structure_id=atelier.structure_id, concepteur_id=par.id, modele_id=atelier.id,
                    **{c: getattr(atelier, c) for c in CHAMPS_ATELIER})
    copie.titre = f"{atelier.titre} (copie)"[:200]
    session.add(copie)
    correspondance = {}
    for o in atelier.objectifs:
        nouvel = ObjectifPedagogique(structure_id=copie.structure_id, atelier=copie, ordre=o.ordre,
                                     **{c: getattr(o, c) for c in CHAMPS_OBJECTIF})
        session.add(nouvel)
        correspondance[o.id] = nouvel
    session.flush()
    for s in atelier.sequences:
        objectif = correspondance.get(s.objectif_id)
        session.add(Sequence(structure_id=copie.structure_id, atelier=copie, ordre=s.ordre,
                             objectif_id=objectif.id if objectif else None,
                             **{c: getattr(s, c) for c in CHAMPS_SEQUENCE}))
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="atelier", objet_id=copie.id, le=le)
    return copie
