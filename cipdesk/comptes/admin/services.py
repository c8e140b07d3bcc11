"""The structure's admin edits its lists (core/listes.py): add a value, retire one
(it stays readable on the records that use it), bring it back. Flush, never commit."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Structure
from cipdesk.comptes.queries import NORME_FILE_ACTIVE_MAX, PARAMETRE_NORME_FILE_ACTIVE
from cipdesk.core import listes
from cipdesk.core.contrat import registre
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

# The same key as accueil/orientation/rules.PARAMETRE_DELAI (comptes does not import accueil's rules).
CLE_DELAI_ORIENTATION = "orientation_delai_reponse_jours"


def modifier_delais(session: Session, *, par, orientation_delai: int, norme_file_active: int | None = None) -> None:
    """The structure's delays and thresholds, kept in its settings (read by the modules' alert
    providers; the caseload norm by « Ma pratique » and the chef's dashboard). An empty norm
    removes the setting: the default applies (comptes.rules.norme_file_active)."""
    policy.exiger(policy.peut_modifier_listes(par))
    if not 1 <= orientation_delai <= 180:
        raise ErreurMetier("Entre 1 et 180 jours.", "orientation_delai")
    if norme_file_active is not None and not 1 <= norme_file_active <= NORME_FILE_ACTIVE_MAX:
        raise ErreurMetier(f"Entre 1 et {NORME_FILE_ACTIVE_MAX} personnes.", "norme_file_active")
    structure = session.get(Structure, par.structure_id)
    parametres = dict(structure.parametres or {})
    parametres[CLE_DELAI_ORIENTATION] = orientation_delai
    if norme_file_active is None:
        parametres.pop(PARAMETRE_NORME_FILE_ACTIVE, None)
    else:
        parametres[PARAMETRE_NORME_FILE_ACTIVE] = norme_file_active
    structure.parametres = parametres  # a new dict: the JSON column sees the change
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure.id,
                details={CLE_DELAI_ORIENTATION: orientation_delai, PARAMETRE_NORME_FILE_ACTIVE: norme_file_active})


def modifier_liste(session: Session, *, par, liste: str, ajouter: str = "", retirer: str = "",
                   retablir: str = "", modele: str = "", textes: dict[str, str] | None = None) -> str:
    """One change to one list; returns the French message of what was done."""
    policy.exiger(policy.peut_modifier_listes(par))
    try:
        declaration = registre.liste(liste)
    except KeyError:
        raise ErreurMetier("Liste inconnue.", "liste") from None
    structure_id = par.structure_id
    lignes = {l.code: l for l in session.scalars(select(listes.ValeurDeListe).where(
        listes.ValeurDeListe.structure_id == structure_id, listes.ValeurDeListe.liste == liste))}
    valeurs = listes.composer(declaration.defauts, lignes.values(), declaration)
    par_code = {v.code: v for v in valeurs}
    libelle = " ".join((ajouter or "").split())
    if libelle:
        if len(libelle) > 120:
            raise ErreurMetier("120 caractères au plus.", "libelle")
        code = listes.code_de(libelle)
        if not code:
            raise ErreurMetier("Saisissez un libellé fait de lettres ou de chiffres.", "libelle")
        if code in par_code or any(v.libelle.lower() == libelle.lower() for v in valeurs):
            existante = par_code.get(code) or next(v for v in valeurs if v.libelle.lower() == libelle.lower())
            raise ErreurMetier("Cette valeur existe déjà" + ("." if existante.active else
                               " : rétablissez-la plutôt que de la recréer."), "libelle")
        ordre = (session.scalar(select(func.max(listes.ValeurDeListe.ordre)).where(
            listes.ValeurDeListe.structure_id == structure_id, listes.ValeurDeListe.liste == liste)) or 0) + 1
        session.add(listes.ValeurDeListe(structure_id=structure_id, liste=liste, code=code, libelle=libelle,
                                         ordre=ordre, active=True))
        message, details = f"« {libelle} » ajoutée à la liste « {declaration.titre} ».", {"ajout": code}
    elif retirer or retablir:
        code = retirer or retablir
        valeur = par_code.get(code)
        if valeur is None:
            raise ErreurMetier("Valeur inconnue.", "liste")
        if retirer and valeur.active and len(listes.actives(valeurs)) <= 1:
            raise ErreurMetier("Une liste garde au moins une valeur proposée.", "liste")
        ligne = lignes.get(code)
        if ligne is None:  # a default that the structure did not touch yet
            ligne = listes.ValeurDeListe(structure_id=structure_id, liste=liste, code=code, libelle="", ordre=0)
            session.add(ligne)
        ligne.active = not retirer
        message = (f"« {valeur.libelle} » retirée : elle n'est plus proposée, les fiches qui l'utilisent la gardent."
                   if retirer else f"« {valeur.libelle} » de nouveau proposée.")
        details = {"retrait" if retirer else "retablissement": code}
    elif modele:
        valeur = par_code.get(modele)
        if valeur is None or not declaration.champs:
            raise ErreurMetier("Valeur inconnue.", "liste")
        propres = {}
        for champ, titre in declaration.champs:
            texte = (textes or {}).get(champ, "").strip()
            if len(texte) > 3000:
                raise ErreurMetier(f"{titre} : 3 000 caractères au plus.", "liste")
            propres[champ] = texte
        ligne = lignes.get(modele)
        if ligne is None:
            ligne = listes.ValeurDeListe(structure_id=structure_id, liste=liste, code=modele, libelle="", ordre=0,
                                         active=True)
            session.add(ligne)
        ligne.modele = propres
        message, details = f"Modèle de « {valeur.libelle} » enregistré.", {"modele": modele}
    else:
        raise ErreurMetier("Saisissez la valeur à ajouter.", "libelle")
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure",
                objet_id=structure_id, details={"liste": liste, **details})
    return message
