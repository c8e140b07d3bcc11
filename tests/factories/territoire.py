"""Builders of the territoire module (issue #15), through the real services."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.territoire.partenaires import services as partenaires
from cipdesk.territoire.profil import services as profil
from cipdesk.territoire.profil.rules import Chiffre
from cipdesk.territoire.reseau import services as reseau
from cipdesk.territoire.veille import services as veille

AUJOURDHUI = date.today()


def chiffre(libelle="Taux de chômage", valeur="9.4", source="France Travail", le=date(2026, 3, 31), theme="economique"):
    return Chiffre(theme, libelle, valeur, "%", source, le)


def version_territoire(ctx, par, *, numero_lu=0, territoire="Bassin d'emploi de Lille", chiffres=None, forces="Logistique"):
    return profil.enregistrer_version(ctx, par=par, numero_lu=numero_lu, le=AUJOURDHUI, donnees=profil.DonneesTerritoire(
        territoire=territoire, chiffres=[chiffre()] if chiffres is None else chiffres, forces=forces))


def fiche_veille(ctx, par, *, titre="Contrat d'engagement jeune", echeance=None, etiquettes=("jeunes",),
                 date_fiche=AUJOURDHUI - timedelta(days=10)):
    return veille.enregistrer_fiche(ctx, par=par, aujourd_hui=AUJOURDHUI, donnees=veille.DonneesFiche(
        titre=titre, nature="dispositif", source="Ministère du Travail", date_fiche=date_fiche,
        resume="Accompagnement intensif", echeance=echeance, etiquettes=list(etiquettes)))


def objets_territoire(ctx, monde) -> dict:
    """One record of each kind, owned by `monde.conseiller` (for the access matrix)."""
    c = monde.conseiller
    f = fiche_veille(ctx, c)
    pa = partenaires.enregistrer_partenaire(ctx, par=c, donnees=partenaires.DonneesPartenaire(
        nom="Mission locale de la matrice", domaines=["emploi"]))
    contact = partenaires.ajouter_contact(ctx, par=c, partenaire=pa, nom="Mme Contact", role="Référente")
    ref = reseau.ajouter_reference(ctx, par=c, sujet="CEJ")
    ctx.commit()
    return {"fiche_veille": f.id, "contact_partenaire": contact.id, "reference_equipe": ref.id}
