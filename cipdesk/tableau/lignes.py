"""The context of a dashboard (who looks, over what, with which filters) and what every
indicator's rows share: the perimeter and filters on people and parcours, the row shape."""
from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import JSON, Boolean, Integer, String, Uuid, bindparam, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Equipe, Role, Utilisateur
from cipdesk.comptes.queries import PARAMETRE_NORME_FILE_ACTIVE, norme_file_active
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.queries import JOURS_SANS_CONTACT_DEFAUT
from cipdesk.core.listes import ValeurDeListe
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy
from cipdesk.tableau import rules
from cipdesk.tableau.rules import Filtres

PARAMETRE_NORME = PARAMETRE_NORME_FILE_ACTIVE  # people per conseiller: the structure's setting (comptes.rules)
PARAMETRE_JOURS_SANS_CONTACT = "jours_sans_contact"   # the parcours alert's setting, shared
AUCUN = "aucun"                                 # the key of « no référent » in URLs


# -- the context of a dashboard -------------------------------------------------------------
@dataclass
class Contexte:
    """Who looks, over what, with which filters: everything an indicator's select needs."""
    structure_id: uuid.UUID
    perimetre: policy.Perimetre
    filtres: Filtres
    aujourd_hui: date
    parametres: dict = field(default_factory=dict)
    conseillers: dict = field(default_factory=dict)    # id -> name, the team's conseillers
    dispositifs: dict = field(default_factory=dict)    # code -> label, the structure's list
    equipes: dict | None = None                        # the filter's équipes (read with the context)
    files_actives: dict | None = None                  # id -> people accompanied today (when asked)

    @property
    def dispositifs_retenus(self) -> list[str] | None:
        """The dispositif codes the filters keep (None: no restriction)."""
        f = self.filtres
        codes = list(self.dispositifs)
        if f.dispositif:
            codes = [f.dispositif]
        if f.financeur:
            codes = rules.dispositifs_du_financeur(f.financeur, codes)
        return codes if (f.dispositif or f.financeur) else None

    @property
    def seuil_sans_contact(self) -> int:
        return int(self.parametres.get(PARAMETRE_JOURS_SANS_CONTACT) or JOURS_SANS_CONTACT_DEFAUT)

    @property
    def norme(self) -> int:
        """People per conseiller: the structure's setting or its default, the same figure as
        the workload of « Ma pratique » (one source, comptes.rules.norme_file_active)."""
        return norme_file_active(self.parametres)[0]

    @property
    def norme_fixee(self) -> bool:
        return norme_file_active(self.parametres)[1]


def contexte(session: Session, utilisateur, aujourd_hui: date, filtres: Filtres | None = None, *,
             dispositifs: bool = True, files_actives: bool = False) -> Contexte:
    """The dashboard's context for this user in one query (the team's conseillers, with the
    structure's dispositifs list for the pages that filter on them); the structure's settings and
    the chef's équipe are the account's, read with it by the user loader (comptes.services); the
    default period until the route has read the filters. `files_actives`: with each conseiller's
    caseload today (the caseload balance), in the same query."""
    if dispositifs and files_actives:
        raise ValueError("les files actives se lisent sans la liste des dispositifs")
    if filtres is None:
        filtres = Filtres(*rules.periode_par_defaut(aujourd_hui))
    perimetre = policy.perimetre(utilisateur)
    conseillers, valeurs, files = {}, [], {}
    for genre, i, texte, code, active, ordre, modele, *file_active in session.execute(
            _requete_du_contexte(perimetre.genre, dispositifs, files_actives),
            {"structure_id": utilisateur.structure_id, "valeur": perimetre.valeur}):
        if genre == "c":
            conseillers[i] = f"{texte} {code}"
            if file_active:
                files[i] = file_active[0]
        else:
            valeurs.append(_ValeurLue(code, texte, active, ordre, modele))
    structure = utilisateur.structure
    parametres = (structure.parametres if structure is not None else None) or {}
    equipe = utilisateur.equipe
    equipes = ({str(equipe.id): equipe.nom}
               if equipe is not None and equipe.structure_id == utilisateur.structure_id else {})
    return Contexte(utilisateur.structure_id, perimetre, filtres, aujourd_hui, parametres, conseillers,
                    {v.code: v.libelle for v in composer_la_liste(valeurs, "dispositif")} if dispositifs else {},
                    equipes, files if files_actives else None)


