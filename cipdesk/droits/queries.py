"""Reading for the person's rights: the export assembled from every module's `export_personne`,
the person's read log, the people reaching the end of their retention period."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.security import rgpd
from cipdesk.core.contrat import registre
from cipdesk.droits import rules
from cipdesk.droits.models import Anonymisation, DecisionNote, DemandeAcces, NoticeRemise, Rectification
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.security.acces_exceptionnel import AccesExceptionnel
from cipdesk.security.audit import Action, JournalAudit

# What the person's read log lists: reads, exports and break-glass openings (not the writes).
ACTIONS_DE_LECTURE = (Action.LECTURE, Action.EXPORT, Action.ACCES_EXCEPTIONNEL)


def fournisseurs_export() -> list:
    """(module, provider) of every module, the `tardif` ones (notes) last."""
    tous = [(m, f) for m in registre.modules for f in m.export_personne]
    return sorted(tous, key=lambda mf: bool(getattr(mf[1], "tardif", False)))


def fournisseurs_effacement() -> list:
    tous = [(m, f) for m in registre.modules for f in m.effacement_personne]
    return sorted(tous, key=lambda mf: bool(getattr(mf[1], "tardif", False)))


@dataclass(frozen=True)
class PartDeModule:
    module: str
    sections: list[rgpd.Section]


def assembler(session: Session, personne: Personne, lecteur, *, notes_incluses=frozenset()
              ) -> tuple[list[PartDeModule], rgpd.ContexteExport]:
    contexte = rgpd.ContexteExport(personne=personne, lecteur=lecteur, notes_incluses=frozenset(notes_incluses))
    parts: dict[str, list[rgpd.Section]] = {}
    for module, fournisseur in fournisseurs_export():
        parts.setdefault(module.titre, []).extend(fournisseur(session, contexte))
    return [PartDeModule(titre, sections) for titre, sections in parts.items()], contexte


def journal_de_lecture(session: Session, objets: dict[str, set]) -> list[JournalAudit]:
    """Who read the person's file (their record and every record about them) and when."""
    conditions = [and_(JournalAudit.objet_type == code, JournalAudit.objet_id.in_([str(i) for i in ids]))
                  for code, ids in objets.items() if ids]
    if not conditions:
        return []
    return list(session.scalars(select(JournalAudit).where(
        or_(*conditions), JournalAudit.action.in_(ACTIONS_DE_LECTURE)).order_by(JournalAudit.rang)))


def notes_de_la_personne(session: Session, personne: Personne) -> list[dict]:
    """The confidential notes about the person (without their text): id, author, date."""
    parts, _ = assembler(session, personne, None)
    return [ligne for part in parts for s in part.sections if s.code == "note_confidentielle" for ligne in s.lignes]


def notice_du(session: Session, personne_id) -> list[NoticeRemise]:
    return list(session.scalars(select(NoticeRemise).where(NoticeRemise.personne_id == personne_id)
                                .order_by(NoticeRemise.remise_le.desc())))


def demandes_de(session: Session, personne_id) -> list[DemandeAcces]:
    return list(session.scalars(select(DemandeAcces).where(DemandeAcces.personne_id == personne_id)
                                .order_by(DemandeAcces.demandee_le.desc(), DemandeAcces.created_at.desc())))


def rectifications_de(session: Session, personne_id) -> list[Rectification]:
    return list(session.scalars(select(Rectification).where(Rectification.personne_id == personne_id)
                                .order_by(Rectification.created_at.desc())))


def anonymisation_de(session: Session, personne_id) -> Anonymisation | None:
    return session.scalar(select(Anonymisation).where(Anonymisation.personne_id == personne_id))


def acces_exceptionnels(session: Session, personne_id) -> list[AccesExceptionnel]:
    return list(session.scalars(select(AccesExceptionnel).where(AccesExceptionnel.personne_id == personne_id)
                                .order_by(AccesExceptionnel.debut.desc())))


def decisions_de(demande: DemandeAcces) -> dict[uuid.UUID, DecisionNote]:
    return {d.note_id: d for d in demande.decisions}


def notes_incluses(demande: DemandeAcces) -> frozenset:
    return frozenset(d.note_id for d in demande.decisions if d.inclure)


# -- retention ---------------------------------------------------------------------------------
def _condition_echeance(structure_id, limite: date):
    """The people of the structure whose retention reference (last contact, else recording) is on
    or before `limite`, not anonymised yet."""
    fin_du_jour = datetime.combine(limite, time.max, tzinfo=timezone.utc)
    return and_(Personne.structure_id == structure_id,
                or_(Personne.dernier_contact_le <= limite,
                    and_(Personne.dernier_contact_le.is_(None), Personne.created_at <= fin_du_jour)),
                Personne.id.not_in(select(Anonymisation.personne_id)))


def a_anonymiser(session: Session, structure: Structure, aujourd_hui: date) -> list[Personne]:
    limite = rules.limite_de_reference(aujourd_hui, rules.duree_conservation(structure.parametres))
    return list(session.scalars(select(Personne).where(_condition_echeance(structure.id, limite))
                                .order_by(Personne.nom, Personne.prenom)))


@dataclass(frozen=True)
class Echeance:
    personne: Personne
    echeance: date
    depassee: bool


def bientot_a_echeance(session: Session, utilisateur, aujourd_hui: date) -> list[Echeance]:
    """For the chef de service: the people of their team reaching the end of the retention
    period within 30 days (or past it, if the command has not run yet)."""
    structure = session.get(Structure, utilisateur.structure_id)
    mois = rules.duree_conservation(structure.parametres)
    limite = rules.limite_de_reference(aujourd_hui, mois, preavis_jours=rules.PREAVIS_JOURS)
    perimetre = policy.perimetre(utilisateur)
    personnes = session.scalars(select(Personne).where(
        _condition_echeance(structure.id, limite), perimetre.condition(Personne, Utilisateur))
        .order_by(Personne.dernier_contact_le, Personne.nom))
    lignes = []
    for p in personnes:
        fin = rules.echeance(p.dernier_contact_le, p.created_at.date(), mois)
        lignes.append(Echeance(p, fin, fin <= aujourd_hui))
    return sorted(lignes, key=lambda e: e.echeance)
