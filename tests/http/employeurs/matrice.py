"""The Employeurs rows of the access matrix (tests/http/test_matrice_acces.py) and the
records they need. The employer base is shared within the structure (conseillers and
chefs read, conseillers write, the admin has no access); a candidature follows its
person's perimeter."""
from __future__ import annotations

from datetime import date

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def _tous(valeur, **exceptions):
    return {role: exceptions.get(role, valeur) for role in ROLES}


LISTE = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
CREER = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
VOIR = _tous(OK, anonyme=LOGIN, admin=INTERDIT, ailleurs=INTROUVABLE)
ECRIRE = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT, ailleurs=INTROUVABLE)
CAND_VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
CAND_ECRIRE = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)


def _l(url, *methodes):
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes]


MATRICE_EMPLOYEURS = {
    "employeurs.index": _l("/employeurs/", ("GET", LISTE)),
    "employeurs.entreprises.liste": _l("/employeurs/entreprises/", ("GET", LISTE)),
    "employeurs.entreprises.export": _l("/employeurs/entreprises/export.xlsx", ("GET", LISTE)),
    "employeurs.entreprises.nouvelle": _l("/employeurs/entreprises/nouvelle", ("GET", CREER), ("POST", CREER)),
    "employeurs.entreprises.voir": _l("/employeurs/entreprises/{entreprise}", ("GET", VOIR)),
    "employeurs.entreprises.modifier": _l("/employeurs/entreprises/{entreprise}/modifier", ("GET", ECRIRE),
                                          ("POST", ECRIRE)),
    "employeurs.entreprises.nouveau_contact": _l("/employeurs/entreprises/{entreprise}/contacts/nouveau",
                                                 ("GET", ECRIRE), ("POST", ECRIRE)),
    "employeurs.interactions.nouveau": _l("/employeurs/echanges/entreprises/{entreprise}/nouveau", ("GET", ECRIRE),
                                          ("POST", ECRIRE)),
    "employeurs.interactions.faite": _l("/employeurs/echanges/{interaction}/faite", ("GET", ECRIRE),
                                        ("POST", ECRIRE)),
    "employeurs.offres.liste": _l("/employeurs/offres/", ("GET", LISTE)),
    "employeurs.offres.nouvelle_fiche": _l("/employeurs/offres/entreprises/{entreprise}/fiche", ("GET", ECRIRE),
                                           ("POST", ECRIRE)),
    "employeurs.offres.fiche": _l("/employeurs/offres/fiches/{fiche}", ("GET", VOIR)),
    "employeurs.offres.nouvelle_offre": _l("/employeurs/offres/fiches/{fiche}/offre", ("GET", ECRIRE),
                                           ("POST", ECRIRE)),
    "employeurs.offres.voir": _l("/employeurs/offres/{offre}", ("GET", VOIR)),
    "employeurs.offres.modifier": _l("/employeurs/offres/{offre}/modifier", ("GET", ECRIRE), ("POST", ECRIRE)),
    "employeurs.offres.justifier": _l("/employeurs/offres/{offre}/justifications", ("POST", ECRIRE)),
    "employeurs.offres.diffuser": _l("/employeurs/offres/{offre}/diffusion", ("POST", ECRIRE)),
    "employeurs.offres.changer_statut": _l("/employeurs/offres/{offre}/statut", ("POST", ECRIRE)),
    "employeurs.candidatures.liste": _l("/employeurs/candidatures/", ("GET", LISTE)),
    "employeurs.candidatures.nouvelle": _l("/employeurs/candidatures/offres/{offre}/nouvelle", ("GET", ECRIRE),
                                           ("POST", ECRIRE)),
    "employeurs.candidatures.voir": _l("/employeurs/candidatures/{candidature}", ("GET", CAND_VOIR)),
    "employeurs.candidatures.etape": _l("/employeurs/candidatures/{candidature}/etape", ("POST", CAND_ECRIRE)),
    "employeurs.immersions.liste": _l("/employeurs/immersions/", ("GET", LISTE)),
    "employeurs.immersions.nouvelle": _l("/employeurs/immersions/entreprises/{entreprise}/nouvelle", ("GET", ECRIRE),
                                         ("POST", ECRIRE)),
    "employeurs.immersions.voir": _l("/employeurs/immersions/{immersion}", ("GET", CAND_VOIR)),
    "employeurs.immersions.convention_pdf": _l("/employeurs/immersions/{immersion}/convention.pdf",
                                               ("GET", CAND_VOIR)),
    "employeurs.immersions.changer_statut": _l("/employeurs/immersions/{immersion}/statut", ("POST", CAND_ECRIRE)),
    "employeurs.immersions.bilan": _l("/employeurs/immersions/{immersion}/bilan", ("POST", CAND_ECRIRE)),
    "employeurs.prospection.liste": _l("/employeurs/prospection/", ("GET", LISTE)),
    "employeurs.prospection.nouvelle": _l("/employeurs/prospection/nouvelle", ("GET", CREER), ("POST", CREER)),
    "employeurs.prospection.voir": _l("/employeurs/prospection/{prospection}", ("GET", VOIR)),
    "employeurs.prospection.indicateurs_xlsx": _l("/employeurs/prospection/{prospection}/indicateurs.xlsx",
                                                  ("GET", VOIR)),
    "employeurs.prospection.cibler": _l("/employeurs/prospection/{prospection}/cibles", ("POST", ECRIRE)),
    "employeurs.prospection.evaluer": _l("/employeurs/prospection/{prospection}/evaluation", ("POST", ECRIRE)),
}


def objets_employeurs(ctx, monde) -> dict:
    """An entreprise with an exchange, a fiche, an offer, a candidature of the conseiller's
    person, and a prospection action (all in the first structure)."""
    from cipdesk.employeurs.candidatures.services import proposer
    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.employeurs.interactions.services import enregistrer_interaction
    from cipdesk.employeurs.offres import services as offres
    from cipdesk.employeurs.prospection.services import creer_action
    from tests.factories import Fabrique

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
