"""Demo data of the territoire module: the profiles of the two demo structures (Lille,
Arles), their territory profile (figures marked « valeur de démonstration »: plausible,
not official), veille fiches, partner fiches completed, the team's references."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import registre
from cipdesk.territoire.partenaires import services as partenaires
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.territoire.profil import services as profil
from cipdesk.territoire.profil.models import VersionTerritoire
from cipdesk.territoire.profil.rules import Chiffre
from cipdesk.territoire.reseau import services as reseau
from cipdesk.territoire.structure import services as structure
from cipdesk.territoire.veille import services as veille

STRUCTURES = {
    "chef@demo.cipdesk.fr": structure.DonneesProfil(
        statut="Association loi 1901, conventionnée atelier et chantier d'insertion (ACI) ; porteuse du PLIE",
        missions="Accueillir, accompagner et salarier en parcours d'insertion des personnes éloignées de l'emploi ; "
                 "animer le PLIE de la métropole (accompagnement renforcé des allocataires du RSA et des DELD).",
        offre_services="Accueil et diagnostic partagé ; accompagnement socio-professionnel individuel ; ateliers "
                       "collectifs (techniques de recherche d'emploi, numérique, mobilité) ; mises en situation de "
                       "travail (espaces verts, second œuvre du bâtiment) ; relation employeurs et appui au recrutement.",
        financeurs="État (DDETS) — aide au poste ACI\nDépartement du Nord — accompagnement des allocataires du RSA\n"
                   "Fonds social européen (FSE+) — PLIE\nMétropole européenne de Lille — PLIE, clauses sociales",
        publics="Adultes allocataires du RSA, demandeurs d'emploi de longue durée, habitants des quartiers "
                "prioritaires ; orientés par France Travail, le Département et les CCAS.",
        modalites_accueil="Accueil sans rendez-vous le lundi matin, sur rendez-vous les autres jours ; deux lieux "
                          "(Lille-Moulins, Lille-Sud) ; entretiens à distance possibles.",
        equipe="Un chef de service, six conseillères et conseillers en insertion professionnelle, deux encadrants "
               "techniques, une chargée de relations entreprises."),
    "chef.arles@demo.cipdesk.fr": structure.DonneesProfil(
        statut="Association loi 1901, mission locale",
        missions="Accompagner les jeunes de 16 à 25 ans dans leur insertion professionnelle et sociale.",
        offre_services="Contrat d'engagement jeune (CEJ), parrainage, accès à la formation, santé, logement, mobilité.",
        financeurs="État — CEJ, PACEA\nRégion Sud — accès à la formation\nCommunauté d'agglomération ACCM",
        publics="Jeunes de 16 à 25 ans du Pays d'Arles, dont jeunes des quartiers prioritaires et des communes rurales.",
        modalites_accueil="Siège à Arles, permanences à Tarascon et Saint-Martin-de-Crau.",
        equipe="Une cheffe de service, huit conseillers, une chargée de projet mobilité."),
}

SOURCE_INSEE = "INSEE, recensement de la population (valeur de démonstration)"
SOURCE_FT = "France Travail, statistiques du marché du travail (valeur de démonstration)"
SOURCE_BMO = "Enquête Besoins en main-d'œuvre (BMO) (valeur de démonstration)"


def _chiffres(lignes) -> list[Chiffre]:
    return [Chiffre(theme, libelle, valeur, unite, source, date_source, demo=True)
            for theme, libelle, valeur, unite, source, date_source in lignes]


LILLE = dict(
    territoire="Bassin d'emploi de Lille (Métropole européenne de Lille)",
    chiffres=_chiffres([
        ("social", "Population du bassin", "1190000", "habitants", SOURCE_INSEE, date(2025, 1, 1)),
        ("social", "Part des habitants en quartier prioritaire", "17.5", "%", SOURCE_INSEE, date(2025, 1, 1)),
        ("economique", "Taux de chômage", "9.4", "%", SOURCE_FT, date(2026, 3, 31)),
        ("economique", "Projets de recrutement jugés difficiles", "51", "%", SOURCE_BMO, date(2026, 4, 15)),
        ("economique", "Secteur qui recrute le plus : logistique et transport", "6200", "projets", SOURCE_BMO,
         date(2026, 4, 15)),
        ("environnemental", "Part des actifs allant travailler en transports en commun", "21", "%", SOURCE_INSEE,
         date(2025, 1, 1)),
    ]),
    forces="Bassin d'emploi dense, métro et tramway ; besoins de main-d'œuvre dans la logistique, le soin, "
           "l'hôtellerie-restauration et le bâtiment ; offre de formation large (AFPA, GRETA, CFA).",
    faiblesses="Chômage de longue durée concentré dans les quartiers prioritaires ; freins de mobilité hors des "
               "lignes de métro (zones logistiques de Lesquin et Lauwin-Planque) ; illettrisme.",
    ressources="PLIE, maisons de l'emploi, France Services, Cité des métiers, plateforme mobilité, clauses sociales "
               "des marchés de la Métropole.",
    motif="Premier profil du territoire.")

ARLES = dict(
    territoire="Pays d'Arles (Arles, Tarascon, Saint-Martin-de-Crau)",
    chiffres=_chiffres([
        ("social", "Population de la communauté d'agglomération", "82000", "habitants", SOURCE_INSEE, date(2025, 1, 1)),
        ("social", "Jeunes de 16 à 25 ans ni en emploi ni en formation", "19", "%", SOURCE_INSEE, date(2025, 1, 1)),
        ("economique", "Taux de chômage", "11.2", "%", SOURCE_FT, date(2026, 3, 31)),
        ("economique", "Emplois saisonniers agricoles", "4300", "projets", SOURCE_BMO, date(2026, 4, 15)),
        ("environnemental", "Communes sans desserte de bus le dimanche", "7", "communes",
         "Région Sud, réseau ZOU ! (valeur de démonstration)", date(2026, 1, 15)),
    ]),
    forces="Agriculture, logistique de Saint-Martin-de-Crau, tourisme et patrimoine ; Parc naturel régional de "
           "Camargue (métiers de l'environnement).",
    faiblesses="Saisonnalité de l'emploi ; territoire étendu, transports rares hors d'Arles ; faible offre de "
               "formation qualifiante sur place.",
    ressources="Mission locale, France Travail Arles, plateforme de mobilité, chantiers d'insertion du Parc de Camargue.",
    motif="Premier profil du territoire.")

FICHES_LILLE = (
    ("Contrat d'engagement jeune (CEJ)", "dispositif", "Accompagnement intensif de 15 à 20 heures par semaine, "
     "avec une allocation sous conditions de ressources.", "Jeunes de 16 à 25 ans (29 ans en situation de handicap) "
     "sans emploi ni formation.", "Ministère du Travail", "https://travail-emploi.gouv.fr", 120, 200, ["jeunes", "cej"]),
    ("Aide à la mobilité (permis de conduire)", "mesure", "Aide au financement du permis B pour une reprise d'emploi "
     "ou de formation.", "Demandeurs d'emploi inscrits, projet professionnel validé.", "France Travail", "",
     90, -10, ["mobilité", "permis"]),
    ("Appel à projets « Insertion par l'activité économique — Fonds départemental »", "appel_a_projets",
     "Financement de projets d'accompagnement innovants des allocataires du RSA.", "Structures de l'IAE du Nord.",
     "Département du Nord", "", 40, 20, ["iae", "rsa", "financement"]),
    ("Loi pour le plein emploi : inscription des allocataires du RSA", "reglementation",
     "Inscription automatique des allocataires du RSA à France Travail ; contrat d'engagement réciproque ; "
     "quinze heures d'activité hebdomadaire.", "Allocataires du RSA et leurs conjoints.", "Loi n° 2023-1196",
     "https://www.legifrance.gouv.fr", 300, 60, ["rsa", "réglementation"]),
    ("Parcours emploi compétences (PEC)", "dispositif", "Contrat aidé dans le secteur non marchand, avec formation "
     "et accompagnement.", "Personnes éloignées de l'emploi, prescription par un conseiller.", "DDETS du Nord", "",
     200, None, ["contrat aidé"]),
)

FICHES_ARLES = (
    ("Plateforme mobilité du Pays d'Arles", "dispositif", "Location de scooters, diagnostic mobilité, aide au permis.",
     "Jeunes accompagnés par la mission locale.", "Mission locale du Pays d'Arles", "", 60, 120, ["mobilité"]),
    ("Saison agricole : dispositif d'hébergement des saisonniers", "mesure", "Places d'hébergement temporaire pour "
     "les saisonniers agricoles.", "Salariés saisonniers sans solution de logement.", "Sous-préfecture d'Arles", "",
     30, -5, ["logement", "saisonniers"]),
)

COMPLEMENTS = {
    "CCAS de Lille": ("Habitants de Lille en difficulté, toutes situations.", "Domiciliation à Lille ou hébergement "
                      "sur la commune.", "Appeler l'accueil social pour un rendez-vous ; fiche de liaison avec "
                      "l'accord de la personne.", "https://www.lille.fr", 60,
                      [("Mme Leclercq", "Référente RSA", "03 20 49 50 00")]),
    "SIAO du Nord — plateforme 115": ("Personnes sans hébergement ou en hébergement précaire.", "Aucune condition "
                                      "pour l'urgence ; demande d'insertion via le SI-SIAO.",
                                      "Urgence : 115 ; insertion : demande SI-SIAO par un travailleur social.", "",
                                      200, [("Permanence SIAO", "Coordination des demandes d'insertion", "")]),
    "Auto-école sociale Mobil'Emploi": ("Demandeurs d'emploi en parcours d'insertion.", "Projet professionnel "
                                        "nécessitant le permis ; évaluation préalable.",
                                        "Prescription écrite du conseiller, entretien d'entrée.", "", 420,
                                        [("M. Diallo", "Moniteur coordinateur", "03 20 12 34 56")]),
    "Centre médico-psychologique Lille-Sud": ("Adultes du secteur psychiatrique Lille-Sud.", "Résider sur le secteur.",
                                              "La personne prend rendez-vous elle-même ; le conseiller peut l'aider "
                                              "à appeler.", "", 90, []),
    "Point conseil budget Nord": ("Tout public en difficulté budgétaire.", "Gratuit, confidentiel.",
                                  "Rendez-vous par téléphone ; orientation avec l'accord de la personne.", "", 30,
                                  [("Mme Vasseur", "Conseillère en économie sociale et familiale", "")]),
}

REFERENCES = (
    ("candidat@demo.cipdesk.fr", "Contrat d'engagement jeune (CEJ)", "A accompagné des jeunes en CEJ deux ans", None),
    ("conseiller@demo.cipdesk.fr", "Logement et hébergement (SIAO)", "Connaît la procédure SI-SIAO",
     "SIAO du Nord — plateforme 115"),
    ("conseillere.plie@demo.cipdesk.fr", "PLIE", "Référente de parcours PLIE", None),
    ("conseiller@demo.cipdesk.fr", "Mobilité", "Partenariat avec l'auto-école sociale", "Auto-école sociale Mobil'Emploi"),
)


def remplir_territoire(session: Session, *, seed: int = 20261123, aujourd_hui: date | None = None, **_options) -> None:
    aujourd_hui = aujourd_hui or date.today()
    comptes = {u.email: u for u in session.scalars(select(Utilisateur).where(Utilisateur.email.like("%@demo.cipdesk.fr")))}
    camille, julien = comptes.get("candidat@demo.cipdesk.fr"), comptes.get("conseiller.arles@demo.cipdesk.fr")
    if camille is None or julien is None:
        return
    if session.scalar(select(VersionTerritoire.id).where(VersionTerritoire.structure_id == camille.structure_id)):
        return  # already built
    for email, donnees in STRUCTURES.items():
        if email in comptes:
            structure.enregistrer_profil(session, par=comptes[email], donnees=donnees, version=None)
    for conseiller, donnees in ((camille, LILLE), (julien, ARLES)):
        v = profil.enregistrer_version(session, par=conseiller, donnees=profil.DonneesTerritoire(**donnees),
                                       numero_lu=0, le=aujourd_hui - timedelta(days=150))
        v.created_at = datetime.combine(aujourd_hui - timedelta(days=150), time(10), tzinfo=UTC)  # a dated history
    # A second version in Lille: unemployment updated, a new figure, a weakness completed.
    maj = dict(LILLE, motif="Chiffres du chômage actualisés ; offre de formation ajoutée.",
               faiblesses=LILLE["faiblesses"] + " Peu de places en formation linguistique (FLE).")
    maj["chiffres"] = [Chiffre(c.theme, c.libelle, "9.1" if c.libelle == "Taux de chômage" else c.valeur, c.unite,
                               c.source, date(2026, 6, 30) if c.libelle == "Taux de chômage" else c.date_source, True)
                       for c in LILLE["chiffres"]] + _chiffres([
        ("economique", "Places de formation financées par la Région", "3400", "places",
         "Région Hauts-de-France, programme régional de formation (valeur de démonstration)", date(2026, 2, 1))])
    yannick = comptes.get("conseiller@demo.cipdesk.fr", camille)
    v2 = profil.enregistrer_version(session, par=yannick, donnees=profil.DonneesTerritoire(**maj), numero_lu=1,
                                    le=aujourd_hui - timedelta(days=20))
    v2.created_at = datetime.combine(aujourd_hui - timedelta(days=20), time(15), tzinfo=UTC)
    fiches_creees = []
    for conseiller, fiches in ((camille, FICHES_LILLE), (julien, FICHES_ARLES)):
        for titre, nature, resume, eligibilite, source, url, age, echeance, etiquettes in fiches:
            date_fiche = aujourd_hui - timedelta(days=age)
            fiches_creees.append(veille.enregistrer_fiche(session, par=conseiller, aujourd_hui=aujourd_hui, donnees=veille.DonneesFiche(
                titre=titre, nature=nature, source=source, date_fiche=date_fiche, resume=resume,
                eligibilite=eligibilite, url=url, etiquettes=etiquettes,
                echeance=None if echeance is None else aujourd_hui + timedelta(days=echeance))))
    # Where two Lille fiches served: Camille's latest orientation and étape (whatever the other modules offer).
    cibles = registre.cibles_de_veille(session, camille)
    for fiche, type_ in ((fiches_creees[1], "orientation"), (fiches_creees[0], "etape"), (fiches_creees[4], "offre_emploi")):
        cible = next((c for c in cibles if c.objet_type == type_), None)
        if cible is not None:
            veille.lier(session, par=camille, fiche=fiche, objet_type=cible.objet_type, objet_id=cible.objet_id,
                        autorises={(c.objet_type, c.objet_id) for c in cibles})
    par_nom = {p.nom: p for p in session.scalars(select(Partenaire).where(Partenaire.structure_id == camille.structure_id))}
    for nom, (publics, conditions, modalites, site, anciennete, contacts) in COMPLEMENTS.items():
        p = par_nom.get(nom)
        if p is None:
            continue
        partenaires.enregistrer_partenaire(session, par=camille, partenaire=p, version=p.version,
                                           donnees=partenaires.DonneesPartenaire(
            nom=p.nom, type_partenaire=p.type_partenaire, domaines=list(p.domaines), adresse=p.adresse,
            contact_nom=p.contact_nom, telephone=p.telephone, email=p.email, actif=p.actif, publics=publics,
            conditions_acces=conditions, modalites_orientation=modalites, site_web=site,
            verifie_le=aujourd_hui - timedelta(days=anciennete), complet=True))
        for contact_nom, role, tel in contacts:
            partenaires.ajouter_contact(session, par=camille, partenaire=p, nom=contact_nom, role=role, telephone=tel)
    for nom, type_, domaines in (("France Travail — agence d'Arles", "Service public de l'emploi", ["emploi"]),
                                 ("Plateforme mobilité du Pays d'Arles", "Association", ["mobilite"]),
                                 ("Maison des adolescents d'Arles", "Santé", ["sante"])):
        partenaires.enregistrer_partenaire(session, par=julien, donnees=partenaires.DonneesPartenaire(
            nom=nom, type_partenaire=type_, domaines=domaines, complet=True,
            verifie_le=aujourd_hui - timedelta(days=45)))
    for email, sujet, precision, partenaire_nom in REFERENCES:
        if email in comptes:
            reseau.ajouter_reference(session, par=comptes[email], sujet=sujet, precision=precision,
                                     partenaire=par_nom.get(partenaire_nom) if partenaire_nom else None)
    session.flush()
