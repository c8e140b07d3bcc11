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
                note: str = ""):
    for k, j in enumerate(jours):
        le = J - timedelta(days=j)
        entretiens.ajouter_entretien(
            session, parcours, par=conseiller, le=le, duree_minutes=45, mode=ModeEntretien.PRESENTIEL,
            type_entretien=type_entretien if k or type_entretien != TypeEntretien.SUIVI
            else TypeEntretien.CONTRACTUALISATION,
            objectif="Faire le point sur les étapes et ajuster le plan" if type_entretien == TypeEntretien.SUIVI
            else "Explorer les pistes métiers et préparer la confrontation à la réalité",
            synthese="Points abordés avec la personne, décisions prises ensemble.",
            progres="Plus d'autonomie dans les démarches.", decisions="Maintenir le rythme des rendez-vous.",
            prochaines_actions="Relancer l'organisme de formation.",
            prochain_rdv_le=le + timedelta(days=21), note=note if k == 0 else "", aujourd_hui=J)


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
                note="Évoque des dettes de loyer ; orientation vers le CCAS acceptée.")
    # Corrected the day after (issue #11, point 1): its first version stays readable on its page.
    dernier = session.scalars(select(Entretien).where(Entretien.parcours_id == parcours.id)
                              .order_by(Entretien.le.desc()).limit(1)).one()
    entretiens.corriger_entretien(
        session, dernier, par=camille, version=dernier.version, le=dernier.le, duree_minutes=60,
        mode=dernier.mode, type_entretien=dernier.type_entretien, objectif=dernier.objectif,
        synthese=dernier.synthese, progres=dernier.progres,
        decisions="Maintenir le rythme des rendez-vous ; dossier CAF à compléter avant le prochain entretien.",
        prochaines_actions=dernier.prochaines_actions, prochain_rdv_le=dernier.prochain_rdv_le, aujourd_hui=J)
    _entretiens(session, J, parcours, camille, [75, 45, 14], type_entretien=TypeEntretien.PROJET)
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

    # Closed parcours: one per exit category.
    sorties = (("cdi", camille, p_cam_clos), ("cdd_moins_6_mois", yannick, None), ("formation", yannick, None),
               ("sans_nouvelles", sophie, None), ("transfert", sophie, None))
    clos = []
    for i, (motif, conseiller, personne) in enumerate(sorties):
        personne = personne or _personnes(session, conseiller, 1, 3 + i)[0]
        p = _ouvrir(session, J, personne, conseiller, 400 - 30 * i)
        _etapes(session, J, p, conseiller, reajuster=False)
        _entretiens(session, J, p, conseiller, [390 - 30 * i, 300 - 30 * i, 250 - 30 * i])
        sortie = sortie_services.clore_parcours(
            session, p, par=conseiller, version=p.version, sortie_le=J - timedelta(days=200 - 20 * i),
            motif=motif, bilan="Bilan partagé avec la personne : étapes réalisées, freins levés, suites.",
            devenir_etapes=DevenirEtapes.ANNULER, relais_vers="Cap emploi" if motif == "formation" else "",
            relais_consentement=motif == "formation", aujourd_hui=J)
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
