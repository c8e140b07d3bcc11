"""Demo data of the accueil module: realistic caseloads (~25 people for Camille
Lefebvre and Yannick Dubois), accueils with urgencies (some still open),
diagnostics with several versions, synthèses, partners and orientations,
réunions d'information. Deterministic: Faker fr_FR and random seeded."""
from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from faker import Faker
from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.accueil.accueils import services
from cipdesk.accueil.diagnostic import services as services_diagnostic
from cipdesk.accueil.orientation import services as orientation
from cipdesk.accueil.reunions import services as reunions
from cipdesk.accueil.synthese import services as synthese
from cipdesk.comptes.models import Utilisateur
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.telephone import telephone_e164
# The demo builds people through the personnes module's own use case (demo data only;
# the accueil pages never create a person: personnes owns the form).
from cipdesk.personnes import services as personnes
from cipdesk.territoire.partenaires import services as partenaires
from cipdesk.territoire.partenaires.models import Partenaire

PARTENAIRES = (
    ("CCAS de Lille", "CCAS", ["ressources", "logement", "droits"], "Mme Leclercq"),
    ("SIAO du Nord — plateforme 115", "SIAO", ["logement"], "Permanence"),
    ("Auto-école sociale Mobil'Emploi", "Association", ["mobilite"], "M. Diallo"),
    ("Centre médico-psychologique Lille-Sud", "CMP", ["sante"], "Secrétariat"),
    ("Point conseil budget Nord", "PCB", ["ressources"], "Mme Vasseur"),
    ("Espace France Services Lille-Moulins", "France Services", ["droits", "numerique"], "Mme Benali"),
    ("Centre social Lazare Garreau", "Centre social", ["famille", "numerique", "savoirs_base"], "Mme Haddad"),
    ("Organisme de formation Lire & Écrire", "Organisme de formation", ["savoirs_base"], "M. Fontaine"),
    ("Relais petite enfance de Lille-Sud", "Relais petite enfance", ["famille", "disponibilite"], "Mme Caron"),
    ("SPIP du Nord — antenne de Lille", "SPIP", ["justice"], "Conseillère pénitentiaire"),
)

DEMANDES = (
    "Je cherche un travail, n'importe quoi, il faut que je paie mon loyer.",
    "Je voudrais une formation de cariste, j'ai déjà fait un peu de manutention.",
    "Mon conseiller France Travail m'a dit de venir. Je veux travailler dans l'aide à domicile.",
    "Je veux reprendre un emploi après mon congé parental, à temps partiel.",
    "J'ai besoin d'aide pour mon CV et pour savoir où postuler.",
    "Je voudrais passer le permis, sans voiture je ne peux pas accepter les postes.",
    "Je suis arrivé en France il y a deux ans, je veux apprendre le français et travailler.",
    "Je sors d'un long arrêt maladie, je ne sais pas quel métier je peux encore faire.",
)
COMMANDES = ("Accompagnement vers l'emploi dans le cadre du PLIE", "Levée des freins périphériques avant "
             "entrée en formation", "Contrat d'engagement RSA : diagnostic global et plan d'action", "")
PRESCRIPTEURS = ("France Travail — agence Lille Grand Palais", "Conseil départemental du Nord — UTPAS Lille",
                 "Mission locale de Lille", "CCAS de Lille", "")
COMMUNES = (("59000", "Lille"), ("59800", "Lille"), ("59260", "Hellemmes"), ("59100", "Roubaix"),
            ("59200", "Tourcoing"), ("59120", "Loos"))
