"""Queries of the accueil module: the caseload (file active), the person's
timeline, the alert provider of open urgencies, and the contract other modules use."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, cast, exists, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from cipdesk.accueil.diagnostic_models import Diagnostic, StatutDiagnostic
from cipdesk.accueil.models import Accueil, Urgence
from cipdesk.accueil.suivi_models import Orientation, ParticipantReunion, Synthese
from cipdesk.core.contrat import Alerte
from cipdesk.comptes.models import Utilisateur
from cipdesk.personnes.models import PUBLICS, Personne, StatutPersonne
from cipdesk.personnes.queries import alertes_pour
from cipdesk.personnes.rules import age, chiffres, normaliser_nom
from cipdesk.security import policy


@dataclass(frozen=True)
class FreinResume:
    """A frein of the person's latest validated diagnostic, as other modules
    (parcours: « chaque étape dit à quel frein elle répond ») need it."""

    dimension_code: str     # e.g. "mobilite"
    dimension_libelle: str  # e.g. "Mobilité"
    niveau: int             # 0 (levé) … 3 (bloquant)
    libelle: str            # the frein as written in the diagnostic
    ouvert: bool            # still to be worked on


def freins_du_dernier_diagnostic(session: Session, personne_id: uuid.UUID) -> list[FreinResume]:
    """CONTRACT used by the parcours module: the freins of the latest VALIDATED
    version of the person's diagnostic (a draft is not shared yet)."""
    diagnostic = session.scalars(
        select(Diagnostic).where(Diagnostic.personne_id == personne_id,
                                 Diagnostic.statut == StatutDiagnostic.VALIDE)
        .options(selectinload(Diagnostic.dimensions)).order_by(Diagnostic.numero.desc()).limit(1)).first()
    if diagnostic is None:
        return []
    return [FreinResume(d.dimension_code, d.dimension_libelle, d.frein_niveau,
                        d.freins or d.dimension_libelle, d.frein_niveau > 0)
            for d in diagnostic.dimensions if d.frein_niveau > 0 or d.freins.strip()]


# -- alerts ------------------------------------------------------------------------
def alertes_urgences(session: Session, personne_ids, aujourd_hui: date) -> list[Alerte]:
    """An urgency without an answer stays a visible alert (one query for all ids)."""
    urgences = session.scalars(select(Urgence).where(Urgence.personne_id.in_(personne_ids),
                                                     Urgence.traitee_le.is_(None))
                               .order_by(Urgence.reperee_le))
    return [Alerte(u.personne_id, "urgence_ouverte",
                   f"Urgence non traitée : {u.type_urgence.libelle.lower()} (repérée le {u.reperee_le:%d/%m/%Y})",
                   3, "urgence", u.id) for u in urgences]


# -- caseload ------------------------------------------------------------------------
STATUTS_ACTIFS = (StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE, StatutPersonne.ORIENTEE)
TRIS = {"nom": "Nom", "dernier_contact": "Dernier contact (le plus ancien d'abord)",
        "prochain_rdv": "Prochain rendez-vous", "naissance": "Âge (le plus jeune d'abord)"}
PAR_PAGE = 25
DATE_FR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


@dataclass(frozen=True)
class Ligne:
    personne: Personne
    age: int | None
    alertes: list


@dataclass(frozen=True)
class PageFileActive:
    lignes: list[Ligne]
    total: int
    page: int
    pages: int


def restreindre(requete, utilisateur, *, file_active_partagee: bool):
    """The list twin of policy.peut_voir_personne: the policy's one perimeter."""
    perimetre = policy.perimetre(utilisateur, file_active_partagee=file_active_partagee)
    return requete.where(perimetre.condition(Personne, Utilisateur))


def _recherche(requete, q: str):
    q = (q or "").strip()
    if not q:
        return requete
    jour = DATE_FR.match(q)
    if jour:
        try:
            return requete.where(Personne.date_naissance == date(int(jour[3]), int(jour[2]), int(jour[1])))
        except ValueError:
            return requete.where(False)
    nombres = chiffres(q)
    if nombres and len(nombres) >= 2 and not re.search(r"[a-zA-ZÀ-ÿ]", q):
        if nombres.startswith("33") and q.lstrip().startswith("+"):
            nombres = "0" + nombres[2:]
        return requete.where(Personne.telephone_recherche.contains(nombres, autoescape=True))
    for mot in normaliser_nom(q).split():
        requete = requete.where(Personne.nom_recherche.contains(mot, autoescape=True))
    return requete


