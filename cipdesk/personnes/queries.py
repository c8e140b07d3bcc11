"""Queries on the person, the hub of cipdesk: the caseload (file active), the
perimeter, the alerts and the timeline gathered from every module's providers."""
from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime

from sqlalchemy import Select, String, Uuid, and_, bindparam, cast, event, func, inspect, or_, select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql import visitors

from cipdesk.comptes.models import Role, Utilisateur
from cipdesk.core.alertes import lire_les_alertes, requete_des_alertes, requete_du_classement
from cipdesk.core.chronologie import SourceDeChronologie, en_une_requete
from cipdesk.core.fiche import SourceDeFiche
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes, registre
from cipdesk.core.db import restreinte_a_la_structure, structure_courante
from cipdesk.personnes.models import PUBLICS, Personne, StatutPersonne
from cipdesk.personnes import rules
from cipdesk.core.texte import cle_phonetique
from cipdesk.personnes.rules import age, chiffres, normaliser_nom
from cipdesk.security import policy


def _sources_et_autres() -> tuple[list[SourceDAlertes], list]:
    """The providers declared as queries (run together) and the plain ones (one query each)."""
    sources, autres = [], []
    for fournisseur in registre.alertes():
        (sources if isinstance(fournisseur, SourceDAlertes) else autres).append(fournisseur)
    return sources, autres


def alertes_pour(session: Session, personne_ids: list[uuid.UUID] | Select, aujourd_hui: date
                 ) -> dict[uuid.UUID, list[Alerte]]:
    """Alerts by person, from every module's providers, gravest first.

    `personne_ids` is a list of ids (a page of the caseload) or a SELECT of ids (a
    whole perimeter: the providers filter with IN (subquery), read once in a CTE); the
    providers declared as queries (`SourceDAlertes`) answer for all of them in ONE
    statement (a UNION ALL), any other provider in one query of its own."""
    resultat: dict[uuid.UUID, list[Alerte]] = defaultdict(list)
    if isinstance(personne_ids, Select):
        personne_ids = select(personne_ids.cte("perimetre").c[0])
    else:
        personne_ids = list(personne_ids)
        if not personne_ids:
            return resultat
    sources, autres = _sources_et_autres()
    toutes = []
    if sources and isinstance(personne_ids, list):
        # a list of ids (a person's page, a page of the caseload): the statement built once a day
        requete, structure_id = _requete_d_une_liste(tuple(sources), aujourd_hui), structure_courante.get()
        if structure_id is not None:  # the tenant net's restriction kept with the statement (core/db.py)
            requete = _liste_restreinte(requete, structure_id)
        lignes = session.execute(requete, {_IDS_ALERTES.key: personne_ids},
                                 execution_options={"structure_restreinte": structure_id}).all()
        toutes = lire_les_alertes(lignes, sources, aujourd_hui)
    elif sources:
        lignes = session.execute(requete_des_alertes(sources, personne_ids, aujourd_hui)).all()
        toutes = lire_les_alertes(lignes, sources, aujourd_hui)
    for fournisseur in autres:
        toutes += fournisseur(session, personne_ids, aujourd_hui)
    return _par_personne(toutes, resultat)


_IDS_ALERTES = bindparam("alertes_personne_ids", expanding=True, type_=Uuid())


@lru_cache(maxsize=8)
def _requete_d_une_liste(sources: tuple[SourceDAlertes, ...], aujourd_hui: date):
    """The alerts statement of every source for a list of ids given at execution (an expanding bind
    parameter): built once per day, not on every page (its building cost more than its run)."""
    return requete_des_alertes(sources, _IDS_ALERTES, aujourd_hui)


@lru_cache(maxsize=256)
def _liste_restreinte(requete, structure_id):
    return restreinte_a_la_structure(requete, structure_id)


def _par_personne(alertes, resultat=None) -> dict[uuid.UUID, list[Alerte]]:
    resultat = defaultdict(list) if resultat is None else resultat
    for alerte in alertes:
        resultat[alerte.personne_id].append(alerte)
    for liste in resultat.values():
        liste.sort(key=lambda a: -a.gravite)
    return resultat


@dataclass(frozen=True)
class Referent:
    prenom: str
    nom: str

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"


