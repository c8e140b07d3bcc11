"""The identifying values held for the people of a structure, gathered into a
`TableIdentifiants` in a constant number of queries (five, whatever the size of the structure).

What is gathered (DOSSIER.md D3): for each person accompanied, every writing of their name (nom de
naissance, nom d'usage, prénom), birth date, phone, e-mail, address, postal code with commune; the
employers that identify a person (one the person applied to, was placed or in immersion at, was
hired by, or that a contact with the employer was about; the employer named in a confrontation of
their project or in their intégration), with that employer's address, phone and e-mail; the named
contacts of employers and partners. Never a note: no confidential column is read. The commune
alone is not a value (part 1 describes the territory): only with the postal code.
"""
from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from datetime import date
from typing import Iterable

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from cipdesk.dossier.pseudonymisation import rules
from cipdesk.dossier.pseudonymisation.rules import TableIdentifiants, alias, entreprise_generalisee
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.employeurs.offres.models import Offre
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.projet.models import Confrontation, Projet
from cipdesk.personnes.models import Personne
from cipdesk.territoire.partenaires.models import Partenaire


def _entreprise_generalisee(e_naf: str | None, e_secteur: str | None, e_tranche) -> str:
    tranche = getattr(e_tranche, "value", e_tranche)
    return entreprise_generalisee(e_naf or e_secteur or "", tranche)


def table_des_identifiants(session: Session, structure_id: uuid.UUID, *,
                           personnes_en_premier: Iterable[uuid.UUID] = (),
                           le: date | None = None) -> TableIdentifiants:
    """Every identifying value of the structure's people. Aliases follow a deterministic order:
    the persons of `personnes_en_premier` first (the cases of the dossier: « Mme A. », « M. B. »…
    in the order given), then everyone else by creation. `le`: the reference date of the age
    bands that replace birth dates."""
    table = TableIdentifiants()

    # 1. The people.
    personnes = session.execute(
        select(Personne.id, Personne.nom, Personne.prenom, Personne.nom_usage, Personne.date_naissance,
               Personne.sexe, Personne.telephone, Personne.email, Personne.adresse, Personne.code_postal,
               Personne.commune)
        .where(Personne.structure_id == structure_id)
        .order_by(Personne.created_at, Personne.id)).all()
    premiers = {pid: k for k, pid in enumerate(dict.fromkeys(personnes_en_premier))}
    ordre = sorted(range(len(personnes)),
                   key=lambda k: (0, premiers[personnes[k].id]) if personnes[k].id in premiers else (1, k))
    for rang, k in enumerate(ordre):
        p = personnes[k]
        table.ajouter_personne(
            personne_id=p.id, alias=alias(rang, getattr(p.sexe, "value", p.sexe)), nom=p.nom, prenom=p.prenom,
            nom_usage=p.nom_usage or "", date_naissance=p.date_naissance, telephone=p.telephone or "",
            email=p.email or "", adresse=p.adresse or "", code_postal=p.code_postal or "",
            commune=p.commune or "", le=le)

    # 2. The employers in the base that identify a person.
    liens = union_all(
        select(Offre.entreprise_id.label("entreprise_id"), Candidature.personne_id.label("personne_id"))
        .join(Offre, Offre.id == Candidature.offre_id).where(Candidature.structure_id == structure_id),
        select(Immersion.entreprise_id, Immersion.personne_id).where(Immersion.structure_id == structure_id),
        select(SuiviIntegration.entreprise_id, SuiviIntegration.personne_id)
        .where(SuiviIntegration.structure_id == structure_id, SuiviIntegration.entreprise_id.is_not(None)),
        select(Interaction.entreprise_id, Interaction.personne_id)
        .where(Interaction.structure_id == structure_id, Interaction.personne_id.is_not(None)),
    ).subquery()
    entreprises = session.execute(
        select(Entreprise.raison_sociale, Entreprise.enseigne, Entreprise.naf_code, Entreprise.secteur,
               Entreprise.tranche_effectif, Entreprise.adresse, Entreprise.telephone, Entreprise.email,
               liens.c.personne_id)
        .join(liens, liens.c.entreprise_id == Entreprise.id)
        .where(Entreprise.structure_id == structure_id)
        .order_by(Entreprise.raison_sociale, liens.c.personne_id)).all()
    for e in entreprises:
        table.ajouter_employeur(e.raison_sociale, e.enseigne, personne_id=e.personne_id,
                                remplacement=_entreprise_generalisee(e.naf_code, e.secteur, e.tranche_effectif),
                                adresse=e.adresse or "", telephone=e.telephone or "", email=e.email or "")

    # 3. Employers named as written (intégration outside the base, confrontations of a project),
    #    and the place of work of an intégration or an immersion.
    ecrits = session.execute(union_all(
        select(SuiviIntegration.personne_id, SuiviIntegration.employeur.label("employeur"),
               SuiviIntegration.lieu_travail.label("lieu"), Entreprise.naf_code, Entreprise.secteur,
               Entreprise.tranche_effectif)
        .outerjoin(Entreprise, Entreprise.id == SuiviIntegration.entreprise_id)
        .where(SuiviIntegration.structure_id == structure_id),
        select(Parcours.personne_id, Confrontation.employeur, literal(""), literal(None), literal(None),
               literal(None))
        .join(Projet, Projet.id == Confrontation.projet_id).join(Parcours, Parcours.id == Projet.parcours_id)
        .where(Confrontation.structure_id == structure_id, Confrontation.employeur != ""),
        select(Immersion.personne_id, literal(""), Immersion.lieu, literal(None), literal(None), literal(None))
        .where(Immersion.structure_id == structure_id),
    )).all()
    for personne_id, employeur, lieu, naf, secteur, tranche in ecrits:
        generalise = _entreprise_generalisee(naf, secteur, tranche)
        if employeur:
            table.ajouter_employeur(employeur, personne_id=personne_id, remplacement=generalise)
        if lieu:
            table.ajouter_employeur(personne_id=personne_id, adresse=lieu)

    # 4. The named contacts of employers (tutors, recruiters…).
    for c in session.execute(
            select(ContactEntreprise.civilite, ContactEntreprise.prenom, ContactEntreprise.nom,
                   ContactEntreprise.telephone, ContactEntreprise.email)
            .where(ContactEntreprise.structure_id == structure_id)
            .order_by(ContactEntreprise.nom, ContactEntreprise.prenom)):
        personne = rules.ressemble_a_une_personne(f"{c.prenom or ''} {c.nom or ''}")
        table.ajouter_contact(nom=c.nom if personne else "", prenom=(c.prenom or "") if personne else "",
                              civilite=c.civilite or "",
                              telephone=c.telephone or "", email=c.email or "",
                              remplacement="[contact de l'entreprise]")

    # 5. The named contacts of partners (their organisation itself is not an identifier).
    for p in session.execute(
            select(Partenaire.contact_nom, Partenaire.telephone, Partenaire.email)
            .where(Partenaire.structure_id == structure_id)
            .order_by(Partenaire.nom)):
        if p.contact_nom:
            table.ajouter_contact_libre(p.contact_nom, remplacement="[contact du partenaire]")
        table.ajouter_contact(nom="", telephone=p.telephone or "", email=p.email or "")
    # ... and the contacts of the operational directory (several per partner): a name that looks
    # like a person's is identifying; one that names a function (« Permanence SIAO ») is not.
    from cipdesk.territoire.partenaires.models import ContactPartenaire

    for c in session.execute(
            select(ContactPartenaire.nom, ContactPartenaire.telephone, ContactPartenaire.email)
            .where(ContactPartenaire.structure_id == structure_id).order_by(ContactPartenaire.nom)):
        if c.nom:
            table.ajouter_contact_libre(c.nom, remplacement="[contact du partenaire]")
        table.ajouter_contact(nom="", telephone=c.telephone or "", email=c.email or "")
    return table


