"""Employers brought in from a spreadsheet (issue #19): the base is shared within the structure,
one record per establishment (SIRET, checked by python-stdnum in the tableur engine then by the
service). Each row is matched by its id (the round trip of an export), its SIRET, or a close name
in the same commune (rapidfuzz: one typo tolerated), then written through `creer_entreprise` /
`modifier_entreprise`."""
from __future__ import annotations

import uuid
from datetime import date

from rapidfuzz.distance import Levenshtein
from sqlalchemy import select

from cipdesk.core.contrat import ChampImportable as C
from cipdesk.core.contrat import LigneAnalysee
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.entreprises import rules, services
from cipdesk.employeurs.entreprises.models import Entreprise

CHAMPS = (
    C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant", synonymes=("identifiant",)),
    C("raison_sociale", "Raison sociale", obligatoire=True, synonymes=("entreprise", "nom de l'entreprise",
                                                                      "dénomination", "employeur")),
    C("enseigne", "Enseigne", synonymes=("nom commercial",)),
    C("siret", "SIRET", "siret", synonymes=("n° siret", "numéro siret")),
    C("naf_code", "Code NAF", synonymes=("naf", "ape", "code ape")),
    C("adresse", "Adresse"), C("code_postal", "Code postal", "code_postal", synonymes=("cp",)),
    C("commune", "Commune", synonymes=("ville",)),
    C("telephone", "Téléphone", synonymes=("tél", "tel", "standard")),
    C("email", "Courriel", "email", synonymes=("mail", "e-mail")),
)
COMPARES = ("raison_sociale", "enseigne", "siret", "naf_code", "adresse", "code_postal", "commune", "telephone",
            "email")
LIBELLES = {c.code: c.libelle for c in CHAMPS}


def _actuelles(e: Entreprise) -> dict:
    return {c: (getattr(e, c) or "") for c in COMPARES}


def _differences(e: Entreprise, valeurs: dict) -> tuple:
    avant = _actuelles(e)
    return tuple((LIBELLES[c], avant[c], valeurs[c]) for c in COMPARES if valeurs.get(c) and valeurs[c] != avant[c])


def analyser(session, utilisateur, lignes: list[tuple[int, dict]], aujourd_hui: date) -> list[LigneAnalysee]:  # noqa: ARG001
    entreprises = {e.id: e for e in session.scalars(select(Entreprise).where(
        Entreprise.structure_id == utilisateur.structure_id))}
    par_siret = {e.siret: e for e in entreprises.values() if e.siret}
    vus: dict[str, int] = {}
    resultat = []
    for numero, valeurs in lignes:
        valeurs = dict(valeurs)
        libelle = valeurs.get("raison_sociale", "")
        if valeurs.get("naf_code"):
            try:
                valeurs["naf_code"] = rules.valider_naf(valeurs["naf_code"])
            except ValueError as exc:
                resultat.append(LigneAnalysee(numero, "erreur", valeurs, libelle, message=str(exc)))
                continue
        if not valeurs.get("raison_sociale"):
            resultat.append(LigneAnalysee(numero, "erreur", valeurs, libelle, message="La raison sociale est obligatoire."))
            continue
        siret = valeurs.get("siret") or ""
        if siret in vus:
            resultat.append(LigneAnalysee(numero, "erreur", valeurs, libelle,
                                          message=f"Même SIRET que la ligne {vus[siret]} du fichier."))
            continue
        if siret:
            vus[siret] = numero
        trouvee, par_id = None, False
        if valeurs.get("id"):
            try:
                trouvee = entreprises.get(uuid.UUID(valeurs["id"]))
            except ValueError:
                trouvee = None
            if trouvee is None:
                resultat.append(LigneAnalysee(numero, "erreur", valeurs, libelle,
                                              message="Identifiant cipdesk inconnu dans votre structure."))
                continue
            par_id = True
        elif siret:
            trouvee = par_siret.get(siret)
        if trouvee is None and not par_id:
            cle = rules.cle_recherche(valeurs["raison_sociale"], valeurs.get("enseigne", ""))
            commune = rules.normaliser_texte(valeurs.get("commune", ""))
            trouvee = next((e for e in entreprises.values() if (not commune or e.commune_recherche == commune)
                            and Levenshtein.distance(e.nom_recherche, cle) <= 1), None)
        valeurs.pop("id", None)
        if trouvee is None:
            if not siret:
                resultat.append(LigneAnalysee(numero, "erreur", valeurs, libelle,
                                              message="Indiquez le SIRET de l'établissement (14 chiffres)."))
            else:
                resultat.append(LigneAnalysee(numero, "nouveau", valeurs, libelle))
            continue
        differences = _differences(trouvee, valeurs)
        etat = "deja_la" if not differences else ("a_mettre_a_jour" if par_id else "conflit")
        resultat.append(LigneAnalysee(numero, etat, valeurs, libelle, objet_id=str(trouvee.id), differences=differences,
                                      message="" if par_id or etat == "deja_la" else
                                      "Même SIRET, ou raison sociale proche dans la même commune."))
    return resultat


def appliquer(session, utilisateur, lignes: list[LigneAnalysee], aujourd_hui: date, progression=None) -> dict:
    trace = {"crees": [], "modifies": {}}
    for n, ligne in enumerate(lignes, start=1):
        donnees = {k: v for k, v in ligne.valeurs.items() if k in COMPARES and v}
        try:
            if ligne.etat == "nouveau":
                e = services.creer_entreprise(session, par=utilisateur, donnees=donnees, le=aujourd_hui)
                trace["crees"].append(str(e.id))
            elif ligne.etat == "a_mettre_a_jour":
                e = session.get(Entreprise, uuid.UUID(ligne.objet_id))
                trace["modifies"][str(e.id)] = _actuelles(e)
                services.modifier_entreprise(session, e, par=utilisateur, donnees={**_actuelles(e), **donnees},
                                             version=e.version)
        except ErreurMetier as exc:
            raise ErreurMetier(f"Ligne {ligne.numero} : {exc.message}", exc.champ) from exc
        if progression and n % 200 == 0:
            progression(n)
    return trace


def remettre(session, utilisateur, e: Entreprise, avant: dict, aujourd_hui: date) -> None:  # noqa: ARG001
    """Puts back the fields an import changed on this employer (undo, run by the tableur engine)."""
    services.modifier_entreprise(session, e, par=utilisateur, donnees=avant, version=e.version)
