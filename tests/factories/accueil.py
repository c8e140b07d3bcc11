"""Accueil-module records (and the person, the partner they need), built through the real services."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.accueil.accueils import services
from cipdesk.accueil.diagnostic import services as services_diagnostic
from cipdesk.accueil.orientation import services as orientation
from cipdesk.accueil.reunions import services as reunions
from cipdesk.accueil.synthese import services as synthese
from cipdesk.personnes import services as personnes
from cipdesk.territoire.partenaires import services as partenaires

AUJOURDHUI = date.today()
HIER = AUJOURDHUI - timedelta(days=1)


def personne(ctx, conseiller, *, nom="Martin", prenom="Léa", naissance=date(1990, 5, 17), **kw):
    return personnes.creer_personne(ctx, par=conseiller, aujourd_hui=AUJOURDHUI, confirmer_doublon=True,
                                   donnees=personnes.DonneesPersonne(nom=nom, prenom=prenom,
                                                                    date_naissance=naissance, **kw))


def accueil(ctx, conseiller, p, *, urgence_ouverte=True, le=HIER):
    urgences = [services.ReperageUrgence("hebergement", reperee=True, differee=True)] if urgence_ouverte else []
    return services.enregistrer_accueil(ctx, par=conseiller, personne=p, aujourd_hui=AUJOURDHUI,
                                        donnees=services.DonneesAccueil(
                                            date_accueil=le, mode="sur_place",
                                            demande_exprimee="Je veux retrouver un travail.",
                                            suite="entree_accompagnement", urgences=urgences))


def diagnostic(ctx, conseiller, p, *, valider=False, freins=None):
    d = services_diagnostic.ouvrir_version(ctx, par=conseiller, personne=p, le=HIER, aujourd_hui=AUJOURDHUI)
    saisies = [services_diagnostic.SaisieDimension(code, freins=f"frein {code}", frein_niveau=niveau,
                                                   atouts="atout", atout_niveau=3 - niveau)
               for code, niveau in (freins or {"mobilite": 3, "logement": 2}).items()]
    services_diagnostic.enregistrer(ctx, par=conseiller, diagnostic=d, date_diagnostic=HIER, hypotheses="",
                                    paroles_personne="", saisies=saisies, aujourd_hui=AUJOURDHUI, version=d.version)
    if valider:
        services_diagnostic.valider(ctx, par=conseiller, diagnostic=d, personne=p, valide_le=HIER, mode="orale",
                                    precisions="", aujourd_hui=AUJOURDHUI)
    return d


def partenaire(ctx, conseiller, nom="CCAS de Roubaix"):
    return partenaires.enregistrer_partenaire(ctx, par=conseiller, donnees=partenaires.DonneesPartenaire(
        nom=nom, type_partenaire="CCAS", domaines=["logement"], telephone="03 20 00 00 00"))


def objets_accueil(ctx, monde) -> dict:
    """One record of each kind, owned by `monde.conseiller` (for the access matrix)."""
    c = monde.conseiller
    p = personne(ctx, c)
    a = accueil(ctx, c, p)
    d = diagnostic(ctx, c, p)
    s = synthese.ecrire_synthese(ctx, par=c, personne=p, date_entretien=HIER, objet="Premier entretien",
                                       faits="Faits", paroles_personne="", analyse="", suites="",
                                       analyse_partagee=False, aujourd_hui=AUJOURDHUI)
    pa = partenaire(ctx, c)
    o = orientation.orienter(ctx, par=c, personne=p, partenaire=pa, le=HIER, motif="Logement",
                                informations_transmises="", consentement=False, consentement_le=None,
                                consentement_mode="", aujourd_hui=AUJOURDHUI)
    r = reunions.creer_reunion(ctx, par=c, le=HIER, lieu="Salle 1", animateurs="", contenus=["structure"],
                                     contenus_precisions="", aujourd_hui=AUJOURDHUI)
    ctx.commit()
    return {"personne": p.id, "accueil": a.id, "urgence": a.urgences[0].id, "diagnostic": d.id, "synthese": s.id,
            "partenaire": pa.id, "orientation": o.id, "reunion": r.id}
