"""Demo parcours (`cipdesk demo`): every stage (new, in progress with réajustements,
closed with each exit category), projets at each ADVP phase, and the candidat
Camille Lefebvre with a parcours and a projet accompaniment of 3+ entretiens each."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.parcours.contrat import services
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens import services as entretiens
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.rules import Responsable, StatutEtape
from cipdesk.parcours.projet import services as projet_services
from cipdesk.parcours.projet.rules import Faisabilite, NatureAction, StatutDossierFormation, TypeConfrontation
from cipdesk.parcours.sortie import services as sortie_services
from cipdesk.parcours.sortie.rules import DevenirEtapes, SituationSuivi
from cipdesk.personnes.models import Personne
from cipdesk.core.texte import normaliser_nom

# Used only when the accueil demo has not created people for a conseiller.
NOMS_DE_SECOURS = (("Benoît", "Caron"), ("Aïcha", "Diallo"), ("Kevin", "Lemaire"), ("Nathalie", "Roussel"),
                   ("Samir", "Haddad"), ("Julie", "Perrin"), ("Mehdi", "Bouzid"), ("Sandrine", "Lopez"))


def _personnes(session: Session, conseiller: Utilisateur, n: int, decalage: int) -> list[Personne]:
    """n people of the conseiller's caseload without a parcours (created if missing)."""
    avec = select(Parcours.personne_id)
    trouvees = list(session.scalars(select(Personne).where(
        Personne.referent_id == conseiller.id, Personne.id.not_in(avec)).order_by(Personne.nom).limit(n)))
    i = decalage
    while len(trouvees) < n:
        prenom, nom = NOMS_DE_SECOURS[i % len(NOMS_DE_SECOURS)]
        i += 1
        cle = normaliser_nom(nom, prenom, str(conseiller.id)[:4])
        if session.scalar(select(Personne.id).where(Personne.nom_recherche == cle)):
            continue
        personne = Personne(structure_id=conseiller.structure_id, nom=nom, prenom=prenom,
                            referent_id=conseiller.id, nom_recherche=cle)
        session.add(personne)
        session.flush()
        trouvees.append(personne)
    return trouvees


def _ouvrir(session, J, personne, conseiller, jours, dispositif="plie", duree=365):
    debut = J - timedelta(days=jours)
    return services.ouvrir_parcours(
        session, personne, par=conseiller, dispositif_code=dispositif, debut=debut,
        fin_prevue=debut + timedelta(days=duree),
        objectifs="Accéder à un emploi durable dans un métier choisi ; lever les freins à la mobilité.",
        engagements_personne="Venir aux rendez-vous ou prévenir ; réaliser les démarches convenues ; "
                             "participer aux ateliers proposés.",
        engagements_structure="Un entretien individuel au moins toutes les trois semaines ; l'accès aux "
                              "ateliers ; la mise en relation avec les employeurs et partenaires.")


def _entretiens(session, J, parcours, conseiller, jours: list[int], type_entretien=TypeEntretien.SUIVI,
                note: str = "", contenus: tuple = ()):
    """`contenus`: per entretien (objectif, synthèse, progrès, décisions, suites), as the
    conseiller wrote them; generic wording otherwise."""
    for k, j in enumerate(jours):
        le = J - timedelta(days=j)
        objectif, synthese, progres, decisions, suites = contenus[k] if k < len(contenus) else (
            "Faire le point sur les étapes et ajuster le plan" if type_entretien == TypeEntretien.SUIVI
            else "Explorer les pistes métiers et préparer la confrontation à la réalité",
            "Points abordés avec la personne, décisions prises ensemble.", "Plus d'autonomie dans les démarches.",
            "Maintenir le rythme des rendez-vous.", "Relancer l'organisme de formation.")
        entretiens.ajouter_entretien(
            session, parcours, par=conseiller, le=le, duree_minutes=60 if contenus else 45,
            mode=ModeEntretien.PRESENTIEL,
            type_entretien=type_entretien if k or type_entretien != TypeEntretien.SUIVI
            else TypeEntretien.CONTRACTUALISATION,
            objectif=objectif, synthese=synthese, progres=progres, decisions=decisions, prochaines_actions=suites,
            prochain_rdv_le=le + timedelta(days=21), note=note if k == 0 else "", aujourd_hui=J)


