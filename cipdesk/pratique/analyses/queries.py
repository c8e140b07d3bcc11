"""Reading analyses de pratique, for this module, the certification dossier and the pages
of the records they are attached to. A read that decrypts writes one audit row."""
from __future__ import annotations

import uuid

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import ProfilCandidat, Utilisateur
from cipdesk.core.contrat import registre
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.texte import normaliser_nom
from cipdesk.personnes.models import Personne
from cipdesk.pratique.analyses import rules
from cipdesk.pratique.analyses.models import AnalysePratique, ParticipantSeance, SeanceAnalyse
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.chiffrement import INDECHIFFRABLE

OBJET = "analyse_pratique"


# -- who may read ----------------------------------------------------------------------
def contexte_lecture(session: Session, analyse: AnalysePratique) -> dict:
    """The facts the policy needs: the author, their current tutor, the group's participants."""
    tuteur = session.scalar(select(ProfilCandidat.tuteur_id).where(ProfilCandidat.utilisateur_id == analyse.auteur_id))
    seance = session.get(SeanceAnalyse, analyse.seance_id) if analyse.seance_id else None
    return {"auteur": analyse.auteur, "tuteur_actuel_id": tuteur,
            "participants_ids": seance.participants_ids if seance else set()}


def garde_analyse(session: Session, utilisateur, analyse: AnalysePratique, modifier: bool) -> bool:
    """The loader's guard (web.chargement): the author writes; the author, the tutor it was
    explicitly shared with and the practice group's participants read."""
    if modifier:
        return policy.peut_modifier_analyse(utilisateur, analyse)
    return policy.peut_lire_analyse(utilisateur, analyse, **contexte_lecture(session, analyse))


def lire_analyse(session: Session, *, lecteur, analyse: AnalysePratique) -> tuple[dict[str, str], bool]:
    """Decrypt every rubrique for a reader the policy allows; one audit row per read."""
    policy.verifier_structure(lecteur, analyse)
    policy.exiger(policy.peut_lire_analyse(lecteur, analyse, **contexte_lecture(session, analyse)))
    valeurs = {r: getattr(analyse, r) for r in rules.RUBRIQUES}
    lisible = INDECHIFFRABLE not in valeurs.values()
    details = {} if analyse.auteur_id == lecteur.id else {"partage": "tuteur" if analyse.tuteur_id == lecteur.id
                                                           else "seance"}
    if not lisible:
        details["erreur"] = "indechiffrable"
    journaliser(session, acteur=lecteur, action=Action.LECTURE, objet_type=OBJET, objet_id=analyse.id,
                details=details)
    return valeurs, lisible


# -- lists -----------------------------------------------------------------------------
def analyses_de(session: Session, auteur_id: uuid.UUID, objet_type: str | None = None,
                objet_id: uuid.UUID | None = None) -> list[AnalysePratique]:
    """The analyses de pratique of an author, oldest situation first; with `objet_type` and
    `objet_id`, only those attached to that record (the certification dossier: « une analyse
    de pratique de cette situation », RC §3.1, parts 2 to 4, 6 and 7). Nothing is decrypted
    here: the caller reads through `lire_analyse` (audited) when it shows the text."""
    requete = select(AnalysePratique).where(AnalysePratique.auteur_id == auteur_id)
    if objet_type is not None:
        requete = requete.where(AnalysePratique.objet_type == objet_type)
    if objet_id is not None:
        requete = requete.where(AnalysePratique.objet_id == objet_id)
    return list(session.scalars(requete.order_by(AnalysePratique.situation_le, AnalysePratique.created_at)))


def analyses_partagees_avec(session: Session, utilisateur) -> list[AnalysePratique]:
    """Analyses others shared with this user (as tutor, or in a practice group), checked one
    by one against the policy (a tutor replaced since no longer reads)."""
    mes_seances = select(ParticipantSeance.seance_id).where(ParticipantSeance.utilisateur_id == utilisateur.id)
    organisees = select(SeanceAnalyse.id).where(SeanceAnalyse.organisateur_id == utilisateur.id)
    candidates = session.scalars(select(AnalysePratique).where(
        AnalysePratique.structure_id == utilisateur.structure_id, AnalysePratique.auteur_id != utilisateur.id,
        or_(AnalysePratique.tuteur_id == utilisateur.id, AnalysePratique.seance_id.in_(mes_seances),
            AnalysePratique.seance_id.in_(organisees))).order_by(AnalysePratique.situation_le.desc())).all()
    return [a for a in candidates if policy.peut_lire_analyse(utilisateur, a, **contexte_lecture(session, a))]


