"""The demo shows an import waiting for its decisions: three new people and a conflict."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from cipdesk.tableur.models import EtatImport, ImportTableur


def test_demo_tableur(fabrique, ctx, nav):
    from cipdesk.tableur.demo import remplir_tableur

    s = fabrique.structure(ville="Arles")
    conseiller = fabrique.utilisateur(s, email="conseiller@demo.cipdesk.fr")
    fabrique.personne(s, referent=conseiller, nom="Durand", prenom="Léa", date_naissance=date(1988, 5, 2),
                      commune="Arles")
    remplir_tableur(ctx, seed=0, aujourd_hui=date(2026, 12, 1))
    remplir_tableur(ctx, seed=0, aujourd_hui=date(2026, 12, 1))  # idempotent
    ctx.commit()
    [imp] = ctx.scalars(select(ImportTableur)).all()
    assert imp.etat == EtatImport.ANALYSE
    assert [l["etat"] for l in imp.donnees["analyse"]] == ["nouveau", "nouveau", "nouveau", "conflit"]
    nav.connexion(conseiller.email)
    page = nav.get(f"/tableur/imports/{imp.id}").get_data(as_text=True)
    assert "Commune : « Arles » → « Roubaix »" in page and "Inês" in page
