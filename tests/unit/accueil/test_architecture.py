"""The shape of accueil, personnes and territoire (issue #9, points 2 and 7):
no suffix-named files, no import cycle between their modules, and a domain
imports only another domain's `models` and `queries` (side effects go through
core.signaux). A static check of the import statements (module level and local)."""
from __future__ import annotations

import ast
from pathlib import Path

import cipdesk

RACINE = Path(cipdesk.__file__).parent
PAQUETS = ("accueil", "personnes", "territoire")
DOMAINES = {"accueil", "personnes", "territoire", "parcours", "notes", "competences", "comptes",
            "admin", "referentiel"}
AUTORISES = {"models", "queries"}
# The demo generator builds its people through the personnes use case (demo data only,
# run by `cipdesk demo`, never by a page).
EXCEPTIONS = {("cipdesk.accueil.demo", "cipdesk.personnes.services"),
              ("cipdesk.accueil.demo", "cipdesk.territoire.partenaires.services")}


def _modules():
    for paquet in PAQUETS:
        for fichier in (RACINE / paquet).rglob("*.py"):
            nom = ".".join(("cipdesk", *fichier.relative_to(RACINE).with_suffix("").parts))
            yield nom.removesuffix(".__init__"), fichier


def _imports(fichier: Path, nom: str, module_seulement: bool, avec_paquet: bool = True) -> set[str]:
    arbre = ast.parse(fichier.read_text())
    noeuds = arbre.body if module_seulement else ast.walk(arbre)
    trouves = set()
    for n in noeuds:
        if isinstance(n, ast.ImportFrom) and n.module and n.level == 0:
            if avec_paquet:
                trouves.add(n.module)
            trouves.update(f"{n.module}.{a.name}" for a in n.names)
        elif isinstance(n, ast.Import):
            trouves.update(a.name for a in n.names)
    return {t for t in trouves if t.startswith("cipdesk.")}


def test_pas_de_fichier_suffixe():
    for paquet in PAQUETS:
        for fichier in (RACINE / paquet).rglob("*.py"):
            assert not any(fichier.stem.startswith(p) and fichier.stem != p for p in
                           ("routes_", "services_", "models_", "queries_")), fichier
            assert not fichier.stem.endswith(("_models", "_services", "_routes")), fichier


def test_aucun_cycle_d_import():
    modules = dict(_modules())
    graphe = {nom: {i for i in _imports(f, nom, module_seulement=True) if i in modules and i != nom}
              for nom, f in modules.items()}
    etat: dict[str, int] = {}

    def visiter(nom, chemin):
        etat[nom] = 1
        for suivant in graphe[nom]:
            if etat.get(suivant) == 1:
                raise AssertionError("cycle d'import : " + " → ".join([*chemin, nom, suivant]))
            if suivant not in etat:
                visiter(suivant, [*chemin, nom])
        etat[nom] = 2

    for nom in graphe:
        if nom not in etat:
            visiter(nom, [])


def test_un_domaine_n_importe_que_les_models_et_queries_d_un_autre():
    fautes = []
    for nom, fichier in _modules():
        domaine = nom.split(".")[1]
        for cible in _imports(fichier, nom, module_seulement=False, avec_paquet=False):
            morceaux = cible.split(".")
            autre = morceaux[1]
            if autre == domaine or autre not in DOMAINES:
                continue
            if not AUTORISES & set(morceaux[2:]) and not any(cible.startswith(interdit) for source, interdit
                                                              in EXCEPTIONS if source == nom):
                fautes.append(f"{nom} → {cible}")
    assert not fautes, fautes
