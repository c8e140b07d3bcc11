"""The cast of the Employeurs tests: the access world, an entreprise, a fiche, an offer."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

SIRET = "73282932000074"


@pytest.fixture
def emp(fabrique, ctx):
    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.employeurs.offres import services as offres
    from cipdesk.personnes.models import StatutPersonne

    monde = fabrique.monde()
    aujourd_hui = date.today()
    entreprise = creer_entreprise(ctx, par=monde.conseiller, le=aujourd_hui, donnees={
        "raison_sociale": "Boulangerie du Forum", "siret": SIRET, "naf_code": "10.71C", "commune": "Arles"})
    autre = creer_entreprise(ctx, par=monde.conseiller_ailleurs, le=aujourd_hui, donnees={
        "raison_sociale": "Transports du Rhône", "siret": "35600000000048", "commune": "Lyon"})
    fiche = offres.rediger_fiche(ctx, entreprise, par=monde.conseiller, aujourd_hui=aujourd_hui, donnees={
        "entretien_le": aujourd_hui - timedelta(days=3), "besoin": "Renfort pour la saison", "intitule": "Vendeur",
        "missions": "Vente au comptoir", "type_contrat": "cdd", "rome_code": "D1106"})
    offre = offres.creer_offre(ctx, fiche, par=monde.conseiller, donnees={
        "intitule": "Vendeur", "texte": "Jeune et dynamique, bonne présentation.", "nombre_postes": 1,
        "ouverte_le": aujourd_hui - timedelta(days=2), "cloture_le": None})
    ctx.commit()
    monde.personne = fabrique.personne(monde.structure, referent=monde.conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    monde.personne_collegue = fabrique.personne(monde.structure, referent=monde.collegue,
                                                statut=StatutPersonne.ACCOMPAGNEE)
    monde.entreprise, monde.autre_entreprise, monde.fiche, monde.offre = entreprise, autre, fiche, offre
    monde.aujourd_hui = aujourd_hui
    return monde