def seances_de(session: Session, utilisateur) -> list[SeanceAnalyse]:
    """The practice groups a user organised or took part in, newest first."""
    mes_seances = select(ParticipantSeance.seance_id).where(ParticipantSeance.utilisateur_id == utilisateur.id)
    return list(session.scalars(select(SeanceAnalyse).where(
        SeanceAnalyse.structure_id == utilisateur.structure_id,
        or_(SeanceAnalyse.organisateur_id == utilisateur.id, SeanceAnalyse.id.in_(mes_seances)))
        .order_by(SeanceAnalyse.le.desc())))


def garde_seance(_session: Session, utilisateur, seance: SeanceAnalyse, modifier: bool) -> bool:
    if modifier:
        return policy.peut(utilisateur, "pratique.analyser") and seance.organisateur_id == utilisateur.id
    return (policy.peut(utilisateur, "pratique.analyser") or policy.est_chef(utilisateur)) \
        and bool(utilisateur.actif) and utilisateur.id in seance.participants_ids


def analyses_de_la_seance(session: Session, seance: SeanceAnalyse) -> list[AnalysePratique]:
    return list(session.scalars(select(AnalysePratique).where(AnalysePratique.seance_id == seance.id)
                                .order_by(AnalysePratique.partage_seance_le)))


# -- the names of the caseload (never stored) -----------------------------------------------
def noms_de_la_file_active(session: Session, auteur) -> list[rules.NomSurveille]:
    """The people the author is the référent of, as normalised names (in memory only)."""
    lignes = session.execute(select(Personne.nom, Personne.nom_usage, Personne.prenom).where(
        Personne.structure_id == auteur.structure_id, Personne.referent_id == auteur.id)).all()
    noms = []
    for nom, nom_usage, prenom in lignes:
        for n in {nom, nom_usage} - {""}:
            noms.append(rules.NomSurveille(normaliser_nom(n), normaliser_nom(prenom)))
    return noms


# -- the record an analysis is attached to ---------------------------------------------------
def _modeles_par_type() -> dict[str, tuple[type, object]]:
    """TypeObjet code → (model, its loader guard): by the module contract's convention, a
    record kind is its model's table; a kind that shows on another kind's page (an
    « entretien de projet » on the entretien's page) resolves through that page."""
    lisibles = {lisible.modele.__tablename__: lisible for m in registre.modules for lisible in m.lisibles}
    objets = registre.objets()
    resolus = {}
    for code, t in objets.items():
        if t.endpoint is None:
            continue
        lisible = lisibles.get(code) or next(
            (lisibles[c] for c, autre in objets.items()
             if c in lisibles and autre.endpoint == t.endpoint and autre.parametre == t.parametre), None)
        if lisible is not None:
            resolus[code] = (lisible.modele, lisible.garde)
    return resolus


def types_rattachables() -> dict[str, str]:
    """The record kinds an analysis may be attached to: code → French label."""
    return {code: registre.libelle(code) for code in _modeles_par_type() if code != OBJET}


def verifier_cible(session: Session, utilisateur, objet_type: str, objet_id: uuid.UUID | None) -> None:
    """The record exists in the user's structure and the user may see it (else a field error)."""
    if not objet_type:
        return
    modele = _modeles_par_type().get(objet_type) if objet_type != OBJET else None
    objet = session.get(modele[0], objet_id) if modele and objet_id else None
    if objet is None or not policy.meme_structure(utilisateur, objet) or not modele[1](session, utilisateur, objet,
                                                                                         False):
        raise ErreurMetier("L'enregistrement auquel rattacher l'analyse est introuvable.", "objet_type")


def libelle_cible(analyse: AnalysePratique) -> str:
    return registre.libelle(analyse.objet_type) if analyse.objet_type else ""


def tuteur_de(session: Session, auteur) -> Utilisateur | None:
    """The author's designated tutor, when they still may be one."""
    profil = session.get(ProfilCandidat, auteur.id)
    if profil is None or profil.tuteur_id is None:
        return None
    tuteur = session.get(Utilisateur, profil.tuteur_id)
    return tuteur if policy.peut_etre_tuteur(tuteur, auteur) else None