@dataclass(frozen=True)
class PersonneAlertee:
    """What « Mes alertes » shows of a person (no ORM entity: a chef's team has hundreds of
    people with an alert, and loading them as entities was most of the page's time)."""
    id: uuid.UUID
    prenom: str
    nom: str
    nom_usage: str
    referent: Referent | None

    @property
    def nom_complet(self) -> str:
        usage = f" ({self.nom_usage})" if self.nom_usage and self.nom_usage != self.nom else ""
        return f"{self.prenom} {self.nom}{usage}"


# What « Mes alertes » shows of a person and of their référent (the chef sees each référent).
COLONNES_PERSONNE_ALERTEE = (Personne.prenom, Personne.nom, Personne.nom_usage, Utilisateur.prenom, Utilisateur.nom)


def _perimetre_des_alertes(perimetre) -> Select:
    """The ids of « Mes alertes »: the perimeter's people being received, accompanied or oriented,
    read once (a CTE) whatever the number of providers."""
    return select(select(Personne.id).where(
        perimetre.condition(Personne, Utilisateur),
        # « orientée »: the orientation itself is followed (issue #11, point 8)
        Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE, StatutPersonne.ORIENTEE)))
        .cte("perimetre").c.id)


@lru_cache(maxsize=256)
def _requete_mes_alertes(perimetre, aujourd_hui: date, sources: tuple[SourceDAlertes, ...]):
    """ONE statement (issue #17): every module's alerts over the perimeter (a UNION ALL of the
    providers' selects), each row with the columns shown of its person, by name. Built once per
    perimeter and day (an immutable statement: building it costs more than running its cached
    compiled form)."""
    alertes = requete_des_alertes(sources, _perimetre_des_alertes(perimetre), aujourd_hui).subquery("alertes")
    # joined by the person's key: a join to the CTE, whose size the planner cannot guess, would be a
    # nested loop over it
    return (select(alertes, *COLONNES_PERSONNE_ALERTEE).join(Personne, Personne.id == alertes.c.personne_id)
            .outerjoin(Utilisateur, Utilisateur.id == Personne.referent_id)
            .order_by(Personne.nom, Personne.prenom))


@lru_cache(maxsize=256)
def _requete_mes_alertes_classees(perimetre, aujourd_hui: date, sources: tuple[SourceDAlertes, ...],
                                  limite: int | None, reglages_json: str):
    """ONE statement (issue #17): the people alerted by any provider ranked in SQL (gravest alert, then
    name; the first `limite`, with how many in all: `en_tout`), then every alert of those people only
    (the providers' selects over them), each row with the columns shown of its person. Built once per
    perimeter, day, limit and settings of the structure."""
    ids = _perimetre_des_alertes(perimetre)
    classement = requete_du_classement(sources, ids, aujourd_hui, json.loads(reglages_json)).subquery("classement")
    # ranked by name: the person's columns for all of them; the référent's for the first only
    premiers = (select(classement.c.personne_id, classement.c.gravite, func.count().over().label("en_tout"),
                       Personne.prenom, Personne.nom, Personne.nom_usage, Personne.referent_id)
                .join(Personne, Personne.id == classement.c.personne_id)
                .order_by(classement.c.gravite.desc(), Personne.nom, Personne.prenom, Personne.id)
                .limit(limite).cte("premiers"))
    alertes = requete_des_alertes(sources, select(premiers.c.personne_id), aujourd_hui).subquery("alertes")
    # the columns shown of the person (COLONNES_PERSONNE_ALERTEE), last
    requete = (select(alertes, premiers.c.en_tout, premiers.c.prenom, premiers.c.nom, premiers.c.nom_usage,
                      Utilisateur.prenom.label("referent_prenom"), Utilisateur.nom.label("referent_nom"))
               .join(premiers, premiers.c.personne_id == alertes.c.personne_id)
               .outerjoin(Utilisateur, Utilisateur.id == premiers.c.referent_id)
               .order_by(premiers.c.gravite.desc(), premiers.c.nom, premiers.c.prenom, premiers.c.personne_id))
    # Its values written in the SQL (ids, dates, thresholds: none comes from the user's input): run
    # as a prepared statement, PostgreSQL would otherwise switch after 5 runs to a generic plan, blind
    # to the team's size and the day, twice as slow; written in, the plan is the right one and kept.
    return visitors.cloned_traverse(requete, {}, {"bindparam": _valeur_ecrite})


