"""The structure's admin edits the parcours lists (dispositifs, types d'étape, phases
of the methodology, financements). Retired values stay readable on old records."""
from __future__ import annotations

import re

from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.listes import rules as listes
from cipdesk.core.texte import sans_accents
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def code_de(libelle: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", sans_accents(libelle).lower()).strip("_")[:60]


def modifier_liste(session: Session, structure, liste: str, *, par, ajouter: str = "",
                   retirer: str = "", retablir: str = "") -> None:
    policy.exiger(policy.peut_modifier_listes_parcours(par))
    if structure.id != par.structure_id:
        raise policy.Introuvable()
    if liste not in listes.DEFAUTS:
        raise ErreurMetier("Liste inconnue.", "liste")
    parametres = dict(structure.parametres or {})
    toutes = dict(parametres.get(listes.CLE_PARAMETRES) or {})
    surcharge = dict(toutes.get(liste) or {})
    ajouts = [list(a) for a in surcharge.get("ajouts") or []]
    retires = list(surcharge.get("retires") or [])
    codes = {c for c, _l, _a in listes.toutes(structure.parametres, liste)}
    if ajouter.strip():
        code = code_de(ajouter)
        if not code:
            raise ErreurMetier("Saisissez un libellé.", "libelle")
        if code in codes:
            raise ErreurMetier("Cette valeur existe déjà (rétablissez-la si elle est retirée).", "libelle")
        ajouts.append([code, ajouter.strip()[:120]])
    if retirer:
        if retirer not in codes:
            raise ErreurMetier("Valeur inconnue.", "code")
        if len([c for c, _l in listes.actives(structure.parametres, liste)]) <= 1:
            raise ErreurMetier("Une liste garde au moins une valeur proposée.", "code")
        retires = sorted(set(retires) | {retirer})
    if retablir:
        retires = [c for c in retires if c != retablir]
    toutes[liste] = {"ajouts": ajouts, "retires": retires}
    parametres[listes.CLE_PARAMETRES] = toutes
    structure.parametres = parametres  # a new dict: the JSON column sees the change
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure",
                objet_id=structure.id, details={"liste_parcours": liste})
