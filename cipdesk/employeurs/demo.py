"""Demo employers (`cipdesk demo`): a realistic base around each demo structure
(several sectors, contacts, exchanges over months with one overdue next action), a
fiche de poste with a flagged offer, a clean diffused offer with a justified
requirement, and candidatures in several states for the conseillers' people."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum import luhn

from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.employeurs.candidatures import services as candidatures
from cipdesk.employeurs.candidatures.rules import EtatCandidature as E
from cipdesk.employeurs.entreprises import services as entreprises
from cipdesk.employeurs.interactions import services as interactions
from cipdesk.employeurs.offres import services as offres
from cipdesk.personnes.models import Personne, StatutPersonne

# (raison sociale, NAF, effectif, commune, code postal, contact (prénom, nom, rôle, mode))
EMPLOYEURS = {
    "Lille": [
        ("Boulangerie Au Pain de Wazemmes", "10.71C", "1_9", "Lille", "59000", ("Hélène", "Vasseur", "dirigeant", "telephone")),
        ("Brasserie du Vieux-Lille", "56.10A", "10_49", "Lille", "59800", ("Marc", "Delattre", "dirigeant", "visite")),
        ("Entrepôts des Flandres", "52.10B", "50_249", "Lesquin", "59810", ("Sabrina", "Leclercq", "rh", "email")),
        ("Propreté Nord Services", "81.21Z", "50_249", "Roubaix", "59100", ("Farid", "Benaissa", "chef_equipe", "telephone")),
        ("EHPAD Les Tilleuls", "87.10A", "50_249", "Villeneuve-d'Ascq", "59650", ("Claire", "Dumont", "rh", "email")),
        ("Métropole Rénovation Bâtiment", "43.39Z", "10_49", "Tourcoing", "59200", ("Thierry", "Lemaire", "tuteur", "sms")),
        ("Supermarché de Fives", "47.11D", "50_249", "Lille", "59800", ("Nadia", "Hamdi", "rh", "telephone")),
        ("Transports Lambersartois", "49.41A", "10_49", "Lambersart", "59130", ("Didier", "Caron", "dirigeant", "telephone")),
    ],
    "Arles": [
        ("Hôtel du Forum", "55.10Z", "10_49", "Arles", "13200", ("Isabelle", "Martin", "rh", "email")),
        ("Riziculture du Mas de Camargue", "01.12Z", "1_9", "Arles", "13200", ("Jean", "Aubert", "dirigeant", "visite")),
        ("Conserverie de Provence", "10.39A", "50_249", "Tarascon", "13150", ("Sylvie", "Roche", "rh", "email")),
        ("Aide à domicile du Pays d'Arles", "88.10A", "10_49", "Arles", "13200", ("Karim", "Saïdi", "chef_equipe", "telephone")),
        ("Carrosserie de Trinquetaille", "45.20A", "1_9", "Arles", "13200", ("Paul", "Girard", "dirigeant", "telephone")),
        ("Espaces verts de la Crau", "81.30Z", "10_49", "Saint-Martin-de-Crau", "13310", ("Lucie", "Fabre", "tuteur", "sms")),
    ],
}


def _siret(rnd: random.Random) -> str:
    """A valid (fictitious) SIRET: Luhn key on the SIREN and on the whole number."""
    siren = "".join(str(rnd.randint(0, 9)) for _ in range(8))
    siren += luhn.calc_check_digit(siren)
    nic = "0001"
    return siren + nic + luhn.calc_check_digit(siren + nic)


def remplir_employeurs(session: Session, structure: Structure | None = None, conseillers=None,
                       aujourd_hui: date | None = None, *, seed: int = 20261201, **_options) -> None:
    """For each structure (or the one given): its employer base, exchanges, offers and candidatures."""
    aujourd_hui = aujourd_hui or aujourdhui()
    structures = [structure] if structure is not None else list(session.scalars(select(Structure)))
    rnd = random.Random(seed)
    for s in structures:
        equipe = conseillers or list(session.scalars(select(Utilisateur).where(
            Utilisateur.structure_id == s.id, Utilisateur.role == Role.CONSEILLER, Utilisateur.actif.is_(True))
            .order_by(Utilisateur.email)))
        lignes = EMPLOYEURS.get(s.ville or "") or EMPLOYEURS["Lille" if len(s.nom) % 2 else "Arles"]
        if not equipe:
            continue
        _structure(session, s, equipe, lignes, rnd, aujourd_hui)


def _structure(session, structure, equipe, lignes, rnd, aujourd_hui) -> None:
    base = []
    for k, (nom, naf, effectif, commune, cp, (prenom, nom_c, role, mode)) in enumerate(lignes):
        par = equipe[k % len(equipe)]
        e = entreprises.creer_entreprise(session, par=par, le=aujourd_hui - timedelta(days=200 - 10 * k), donnees={
            "raison_sociale": nom, "siret": _siret(rnd), "naf_code": naf, "tranche_effectif": effectif,
            "commune": commune, "code_postal": cp, "adresse": f"{rnd.randint(1, 120)} rue de la République",
            "telephone": f"0{rnd.choice('34')} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} "
                         f"{rnd.randint(10, 99)}"})
        contact = entreprises.ajouter_contact(session, e, par=par, donnees={
            "civilite": "", "prenom": prenom, "nom": nom_c, "role": role, "fonction": "", "mode_prefere": mode,
            "telephone": "06 12 34 56 78", "email": f"{prenom.lower()}.{nom_c.lower()}@exemple.fr".replace(" ", ""),
            "disponibilites": rnd.choice(["le matin avant 10 h", "en début d'après-midi", ""])})
        for j, (nature, jours, objet) in enumerate([
                ("appel", 180, "Premier contact : présentation de la structure et de l'offre de services"),
                ("visite", 150, "Visite de l'entreprise, repérage des postes et des besoins"),
                ("email", 90, "Envoi de la plaquette et des profils disponibles"),
                ("evenement", 40, "Rencontre au petit-déjeuner des entreprises du territoire")][: 2 + k % 3]):
            dernier = j == 1 + k % 3
            interactions.enregistrer_interaction(session, e, par=par, aujourd_hui=aujourd_hui, donnees={
                "nature": nature, "le": aujourd_hui - timedelta(days=jours - k), "objet": objet, "contact": contact,
                "compte_rendu": "Échange cordial ; besoins saisonniers signalés.",
                "prochaine_action": "Rappeler pour les recrutements de printemps" if dernier else "",
                "echeance": (aujourd_hui - timedelta(days=3) if k == 1 else aujourd_hui + timedelta(days=10 + k))
                if dernier else None})
        base.append((e, contact, par))
    # recruitment support: a fiche de poste → a flagged offer (to fix) and a clean diffused one
    e, contact, par = base[1]
    fiche = offres.rediger_fiche(session, e, par=par, aujourd_hui=aujourd_hui, donnees={
        "entretien_le": aujourd_hui - timedelta(days=20), "contact": contact,
        "besoin": "Remplacer deux départs avant la saison ; service du midi et du soir.",
        "intitule": "Serveur", "rome_code": "G1803", "missions": "Accueil et service en salle, encaissement.",
        "activites": "Mise en place, prise de commande, service, débarrassage.",
        "competences": "Sens du service, travail en équipe, port de plateaux.",
        "conditions": "Station debout prolongée ; coupures entre les services.", "type_contrat": "cdd",
        "duree_hebdo": "35 h", "horaires": "11 h – 15 h et 18 h 30 – 22 h 30", "remuneration": "SMIC + pourboires",
        "lieu": e.commune})
    offres.creer_offre(session, fiche, par=par, donnees={
        "intitule": "Serveur", "nombre_postes": 2, "ouverte_le": aujourd_hui - timedelta(days=18), "cloture_le": None,
        "texte": "Nous recherchons un serveur jeune et dynamique, bonne présentation exigée, habitant à "
                 f"{e.commune}.\n" + offres.texte_depuis_fiche(fiche)})
    e2, contact2, par2 = base[0]
    fiche2 = offres.rediger_fiche(session, e2, par=par2, aujourd_hui=aujourd_hui, donnees={
        "entretien_le": aujourd_hui - timedelta(days=45), "contact": contact2,
        "besoin": "Développement de la vente en boutique ; clientèle touristique l'été.",
        "intitule": "Vendeur / Vendeuse en boulangerie (H/F)", "rome_code": "D1106",
        "missions": "Vente et conseil, mise en rayon, encaissement.", "competences": "Accueil, rigueur d'hygiène.",
        "conditions": "Port de charges jusqu'à 10 kg.", "type_contrat": "cdi", "duree_hebdo": "30 h",
        "horaires": "6 h 30 – 13 h, un week-end sur deux", "remuneration": "SMIC", "lieu": e2.commune,
        "horaires_atypiques": ["tot", "weekend"]})
    offre = offres.creer_offre(session, fiche2, par=par2, donnees={
        "intitule": "Vendeur / Vendeuse en boulangerie (H/F)", "nombre_postes": 1,
        "ouverte_le": aujourd_hui - timedelta(days=40), "cloture_le": aujourd_hui + timedelta(days=20),
        "texte": "Débutant·e accepté·e, formation assurée. Anglais utile pour la clientèle touristique.\n"
                 + offres.texte_depuis_fiche(fiche2)})
    from cipdesk.core.dates import maintenant

    offres.justifier(session, offre, par=par2, cle="langue:anglais", le=maintenant(),
                     justification="Boutique face à l'office de tourisme : la moitié de la clientèle d'été est "
                                   "anglophone, l'accueil en anglais est une tâche quotidienne du poste.")
    offres.diffuser(session, offre, par=par2, le=maintenant())
    # candidatures in several states, for people of the conseillers' caseloads
    parcours_candidats = [
        (E.PROPOSEE,), (E.ENVOYEE,), (E.ENVOYEE, E.ENTRETIEN), (E.ENVOYEE, E.ENTRETIEN, E.RETENUE, E.EMBAUCHE),
        (E.ENVOYEE, E.REFUSEE), (E.ABANDONNEE,)]
    personnes = list(session.scalars(select(Personne).where(
        Personne.structure_id == structure.id, Personne.referent_id.in_([u.id for u in equipe]),
        Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom).limit(len(parcours_candidats))))
    conseillers = {u.id: u for u in equipe}
    mesures_mobilisees = []
    for personne, etapes in zip(personnes, parcours_candidats, strict=False):
        par = conseillers[personne.referent_id]
        le = aujourd_hui - timedelta(days=35)
        c = candidatures.proposer(session, offre, personne, par=par, le=le, aujourd_hui=aujourd_hui,
                                  dans_le_perimetre=True, commentaire="Projet validé dans la vente alimentaire.")
        for vers in etapes[:]:
            le = le + timedelta(days=5 if vers != E.ENVOYEE else 2)
            if vers == E.PROPOSEE:
                continue
            candidatures.faire_passer(session, c, par=par, vers=vers, le=le, aujourd_hui=aujourd_hui,
                                      motif_refus="experience" if vers == E.REFUSEE else "",
                                      commentaire="Candidat·e disponible immédiatement." if vers == E.ENVOYEE else "")
        if E.RETENUE in etapes:
            mesures_mobilisees.append(c)
    # measures mobilised (issue #13 point 5) and what some people bring to a job search (matching)
    from cipdesk.employeurs.mesures import services as mesures
    from cipdesk.employeurs.profils import services as profils

    mesures.mobiliser(session, par=par2, code="poei", le=aujourd_hui - timedelta(days=30), offre=offre)
    for c in mesures_mobilisees:
        mesures.mobiliser(session, par=conseillers[c.personne.referent_id], code="afpr",
                          le=aujourd_hui - timedelta(days=20), candidature=c)
    for n, personne in enumerate(personnes[:4]):
        profils.enregistrer_profil(session, personne, par=conseillers[personne.referent_id], donnees={
            "disponible_le": aujourd_hui - timedelta(days=10) if n % 2 == 0 else aujourd_hui + timedelta(days=21),
            "permis": ["b"] if n != 1 else [], "vehicule": n == 0, "zone_mobilite": ("departement", "commune",
                                                                                      "region", "departement")[n],
            "contraintes_horaires": ["nuit"] if n != 2 else ["tot", "weekend"]})
    # an immersion (PMSMP) signed, done, whose bilan says the employer plans to hire
    if personnes:
        from cipdesk.employeurs.immersions import services as immersions
        from cipdesk.employeurs.immersions.rules import StatutImmersion

        e3, tuteur, par3 = base[2]
        personne = personnes[-1]
        par3 = conseillers[personne.referent_id]
        debut = aujourd_hui - timedelta(days=30)
        immersion = immersions.creer_convention(session, e3, personne, par=par3, dans_le_perimetre=True, donnees={
            "tuteur": tuteur, "prescripteur": "France Travail", "objectif": "recrutement", "debut": debut,
            "fin": debut + timedelta(days=11), "horaires": "Lundi au vendredi, 8 h – 12 h et 13 h – 16 h",
            "lieu": f"{e3.nom}, {e3.commune}", "taches": "Réception des marchandises, préparation de commandes, "
            "inventaire.", "modalites_evaluation": "Grille d'évaluation remplie avec le tuteur à mi-parcours et à la fin."})
        for statut in (StatutImmersion.A_SIGNER, StatutImmersion.SIGNEE):
            immersions.changer_statut(session, immersion, par=par3, vers=statut, le=debut - timedelta(days=3),
                                      aujourd_hui=aujourd_hui)
        immersions.faire_le_bilan(session, immersion, par=par3, aujourd_hui=aujourd_hui, donnees={
            "bilan_le": debut + timedelta(days=12), "appreciation_tuteur": "Ponctuel, rigoureux, s'intègre bien.",
            "bilan": "Le métier correspond au projet ; l'entreprise propose un CDD de 6 mois.",
            "objectif_atteint": True, "embauche_envisagee": True})
    session.flush()
