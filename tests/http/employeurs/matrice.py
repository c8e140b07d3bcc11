"""The Employeurs rows of the access matrix (tests/http/test_matrice_acces.py) and the
records they need. The employer base is shared within the structure (conseillers and
chefs read, conseillers write, the admin has no access); a candidature follows its
person's perimeter."""
from __future__ import annotations

from datetime import date

from tests.http.matrice_commune import INTERDIT, INTROUVABLE, LOGIN, OK  # noqa: F401
from tests.http.matrice_commune import lignes as _l
from tests.http.matrice_commune import tous as _tous


LISTE = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
CREER = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
VOIR = _tous(OK, anonyme=LOGIN, admin=INTERDIT, ailleurs=INTROUVABLE)
ECRIRE = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT, ailleurs=INTROUVABLE)
CAND_VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
CAND_ECRIRE = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)


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
    "employeurs.candidatures.delai": _l("/employeurs/candidatures/delai",
                                       ("GET", _tous(INTERDIT, anonyme=LOGIN, admin=OK)),
                                       ("POST", _tous(INTERDIT, anonyme=LOGIN, admin=OK))),
    "employeurs.mesures.liste": _l("/employeurs/mesures/", ("GET", _tous(OK, anonyme=LOGIN, ailleurs=OK)),
                                   ("POST", _tous(INTERDIT, anonyme=LOGIN, admin=OK))),
    "employeurs.mesures.offre": _l("/employeurs/mesures/offres/{offre}", ("POST", ECRIRE)),
    "employeurs.mesures.candidature": _l("/employeurs/mesures/candidatures/{candidature}", ("POST", CAND_ECRIRE)),
    "employeurs.profils.voir": _l("/employeurs/personnes/{personne}", ("GET", CAND_VOIR)),
    "employeurs.profils.enregistrer": _l("/employeurs/personnes/{personne}", ("POST", CAND_ECRIRE)),
}