def file_active(session: Session, utilisateur, *, file_active_partagee: bool, q: str = "", statut: str = "actives",
                public: str = "", urgence: bool = False, tri: str = "nom", page: int = 1,
                aujourd_hui: date) -> PageFileActive:
    """One page of the caseload: 3 queries whatever the number of rows (count,
    page with référents, alerts), plus one per alert provider."""
    requete = restreindre(select(Personne), utilisateur, file_active_partagee=file_active_partagee)
    requete = _recherche(requete, q)
    if statut == "actives":
        requete = requete.where(Personne.statut.in_(STATUTS_ACTIFS))
    elif statut in {s.value for s in StatutPersonne}:
        requete = requete.where(Personne.statut == StatutPersonne(statut))
    if urgence:
        requete = requete.where(exists().where(Urgence.personne_id == Personne.id, Urgence.traitee_le.is_(None)))
    if public in PUBLICS:
        # JSON membership differs per engine: a portable LIKE on the JSON text ('"rsa"').
        requete = requete.where(cast(Personne.publics, String).contains(f'"{public}"'))
    total = session.scalar(select(func.count()).select_from(requete.subquery()))
    ordre = {
        "nom": (Personne.nom_recherche,),
        "dernier_contact": (Personne.dernier_contact_le.is_(None).desc(), Personne.dernier_contact_le,
                            Personne.nom_recherche),
        "prochain_rdv": (Personne.prochain_rdv_le.is_(None), Personne.prochain_rdv_le, Personne.nom_recherche),
        "naissance": (Personne.date_naissance.is_(None), Personne.date_naissance.desc(), Personne.nom_recherche),
    }.get(tri, (Personne.nom_recherche,))
    pages = max(1, -(-total // PAR_PAGE))
    page = min(max(1, page), pages)
    personnes = session.scalars(requete.options(joinedload(Personne.referent)).order_by(*ordre, Personne.id)
                                .limit(PAR_PAGE).offset((page - 1) * PAR_PAGE)).all()
    alertes = alertes_pour(session, [p.id for p in personnes], aujourd_hui)
    return PageFileActive([Ligne(p, age(p.date_naissance, aujourd_hui), alertes.get(p.id, [])) for p in personnes],
                          total, page, pages)


def personnes_choisissables(session: Session, utilisateur, *, file_active_partagee: bool, q: str = "",
                            limite: int = 20) -> list[Personne]:
    requete = _recherche(restreindre(select(Personne), utilisateur, file_active_partagee=file_active_partagee), q)
    return list(session.scalars(requete.order_by(Personne.nom_recherche).limit(limite)))


# -- timeline ------------------------------------------------------------------------
@dataclass(frozen=True)
class Evenement:
    le: date
    saisi_le: datetime | None
    nature: str      # accueil, urgence, diagnostic, synthese, orientation, reunion, note
    titre: str
    detail: str = ""
    endpoint: str = ""
    params: tuple = ()
    alerte: bool = False


def chronologie(session: Session, personne: Personne, lecteur) -> list[Evenement]:
    """Everything that happened with the person, newest first (one query per kind)."""
    from cipdesk.notes.models import NoteConfidentielle

    pid = personne.id
    ev: list[Evenement] = []
    accueils = session.scalars(select(Accueil).where(Accueil.personne_id == pid)
                               .options(joinedload(Accueil.conseiller))).all()
    for a in accueils:
        ev.append(Evenement(a.date_accueil, a.created_at, "accueil", f"Accueil individuel ({a.mode.libelle.lower()})",
                            f"Suite : {a.suite.libelle} — par {a.conseiller.nom_complet}",
                            "accueil.voir_accueil", (("accueil_id", a.id),)))
    for u in session.scalars(select(Urgence).where(Urgence.personne_id == pid)):
        ev.append(Evenement(u.reperee_le, u.created_at, "urgence", f"Urgence repérée : {u.type_urgence.libelle}",
                            "Non traitée" if u.ouverte else f"Action menée le {u.traitee_le:%d/%m/%Y}",
                            "accueil.voir_accueil", (("accueil_id", u.accueil_id),) if u.accueil_id else (),
                            alerte=u.ouverte))
    for d in session.scalars(select(Diagnostic).where(Diagnostic.personne_id == pid)):
        if d.est_valide:
            ev.append(Evenement(d.valide_le, d.updated_at, "diagnostic", f"Diagnostic partagé, version {d.numero} validée",
                                d.validation_mode.libelle if d.validation_mode else "", "accueil.diagnostic",
                                (("personne_id", pid),)))
        else:
            ev.append(Evenement(d.date_diagnostic, d.created_at, "diagnostic",
                                f"Diagnostic partagé, version {d.numero} en cours", "pas encore validée avec la personne",
                                "accueil.diagnostic", (("personne_id", pid),)))
    for s in session.scalars(select(Synthese).where(Synthese.personne_id == pid)):
        ev.append(Evenement(s.date_entretien, s.created_at, "synthese", f"Synthèse d'entretien : {s.objet}",
                            f"Remise le {s.partagee_le:%d/%m/%Y} ({s.partage_mode.libelle.lower()})" if s.partagee_le
                            else "Pas encore remise à la personne", "accueil.voir_synthese", (("synthese_id", s.id),)))
    for o in session.scalars(select(Orientation).where(Orientation.personne_id == pid)
                             .options(joinedload(Orientation.partenaire))):
        ev.append(Evenement(o.date_orientation, o.created_at, "orientation", f"Orientation vers {o.partenaire.nom}",
                            f"Réponse : {o.reponse.libelle}" + (f" le {o.reponse_le:%d/%m/%Y}" if o.reponse_le else ""),
                            "accueil.voir_orientation", (("orientation_id", o.id),)))
    for p in session.scalars(select(ParticipantReunion).where(ParticipantReunion.personne_id == pid)
                             .options(joinedload(ParticipantReunion.reunion))):
        ev.append(Evenement(p.reunion.date_reunion, p.reunion.created_at, "reunion",
                            f"Réunion d'information collective — {p.reunion.lieu}", p.resultat.libelle,
                            "accueil.voir_reunion", (("reunion_id", p.reunion_id),)))
    objets = [a.id for a in accueils] + [s_id for s_id in session.scalars(select(Synthese.id).where(Synthese.personne_id == pid))]
    if objets and policy.peut_ecrire_note(lecteur):
        for n in session.scalars(select(NoteConfidentielle).where(NoteConfidentielle.objet_id.in_(objets))):
            if policy.peut_lire_note(lecteur, n, n.lecteurs_ids):
                ev.append(Evenement(n.created_at.date(), n.created_at, "note", "Note confidentielle",
                                    "Lisible par son auteur·e et les collègues choisis", "notes.voir",
                                    (("note_id", n.id),)))
    ev.sort(key=lambda e: (e.le, e.saisi_le.replace(tzinfo=None) if e.saisi_le else datetime.min), reverse=True)
    return ev
