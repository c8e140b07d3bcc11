"""The shape of the parcours package (issue 9, point 2): sub-packages with the same
file names, no suffix-named file, services that never read the clock, no import cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import cipdesk.parcours

RACINE = Path(cipdesk.parcours.__file__).parent
SOUS_PAQUETS = ("contrat", "etapes", "entretiens", "projet", "sortie")
FICHIERS = {"__init__.py", "models.py", "rules.py", "services.py", "queries.py", "forms.py", "routes.py",
            "pdf.py", "demo.py"}


def test_sous_paquets_aux_memes_noms_de_fichiers():
    for nom in SOUS_PAQUETS:
        fichiers = {f.name for f in (RACINE / nom).glob("*.py")}
        assert {"__init__.py", "routes.py"} <= fichiers and fichiers <= FICHIERS, nom
    au_sommet = {f.name for f in RACINE.glob("*.py")}
    # page.py: the parcours page, assembled above the sub-packages it shows (they depend on contrat only);
    # chiffres.py: what the module declares encrypted or clear (its contract, issue #9); exports.py: its
    # lists as spreadsheets (issue #19); rgpd.py: its records about a person, for the right of access and
    # erasure (issue #18); echelle.py: its generator at scale for the benches (Module.echelle).
    assert au_sommet == {"__init__.py", "module.py", "chiffres.py", "routes.py", "forms.py", "alertes.py", "demo.py",
                         "echelle.py", "exports.py", "page.py", "rgpd.py"}


def test_les_services_ne_lisent_pas_l_horloge():
    for fichier in RACINE.glob("*/services.py"):
        texte = fichier.read_text()
        assert "aujourdhui" not in texte and "date.today" not in texte and "datetime.now" not in texte, fichier


def _imports(fichier: Path) -> set[str]:
    noms = set()
    for noeud in ast.walk(ast.parse(fichier.read_text())):
        if isinstance(noeud, ast.ImportFrom) and noeud.module:
            noms.add(noeud.module)
            noms.update(f"{noeud.module}.{a.name}" for a in noeud.names)
        elif isinstance(noeud, ast.Import):
            noms.update(a.name for a in noeud.names)
    return noms


def test_aucun_cycle_d_import_dans_le_parcours():
    """Imports under TYPE_CHECKING and inside functions count too."""
    modules = {}
    for fichier in RACINE.rglob("*.py"):
        parties = fichier.relative_to(RACINE.parent.parent).with_suffix("").parts
        nom = ".".join(parties[:-1] if parties[-1] == "__init__" else parties)
        modules[nom] = fichier
    graphe = {nom: {m for m in _imports(f) if m in modules and m != nom} for nom, f in modules.items()}
    etat: dict[str, int] = {}

    def visiter(nom, chemin):
        etat[nom] = 1
        for suivant in graphe[nom]:
            assert etat.get(suivant) != 1, " → ".join([*chemin, nom, suivant])
            if suivant not in etat:
                visiter(suivant, [*chemin, nom])
        etat[nom] = 2

    for nom in graphe:
        if nom not in etat:
            visiter(nom, [])


def test_un_entretien_et_ses_versions_ont_le_meme_contenu_declare_une_fois():
    """ContenuEntretien holds the columns of both tables; the correctable fields are exactly them."""
    from cipdesk.parcours.entretiens.models import ContenuEntretien, Entretien, EntretienVersion
    from cipdesk.parcours.entretiens.rules import CHAMPS_CORRIGEABLES

    contenu = {nom.removesuffix("_chiffre") for nom in ContenuEntretien.__annotations__}
    assert set(CHAMPS_CORRIGEABLES) == contenu
    for modele in (Entretien, EntretienVersion):
        colonnes = {c.name.removesuffix("_chiffre") for c in modele.__table__.c}
        assert contenu <= colonnes, modele