@dataclass(frozen=True)
class _ValeurLue:
    """A row of the structure's list as `core.listes.composer` reads it."""
    code: str
    libelle: str
    active: bool
    ordre: int
    modele: dict | None


def composer_la_liste(lignes, liste: str):
    from cipdesk.core.contrat import registre
    from cipdesk.core.listes import composer

    declaration = registre.liste(liste)
    return composer(declaration.defauts, lignes, declaration)


@functools.cache
def _requete_du_contexte(genre: str, dispositifs: bool, files_actives: bool = False):
    """Built once per perimeter's kind (a constant: its cache key, the tenant net's restriction
    included, is computed once, core.db): the team's conseillers by name, after the structure's
    dispositifs list (first: the union's column types, JSON included, are the first select's)."""
    condition = {"equipe": Utilisateur.equipe_id == bindparam("valeur", type_=Uuid),
                 "referent": Utilisateur.id == bindparam("valeur", type_=Uuid)}.get(genre, literal(False))
    equipe = (select(literal("c").label("genre"), Utilisateur.id, Utilisateur.prenom.label("libelle"),
                     Utilisateur.nom.label("code"), cast(null(), Boolean).label("active"),
                     cast(null(), Integer).label("ordre"), cast(null(), JSON).label("modele"))
              .where(Utilisateur.structure_id == bindparam("structure_id"), condition,
                     Utilisateur.role == Role.CONSEILLER))
    if files_actives:   # a conseiller of the perimeter: their people are in it (policy.Perimetre.condition)
        equipe = equipe.add_columns(
            select(func.count()).where(Personne.structure_id == bindparam("structure_id"),
                                       Personne.referent_id == Utilisateur.id,
                                       Personne.statut == StatutPersonne.ACCOMPAGNEE)
            .correlate(Utilisateur).scalar_subquery().label("file_active"))
    if not dispositifs:
        return equipe.order_by(Utilisateur.nom, Utilisateur.prenom)
    liste = select(literal("d").label("genre"), ValeurDeListe.id, ValeurDeListe.libelle, ValeurDeListe.code,
                   ValeurDeListe.active, ValeurDeListe.ordre, ValeurDeListe.modele).where(
        ValeurDeListe.structure_id == bindparam("structure_id"), ValeurDeListe.liste == "dispositif")
    tout = union_all(liste, equipe)
    return tout.order_by(tout.selected_columns.genre, tout.selected_columns.code, tout.selected_columns.libelle)


def equipes_du_chef(session: Session, utilisateur) -> dict:
    """The équipes the filter offers: the chef's own (their perimeter)."""
    if utilisateur.equipe_id is None:
        return {}
    return {str(e.id): e.nom for e in session.scalars(select(Equipe).where(Equipe.id == utilisateur.equipe_id))}


def personnes_retenues(ctx: Contexte) -> list:
    """The conditions on `Personne` every indicator applies: perimeter, then filters."""
    f = ctx.filtres
    conditions = [ctx.perimetre.condition(Personne, Utilisateur)]
    if f.conseiller:
        conditions.append(Personne.referent_id == uuid.UUID(f.conseiller))
    if f.equipe:
        conditions.append(Personne.referent_id.in_(
            select(Utilisateur.id).where(Utilisateur.equipe_id == uuid.UUID(f.equipe))))
    if f.public:
        conditions.append(cast(Personne.publics, String).contains(f'"{f.public}"'))
    codes = ctx.dispositifs_retenus
    if codes is not None:
        conditions.append(Personne.id.in_(select(Parcours.personne_id).where(
            Parcours.structure_id == ctx.structure_id, Parcours.dispositif_code.in_(codes))))
    return conditions


def parcours_retenus(ctx: Contexte) -> list:
    codes = ctx.dispositifs_retenus
    return [] if codes is None else [Parcours.dispositif_code.in_(codes)]


def lignes(cle, personne_id, objet_id, le, valeur=None):
    """The row shape of every indicator: what it is broken down by, the person (None for a
    record without one), the record counted, its date, a number (days, a mark)."""
    personne_id = cast(null(), Uuid) if personne_id is None else personne_id
    return (cle.label("cle"), personne_id.label("personne_id"),
            (objet_id if objet_id is not None else null()).label("objet_id"),
            le.label("le"), (valeur if valeur is not None else cast(null(), Integer)).label("valeur"))