# -- The table kept between requests -------------------------------------------------------------
# Building the table and compiling its automaton takes seconds for a structure of thousands of
# people; the dossier's pages ask for it on every display. So a few tables are kept in this
# process's memory (never on disk: they hold decrypted names), each under a cheap fingerprint of
# its source tables read on every page: per table, count(*) and max(updated_at) of the
# structure's rows. Every table read above carries core.db.Timestamps (updated_at set on insert
# and by onupdate on every ORM or Core update), so creating or changing a person, an employer, a
# contact, a link… changes the fingerprint and the table is rebuilt (this assumes the app's clock
# does not go back: updated_at is set by the application). A deletion lowers the count; were one
# ever missed by the fingerprint, the kept table would only hold a value too many: safe, it
# pseudonymises more, never less. Key: the fingerprint with the structure, the people put first
# (a dossier page and each part page have their own) and the date of the age bands.
_SOURCES = (Personne, Entreprise, ContactEntreprise, Candidature, Offre, Immersion, SuiviIntegration, Interaction,
            Parcours, Projet, Confrontation, Partenaire)
_TAILLE_DU_CACHE = 4      # tables of a few structures (a few MB for most, ~90 MB for an 8 400-person one)
_cache: "OrderedDict[tuple, TableIdentifiants]" = OrderedDict()
_verrou = threading.Lock()
constructions = 0         # tables built by `table_en_cache` (the tests count them)


def sources() -> tuple:
    from cipdesk.territoire.partenaires.models import ContactPartenaire

    return _SOURCES + (ContactPartenaire,)


def empreinte(session: Session, structure_id: uuid.UUID) -> tuple:
    """count(*) and max(updated_at) of the structure's rows in every source table, in one query
    (one aggregate per table, each an index range on structure_id)."""
    lignes = session.execute(union_all(*[
        select(literal(k).label("k"), func.count().label("n"), func.max(m.updated_at).label("maj"))
        .where(m.structure_id == structure_id) for k, m in enumerate(sources())])).all()
    return tuple(sorted((k, n, maj) for k, n, maj in lignes))


def table_en_cache(session: Session, structure_id: uuid.UUID, *, personnes_en_premier: Iterable[uuid.UUID] = (),
                   le: date | None = None) -> TableIdentifiants:
    """`table_des_identifiants`, kept between requests while the structure's fingerprint holds
    (the aliases depend on the people put first and the age bands on `le`: both in the key). Its
    index is compiled before it is shared; the table is not changed afterwards (read only)."""
    global constructions
    premiers = tuple(dict.fromkeys(personnes_en_premier))
    cle = (structure_id, premiers, le, empreinte(session, structure_id))
    with _verrou:
        table = _cache.get(cle)
        if table is not None:
            _cache.move_to_end(cle)
            return table
    table = table_des_identifiants(session, structure_id, personnes_en_premier=premiers, le=le)
    table.index()
    table.aliases()
    with _verrou:
        constructions += 1
        # A stale table of the same structure and key is useless now: dropped at once.
        for ancienne in [k for k in _cache if k[:3] == cle[:3]]:
            del _cache[ancienne]
        _cache[cle] = table
        while len(_cache) > _TAILLE_DU_CACHE:
            _cache.popitem(last=False)
    return table


def vider_cache() -> None:
    with _verrou:
        _cache.clear()
