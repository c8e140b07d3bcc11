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


def test_les_contrats_d_imports_sont_tenus():
    # In a process of its own: import-linter reconfigures logging, which other tests read.
    resultat = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                               "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"],
        cwd=RACINE, capture_output=True, text=True, timeout=300)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert "0 broken" in resultat.stdout, resultat.stdout


def test_chaque_module_metier_est_sous_contrat():
    """A new domain package (with its module.py) must join the contracts' lists."""
    domaines = {f"cipdesk.{p.parent.name}" for p in (RACINE / "cipdesk").glob("*/module.py")}
    contrats = _contrats()
    assert domaines == set(contrats["domaines"]["modules"])
    assert domaines == set(contrats["socle"]["forbidden_modules"])


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
