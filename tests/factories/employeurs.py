"""Employeurs records: an entreprise with an exchange, a fiche de poste, an offer, a candidature,
a prospection action and an immersion, through the real services."""
from __future__ import annotations

from datetime import date


def objets_employeurs(ctx, monde) -> dict:
    """An entreprise with an exchange, a fiche, an offer, a candidature of the conseiller's
    person, and a prospection action (all in the first structure)."""
    from cipdesk.employeurs.candidatures.services import proposer
    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.employeurs.interactions.services import enregistrer_interaction
    from cipdesk.employeurs.offres import services as offres
    from cipdesk.employeurs.prospection.services import creer_action
    from tests.factories.fabrique import Fabrique

    j = date(2026, 1, 5)
    e = creer_entreprise(ctx, par=monde.conseiller, le=j, donnees={"raison_sociale": "Matrice SA",
                                                                    "siret": "73282932000074"})
    i = enregistrer_interaction(ctx, e, par=monde.conseiller, aujourd_hui=j, donnees={
        "nature": "appel", "le": j, "objet": "Appel", "prochaine_action": "Rappeler", "echeance": j})
    fiche = offres.rediger_fiche(ctx, e, par=monde.conseiller, aujourd_hui=j, donnees={
        "entretien_le": j, "besoin": "b", "intitule": "Cariste (H/F)", "missions": "m", "type_contrat": "cdi"})
    offre = offres.creer_offre(ctx, fiche, par=monde.conseiller, donnees={
        "intitule": "Cariste (H/F)", "texte": "CACES 3", "nombre_postes": 1, "ouverte_le": j, "cloture_le": None})
    personne = Fabrique(ctx, "").personne(monde.structure, referent=monde.conseiller)
    candidature = proposer(ctx, offre, personne, par=monde.conseiller, le=j, aujourd_hui=j, dans_le_perimetre=True)
    action = creer_action(ctx, par=monde.conseiller, le=j, donnees={
        "titre": "Logistique", "debut": j, "fin": date(2026, 6, 30), "objectifs": "o", "diagnostic_territoire": "d",
        "sources_diagnostic": "s", "cible_employeurs": "", "strategie": "", "outils": "", "pratiques_durables": ""},
        cibles={"contacts": 10, "visites": 4, "offres": 3, "placements": 2})
    from cipdesk.employeurs.entreprises.services import ajouter_contact
    from cipdesk.employeurs.immersions.services import creer_convention

    tuteur = ajouter_contact(ctx, e, par=monde.conseiller, donnees={
        "nom": "Tuteur", "role": "tuteur", "mode_prefere": "telephone", "telephone": "0490000000"})
    immersion = creer_convention(ctx, e, personne, par=monde.conseiller, dans_le_perimetre=True, donnees={
        "tuteur": tuteur, "prescripteur": "PLIE", "objectif": "decouvrir", "debut": j, "fin": date(2026, 1, 9),
        "horaires": "9 h–17 h", "lieu": "Lille", "taches": "t", "modalites_evaluation": "m"})
    ctx.commit()
    return {"immersion": immersion.id, "entreprise": e.id, "interaction": i.id, "fiche": fiche.id, "offre": offre.id,
            "candidature": candidature.id, "prospection": action.id}