def _valeur_ecrite(parametre) -> None:
    parametre.literal_execute = True


@lru_cache(maxsize=256)
def _restreinte(requete, structure_id):
    return restreinte_a_la_structure(requete, structure_id)


def mes_alertes_les_plus_graves(session: Session, utilisateur, aujourd_hui: date, limite: int | None = None
                                ) -> tuple[list[tuple[PersonneAlertee, list[Alerte]]], int]:
    """« Mes alertes » of the home page: the `limite` people (all, without one) of a conseiller's own
    caseload or a chef de service's team whose alerts are the gravest (then by name), each with every
    module's alerts, gravest first; and how many people have an alert in all. With a limit (a chef's
    team), ranked in SQL when every provider says who it alerts (`SourceDAlertes.classer`): only the
    alerts shown are read."""
    perimetre = policy.perimetre(utilisateur)
    if perimetre.genre == "aucun":
        return [], 0
    sources, autres = _sources_et_autres()
    # without a limit (a conseiller's caseload) every alert is read anyway: ranking first would read
    # them twice
    if limite is None or not sources or autres or not all(s.classer for s in sources):
        toutes = mes_alertes(session, utilisateur, aujourd_hui)
        return toutes[:limite], len(toutes)
    reglages = json.dumps(utilisateur.structure.parametres or {}, sort_keys=True)
    requete = _requete_mes_alertes_classees(perimetre, aujourd_hui, tuple(sources), limite, reglages)
    structure_id = structure_courante.get()
    if structure_id is not None:   # the net's restriction kept with the statement (core/db.py)
        requete = _restreinte(requete, structure_id)
    lignes = session.execute(requete, execution_options={"structure_restreinte": structure_id}).all()
    if not lignes:
        return [], 0
    n = len(COLONNES_PERSONNE_ALERTEE)
    qui = {l.personne_id: tuple(l)[-n:] for l in lignes}   # in the statement's order: gravest, then by name
    alertes = _par_personne(lire_les_alertes(lignes, sources, aujourd_hui))
    return ([(PersonneAlertee(i, p, n_, u or "", Referent(rp, rn) if rn is not None else None), alertes[i])
             for i, (p, n_, u, rp, rn) in qui.items() if i in alertes], lignes[0].en_tout)


def mes_alertes(session: Session, utilisateur, aujourd_hui: date) -> list[tuple[PersonneAlertee, list[Alerte]]]:
    """« Mes alertes » of the home page: every module's alerts for the people of a
    conseiller's own caseload or a chef de service's team, gravest first."""
    perimetre = policy.perimetre(utilisateur)
    if perimetre.genre == "aucun":
        return []
    sources, autres = _sources_et_autres()
    qui: dict[uuid.UUID, tuple] = {}
    toutes: list[Alerte] = []
    if sources:
        lignes = session.execute(_requete_mes_alertes(perimetre, aujourd_hui, tuple(sources))).all()
        toutes = lire_les_alertes(lignes, sources, aujourd_hui)
        qui = {l.personne_id: tuple(l)[-len(COLONNES_PERSONNE_ALERTEE):] for l in lignes}
    for fournisseur in autres:
        toutes += fournisseur(session, _perimetre_des_alertes(perimetre), aujourd_hui)
    alertes = _par_personne(toutes)
    if not alertes:
        return []
    manquants = [i for i in alertes if i not in qui]
    if manquants:   # people only a plain provider alerts about
        qui.update({i: tuple(r) for i, *r in session.execute(
            select(Personne.id, *COLONNES_PERSONNE_ALERTEE).outerjoin(Utilisateur, Utilisateur.id == Personne.referent_id)
            .where(Personne.id.in_(manquants))).all()})
    # by name (the statement's order, then theirs), then gravest first
    personnes = [(PersonneAlertee(i, p, n_, u or "", Referent(rp, rn) if rn is not None else None), alertes[i])
                 for i, (p, n_, u, rp, rn) in qui.items() if i in alertes]
    return sorted(personnes, key=lambda ligne: -max(a.gravite for a in ligne[1]))


