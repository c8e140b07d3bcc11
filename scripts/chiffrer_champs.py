#!/usr/bin/env python3
"""Rewrite the model declarations of the sensitive free-text fields into their
encrypted form, wherever the model classes live under `cipdesk/` (issue #10, point 6).

    python scripts/chiffrer_champs.py [RACINE_DU_DEPOT] [--verifier]

For every class of CHAMPS (declared by each module, `Module.chiffres`, read through
`cipdesk/security/champs_chiffres.tous()`), each listed field

    demande_exprimee: Mapped[str] = mapped_column(Text, default="")   # comment

becomes

    demande_exprimee_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # comment
    demande_exprimee = TexteConfidentiel()

(`TexteConfidentiel(json=True)` for a JSON field), and the file gets the imports
it needs (`LargeBinary`, `TexteConfidentiel`); `Text`/`JSON` are dropped from the
sqlalchemy import when nothing else uses them. Idempotent: a field already in
encrypted form is left alone, a second run changes nothing. The class is found by
name in any module of the package, so it survives the packages being moved into
sub-packages. Exits 1 if a class or a field cannot be found (`--verifier`: exits 1
if anything would still change, without writing).
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

_ICI = Path(__file__).resolve().parent


def _declarations() -> tuple[dict[str, tuple[str, tuple[str, ...]]], set[tuple[str, str]]]:
    """What the modules of this repository declare (Module.chiffres), through the one point
    of access `security.champs_chiffres` (the registry filled from cipdesk/modules.py)."""
    if str(_ICI.parent) not in sys.path:
        sys.path.insert(0, str(_ICI.parent))
    from cipdesk import modules
    from cipdesk.security import champs_chiffres

    modules.installer()
    return champs_chiffres.tous(), champs_chiffres.json_champs()


#: model class → (table, fields): the data table this script applies.
CHAMPS, JSON_CHAMPS = _declarations()

IMPORT_TEXTE = "from cipdesk.security.chiffrement import TexteConfidentiel"


class Introuvable(Exception):
    pass


def _classes(arbre: ast.Module) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in arbre.body if isinstance(n, ast.ClassDef)}


def trouver_classes(racine: Path) -> dict[str, Path]:
    """Class name → module file, over every .py under cipdesk/ (a class of CHAMPS
    defined twice is an error: the rewrite would be ambiguous)."""
    ou: dict[str, Path] = {}
    for chemin in sorted((racine / "cipdesk").rglob("*.py")):
        texte = chemin.read_text(encoding="utf-8")
        if not any(f"class {nom}(" in texte for nom in CHAMPS):
            continue
        for nom in _classes(ast.parse(texte)):
            if nom in CHAMPS:
                if nom in ou:
                    raise Introuvable(f"classe {nom} définie deux fois : {ou[nom]} et {chemin}")
                ou[nom] = chemin
    return ou


def _corps(classe: ast.ClassDef, classes: dict[str, ast.ClassDef] | None = None) -> list:
    """The class body, then those of its bases defined in the same module (a mixin such as
    ContenuEntretien declares fields for several models)."""
    corps = list(classe.body)
    for base in classe.bases:
        if classes and isinstance(base, ast.Name) and base.id in classes and base.id != classe.name:
            corps += _corps(classes[base.id], classes)
    return corps


def _declaration(classe: ast.ClassDef, champ: str, classes: dict[str, ast.ClassDef] | None = None):
    for noeud in _corps(classe, classes):
        if isinstance(noeud, ast.AnnAssign) and isinstance(noeud.target, ast.Name) and noeud.target.id == champ:
            return noeud
    return None


def _deja_chiffre(classe: ast.ClassDef, champ: str, classes: dict[str, ast.ClassDef] | None = None) -> bool:
    for noeud in _corps(classe, classes):
        if (isinstance(noeud, ast.Assign) and len(noeud.targets) == 1
                and isinstance(noeud.targets[0], ast.Name) and noeud.targets[0].id == champ
                and isinstance(noeud.value, ast.Call) and isinstance(noeud.value.func, ast.Name)
                and noeud.value.func.id == "TexteConfidentiel"):
            return True
    return False


def transformer_source(texte: str, champs_par_classe: dict[str, tuple[str, ...]]) -> str:
    """The module text with the listed fields of its classes in encrypted form."""
    lignes = texte.splitlines(keepends=True)
    remplacements: list[tuple[int, int, list[str]]] = []  # (first line, last line) 0-based, new lines
    classes = _classes(ast.parse(texte))
    for nom, champs in champs_par_classe.items():
        classe = classes.get(nom)
        if classe is None:
            raise Introuvable(f"classe {nom} absente")
        for champ in champs:
            if _deja_chiffre(classe, champ, classes):
                continue
            noeud = _declaration(classe, champ, classes)
            if noeud is None:
                raise Introuvable(f"{nom}.{champ} : ni déclaration en clair ni TexteConfidentiel")
            premiere, derniere = noeud.lineno - 1, noeud.end_lineno - 1
            retrait = re.match(r"\s*", lignes[premiere]).group(0)
            fin = lignes[derniere].rstrip("\n")
            commentaire = ""
            if "#" in fin[noeud.end_col_offset:]:
                commentaire = "  " + fin[noeud.end_col_offset:].strip()
            json = (nom, champ) in JSON_CHAMPS
            nouvelles = [
                f"{retrait}{champ}_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary){commentaire}\n",
                f"{retrait}{champ} = TexteConfidentiel({'json=True' if json else ''})\n",
            ]
            if all(r[0] != premiere for r in remplacements):  # a mixin's field, shared by two classes
                remplacements.append((premiere, derniere, nouvelles))
    if not remplacements:
        return texte
    for premiere, derniere, nouvelles in sorted(remplacements, reverse=True):
        lignes[premiere:derniere + 1] = nouvelles
    return _imports("".join(lignes))


def _imports(texte: str) -> str:
    arbre = ast.parse(texte)
    lignes = texte.splitlines(keepends=True)
    for noeud in arbre.body:
        if isinstance(noeud, ast.ImportFrom) and noeud.module == "sqlalchemy" and noeud.level == 0:
            noms = [a.name for a in noeud.names]
            reste = "".join(lignes[:noeud.lineno - 1] + lignes[noeud.end_lineno:])
            noms = [n for n in noms if n not in ("Text", "JSON") or re.search(rf"\b{n}\b", reste)]
            if "LargeBinary" not in noms:
                noms.append("LargeBinary")
            noms = sorted(set(noms), key=lambda n: (n[0].islower(), n))
            nouvelle = _ligne_import("sqlalchemy", noms)
            lignes[noeud.lineno - 1:noeud.end_lineno] = [nouvelle]
            break
    else:
        raise Introuvable("pas d'import « from sqlalchemy import … » dans le module")
    texte = "".join(lignes)
    if IMPORT_TEXTE not in texte:
        arbre = ast.parse(texte)
        derniere = max(n.end_lineno for n in arbre.body if isinstance(n, (ast.Import, ast.ImportFrom)))
        lignes = texte.splitlines(keepends=True)
        lignes.insert(derniere, IMPORT_TEXTE + "\n")
        texte = "".join(lignes)
    return texte


def _ligne_import(module: str, noms: list[str]) -> str:
    ligne = f"from {module} import {', '.join(noms)}\n"
    if len(ligne) <= 110:
        return ligne
    morceaux, courante = [], f"from {module} import ("
    for i, nom in enumerate(noms):
        piece = nom + (", " if i < len(noms) - 1 else ")")
        if len(courante) + len(piece) > 105:
            morceaux.append(courante.rstrip() + "\n")
            courante = " " * (len(f"from {module} import (")) + piece
        else:
            courante += piece
    morceaux.append(courante + "\n")
    return "".join(morceaux)


def appliquer(racine: Path, *, ecrire: bool = True) -> list[Path]:
    """Rewrite the modules under `racine`/cipdesk; returns the files changed (or to change)."""
    ou = trouver_classes(racine)
    manquantes = sorted(set(CHAMPS) - set(ou))
    if manquantes:
        raise Introuvable("classes introuvables sous cipdesk/ : " + ", ".join(manquantes))
    par_fichier: dict[Path, dict[str, tuple[str, ...]]] = {}
    for nom, (_table, champs) in CHAMPS.items():
        par_fichier.setdefault(ou[nom], {})[nom] = champs
    changes = []
    for chemin, champs_par_classe in sorted(par_fichier.items()):
        avant = chemin.read_text(encoding="utf-8")
        apres = transformer_source(avant, champs_par_classe)
        if apres != avant:
            changes.append(chemin)
            if ecrire:
                chemin.write_text(apres, encoding="utf-8")
    return changes


def main(argv: list[str]) -> int:
    verifier = "--verifier" in argv
    args = [a for a in argv if a != "--verifier"]
    racine = Path(args[0]).resolve() if args else _ICI.parent
    try:
        changes = appliquer(racine, ecrire=not verifier)
    except Introuvable as exc:
        print(f"chiffrer_champs : {exc}", file=sys.stderr)
        return 1
    for chemin in changes:
        print(("à réécrire : " if verifier else "réécrit : ") + str(chemin.relative_to(racine)))
    if not changes:
        print("Tous les champs sensibles sont déjà déclarés chiffrés.")
    return 1 if verifier and changes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
