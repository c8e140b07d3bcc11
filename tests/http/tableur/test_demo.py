"""The demo shows imports waiting for their decisions: three new people and a conflict; two new
partners and one already in the répertoire."""
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
    from cipdesk.territoire.partenaires import services as partenaires

    partenaires.enregistrer_partenaire(ctx, par=conseiller, donnees=partenaires.DonneesPartenaire(
        nom="CCAS de Roubaix", adresse="17 Grand-Rue, 59100 Roubaix", complet=True))
    remplir_tableur(ctx, seed=0, aujourd_hui=date(2026, 12, 1))
    remplir_tableur(ctx, seed=0, aujourd_hui=date(2026, 12, 1))  # idempotent
    ctx.commit()
    [imp] = ctx.scalars(select(ImportTableur).where(ImportTableur.liste == "personnes")).all()
    assert imp.etat == EtatImport.ANALYSE
    assert [l["etat"] for l in imp.donnees["analyse"]] == ["nouveau", "nouveau", "nouveau", "conflit"]
    nav.connexion(conseiller.email)
    page = nav.get(f"/tableur/imports/{imp.id}").get_data(as_text=True)
    assert "Commune : « Arles » → « Roubaix »" in page and "Inês" in page
    [imp] = ctx.scalars(select(ImportTableur).where(ImportTableur.liste == "partenaires")).all()
    assert [l["etat"] for l in imp.donnees["analyse"]] == ["nouveau", "nouveau", "conflit"]
    page = nav.get(f"/tableur/imports/{imp.id}").get_data(as_text=True)
    assert "Personne à contacter : «  » → « Sophie Lambert (nouvelle référente) »" in page
