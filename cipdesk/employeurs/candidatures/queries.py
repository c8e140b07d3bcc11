"""Candidatures, always through the policy's perimeter: a person is shown only to
those who may see that person (issue #13, « Accès »)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, case, literal, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes, SourceDeChronologie
from cipdesk.employeurs.candidatures import rules
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.candidatures.models import Candidature, TransitionCandidature
from cipdesk.employeurs.offres.models import Offre
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import dans_le_perimetre, perimetre_de  # noqa: F401  (read by routes)
from cipdesk.personnes.queries import dechiffrer
from cipdesk.personnes.queries import personnes_en_cours_du_perimetre as personnes_proposables  # noqa: F401


def candidatures_de_l_offre(session: Session, utilisateur, offre_id, *, perimetre=None) -> tuple[list, int]:
    """(the candidatures whose person the user may see — id, the person's name, state, since —,
    how many others exist) in ONE query: the perimeter is a column, and the name of a person
    outside it is never read (NULL). `perimetre` when the caller has it."""
    visible = (perimetre or perimetre_de(session, utilisateur)).condition(Personne, Utilisateur)
    lignes = session.execute(
        select(Candidature.id, case((visible, Personne.nom)).label("nom"), case((visible, Personne.prenom)).label("prenom"),
               Candidature.etat, Candidature.etat_depuis, case((visible, True), else_=False).label("visible"))
        .join(Personne, Personne.id == Candidature.personne_id)
        .where(Candidature.offre_id == offre_id).order_by(Candidature.etat_depuis.desc(), Candidature.id)).all()
    visibles = [l for l in lignes if l.visible]
    return visibles, len(lignes) - len(visibles)


def mes_candidatures(session: Session, utilisateur) -> Select:
    condition = perimetre_de(session, utilisateur).condition(Personne, Utilisateur)
    return (select(Candidature).join(Personne, Personne.id == Candidature.personne_id).where(condition)
            .options(joinedload(Candidature.personne), joinedload(Candidature.offre).joinedload(Offre.entreprise))
            .order_by(Candidature.etat_depuis.desc()))


def garde_candidature(session: Session, utilisateur, candidature: Candidature, modifier: bool) -> bool:
    """The loader's guard: whoever may see (write about) the person."""
    from cipdesk.personnes.queries import garde_personne

    return garde_personne(session, utilisateur, candidature.personne, modifier)


# -- contract providers ------------------------------------------------------------------
def _sans_reponse(personne_ids, aujourd_hui: date):
    return (select(Candidature.id.label("objet_id"), Candidature.personne_id.label("personne_id"),
                   Candidature.etat.label("texte"), Candidature.etat_depuis.label("le"),
                   Offre.intitule.label("texte2"),
                   Structure.parametres[rules.PARAMETRE_DELAI].label("reglage"))
            .join(Offre, Offre.id == Candidature.offre_id).join(Structure, Structure.id == Candidature.structure_id)
            .where(Candidature.personne_id.in_(personne_ids),
                   Candidature.etat.in_(tuple(rules.EN_ATTENTE_EMPLOYEUR))))


def _lire_sans_reponse(lignes, aujourd_hui: date) -> list[Alerte]:
    alertes = []
    for l in lignes:
        cid, pid, depuis, intitule = l.objet_id, l.personne_id, l.le, l.texte2
        delai = rules.delai_relance({rules.PARAMETRE_DELAI: l.reglage})
        niveau = rules.relance(EtatCandidature(l.texte), depuis, aujourd_hui, delai)
        if niveau == "relance":
            alertes.append(Alerte(pid, "candidature_sans_reponse", f"Candidature « {intitule} » sans réponse "
                                  f"depuis le {depuis:%d/%m/%Y} : relancer l'employeur", 2, "candidature", cid))
        elif niveau == "obsolete":
            alertes.append(Alerte(pid, "candidature_obsolete", f"Candidature « {intitule} » sans réponse depuis "
                                  f"le {depuis:%d/%m/%Y} : obsolète, à clore", 1, "candidature", cid))
    return alertes


def _classer_sans_reponse(personne_ids, aujourd_hui: date, reglages: dict):
    # rules.relance: « relance » (2) from `delai` days without an answer, « obsolète » (1) from twice that
    delai = rules.delai_relance(reglages)
    return (select(Candidature.personne_id.label("personne_id"),
                   case((Candidature.etat_depuis <= aujourd_hui - timedelta(days=2 * delai), literal(1)),
                        else_=literal(2)).label("gravite"))
            .where(Candidature.personne_id.in_(personne_ids),
                   Candidature.etat.in_(tuple(rules.EN_ATTENTE_EMPLOYEUR)),
                   Candidature.etat_depuis <= aujourd_hui - timedelta(days=delai)))


# A candidature with no answer from the employer after the structure's delay is an alert; after
# twice the delay it is obsolete (to be closed).
alertes_sans_reponse = SourceDAlertes(_sans_reponse, _lire_sans_reponse, _classer_sans_reponse)


def _transitions(personne_id, lecteur_id):  # noqa: ARG001
    return select(TransitionCandidature.id.label("autre_id"), TransitionCandidature.structure_id.label("structure_id"),
                  TransitionCandidature.le.label("le"), TransitionCandidature.created_at.label("saisi"),
                  TransitionCandidature.vers.label("texte"), TransitionCandidature.motif_refus.label("texte2"),
                  TransitionCandidature.commentaire_chiffre.label("chiffre"), Offre.intitule.label("texte3"),
                  Candidature.id.label("objet_id")) \
        .join(Candidature, Candidature.id == TransitionCandidature.candidature_id) \
        .join(Offre, Offre.id == Candidature.offre_id).where(Candidature.personne_id == personne_id)


def _lire_transitions(lignes, session, lecteur) -> list[Evenement]:
    evenements = []
    for t in lignes:
        detail = (rules.MOTIFS_REFUS.get(t.texte2, "") if t.texte2 else
                  dechiffrer(session, "transition_candidature", "commentaire", t.structure_id, t.autre_id, t.chiffre))
        evenements.append(Evenement(t.le, t.saisi, "candidature", f"Candidature « {t.texte3} » : "
                                    f"{EtatCandidature(t.texte).libelle.lower()}", detail,
                                    "employeurs.candidatures.voir", (("candidature_id", t.objet_id),)))
    return evenements


# The person's timeline: every dated step of their candidatures (a part of its one statement).
chronologie_candidatures = SourceDeChronologie(_transitions, _lire_transitions)
