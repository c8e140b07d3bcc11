"""Titre CIP TP-00403 révisé (niveau 5, RNCP37274) : intitulés de la fiche du titre, critères du REAC/RC 2018.

Source des intitulés : seeds/fiche_titre_CIP_resume.txt (fiche du titre, JO modificatif du
1er décembre 2022). Ce qui diffère de la version « reac-2018 » :

- niveau : « 5 » au lieu de « III (Nomenclature de 1969) » ;
- CP1 : « Informer une personne ou un groupe des ressources en matière d'insertion et des services
  dématérialisés » (2018 : « … sur les ressources … et les services dématérialisés ») ;
- CP15 : « Inscrire ses actes professionnels dans une démarche de développement durable et
  inclusive » (2018 : sans « et inclusive ») ;
- activité type 3 et CCP3 : « Mettre en œuvre » (2018 : « Mettre en oeuvre »), même libellé sinon.

Les autres intitulés (activités types 1 et 2, CP2 à CP14, CT1) sont identiques dans la fiche. La
fiche ne donne ni les descriptions, ni les critères de performance ou d'évaluation, ni les
productions écrites, ni le numéro de millésime : ils sont repris de la version 2018 faute de REAC et
de RC 2023 dans les sources ; le millésime porte l'année de révision.
"""

from __future__ import annotations

from dataclasses import replace

from .modele import Referentiel
from .reac_2018 import REFERENTIEL_2018

_INTITULES_COMPETENCES_2023 = {
    "CP1": "Informer une personne ou un groupe des ressources en matière d'insertion et des services dématérialisés",
    "CP15": "Inscrire ses actes professionnels dans une démarche de développement durable et inclusive",
}

_INTITULES_ACTIVITES_2023 = {
    3: "Mettre en œuvre une offre de services auprès des employeurs pour favoriser l'insertion professionnelle",
}

_PRODUCTIONS_PAR_ACTIVITE = {"CCP1": 1, "CCP2": 2, "CCP3": 3}


def _construire() -> Referentiel:
    competences = tuple(
        replace(c, intitule=_INTITULES_COMPETENCES_2023[c.code]) if c.code in _INTITULES_COMPETENCES_2023 else c
        for c in REFERENTIEL_2018.competences
    )
    activites = tuple(
        replace(a, intitule=_INTITULES_ACTIVITES_2023[a.numero]) if a.numero in _INTITULES_ACTIVITES_2023 else a
        for a in REFERENTIEL_2018.activites
    )
    intitules_activites = {a.numero: a.intitule for a in activites}
    productions = tuple(
        replace(p, intitule=intitules_activites[_PRODUCTIONS_PAR_ACTIVITE[p.code]])
        if p.code in _PRODUCTIONS_PAR_ACTIVITE
        else p
        for p in REFERENTIEL_2018.productions
    )
    return replace(
        REFERENTIEL_2018,
        code="titre-2023",
        # Provisional (issue #16, « Also fix »): neither the REAC nor the RC of 2023 is in the seeds;
        # every label, list and cover that shows this version says so.
        millesime="2023",
        niveau="5",
        source=(
            "Fiche du titre professionnel CIP (niveau 5, JO modificatif du 1er décembre 2022 ; RNCP37274) "
            "pour les intitulés ; REAC et RC TP-00403 millésime 07 (2018) pour les descriptions, "
            "les critères et les productions écrites"
        ),
        activites=activites,
        competences=competences,
        productions=productions,
        provisoire=(
            "Version provisoire : le REAC et le RC du titre révisé ne sont pas dans les sources de cipdesk. "
            "Seuls les intitulés viennent de la fiche du titre (2022) ; descriptions, critères de performance "
            "et productions écrites sont ceux du REAC et du RC de 2018. Vérifiez-les auprès de votre centre "
            "de formation ou de la DREETS avant de vous y fier."
        ),
    )


REFERENTIEL_2023: Referentiel = _construire()
