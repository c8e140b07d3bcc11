"""scripts/chiffrer_champs.py: re-applied after the model classes moved into
sub-packages, it rewrites each listed field wherever its class now lives, and a
second run changes nothing."""
from __future__ import annotations

import ast
import importlib.util
import subprocess
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
AVANT_CHIFFREMENT = "e409a83"  # the tree before issue #10 point 6: every field in clear
# old module → where the restructure may put it
DEPLACEMENTS = {
    "cipdesk/accueil/models.py": "cipdesk/accueil/accueil/models.py",
    "cipdesk/accueil/diagnostic_models.py": "cipdesk/accueil/diagnostic/models.py",
    "cipdesk/accueil/suivi_models.py": "cipdesk/accueil/suivi/models.py",
    "cipdesk/parcours/models.py": "cipdesk/parcours/contrat/models.py",
    "cipdesk/parcours/projet_models.py": "cipdesk/parcours/projet/models.py",
    "cipdesk/parcours/sortie_models.py": "cipdesk/parcours/sortie/models.py",
    "cipdesk/personnes/models.py": "cipdesk/personnes/models.py",
}


def _script():
    spec = importlib.util.spec_from_file_location("chiffrer_champs", RACINE / "scripts" / "chiffrer_champs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reapplique_apres_deplacement_des_modeles(tmp_path):
    script = _script()
    for ancien, nouveau in DEPLACEMENTS.items():
        source = subprocess.run(["git", "show", f"{AVANT_CHIFFREMENT}:{ancien}"], cwd=RACINE,
                                capture_output=True, text=True, check=True).stdout
        cible = tmp_path / nouveau
        cible.parent.mkdir(parents=True, exist_ok=True)
        cible.write_text(source, encoding="utf-8")
    # Only the models that existed before the encryption (later modules were born encrypted).
    presentes = script.trouver_classes(tmp_path)
    script.CHAMPS = {nom: v for nom, v in script.CHAMPS.items() if nom in presentes}
    changes = script.appliquer(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in changes} == set(DEPLACEMENTS.values())
    assert script.appliquer(tmp_path) == []  # idempotent
    for nouveau in DEPLACEMENTS.values():
        texte = (tmp_path / nouveau).read_text(encoding="utf-8")
        ast.parse(texte)
        assert "from cipdesk.security.chiffrement import TexteConfidentiel" in texte
    # Every field now in encrypted form, exactly as in this tree's own models.
    for nom, (_table, champs) in script.CHAMPS.items():
        ou = script.trouver_classes(tmp_path)[nom]
        classe = next(n for n in ast.parse(ou.read_text()).body if isinstance(n, ast.ClassDef) and n.name == nom)
        for champ in champs:
            assert script._deja_chiffre(classe, champ), f"{nom}.{champ}"
            assert script._declaration(classe, f"{champ}_chiffre") is not None


def test_champ_json_commentaire_et_imports():
    script = _script()
    source = (
        "from sqlalchemy import JSON, Date, String, Text\n"
        "from sqlalchemy.orm import Mapped, mapped_column\n\n\n"
        "class VersionContrat(Base):\n"
        "    motif: Mapped[str] = mapped_column(Text, default=\"\")  # pourquoi\n"
        "    termes: Mapped[dict] = mapped_column(JSON,\n"
        "                                         default=dict)\n"
        "    le: Mapped[date] = mapped_column(Date)\n"
    )
    apres = script.transformer_source(source, {"VersionContrat": ("motif", "termes")})
    assert "    motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # pourquoi\n" in apres
    assert "    termes = TexteConfidentiel(json=True)\n" in apres
    # Text and JSON no longer used: dropped; String is left alone (an unused import is harmless)
    assert apres.startswith("from sqlalchemy import Date, LargeBinary, String\n")
    assert script.transformer_source(apres, {"VersionContrat": ("motif", "termes")}) == apres


def test_champ_d_un_mixin_partage_par_deux_classes():
    """ContenuEntretien: a field declared once on a mixin is rewritten once, for both models."""
    script = _script()
    source = (
        "from sqlalchemy import Text\n"
        "from sqlalchemy.orm import Mapped, mapped_column\n\n\n"
        "class Contenu(TextesConfidentielsHerites):\n"
        "    synthese: Mapped[str] = mapped_column(Text, default=\"\")\n\n\n"
        "class Entretien(Contenu, Base):\n"
        "    __tablename__ = \"entretien\"\n\n\n"
        "class EntretienVersion(Contenu, Base):\n"
        "    __tablename__ = \"entretien_version\"\n"
    )
    champs = {"Entretien": ("synthese",), "EntretienVersion": ("synthese",)}
    apres = script.transformer_source(source, champs)
    assert apres.count("synthese = TexteConfidentiel()") == 1
    assert "    synthese_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)\n" in apres
    assert script.transformer_source(apres, champs) == apres
