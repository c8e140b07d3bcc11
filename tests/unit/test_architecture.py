"""The architecture, enforced (issue #9, point 7): the import-linter contracts of
pyproject.toml run in the suite, hence in CI. `lint-imports` runs them alone."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
PYPROJECT = RACINE / "pyproject.toml"


def _contrats() -> dict[str, dict]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def _domaines() -> list[str]:
    """The domain packages: every top-level package of cipdesk with a module.py."""
    return sorted(f"cipdesk.{p.parent.name}" for p in (RACINE / "cipdesk").glob("*/module.py"))


def _toml(valeur) -> str:
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, str):
        return '"' + valeur.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "[" + ", ".join(_toml(v) for v in valeur) + "]"


def _configuration_calculee(dossier: Path) -> Path:
    """pyproject's contracts, with the two lists of domains computed from the packages that
    declare a module.py: adding a module never means editing these lists by hand."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    domaines = _domaines()
    lignes = ["[tool.importlinter]", f"root_packages = {_toml(config['root_packages'])}"]
    for contrat in config["contracts"]:
        contrat = dict(contrat)
        if contrat["id"] == "domaines":
            contrat["modules"] = domaines
        if contrat["id"] == "socle":
            contrat["forbidden_modules"] = domaines
        lignes += ["", "[[tool.importlinter.contracts]]"] + [f"{cle} = {_toml(v)}" for cle, v in contrat.items()]
    chemin = dossier / "contrats.toml"
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    return chemin


def test_les_contrats_d_imports_sont_tenus(tmp_path):
    config = _configuration_calculee(tmp_path)
    # In a process of its own: import-linter reconfigures logging, which other tests read.
    resultat = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                               f"sys.exit(lint_imports(config_filename={str(config)!r}, no_cache=True, no_logo=True))"],
        cwd=RACINE, capture_output=True, text=True, timeout=300)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert "0 broken" in resultat.stdout, resultat.stdout
    for domaine in _domaines():
        assert domaine in config.read_text(encoding="utf-8")


def test_chaque_exception_dit_pourquoi():
    """No tolerated debt left: the only exceptions are the rules themselves (another
    domain's models and queries) and a few permanent ones, each explained by the
    comment above it. A new exception must join this list, with its reason."""
    regles = {"cipdesk.** -> cipdesk.**.models", "cipdesk.** -> cipdesk.**.queries"}
    permanentes = {
        "cipdesk.** -> cipdesk.referentiel",       # the REAC / RC as data, read like the core
        "cipdesk.*.demo -> cipdesk.**.services",   # demo generators go through the real use cases
    }
    texte = PYPROJECT.read_text(encoding="utf-8")
    section = texte[texte.index("[tool.importlinter]"):]
    assert "TODO" not in section
    precedente = ""
    for ligne in section.splitlines():
        trouve = re.match(r'\s*"([^"]+ -> [^"]+)",?\s*(#.*)?$', ligne)
        if trouve:
            assert trouve.group(1) in regles | permanentes, ligne
            if trouve.group(1) in permanentes:
                assert precedente.strip().startswith("#"), f"{ligne} : dites pourquoi dans un commentaire"
        precedente = ligne
    assert os.path.isdir(RACINE / "bench")  # the benchmark lives outside the app package