def contexte_acces(session: Session, personne: Personne, utilisateur=None) -> dict:
    """The facts the policy needs about a person: the référent's team and whether
    the structure shares caseloads (one query); with `utilisateur`, whether they hold a
    break-glass access to this person now (issue #18 point 13, one more query for a chef)."""
    from cipdesk.comptes.models import Structure

    # A page asks several times (the loader's guard, « may modify », the parcours' own checks): read
    # once per transaction and référent; forgotten when a structure or an account is written.
    cle = (_CONTEXTE_ACCES, personne.structure_id, personne.referent_id)
    contexte = session.info.get(cle)
    if contexte is None and _lu_avec_le_compte(utilisateur, personne):
        # the reader's own caseload (or nobody's): their team and their structure's settings, read
        # with the account by the user loader this very request
        contexte = session.info[cle] = {
            "equipe_du_referent": utilisateur.equipe_id if personne.referent_id is not None else None,
            "file_active_partagee": bool((utilisateur.structure.parametres or {}).get(
                policy.PARAMETRE_FILE_ACTIVE_PARTAGEE))}
    if contexte is None:
        equipe_id, parametres = session.execute(
            select(Utilisateur.equipe_id, Structure.parametres)
            .select_from(Structure)
            .outerjoin(Utilisateur, Utilisateur.id == personne.referent_id)
            .where(Structure.id == personne.structure_id)
        ).one()
        contexte = session.info[cle] = {
            "equipe_du_referent": equipe_id,
            "file_active_partagee": bool((parametres or {}).get(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE))}
    contexte = dict(contexte)
    if utilisateur is not None and policy.peut_ouvrir_acces_exceptionnel(utilisateur, personne) \
            and not policy.peut_voir_personne(utilisateur, personne, **contexte):
        from cipdesk.security.acces_exceptionnel import acces_en_cours

        contexte["acces_exceptionnel"] = acces_en_cours(session, utilisateur.id, personne.id) is not None
    return contexte


_CONTEXTE_ACCES = "personnes.contexte_acces"


def _lu_avec_le_compte(utilisateur, personne: Personne) -> bool:
    """Whether what `contexte_acces` reads is already in memory: a person of the reader's structure
    whose référent is the reader (or nobody), the structure loaded with the account (not expired)."""
    etat = inspect(utilisateur, raiseerr=False) if utilisateur is not None else None
    if etat is None or not {"id", "structure", "equipe_id"} <= etat.dict.keys() \
            or personne.referent_id not in (None, etat.dict["id"]):
        return False
    structure = etat.dict["structure"]
    return structure is not None and structure.id == personne.structure_id \
        and "parametres" in inspect(structure).dict


def _oublier_contextes(session) -> None:
    for cle in [c for c in session.info if isinstance(c, tuple) and c and c[0] == _CONTEXTE_ACCES]:
        del session.info[cle]


@event.listens_for(Session, "after_flush")
def _apres_ecriture(session, _contexte) -> None:
    """A team or a structure's setting written in this transaction: read the contexts anew."""
    from cipdesk.comptes.models import Structure

    if any(isinstance(o, (Structure, Utilisateur)) for o in (*session.dirty, *session.new, *session.deleted)):
        _oublier_contextes(session)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _fin_de_transaction(session) -> None:
    _oublier_contextes(session)


def garde_personne(session: Session, utilisateur, personne: Personne, modifier: bool) -> bool:
    """The loader's guard for a person (web.chargement): the policy's perimeter."""
    contexte = contexte_acces(session, personne, utilisateur)
    if modifier:
        return policy.peut_modifier_personne(utilisateur, personne, **contexte)
    return policy.peut_voir_personne(utilisateur, personne, **contexte)


def garde_dossier(session: Session, utilisateur, objet, modifier: bool) -> bool:
    """The loader's guard for any record about a person (accueil, diagnostic,
    parcours, entretien…): whoever may see (or write about) that person."""
    personne = objet.personne if hasattr(objet, "personne") else objet.parcours.personne
    return garde_personne(session, utilisateur, personne, modifier)


def perimetre_de(session: Session, utilisateur) -> policy.Perimetre:
    """The policy's one perimeter for this user, with their structure's setting `file_active_partagee`
    (at most one query): every module's lists of people (orientations, étapes, candidatures, intégrations…)."""
    parametres = parametres_de_la_structure(session, utilisateur)
    return policy.perimetre(utilisateur, file_active_partagee=bool(parametres.get(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE)))


