"""The architecture, enforced (issue #9, point 7): the import-linter contracts of
pyproject.toml run in the suite, hence in CI. `lint-imports` runs them alone."""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

RACINE = Path(__file__).resolve().parents[2]
PYPROJECT = RACINE / "pyproject.toml"


def _contrats() -> dict[str, dict]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def test_les_contrats_d_imports_sont_tenus(capsys, monkeypatch):
    monkeypatch.chdir(RACINE)
    code = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    sortie = capsys.readouterr().out
    assert code == 0, sortie
    assert "0 broken" in sortie, sortie


def test_chaque_module_metier_est_sous_contrat():
    """A new domain package (with its module.py) must join the contracts' lists."""
    domaines = {f"cipdesk.{p.parent.name}" for p in (RACINE / "cipdesk").glob("*/module.py")}
    contrats = _contrats()
    assert domaines == set(contrats["domaines"]["modules"])
    assert domaines == set(contrats["socle"]["forbidden_modules"])


def test_chaque_exception_dit_pourquoi():
    """Every tolerated import is today's debt, marked for the integrator; only the two
    rules (another domain's models and queries) are permanent."""
    permanentes = {"cipdesk.** -> cipdesk.**.models", "cipdesk.** -> cipdesk.**.queries"}
    texte = PYPROJECT.read_text(encoding="utf-8")
    section = texte[texte.index("[tool.importlinter]"):]
    for ligne in section.splitlines():
        trouve = re.match(r'\s*"([^"]+ -> [^"]+)",?\s*(#.*)?$', ligne)
        if trouve and trouve.group(1) not in permanentes:
            assert trouve.group(2) and "TODO(restructuration)" in trouve.group(2), ligne
    assert os.path.isdir(RACINE / "bench")  # the benchmark lives outside the app package
