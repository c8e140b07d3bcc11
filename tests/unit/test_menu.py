"""The main menu is read from the module contract: a module adds its entry in its own
module.py (no edit of base.html), visible by a question of the policy."""
from __future__ import annotations

from types import SimpleNamespace

from cipdesk.core.contrat import EntreeDeMenu, Module, Registre


def _registre(*modules):
    registre = Registre()
    registre.installer(modules)
    return registre


def test_menu_ordonne_filtre_et_page_courante():
    conseiller, admin = SimpleNamespace(role="conseiller"), SimpleNamespace(role="admin")
    registre = _registre(
        Module(code="a", titre="A", menu=(
            EntreeDeMenu("Accueil", "a.accueil", lambda u: True, ordre=0),
            EntreeDeMenu("File active", "a.file", lambda u: u.role == "conseiller", ordre=10, actif=("a.",)))),
        Module(code="pratique", titre="Pratique", menu=(
            EntreeDeMenu("Analyse de pratique", "pratique.index", lambda u: u.role == "conseiller", ordre=5,
                         actif=("pratique.",)),)),
    )
    entrees = registre.menu(conseiller, "pratique.voir")
    assert [(e.libelle, courante) for e, courante in entrees] == [
        ("Accueil", False), ("Analyse de pratique", True), ("File active", False)]
    # the exact endpoint wins over a prefix (the home page is not « File active »)
    assert [c for _e, c in registre.menu(conseiller, "a.accueil")] == [True, False, False]
    assert [c for _e, c in registre.menu(conseiller, "a.fiche")] == [False, False, True]
    assert [e.libelle for e, _c in registre.menu(admin, None)] == ["Accueil"]


def test_chaque_section_construite_est_au_menu(app):
    """A built section of the home page (navigation with an endpoint) has its menu entry."""
    from cipdesk.core.contrat import registre

    menu = {e.endpoint for m in registre.modules for e in m.menu}
    sections = {n.endpoint for n in registre.navigation() if n.endpoint}
    assert sections <= menu, sections - menu