# The candidat's accompaniments (her dossier, parts 2 and 3): entretiens as she wrote them.
SUIVI_CAMILLE = (
    ("Poser le cadre de l'accompagnement PLIE et signer le contrat d'engagement",
     "Présentation du PLIE, de ses engagements réciproques et de la durée prévue. La personne a retracé son parcours : "
     "quinze ans de missions d'intérim en manutention, interrompues il y a deux ans par un problème de santé "
     "aujourd'hui consolidé. Elle dit vouloir « un travail stable, pas trop loin ». Nous avons repris ensemble le "
     "diagnostic partagé de l'accueil et hiérarchisé les freins : ressources et dettes de loyer d'abord, mobilité "
     "ensuite, projet professionnel en parallèle.",
     "La personne a exprimé elle-même ses priorités et relu le contrat avant de le signer.",
     "Contrat d'engagement signé ; orientation vers le point conseil budget acceptée ; inscription à l'atelier "
     "numérique.",
     "Prendre rendez-vous au point conseil budget ; apporter les derniers avis de la CAF."),
    ("Faire le point sur les ressources et préparer l'exploration du projet",
     "Le rendez-vous au point conseil budget a eu lieu : un plan d'apurement de la dette de loyer est en cours de "
     "négociation avec le bailleur. La personne paraît soulagée et plus disponible. Nous avons commencé à parler "
     "de ce qu'elle aime faire : le travail en équipe, le mouvement, « quand on voit ce qu'on a fait à la fin de "
     "la journée ». Elle écarte la conduite d'engins, qu'elle associe à un accident sur un ancien chantier.",
     "Démarche budgétaire engagée seule, sans relance de ma part.",
     "Ouvrir un projet professionnel avec des entretiens dédiés ; garder un entretien de suivi par mois.",
     "Remplir le questionnaire d'intérêts ; vérifier les horaires de bus vers les zones d'activité."),
    ("Suivre les étapes du contrat et réajuster le calendrier",
     "La personne est arrivée en retard et a dit vouloir arrêter l'accompagnement : trois démarches en même temps "
     "(budget, dossier CAF, atelier) la dépassaient. Nous avons repris une à une les étapes prévues au contrat, "
     "reporté celles qui pouvaient attendre et gardé la priorité qu'elle a choisie : l'immersion en entrepôt.",
     "Elle a pu dire ce qui n'allait pas et a choisi elle-même ce qui passait en premier.",
     "Calendrier réajusté : une démarche à la fois ; point téléphonique court entre deux entretiens.",
     "Appel de suivi dans dix jours ; dossier CAF confié au CCAS avec l'accord de la personne."),
    ("Bilan intermédiaire du contrat au quatrième mois",
     "Bilan intermédiaire partagé : le plan d'apurement est signé, l'atelier numérique suivi (elle consulte seule "
     "son espace France Travail), l'immersion en entrepôt concluante. Reste la mobilité en horaires décalés, que "
     "la personne veut résoudre par le vélo et le covoiturage proposé par l'entreprise. Nous avons relu ensemble "
     "les objectifs du contrat et les avons précisés pour les trois mois à venir.",
     "Deux freins levés sur trois ; la personne parle de son projet avec assurance.",
     "Objectifs du contrat précisés ; dossier CAF à compléter avant le prochain entretien.",
     "Préparer les candidatures auprès des entreprises rencontrées ; atelier « Préparer un entretien d'embauche »."),
)
PROJET_CAMILLE = (
    ("Explorer les intérêts, les valeurs et les expériences de la personne",
     "Entretien d'exploration à partir du questionnaire d'intérêts et d'un retour sur les expériences passées. "
     "Ressortent le goût du travail physique en équipe, l'ordre, la fiabilité (« je n'ai jamais raté une mission "
     "d'intérim »), et une expérience bénévole de gestion de stock dans une épicerie solidaire. Deux pistes "
     "retenues pour une enquête : la préparation de commandes et la mise en rayon.",
     "La personne nomme des compétences qu'elle ne reconnaissait pas jusque-là.",
     "Enquête sur les deux métiers à partir des fiches ROME et d'un échange avec un ancien collègue.",
     "Lire les fiches métiers annotées ; noter trois questions à poser à un professionnel."),
    ("Cristalliser le projet : comparer les pistes et choisir",
     "Retour d'enquête : la mise en rayon offre surtout des temps partiels du matin ; la préparation de commandes "
     "recrute à temps plein, avec des horaires en équipes. Nous avons comparé les deux pistes sur une grille "
     "(conditions de travail, accès en transports, salaires, perspectives). La personne choisit la préparation "
     "de commandes et demande à « voir en vrai » avant de s'engager.",
     "Choix argumenté par la personne, à partir de critères qu'elle a elle-même pondérés.",
     "Immersion (PMSMP) de deux semaines en entrepôt, préparée ensemble.",
     "Contacter l'entreprise rencontrée lors de la prospection ; préparer la convention d'immersion."),
    ("Bilan de l'immersion et plan d'action pour la réalisation",
     "Bilan de l'immersion : la tutrice la juge fiable et rapide ; la personne a eu peur de ne pas tenir le rythme "
     "et a d'abord voulu explorer un autre métier. Nous avons repris les points forts relevés par la tutrice et "
     "la grille d'auto-évaluation remplie pendant l'immersion : le doute portait sur la première semaine, pas sur "
     "le métier. Projet confirmé : préparateur de commandes en CDI ou en contrat long, avec un CACES à prévoir.",
     "La personne confirme son projet après avoir exprimé son doute.",
     "Plan d'action : candidatures accompagnées, atelier entretien d'embauche, formation CACES si l'employeur la demande.",
     "Mettre à jour le CV avec l'immersion ; simuler un entretien d'embauche."),
)
CLOS_CAMILLE = (
    ("Contractualiser l'accompagnement PLIE",
     "Premier entretien après l'orientation par France Travail : la personne, jeune mère, souhaite travailler à "
     "temps plein dès que la garde de son enfant le permettra. Elle a une expérience de caissière et d'employée "
     "de restauration rapide. Objectifs posés ensemble : passer le permis B, trouver un mode de garde, accéder à "
     "un emploi durable dans la vente.",
     "Objectifs formulés par la personne elle-même.",
     "Contrat signé ; inscription à l'auto-école sociale ; demande de place au relais petite enfance.",
     "Constituer le dossier de l'auto-école ; prendre contact avec le relais petite enfance."),
    ("Suivre les étapes : permis et garde d'enfant",
     "Le code est obtenu ; la conduite avance. Une place en crèche est proposée à la rentrée. L'immersion prévue "
     "en entrepôt est annulée par l'entreprise ; la personne préfère finalement viser la vente, plus proche de son "
     "expérience.",
     "Permis en bonne voie ; mode de garde trouvé.",
     "Recentrer les candidatures sur la vente ; CV mis à jour ensemble.",
     "Répondre à deux offres de la grande distribution ; préparer l'entretien."),
    ("Préparer la prise de poste et la sortie du dispositif",
     "La personne est retenue en CDI comme employée de libre-service. Nous avons préparé la prise de poste "
     "(horaires, trajet, garde) et convenu d'un suivi dans l'emploi à un et trois mois. Elle accepte que la "
     "référente entreprise du PLIE prenne le relais pour ce suivi.",
     "Autonomie dans la recherche d'emploi et dans l'organisation familiale.",
     "Sortie en emploi durable ; suivi à trois mois planifié ; fiche de liaison transmise avec son accord.",
     "Appel à un mois ; point à trois mois."),
)


