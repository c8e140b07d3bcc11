"""Use cases of the spreadsheet import (issue #19): deposit, dry run, import, undo. Session and
actor explicit, dates passed in, flush without commit; the list's own rules (matching,
writing) are the importable's (`ListeImportable`, declared by its module)."""
from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.exc import SQLAlchemyError

from cipdesk.core.contrat import LigneAnalysee
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security.audit import Action, journaliser
from cipdesk.tableur import lecture, rules
from cipdesk.tableur.models import EtatImport, ImportTableur

DELAI_D_ANNULATION = timedelta(hours=24)
CLE_CORRESPONDANCES = "tableur_correspondances"
DECISIONS = {"ignorer": "Ne rien faire", "mettre_a_jour": "Mettre à jour la fiche existante",
             "creer": "Créer une nouvelle fiche"}


def deposer(session, *, par, liste, nom_fichier: str, contenu: bytes) -> ImportTableur:
    """Read the file (refused as a whole with a French message: lecture.ErreurImport → ErreurMetier
    on the field « fichier »), keep its rows encrypted."""
    try:
        feuilles = lecture.lire(nom_fichier, contenu)
    except lecture.ErreurImport as exc:
        raise ErreurMetier(str(exc), "fichier") from None
    imp = ImportTableur(structure_id=par.structure_id, auteur_id=par.id, liste=liste.code, etat=EtatImport.DEPOSE)
    imp.donnees = {"nom_fichier": nom_fichier[:200], "feuilles": lecture.feuilles_en_json(feuilles),
                   "feuille": feuilles[0].nom}
    session.add(imp)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="import_tableur", objet_id=imp.id,
                details={"liste": liste.code})
    return imp


def entetes_et_lignes(imp: ImportTableur, feuille: str | None = None) -> tuple[list[str], list[list[str]]]:
    feuilles = imp.donnees.get("feuilles", {})
    lignes = feuilles.get(feuille or imp.donnees.get("feuille")) or next(iter(feuilles.values()), [])
    if not lignes:
        return [], []
    largeur = max(len(l) for l in lignes)
    lignes = [l + [""] * (largeur - len(l)) for l in lignes]
    return [e or f"Colonne {i + 1}" for i, e in enumerate(lignes[0])], lignes[1:]


def correspondance_suggeree(imp: ImportTableur, structure, liste) -> dict[int, str]:
    """The saved mapping of the structure for this list (by header), else the headers' suggestions."""
    if imp.donnees.get("correspondance") is not None:
        return {int(k): v for k, v in imp.donnees["correspondance"].items()}
    entetes, _ = entetes_et_lignes(imp)
    memorisee = (structure.parametres or {}).get(CLE_CORRESPONDANCES, {}).get(liste.code, {})
    return rules.suggerer(entetes, liste.champs, memorisee)


def convertir_lignes(entetes, lignes, correspondance: dict[int, str], liste) -> list[tuple[int, dict, str]]:
    """(row number in the file, {field: value}, error) — the row number as the spreadsheet shows it
    (the header is row 1)."""
    genres = {c.code: c.genre for c in liste.champs}
    resultat = []
    for n, ligne in enumerate(lignes, start=2):
        valeurs, erreurs = {}, []
        for i, code in correspondance.items():
            try:
                valeurs[code] = rules.convertir(genres[code], ligne[i] if i < len(ligne) else "")
            except ValueError as exc:
                erreurs.append(f"{entetes[i]} : {exc}")
        resultat.append((n, valeurs, " ; ".join(erreurs)))
    return resultat