URGENCES = {
    "hebergement": ("115 / SIAO", "Appel au 115 avec la personne : mise à l'abri pour trois nuits ; demande SIAO déposée."),
    "ressources": ("Restos du cœur, CCAS", "Orientation vers l'épicerie sociale ; aide alimentaire d'urgence du CCAS demandée."),
    "droits": ("CAF du Nord", "Appel à la CAF : pièce manquante identifiée, dossier RSA débloqué sous 8 jours."),
    "sante": ("PASS de l'hôpital", "Rendez-vous pris à la permanence d'accès aux soins de santé pour demain."),
    "violences": ("3919, assistante sociale de secteur", "Information sur le 3919 ; mise en lien avec l'assistante sociale de secteur."),
}
DIMENSIONS = {
    "emploi": ("Expérience en manutention et nettoyage, contrats courts.", "Ponctualité, expérience terrain",
               "Pas d'emploi depuis 18 mois", "Reprendre une activité régulière"),
    "formation": ("CAP non obtenu.", "Envie d'apprendre", "Pas de qualification reconnue", "Formation qualifiante courte"),
    "mobilite": ("Pas de permis, dépend des transports en commun.", "Pass Pass, vélo",
                 "Horaires décalés inaccessibles", "Permis B via l'auto-école sociale"),
    "logement": ("Hébergé·e chez un tiers.", "Soutien familial", "Hébergement précaire", "Demande de logement social"),
    "numerique": ("Smartphone uniquement.", "Utilise WhatsApp", "Pas d'accès à l'espace personnel France Travail",
                  "Atelier numérique"),
    "ressources": ("RSA, dettes de loyer.", "Gère un budget serré", "Dettes de loyer", "Point conseil budget"),
    "famille": ("Deux enfants de 3 et 7 ans.", "Entourage présent", "Pas de mode de garde le matin",
                "Recherche d'une place en crèche"),
    "confiance": ("Découragement après de nombreux refus.", "Souriant·e, motivé·e en entretien",
                  "Manque de confiance en soi", "Valoriser les réussites"),
    "sante": ("Douleurs de dos.", "Suivi médical régulier", "Port de charges déconseillé", "Visite de pré-reprise"),
}


def _ascii(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c)).lower()


def _mobile(rnd: random.Random) -> str:
    """A valid French mobile number (phonenumbers knows which ranges are allocated)."""
    while True:
        numero = f"0{rnd.choice('67')} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}"
        try:
            telephone_e164(numero)
            return numero
        except ErreurMetier:
            continue


def _partenaires(session: Session, conseiller: Utilisateur, rnd: random.Random) -> list[Partenaire]:
    liste = []
    for nom, type_, domaines, contact in PARTENAIRES:
        liste.append(partenaires.enregistrer_partenaire(session, par=conseiller, donnees=partenaires.DonneesPartenaire(
            nom=nom, type_partenaire=type_, domaines=domaines, contact_nom=contact,
            adresse=f"{rnd.randint(1, 120)} rue {rnd.choice(['Gambetta', 'de Douai', 'Pierre Legrand', 'du Faubourg de Béthune'])}, Lille",
            telephone=f"03 20 {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
            email=f"contact@{_ascii(nom).split()[0].replace(chr(39), '')}-demo.fr")))
    return liste


def _personne(session, fake, rnd, conseiller, aujourd_hui):
    sexe = rnd.choice(["femme", "homme"])
    prenom = fake.first_name_female() if sexe == "femme" else fake.first_name_male()
    nom = fake.last_name()
    naissance = aujourd_hui - timedelta(days=rnd.randint(18 * 365, 60 * 365))
    cp, commune = rnd.choice(COMMUNES)
    publics = rnd.sample(["rsa", "deld", "qpv", "rqth", "pays_tiers", "sans_abri", "justice"], rnd.randint(0, 2))
    age = (aujourd_hui - naissance).days // 365
    if age < 26:
        publics.append("jeune_moins_26")
    elif age >= 50:
        publics.append("senior")
    return personnes.creer_personne(session, par=conseiller, aujourd_hui=aujourd_hui, confirmer_doublon=True,
                                   donnees=personnes.DonneesPersonne(
                                       nom=nom, prenom=prenom, date_naissance=naissance, sexe=sexe,
                                       telephone=_mobile(rnd),
                                       email=f"{_ascii(prenom)}.{_ascii(nom)}@exemple.fr".replace(" ", "-"),
                                       adresse=fake.street_address(), code_postal=cp, commune=commune,
                                       niveau_formation=rnd.choice(["cite_0_2", "cite_0_2", "cite_3_4", "cite_5_8"]),
                                       # FSE+ situation at entry, without drawing from `rnd` (the rest of
                                       # the demo stays as it was): one person in five left « non renseigné »
                                       situation_marche_travail="chomeur_longue_duree" if "deld" in publics else
                                       ("chomeur", "chomeur", "inactif", "emploi", "inconnu")[len(nom + prenom) % 5],
                                       publics=publics, prescripteur=rnd.choice(PRESCRIPTEURS),
                                       commande_prescripteur=rnd.choice(COMMANDES)))