def _etapes(session, J, parcours, conseiller, reajuster=True):
    from cipdesk.accueil.queries import freins_du_dernier_diagnostic

    freins = freins_du_dernier_diagnostic(session, parcours.personne_id)
    e1 = etapes.ajouter_etape(session, parcours, par=conseiller, type_code="levee_frein",
                              intitule=f"Lever le frein : {freins[0].dimension_libelle.lower()}" if freins
                              else "S'inscrire à l'auto-école sociale", responsable=Responsable.PERSONNE,
                              echeance=parcours.debut + timedelta(days=45),
                              frein_dimension_code=freins[0].dimension_code if freins else "",
                              objectif="" if freins else "Lever le frein de mobilité", le=J)
    e2 = etapes.ajouter_etape(session, parcours, par=conseiller, type_code="immersion",
                              intitule="Immersion PMSMP en entrepôt", responsable=Responsable.CONSEILLER,
                              echeance=parcours.debut + timedelta(days=75), objectif="Valider le projet", le=J)
    e3 = etapes.ajouter_etape(session, parcours, par=conseiller, type_code="demarche_administrative",
                              intitule="Mettre à jour le dossier CAF", responsable=Responsable.PARTENAIRE,
                              partenaire="CCAS", echeance=J - timedelta(days=4),
                              objectif="Sécuriser les ressources", le=J)
    etapes.changer_statut(session, e1, par=conseiller, statut=StatutEtape.REALISEE,
                          le=min(J, parcours.debut + timedelta(days=40)), version=e1.version,
                          aujourd_hui=J)
    if reajuster:
        etapes.reajuster_etape(session, e2, par=conseiller, motif="L'employeur a décalé l'accueil d'un mois",
                               le=J - timedelta(days=2), version=e2.version,
                               echeance=J + timedelta(days=20), partenaire="")
    return e1, e2, e3


