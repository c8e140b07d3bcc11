"""Proof of issue #16: the demo candidat's complete draft — every part ready, each within
its budget, 32–42 pages in all — exported at /dossier/titre.pdf and read back with a PDF
reader (pdftotext): pages counted per part from the running headers, no blank page."""
from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.slow


def test_le_brouillon_de_la_demo_est_complet_et_dans_ses_budgets(base_demo, nav, ctx, tmp_path):
    from sqlalchemy import select

    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.dates import aujourdhui
    from cipdesk.demo import MOT_DE_PASSE_DEMO
    from cipdesk.dossier import preparation
    from cipdesk.referentiel import get_referentiel

    camille = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "candidat@demo.cipdesk.fr"))
    ref = get_referentiel(camille.profil_candidat.referentiel_code)
    vue = preparation.dossier(ctx, camille, ref, aujourdhui())
    for p in vue.parties:
        assert p.etat.prete, (p.numero, [(e.regle.ident, e.manque) for e in p.etat.regles if not e.tenue],
                              [c.code for c in p.etat.competences if not c.tenue])
    assert vue.pret and not vue.restes
    ctx.commit()  # the reads are journalled: release the database before the request

    nav.connexion("candidat@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    reponse = nav.get("/dossier/titre.pdf")
    assert reponse.status_code == 200 and reponse.mimetype == "application/pdf"
    chemin = tmp_path / "dossier.pdf"
    chemin.write_bytes(reponse.data)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    feuilles = texte.split("\f")[:-1]
    entetes = ["Dossier du titre professionnel CIP — " + p.propre.titre for p in vue.parties]
    comptes = {}
    for p, entete in zip(vue.parties, entetes, strict=True):
        comptes[p.numero] = sum(1 for f in feuilles if " ".join(f.split()[:40]).startswith(" ".join(entete.split())))
    total = 0
    for p in vue.parties:
        d = p.definition
        assert d.pages_min <= comptes[p.numero] <= d.pages_max, (p.numero, comptes[p.numero], d.pages_min, d.pages_max)
        assert comptes[p.numero] == p.pages   # the on-screen estimate is the real count
        total += comptes[p.numero]
    assert 32 <= total <= 42 and total == vue.total
    # No blank page: after the cover and the table of contents, every page of a part holds text
    # beyond its running header and its page number.
    for f in feuilles[2:2 + total]:
        lignes = [l for l in f.splitlines() if l.strip()]
        assert len(lignes) >= 3, lignes   # running header, text, page number
    assert "page 1" in feuilles[2].splitlines()[-1] or "page 1" in feuilles[2]
    assert "Première partie" in feuilles[2]
    (tmp_path / "../dossier-demo.pdf").resolve().write_bytes(reponse.data)  # kept for a look (pdftoppm)

    # The DP: no blank page after its table of contents either.
    dp = nav.get("/dossier/dp.pdf")
    assert dp.status_code == 200
    (tmp_path / "dp.pdf").write_bytes(dp.data)
    texte_dp = subprocess.run(["pdftotext", "-layout", str(tmp_path / "dp.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
    for f in texte_dp.split("\f")[2:-1]:
        assert len([l for l in f.splitlines() if l.strip()]) > 3, f