def analyser(session, *, par, imp: ImportTableur, liste, structure, feuille: str, correspondance: dict[int, str],
             aujourd_hui: date) -> ImportTableur:
    """The dry run: the mapping checked and saved for the structure, every row converted then
    matched by the list's module. Nothing of the list is written."""
    if imp.etat not in (EtatImport.DEPOSE, EtatImport.ANALYSE):
        raise ErreurMetier("Cet import est déjà lancé : déposez le fichier de nouveau pour un autre essai.", "")
    donnees = dict(imp.donnees)
    if feuille not in donnees.get("feuilles", {}):
        raise ErreurMetier("Choisissez une feuille du fichier.", "feuille")
    entetes, lignes = entetes_et_lignes(imp, feuille)
    erreurs = rules.erreurs_de_correspondance(correspondance, entetes, liste.champs)
    if erreurs:
        raise ErreurMetier(" ".join(erreurs), "correspondance")
    converties = convertir_lignes(entetes, lignes, correspondance, liste)
    bonnes = [(n, v) for n, v, e in converties if not e]
    analysees = {l.numero: l for l in liste.analyser(session, par, bonnes, aujourd_hui)}
    resultat = []
    for n, valeurs, erreur in converties:
        ligne = analysees.get(n) or LigneAnalysee(
            n, "erreur", {k: rules.texte_de(v) for k, v in valeurs.items()},
            valeurs.get("raison_sociale") or f"{valeurs.get('prenom', '')} {valeurs.get('nom', '')}".strip(),
            message=rules.majuscule(erreur) + ".")
        resultat.append(asdict(ligne))
    donnees.update(feuille=feuille, correspondance={str(k): v for k, v in correspondance.items()},
                   analyse=resultat, decisions={},
                   ignorees=rules.colonnes_ignorees(entetes, lignes, correspondance))
    imp.donnees = donnees
    imp.etat, imp.total, imp.traitees = EtatImport.ANALYSE, len(resultat), 0
    # The mapping, remembered for the next file of this structure (by header).
    parametres = dict(structure.parametres or {})
    memoire = dict(parametres.get(CLE_CORRESPONDANCES, {}))
    memoire[liste.code] = {entetes[i]: code for i, code in correspondance.items()}
    parametres[CLE_CORRESPONDANCES] = memoire
    structure.parametres = parametres
    session.flush()
    return imp


def compte(imp: ImportTableur) -> dict[str, int]:
    resultat = {"nouveau": 0, "a_mettre_a_jour": 0, "deja_la": 0, "conflit": 0, "erreur": 0}
    for l in imp.donnees.get("analyse", []):
        resultat[l["etat"]] += 1
    return resultat


def a_appliquer(analyse: list[dict], decision_conflits: str, decisions: dict[int, str]) -> list[LigneAnalysee]:
    """The rows to write, each conflict resolved by its own decision, else the one for all."""
    lignes = []
    for d in analyse:
        ligne = LigneAnalysee(**{**d, "differences": tuple(tuple(x) for x in d["differences"])})
        if ligne.etat in ("nouveau", "a_mettre_a_jour"):
            lignes.append(ligne)
        elif ligne.etat == "conflit":
            choix = decisions.get(ligne.numero) or decision_conflits
            if choix == "creer":
                lignes.append(LigneAnalysee(**{**d, "etat": "nouveau", "objet_id": ""}))
            elif choix == "mettre_a_jour" and ligne.differences:   # none for a colleague's person
                lignes.append(LigneAnalysee(**{**d, "etat": "a_mettre_a_jour"}))
    return lignes


def _meme_version(imp: ImportTableur, version: int | None) -> None:
    if version != imp.version:
        raise ErreurMetier("Cet import a changé entre-temps (un autre onglet ?) : rechargez la page.", "version")


SEUIL_HORS_REQUETE = 300   # more rows to write than this: the worker writes them, the page follows


def importer(session, *, par, imp: ImportTableur, liste, decision_conflits: str, decisions: dict[int, str],
             aujourd_hui: date, maintenant: datetime, version: int | None) -> ImportTableur:
    """All or nothing: refused while a row is in error; an error while writing undoes every row
    (savepoint) and says which row. A long import is handed to the worker (`cipdesk tableur
    traiter`): state « en attente », the page follows its progress."""
    _meme_version(imp, version)
    if imp.etat != EtatImport.ANALYSE:
        raise ErreurMetier("Cet import n'attend plus de décision.", "")
    nombre = compte(imp)
    if nombre["erreur"]:
        raise ErreurMetier(f"{nombre['erreur']} ligne(s) en erreur : corrigez le fichier et déposez-le de nouveau. "
                           "Rien n'a été importé.", "")
    if nombre["conflit"] and decision_conflits not in DECISIONS and \
            len({n for n, c in decisions.items() if c in DECISIONS}) < nombre["conflit"]:
        raise ErreurMetier("Dites quoi faire des lignes en conflit.", "conflits")
    donnees = dict(imp.donnees)
    donnees.update(decisions={str(k): v for k, v in decisions.items()}, decision_conflits=decision_conflits)
    imp.donnees = donnees
    lignes = a_appliquer(imp.donnees["analyse"], decision_conflits, decisions)
    if len(lignes) > SEUIL_HORS_REQUETE:
        imp.etat, imp.traitees = EtatImport.EN_ATTENTE, 0
        session.flush()
        return imp
    return executer(session, par=par, imp=imp, liste=liste, aujourd_hui=aujourd_hui, maintenant=maintenant)


