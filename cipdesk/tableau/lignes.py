"""The context of a dashboard (who looks, over what, with which filters) and what every
indicator's rows share: the perimeter and filters on people and parcours, the row shape."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Integer, String, Uuid, and_, cast, literal, null, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Equipe, Role, Structure, Utilisateur
from cipdesk.comptes.queries import PARAMETRE_NORME_FILE_ACTIVE, norme_file_active
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.queries import JOURS_SANS_CONTACT_DEFAUT
from cipdesk.core.listes import valeurs as valeurs_de_liste
from cipdesk.personnes.models import Personne
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
             dispositifs: bool = True) -> Contexte:
    """The dashboard's context for this user (two queries: the structure's settings with the
    team's conseillers and the chef's équipe, then the dispositifs list — only for the pages
    that filter on them); the default period until the route has read the filters."""
    if filtres is None:
        filtres = Filtres(*rules.periode_par_defaut(aujourd_hui))
    perimetre = policy.perimetre(utilisateur)
    equipe_ids = select(Utilisateur.id).where(Utilisateur.structure_id == utilisateur.structure_id)
    if perimetre.genre == "equipe":
        equipe_ids = equipe_ids.where(Utilisateur.equipe_id == perimetre.valeur)
    elif perimetre.genre == "referent":
        equipe_ids = equipe_ids.where(Utilisateur.id == perimetre.valeur)
    else:
        equipe_ids = equipe_ids.where(literal(False))
    # One round trip: the structure's row, outer-joined to each conseiller of the team (none: one
    # row of NULLs) and to the chef's équipe (its name for the filter), as columns (no entities).
    lignes_ = session.execute(
        select(Structure.parametres, Utilisateur.id, Utilisateur.prenom, Utilisateur.nom, Equipe.id, Equipe.nom)
        .select_from(Structure)
        .outerjoin(Utilisateur, and_(Utilisateur.id.in_(equipe_ids), Utilisateur.role == Role.CONSEILLER))
        .outerjoin(Equipe, and_(Equipe.id == utilisateur.equipe_id, Equipe.structure_id == Structure.id))
        .where(Structure.id == utilisateur.structure_id)
        .order_by(Utilisateur.nom, Utilisateur.prenom)).all()
    parametres = (lignes_[0][0] if lignes_ else None) or {}
    conseillers = {i: f"{prenom} {nom}" for _p, i, prenom, nom, _e, _n in lignes_ if i is not None}
    equipes = {str(e): n for _p, _i, _pr, _no, e, n in lignes_[:1] if e is not None}
    return Contexte(utilisateur.structure_id, perimetre, filtres, aujourd_hui, parametres, conseillers,
                    {v.code: v.libelle for v in valeurs_de_liste(session, utilisateur.structure_id, "dispositif")}
                    if dispositifs else {}, equipes)


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