def parametres_de_la_structure(session: Session, utilisateur) -> dict:
    """The settings of the user's structure: those read with the connected account in this request
    (comptes.services loads its structure with it), or else one query — never older than the request."""
    from cipdesk.comptes.models import Structure

    etat = inspect(utilisateur, raiseerr=False)
    courante = session.registry() if hasattr(session, "registry") else session   # db.session: a scoped session
    if etat is not None and etat.session is courante and "structure" not in etat.unloaded:
        structure = utilisateur.structure
        if structure is not None and structure.id == utilisateur.structure_id \
                and "parametres" not in inspect(structure).unloaded:
            return structure.parametres or {}
    return session.scalar(select(Structure.parametres).where(Structure.id == utilisateur.structure_id)) or {}


def personnes_en_cours_du_perimetre(session: Session, utilisateur) -> list[Personne]:
    """The people of the user's perimeter who are accueillies or accompagnées, by name: those a
    conseiller may propose for an offer or an immersion, or follow in their job."""
    condition = perimetre_de(session, utilisateur).condition(Personne, Utilisateur)
    return list(session.scalars(select(Personne).where(
        condition, Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom, Personne.prenom)))


def dans_le_perimetre(session: Session, utilisateur, personne) -> bool:
    """Is this person in the user's perimeter (checked in SQL, the same rule as the lists)?"""
    if personne is None:
        return False
    condition = perimetre_de(session, utilisateur).condition(Personne, Utilisateur)
    return session.scalar(select(Personne.id).where(Personne.id == personne.id, condition)) is not None


def file_partagee(utilisateur) -> bool:
    """Does the user's structure share caseloads between conseillers?"""
    return bool(utilisateur.structure.parametre(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE, False))


def conseillers_de_la_structure(session: Session, structure_id) -> list[Utilisateur]:
    """The active conseillers of a structure, by name: the people a person, a parcours
    or a note can be entrusted to (the one definition of « conseillers of the structure »)."""
    return list(session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == structure_id, Utilisateur.role == Role.CONSEILLER,
        Utilisateur.actif.is_(True)).order_by(Utilisateur.nom, Utilisateur.prenom)))


def doublons_probables(session: Session, structure_id: uuid.UUID, nom: str, prenom: str,
                       naissance: date | None, *, sauf: uuid.UUID | None = None) -> list[Personne]:
    """People of the structure with the same name and birth date (one indexed query)."""
    if naissance is None:
        return []
    requete = select(Personne).where(Personne.structure_id == structure_id,
                                     Personne.date_naissance == naissance)
    if sauf is not None:
        requete = requete.where(Personne.id != sauf)
    cle = (nom, prenom, naissance)
    return [p for p in session.scalars(requete)
            if rules.est_doublon_probable(cle, (p.nom, p.prenom, p.date_naissance))]


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


def _recherche(requete, q: str, session: Session | None = None):
    """Search as you type: by birth date (jj/mm/aaaa), phone number, or name words; a name word
    matches its spelling or its sound (core.texte.cle_phonetique: Dupond finds Dupont). When
    nothing matches and `session` is given, one typo per word is tolerated (rules.une_faute):
    the names of the reader's perimeter are compared in memory (rapidfuzz, in C)."""
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
    mots = normaliser_nom(q).split()
    if not mots:
        return requete
    conditions = []
    for mot in mots:
        cle = cle_phonetique(mot) if len(mot) >= 3 else ""
        conditions.append(or_(Personne.nom_recherche.contains(mot, autoescape=True),
                              Personne.nom_phonetique.contains(cle, autoescape=True)) if cle
                          else Personne.nom_recherche.contains(mot, autoescape=True))
    exacte = requete.where(and_(*conditions))
    if session is None or not any(len(m) >= rules.LONGUEUR_TOLERANCE for m in mots) \
            or session.scalar(exacte.with_only_columns(Personne.id).limit(1)) is not None:
        return exacte
    noms = session.execute(requete.with_only_columns(Personne.id, Personne.nom_recherche)
                           .limit(rules.CANDIDATS_MAX)).all()
    ids = rules.une_faute(mots, noms)
    return requete.where(Personne.id.in_(ids)) if ids else exacte