def remplir_parcours(session: Session, aujourd_hui: date | None = None, **_options) -> None:
    J = aujourd_hui or aujourdhui()
    par_email = {u.email: u for u in session.scalars(select(Utilisateur).where(Utilisateur.email.in_(
        ("candidat@demo.cipdesk.fr", "conseiller@demo.cipdesk.fr", "conseillere.plie@demo.cipdesk.fr"))))}
    camille = par_email.get("candidat@demo.cipdesk.fr")
    yannick = par_email.get("conseiller@demo.cipdesk.fr")
    sophie = par_email.get("conseillere.plie@demo.cipdesk.fr")
    if not (camille and yannick and sophie):
        return
    if session.scalar(select(Parcours.id).where(Parcours.referent_id == camille.id)):
        return  # already built

    # Camille (candidat): a parcours in progress, 4 entretiens de suivi, a projet in spécification
    # with 3 entretiens « projet », two métiers explored and an immersion; and a closed parcours.
    p_cam, p_cam_clos = _personnes(session, camille, 2, 0)
    parcours = _ouvrir(session, J, p_cam, camille, 120)
    _etapes(session, J, parcours, camille)
    _entretiens(session, J, parcours, camille, [118, 90, 60, 30],
                note="Évoque des dettes de loyer ; orientation vers le CCAS acceptée.", contenus=SUIVI_CAMILLE)
    # Corrected the day after (issue #11, point 1): its first version stays readable on its page.
    dernier = session.scalars(select(Entretien).where(Entretien.parcours_id == parcours.id)
                              .order_by(Entretien.le.desc()).limit(1)).one()
    entretiens.corriger_entretien(
        session, dernier, par=camille, version=dernier.version, le=dernier.le, duree_minutes=60,
        mode=dernier.mode, type_entretien=dernier.type_entretien, objectif=dernier.objectif,
        synthese=dernier.synthese, progres=dernier.progres,
        decisions="Maintenir le rythme des rendez-vous ; dossier CAF à compléter avant le prochain entretien.",
        prochaines_actions=dernier.prochaines_actions, prochain_rdv_le=dernier.prochain_rdv_le, aujourd_hui=J)
    _entretiens(session, J, parcours, camille, [75, 45, 14], type_entretien=TypeEntretien.PROJET,
                contenus=PROJET_CAMILLE)
    projet = projet_services.demarrer_projet(session, parcours, par=camille, le=J)
    projet_services.enregistrer_bilan(
        session, projet, par=camille, version=projet.version, phase_code="specification",
        interets="Travail en équipe, activité physique", valeurs="Fiabilité, entraide",
        motivations="Un emploi stable près de chez soi", competences_transferables="Gestion de stock (bénévolat)",
        qualites="Ponctuelle, organisée", talents="Mémoire des lieux et des références")
    m1 = projet_services.ajouter_metier(session, projet, par=camille, rome_code="N1103", libelle="")
    projet_services.ajouter_metier(session, projet, par=camille, rome_code="D1507", libelle="")
    projet_services.ajouter_confrontation(session, projet, par=camille, type_confrontation=TypeConfrontation.IMMERSION,
                                          le=J - timedelta(days=40), fin_le=J - timedelta(days=30),
                                          employeur="Entrepôts Logistiques du Nord", metier=m1,
                                          resultat="Concluante : rythme tenu, tutrice prête à recommander.",
                                          aujourd_hui=J)
    projet_services.evaluer_faisabilite(session, m1, par=camille, faisabilite=Faisabilite.REALISTE,
                                        analyse="Immersion concluante, offres nombreuses sur le territoire.")
    # Her plan d'action for the realisation of the projet (REAC CP8).
    for nature, intitule, organisme, jours in (
            (NatureAction.OUTIL, "CV et lettre de motivation mis à jour avec l'immersion", "", -10),
            (NatureAction.CANDIDATURE, "Préparateur de commandes, candidature accompagnée",
             "Entreprise de logistique du bassin (prospection)", 10),
            (NatureAction.FORMATION, "CACES R489 catégorie 1 (chariots)", "Organisme de formation agréé", 45)):
        projet_services.ajouter_action(session, parcours, par=camille, nature=nature, intitule=intitule,
                                       organisme=organisme, echeance=J + timedelta(days=jours), le=J)

    # Closed parcours: one per exit category.
    sorties = (("cdi", camille, p_cam_clos), ("cdd_moins_6_mois", yannick, None), ("formation", yannick, None),
               ("sans_nouvelles", sophie, None), ("transfert", sophie, None))
    clos = []
    for i, (motif, conseiller, personne) in enumerate(sorties):
        personne = personne or _personnes(session, conseiller, 1, 3 + i)[0]
        p = _ouvrir(session, J, personne, conseiller, 400 - 30 * i)
        _etapes(session, J, p, conseiller, reajuster=False)
        _entretiens(session, J, p, conseiller, [390 - 30 * i, 300 - 30 * i, 250 - 30 * i],
                    contenus=CLOS_CAMILLE if conseiller is camille else ())
        relais = {"formation": ("Cap emploi", ""), "cdi": (
            "Référente entreprise du PLIE (suivi dans l'emploi)",
            "Fiche de liaison limitée à ce qui sert le suivi : poste, horaires, points de vigilance convenus avec "
            "la personne (garde d'enfant, trajet).")}.get(motif, ("", ""))
        sortie = sortie_services.clore_parcours(
            session, p, par=conseiller, version=p.version, sortie_le=J - timedelta(days=200 - 20 * i),
            motif=motif, bilan=("Bilan partagé avec la personne : permis obtenu, mode de garde stable, CV et "
                                "présentation orale travaillés ; elle a conduit seule ses candidatures dans la vente "
                                "et signé un CDI au huitième mois. Ce qui a le plus compté selon elle : un "
                                "calendrier tenu à son rythme et des objectifs qu'elle avait fixés."
                                if conseiller is camille else
                                "Bilan partagé avec la personne : étapes réalisées, freins levés, suites."),
            devenir_etapes=DevenirEtapes.ANNULER, relais_vers=relais[0], relais_contenu=relais[1],
            relais_consentement=bool(relais[0]), aujourd_hui=J)
        sortie_services.enregistrer_suivi(session, sortie, par=conseiller, mois=3,
                                          fait_le=sortie.sortie_le + timedelta(days=95),
                                          situation=SituationSuivi.EMPLOI if motif == "cdi" else SituationSuivi.RECHERCHE,
                                          aujourd_hui=J)
        clos.append(p)

    # Yannick: a new parcours (just contracted) and one in progress with réajustements, projet in exploration.
    nouveau, en_cours = _personnes(session, yannick, 2, 5)
    _ouvrir(session, J, nouveau, yannick, 0, dispositif="cej", duree=180)
    p = _ouvrir(session, J, en_cours, yannick, 70, dispositif="iae")
    _etapes(session, J, p, yannick)
    _entretiens(session, J, p, yannick, [68, 40])  # last contact 40 days ago: « sans contact » alert
    projet_services.demarrer_projet(session, p, par=yannick, le=J)

    # Sophie: projets in cristallisation and réalisation (with a plan d'action); a contract ending soon.
    p_cri, p_rea = _personnes(session, sophie, 2, 6)
    p = _ouvrir(session, J, p_cri, sophie, 100, duree=120)  # ends in 20 days
    _entretiens(session, J, p, sophie, [95, 20], type_entretien=TypeEntretien.PROJET)
    projet = projet_services.demarrer_projet(session, p, par=sophie, le=J)
    projet_services.enregistrer_bilan(session, projet, par=sophie, version=projet.version,
                                      phase_code="cristallisation", interets="Cuisine, contact")
    projet_services.ajouter_metier(session, projet, par=sophie, rome_code="G1602", libelle="")
    p = _ouvrir(session, J, p_rea, sophie, 200)
    _etapes(session, J, p, sophie)
    _entretiens(session, J, p, sophie, [190, 120, 60, 10])
    projet = projet_services.demarrer_projet(session, p, par=sophie, le=J)
    projet_services.enregistrer_bilan(session, projet, par=sophie, version=projet.version, phase_code="realisation")
    metier = projet_services.ajouter_metier(session, projet, par=sophie, rome_code="K2204", libelle="")
    projet_services.ajouter_confrontation(session, projet, par=sophie, type_confrontation=TypeConfrontation.ENQUETE_METIER,
                                          le=J - timedelta(days=90), employeur="Net'Services",
                                          metier=metier, resultat="Horaires décalés acceptés.", aujourd_hui=J)
    projet_services.evaluer_faisabilite(session, metier, par=sophie, faisabilite=Faisabilite.REALISTE,
                                        analyse="Secteur qui recrute ; horaires compatibles.")
    projet_services.valider_projet(session, projet, par=sophie, version=projet.version,
                                   projet_valide="Agent·e de propreté en entreprise (K2204), CDI à temps plein.",
                                   le=J - timedelta(days=60), aujourd_hui=J)
    projet_services.ajouter_action(session, p, par=sophie, nature=NatureAction.FORMATION,
                                   intitule="Titre professionnel agent de propreté et d'hygiène",
                                   organisme="AFPA Lille", modalite="Présentiel", financement_code="region",
                                   statut_dossier=StatutDossierFormation.DEPOSE,
                                   echeance=J + timedelta(days=30), le=J)
    projet_services.ajouter_action(session, p, par=sophie, nature=NatureAction.CANDIDATURE,
                                   intitule="Agent de propreté", organisme="Net'Services", offre="Offre n° 2026-114",
                                   echeance=J + timedelta(days=10), le=J)
    projet_services.ajouter_action(session, p, par=sophie, nature=NatureAction.OUTIL, intitule="CV mis à jour",
                                   echeance=J - timedelta(days=5), le=J)
    session.flush()
