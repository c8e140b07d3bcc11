"""The page count of a part is laid out again only when what is laid out changed."""
from __future__ import annotations

from cipdesk.dossier import preparation
from cipdesk.dossier.brouillon.commun import Bloc
from cipdesk.dossier.pdf import PartieMiseEnPage


def test_pages_recomptees_seulement_si_le_texte_change(monkeypatch):
    appels = []
    vrai = preparation.pages_de_la_partie
    monkeypatch.setattr(preparation, "pages_de_la_partie", lambda p, t: appels.append(1) or vrai(p, t))
    partie = PartieMiseEnPage(2, "Deuxième partie", ["CP6 — Contractualiser"], "Introduction unique 7f3a.",
                              [Bloc("b", "Titre", ["Un paragraphe."])])
    n = preparation.pages_comptees(partie, "Dossier")
    assert preparation.pages_comptees(partie, "Dossier") == n and len(appels) == 1
    long = PartieMiseEnPage(2, "Deuxième partie", ["CP6 — Contractualiser"], "Introduction unique 7f3a.",
                            [Bloc("b", "Titre", ["Un paragraphe bien plus long. " * 400])])
    assert preparation.pages_comptees(long, "Dossier") > n and len(appels) == 2