def executer(session, *, par, imp: ImportTableur, liste, aujourd_hui: date, maintenant: datetime,
             progression=None) -> ImportTableur:
    """Write the decided rows (in the request, or by the worker with a `progression(n)` callback)."""
    d = imp.donnees
    decisions = {int(k): v for k, v in d.get("decisions", {}).items()}
    lignes = a_appliquer(d["analyse"], d.get("decision_conflits", ""), decisions)
    try:
        with session.begin_nested():
            trace = liste.appliquer(session, par, lignes, aujourd_hui, progression=progression)
    except ErreurMetier as exc:
        raise ErreurMetier(f"{exc.message} Rien n'a été importé.", "") from None
    donnees = dict(imp.donnees)
    donnees.update(trace=trace)
    imp.donnees = donnees
    imp.etat, imp.traitees, imp.importe_le = EtatImport.TERMINE, len(lignes), maintenant
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="import_tableur", objet_id=imp.id,
                details={"liste": imp.liste, "crees": len(trace.get("crees", [])),
                         "modifies": len(trace.get("modifies", {}))})
    session.flush()
    return imp


def a_traiter(session) -> list:
    """Ids of the imports waiting for the worker, oldest first."""
    from sqlalchemy import select

    return list(session.scalars(select(ImportTableur.id).where(ImportTableur.etat == EtatImport.EN_ATTENTE)
                                .order_by(ImportTableur.updated_at)))


def annulable(imp: ImportTableur, maintenant: datetime) -> bool:
    if imp.etat != EtatImport.TERMINE or imp.importe_le is None:
        return False
    importe_le = imp.importe_le if imp.importe_le.tzinfo else imp.importe_le.replace(tzinfo=timezone.utc)  # SQLite
    return maintenant - importe_le <= DELAI_D_ANNULATION


def defaire(session, par, liste, trace: dict, aujourd_hui: date) -> int:
    """Undoes what an import wrote, for any importable list: its created records are deleted unless
    something now refers to one (a later exchange, orientation, entretien…: kept, not counted), then
    the fields it changed are put back by the module (`liste.remettre`). Returns how many were undone."""
    defaits = 0
    for ident in trace.get("crees", []):
        objet = session.get(liste.modele, uuid.UUID(ident))
        if objet is None:
            continue
        try:
            with session.begin_nested():
                session.delete(objet)
                session.flush()
        # A record created since the import refers to it (foreign key refused by the database, or the
        # ORM refusing to blank out a dependent key): kept.
        except (SQLAlchemyError, AssertionError):
            continue
        journaliser(session, acteur=par, action=Action.SUPPRESSION, objet_type=liste.objet_type, objet_id=ident,
                    motif="Annulation d'un import de tableur")
        defaits += 1
    for ident, avant in trace.get("modifies", {}).items():
        objet = session.get(liste.modele, uuid.UUID(ident))
        if objet is not None:
            liste.remettre(session, par, objet, avant, aujourd_hui)
            defaits += 1
    return defaits


def annuler(session, *, par, imp: ImportTableur, liste, aujourd_hui: date, maintenant: datetime,
            version: int | None) -> int:
    _meme_version(imp, version)
    if not annulable(imp, maintenant):
        raise ErreurMetier("Un import ne s'annule que dans les 24 heures qui le suivent.", "")
    defaits = defaire(session, par, liste, imp.donnees.get("trace", {}), aujourd_hui)
    imp.etat, imp.annule_le = EtatImport.ANNULE, maintenant
    journaliser(session, acteur=par, action=Action.SUPPRESSION, objet_type="import_tableur", objet_id=imp.id,
                details={"liste": liste.code, "defaits": defaits})
    session.flush()
    return defaits