def _accueil(session, rnd, conseiller, personne, le, aujourd_hui, *, urgence=None, ouverte=False):
    reperages = []
    if urgence:
        contact, action = URGENCES[urgence]
        reperages.append(services.ReperageUrgence(urgence, reperee=True, contact="" if ouverte else contact,
                                                  action="" if ouverte else action, differee=ouverte))
    suite = rnd.choice(["entree_accompagnement"] * 4 + ["orientation", "a_definir"])
    rdv = aujourd_hui + timedelta(days=rnd.randint(1, 21)) if rnd.random() < 0.7 else None
    return services.enregistrer_accueil(session, par=conseiller, personne=personne, aujourd_hui=aujourd_hui,
                                        donnees=services.DonneesAccueil(
                                            date_accueil=le, mode=rnd.choice(["sur_place"] * 3 + ["telephone", "visio"]),
                                            demande_exprimee=rnd.choice(DEMANDES),
                                            commande_prescripteur=personne.commande_prescripteur,
                                            concordance="partielle" if personne.commande_prescripteur else "sans_commande",
                                            informations=rnd.sample(["offre_services", "ressources_territoire",
                                                                     "services_dematerialises", "droits", "rgpd"], 3),
                                            suite=suite, prochain_rdv_le=rdv, urgences=reperages))


def _diagnostic(session, rnd, conseiller, personne, debut, aujourd_hui, versions: int, brouillon: bool):
    codes = rnd.sample(list(DIMENSIONS), rnd.randint(4, 6))
    niveaux = {c: rnd.randint(1, 3) for c in codes}
    atouts = {c: rnd.randint(0, 2) for c in codes}
    le = debut
    for n in range(versions + (1 if brouillon else 0)):
        d = services_diagnostic.ouvrir_version(session, par=conseiller, personne=personne, le=le, aujourd_hui=aujourd_hui)
        saisies = []
        for code in codes:
            situation, atout, frein, besoin = DIMENSIONS[code]
            saisies.append(services_diagnostic.SaisieDimension(code, situation, atout, atouts[code], frein,
                                                               niveaux[code], besoin))
        services_diagnostic.enregistrer(session, par=conseiller, diagnostic=d, date_diagnostic=le,
                                        hypotheses="Lever d'abord le frein le plus bloquant, en parallèle d'une "
                                                   "immersion (PMSMP) dans le métier visé.",
                                        paroles_personne="« Je suis prêt·e à faire des efforts si on m'aide pour le reste. »",
                                        saisies=saisies, aujourd_hui=aujourd_hui, version=d.version)
        if n < versions:
            services_diagnostic.valider(session, par=conseiller, diagnostic=d, personne=personne, valide_le=le,
                                        mode=rnd.choice(["orale", "relecture", "signature"]), precisions="",
                                        aujourd_hui=aujourd_hui)
        # between versions: freins go down, atouts up — the distance parcourue
        for code in codes:
            niveaux[code] = max(0, niveaux[code] - rnd.choice([0, 0, 1, 1, 2]))
            atouts[code] = min(3, atouts[code] + rnd.choice([0, 1]))
        le = min(aujourd_hui, le + timedelta(days=rnd.randint(30, 60)))


