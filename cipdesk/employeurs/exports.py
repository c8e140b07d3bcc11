"""The employer base and the candidatures as spreadsheets (issue #19). The base is shared
within the structure (issue #13); a candidature names a person: those of the reader's
perimeter only."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.offres.models import Offre
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import file_partagee, restreindre

ENTREPRISES = (C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("raison_sociale", "Raison sociale"),
               C("enseigne", "Enseigne"), C("siret", "SIRET"), C("siren", "SIREN"), C("naf", "Code NAF"),
               C("effectif", "Effectif"), C("secteur", "Secteur"), C("adresse", "Adresse"),
               C("code_postal", "Code postal"), C("commune", "Commune"), C("telephone", "Téléphone"),
               C("email", "Courriel"), C("site", "Site"))
CANDIDATURES = (C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("nom", "Nom"),
                C("prenom", "Prénom"), C("offre", "Offre"), C("entreprise", "Entreprise"), C("etat", "État"),
                C("etat_depuis", "Depuis le", "date"), C("motif_refus", "Motif de refus"),
                C("proposee_par", "Proposée par"))


def lignes_entreprises(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    requete = (select(Entreprise.id, Entreprise.raison_sociale, Entreprise.enseigne, Entreprise.siret,
                      Entreprise.siren, Entreprise.naf_code, Entreprise.tranche_effectif, Entreprise.secteur,
                      Entreprise.adresse, Entreprise.code_postal, Entreprise.commune, Entreprise.telephone,
                      Entreprise.email, Entreprise.site)
               .where(Entreprise.structure_id == utilisateur.structure_id)
               .order_by(Entreprise.nom_recherche, Entreprise.id))
    yield from session.execute(requete.execution_options(yield_per=1000))


def lignes_candidatures(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    par = aliased(Utilisateur)
    requete = (select(Candidature.id, Personne.nom, Personne.prenom, Offre.intitule, Entreprise.raison_sociale,
                      Candidature.etat, Candidature.etat_depuis, Candidature.motif_refus, par.prenom, par.nom)
               .join(Personne, Personne.id == Candidature.personne_id).join(Offre, Offre.id == Candidature.offre_id)
               .join(Entreprise, Entreprise.id == Offre.entreprise_id)
               .outerjoin(par, par.id == Candidature.proposee_par_id))
    requete = restreindre(requete, utilisateur, file_active_partagee=file_partagee(utilisateur))
    for r in session.execute(requete.order_by(Candidature.etat_depuis.desc(), Candidature.id)
                             .execution_options(yield_per=1000)):
        yield (*r[:8], f"{r[8]} {r[9]}" if r[9] else "")