def filtrer_file_active(requete, utilisateur, *, file_active_partagee: bool, q: str = "", statut: str = "actives",
                        public: str = "", urgence: bool = False, session: Session | None = None):
    """The caseload's filters on a query of Personne: the page and its export (issue #19) alike.
    With a session, a search that finds nothing exactly tolerates one typo per word."""
    requete = restreindre(requete, utilisateur, file_active_partagee=file_active_partagee)
    requete = _recherche(requete, q, session)
    if statut == "actives":
        requete = requete.where(Personne.statut.in_(STATUTS_ACTIFS))
    elif statut in {s.value for s in StatutPersonne}:
        requete = requete.where(Personne.statut == StatutPersonne(statut))
    if urgence:
        # Provided by the module that records urgencies (accueil), through the module contract.
        requete = requete.where(registre.filtre_personnes("urgence")(Personne.id))
    if public in PUBLICS:
        # JSON membership differs per engine: a portable LIKE on the JSON text ('"rsa"').
        requete = requete.where(cast(Personne.publics, String).contains(f'"{public}"'))
    return requete


def file_active(session: Session, utilisateur, *, file_active_partagee: bool, q: str = "", statut: str = "actives",
                public: str = "", urgence: bool = False, tri: str = "nom", page: int = 1,
                aujourd_hui: date) -> PageFileActive:
    """One page of the caseload: 3 queries whatever the number of rows (count,
    page with référents, alerts), plus one per alert provider."""
    requete = filtrer_file_active(select(Personne), utilisateur, file_active_partagee=file_active_partagee, q=q,
                                  statut=statut, public=public, urgence=urgence, session=session)
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
    requete = _recherche(restreindre(select(Personne), utilisateur, file_active_partagee=file_active_partagee), q,
                         session)
    return list(session.scalars(requete.order_by(Personne.nom_recherche).limit(limite)))


# -- timeline ------------------------------------------------------------------------
def natures_de_la_chronologie() -> dict[str, str]:
    """The record kinds a timeline may be filtered by: code → French label."""
    return {code: t.libelle for code, t in registre.objets().items()}


def dechiffrer(session: Session, table: str, nom: str, structure_id, ident, blob) -> str:
    """The clear text of the encrypted field `nom` of row `ident` of `table`, read as a blob by a
    timeline or fiche source ("" when empty): the same associated data as `TexteConfidentiel`, so a
    misplaced blob reads « contenu indéchiffrable » (logged), never a 500."""
    from types import SimpleNamespace

    from cipdesk.security.chiffrement import ouvrir_ou_signaler

    if blob is None:
        return ""
    ligne = SimpleNamespace(__tablename__=table, id=ident, structure_id=structure_id, **{f"{nom}_chiffre": blob})
    return ouvrir_ou_signaler(session, ligne, nom)[0] or ""


def _lire_la_page(session: Session, personne: Personne, lecteur, *, avec_fiche: bool, avec_chronologie: bool = True,
                  peut_modifier: bool = False, aujourd_hui: date | None = None):
    """(events, the `PartDeFiche` of every fiche provider in module order — none without `avec_fiche`):
    the rows of every `SourceDeChronologie` and `SourceDeFiche` in ONE statement, each other provider
    in a fixed number of queries of its own, so the page costs the same whatever the number of records."""
    fournisseurs = list(registre.chronologie()) if avec_chronologie else []
    sources = [f for f in fournisseurs if isinstance(f, SourceDeChronologie)]
    fiches = list(registre.fiche_personne()) if avec_fiche else []
    sources_fiche = [f for f in fiches if isinstance(f, SourceDeFiche)]
    toutes = (*sources, *sources_fiche)
    lignes = en_une_requete(session, toutes, personne.id, lecteur, aujourd_hui)
    evenements: list[Evenement] = [e for rang, s in enumerate(sources)
                                   for e in s.lire(lignes.get(rang, []), session, lecteur)]
    for fournisseur in fournisseurs:
        if not isinstance(fournisseur, SourceDeChronologie):
            evenements.extend(fournisseur(session, personne, lecteur))
    parts, rang = [], len(sources)
    for fournisseur in fiches:
        if isinstance(fournisseur, SourceDeFiche):
            parts.append(fournisseur.lire(lignes.get(rang, []), session, personne, lecteur,
                                          peut_modifier=peut_modifier, aujourd_hui=aujourd_hui))
            rang += 1
        else:
            parts.append(fournisseur(session, personne, lecteur, peut_modifier=peut_modifier, aujourd_hui=aujourd_hui))
    return evenements, parts