def remplir_accueil(session: Session, *, seed: int = 20261123, **_options) -> None:
    emails = ("candidat@demo.cipdesk.fr", "conseiller@demo.cipdesk.fr", "conseillere.plie@demo.cipdesk.fr",
              "conseiller.arles@demo.cipdesk.fr")
    par_email = {u.email: u for u in session.scalars(select(Utilisateur).where(Utilisateur.email.in_(emails)))}
    if len(par_email) < len(emails):
        return
    camille, yannick, sophie, julien = (par_email[e] for e in emails)
    if session.scalar(select(Partenaire.id).where(Partenaire.structure_id == camille.structure_id)):
        return  # already built
    fake = Faker("fr_FR")
    fake.seed_instance(seed + 3)
    rnd = random.Random(seed + 3)
    aujourd_hui = date.today()
    partenaires = _partenaires(session, camille, rnd)
    for conseiller, nombre in ((camille, 25), (yannick, 25), (sophie, 12), (julien, 10)):
        personnes = []
        for i in range(nombre):
            p = _personne(session, fake, rnd, conseiller, aujourd_hui)
            personnes.append(p)
            debut = aujourd_hui - timedelta(days=rnd.randint(3, 200))
            urgence = rnd.choice(list(URGENCES)) if i % 6 == 1 else None
            accueil = _accueil(session, rnd, conseiller, p, debut, aujourd_hui, urgence=urgence,
                               ouverte=urgence is not None and i % 12 == 1)
            if i % 7 == 0:
                signaux.note_ecrite.send(session, auteur=conseiller, objet_type="accueil", objet_id=accueil.id,
                                  contenu="Évoque une situation familiale difficile ; à reprendre avec elle/lui "
                                          "lors du prochain entretien, sans insister.")
            if i % 10 < 7:  # diagnostics: 1 to 3 validated versions, sometimes a version in progress
                _diagnostic(session, rnd, conseiller, p, debut, aujourd_hui, versions=1 + i % 3, brouillon=i % 5 == 0)
            if i % 5 in (1, 3):
                s = synthese.ecrire_synthese(
                    session, par=conseiller, personne=p, date_entretien=min(aujourd_hui, debut + timedelta(days=7)),
                    objet="Entretien de diagnostic", faits=f"{p.prenom} a apporté son CV et ses derniers contrats. "
                    "Nous avons repris son parcours professionnel et ses contraintes horaires.",
                    paroles_personne=rnd.choice(DEMANDES), analyse="Motivation réelle ; la mobilité reste le "
                    "principal frein à court terme.", suites="Inscription à l'atelier CV ; rendez-vous dans deux semaines.",
                    analyse_partagee=i % 2 == 1, aujourd_hui=aujourd_hui)
                if i % 3:
                    synthese.enregistrer_partage(session, par=conseiller, synthese=s, le=s.date_entretien,
                                                       mode="main_propre", aujourd_hui=aujourd_hui)
            if i % 4 == 2 and conseiller.structure_id == camille.structure_id:
                partenaire = rnd.choice(partenaires)
                o = orientation.orienter(
                    session, par=conseiller, personne=p, partenaire=partenaire,
                    le=min(aujourd_hui, debut + timedelta(days=10)), motif=f"Mobiliser {partenaire.nom} pour lever un frein "
                    "repéré au diagnostic.", informations_transmises="Situation résumée et besoin identifié, avec son accord.",
                    consentement=True, consentement_le=min(aujourd_hui, debut + timedelta(days=10)),
                    consentement_mode="Accord oral en entretien, fiche relue ensemble", aujourd_hui=aujourd_hui)
                if i % 8 == 2:
                    orientation.enregistrer_reponse(session, par=conseiller, orientation=o,
                                                       reponse=rnd.choice(["acceptee", "acceptee", "refusee"]),
                                                       le=min(aujourd_hui, o.date_orientation + timedelta(days=5)),
                                                       commentaire="Rendez-vous proposé par le partenaire.",
                                                       aujourd_hui=aujourd_hui)
        if conseiller in (camille, yannick):
            reunion = reunions.creer_reunion(
                session, par=conseiller, le=aujourd_hui - timedelta(days=rnd.randint(10, 40)),
                lieu="Salle Jean Moulin, 12 rue Gambetta, Lille", animateurs=f"{conseiller.nom_complet}, Olivier Marchand",
                contenus=["structure", "dispositifs", "numerique"], contenus_precisions="Présentation du PLIE et de l'ACI.",
                aujourd_hui=aujourd_hui)
            for p, resultat in zip(personnes[:4], ("entree_accompagnement", "rdv_individuel", "orientation", "absent"),
                                   strict=True):
                reunions.ajouter_participant(session, par=conseiller, reunion=reunion, personne=p,
                                                   resultat=resultat, commentaire="")
    session.flush()