def _du_plus_recent(evenements: list[Evenement], nature: str | None = None) -> list[Evenement]:
    if nature:
        evenements = [e for e in evenements if e.nature == nature]
    evenements.sort(key=lambda e: (e.le, e.saisi_le.replace(tzinfo=None) if e.saisi_le else datetime.min),
                    reverse=True)
    return evenements


def chronologie(session: Session, personne: Personne, lecteur, nature: str | None = None) -> list[Evenement]:
    """Everything that happened with the person, newest first, from every module's
    providers (`Module.chronologie`): the `SourceDeChronologie`s in ONE statement, each
    other provider in a fixed number of queries of its own, so the page costs the same
    whatever the number of records. `nature` keeps only one kind of record (a TypeObjet code)."""
    return _du_plus_recent(_lire_la_page(session, personne, lecteur, avec_fiche=False)[0], nature)


def chronologie_et_fiche(session: Session, personne: Personne, lecteur, *, peut_modifier: bool, aujourd_hui: date):
    """The person's page: (timeline newest first, actions, cards), as `chronologie` and `fiche` answer
    them, the sources of both read in ONE statement."""
    evenements, parts = _lire_la_page(session, personne, lecteur, avec_fiche=True, peut_modifier=peut_modifier,
                                      aujourd_hui=aujourd_hui)
    return (_du_plus_recent(evenements),
            *_assembler_la_fiche(parts, personne, peut_modifier=peut_modifier, aujourd_hui=aujourd_hui))


def fiche(session: Session, personne: Personne, lecteur, *, peut_modifier: bool, aujourd_hui: date):
    """The person's page at a glance, from every module's `fiche_personne` provider:
    (actions, the main one first; cards in order). The person's own: the next rendez-vous
    and « Modifier la fiche ». A fixed number of queries per provider (the sources: one in all)."""
    parts = _lire_la_page(session, personne, lecteur, avec_fiche=True, avec_chronologie=False,
                          peut_modifier=peut_modifier, aujourd_hui=aujourd_hui)[1]
    return _assembler_la_fiche(parts, personne, peut_modifier=peut_modifier, aujourd_hui=aujourd_hui)


def _assembler_la_fiche(parts, personne: Personne, *, peut_modifier: bool, aujourd_hui: date):
    from dataclasses import replace

    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart

    actions, encarts = [], []
    for part in parts:
        actions += part.actions
        encarts += part.encarts
    if peut_modifier:
        actions.append(ActionPersonne("Modifier la fiche", "personnes.modifier", (("personne_id", personne.id),),
                                      ordre=90))
    rdv = personne.prochain_rdv_le
    agenda = next((e for e in encarts if e.code == "agenda"), None)
    if agenda is None:
        encarts.append(Encart("rendez_vous", "Prochain rendez-vous", (
            LigneEncart(f"{rdv:%d/%m/%Y}", "passé : à reprogrammer" if rdv < aujourd_hui else "",
                        alerte=rdv < aujourd_hui),) if rdv else (), "Aucun rendez-vous prévu.", ordre=30))
    elif rdv:
        # the agenda's card says « Prochains rendez-vous »: a second card « Prochain rendez-vous »
        # with the date noted at the last accueil or entretien would contradict it (« Aucun
        # rendez-vous à venir » beside « 18/12/2026 »), so the noted date joins the agenda's card
        ligne = LigneEncart(f"{rdv:%d/%m/%Y}", "date notée à l'accueil ou à l'entretien"
                            + (" — passée : à reprogrammer" if rdv < aujourd_hui else ""),
                            alerte=rdv < aujourd_hui)
        encarts[encarts.index(agenda)] = replace(agenda, lignes=agenda.lignes + (ligne,))
    actions.sort(key=lambda a: a.ordre)
    principale = next((a for a in actions if a.principale), None)
    actions = ([principale] if principale else []) + [a for a in actions if a is not principale]
    return actions, sorted(encarts, key=lambda e: e.ordre)
