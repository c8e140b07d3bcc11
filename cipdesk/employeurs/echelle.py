"""Employeurs at scale (`Module.echelle`, run by bench/ only; issue #13 « Also »): for every
structure, its share of 20 000 employers at federation scale (4 per 10 people), 1 or 2
contacts each, 100 000 exchanges over two years (5 per employer on average) with their next
actions (a few overdue), fiches de poste and offers, candidatures of the caseloads in every
state with their log, immersions, and a few prospection actions per team with their targets
and indicators. Rows are built as dicts and inserted in bulk through the context's
`inserer` (which encrypts what must be); the NAF codes come from the shipped nomenclature,
the SIRETs are valid (Luhn), the names French (Faker fr_FR)."""
from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import timedelta

from stdnum import luhn

from cipdesk.core.db import utcnow
from cipdesk.employeurs.candidatures.models import Candidature, TransitionCandidature
from cipdesk.employeurs.candidatures.rules import MOTIFS_REFUS
from cipdesk.employeurs.candidatures.rules import EtatCandidature as E
from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise
from cipdesk.employeurs.entreprises.rules import (ModeContact, RoleContact, TrancheEffectif, cle_recherche,
                                                  nomenclature_naf, normaliser_texte, section_naf)
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.employeurs.immersions.rules import ObjectifPmsmp, StatutImmersion
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.employeurs.interactions.rules import NatureInteraction
from cipdesk.employeurs.offres.models import FicheDePoste, Offre
from cipdesk.employeurs.offres.rules import StatutOffre, TypeContrat
from cipdesk.employeurs.prospection.models import ActionProspection, CibleProspection, IndicateurProspection
from cipdesk.employeurs.prospection.rules import Indicateur

ENTREPRISES_PAR_PERSONNE = 0.4      # 20 000 employers for the 50 000 people of the federation scale
INTERACTIONS_PAR_ENTREPRISE = 5     # 100 000 exchanges
OFFRES_PAR_ENTREPRISE = 0.15
CANDIDATURES_PAR_OFFRE = 4
IMMERSIONS_PAR_PERSONNE = 0.04

# The sectors of an insertion territory (NAF sous-classes), with the métiers (ROME) they hire for.
SECTEURS = [
    ("10.71C", "D1102", "Boulanger / Boulangère"), ("47.11D", "D1507", "Employé·e de mise en rayon"),
    ("56.10A", "G1803", "Serveur / Serveuse en restauration"), ("55.10Z", "G1703", "Réceptionniste en hôtellerie"),
    ("52.10B", "N1103", "Préparateur / Préparatrice de commandes"), ("81.21Z", "K2204", "Agent·e de nettoyage"),
    ("87.10A", "J1501", "Aide-soignant·e"), ("88.10A", "K1302", "Aide à domicile"),
    ("43.39Z", "F1703", "Maçon / Maçonne"), ("49.41A", "N4101", "Conducteur / Conductrice poids lourd"),
    ("81.30Z", "A1203", "Jardinier / Jardinière d'espaces verts"), ("45.20A", "I1604", "Mécanicien·ne automobile"),
    ("10.39A", "H2102", "Conducteur / Conductrice de ligne de production"), ("01.12Z", "A1414", "Ouvrier / Ouvrière agricole"),
]
OBJETS = {
    NatureInteraction.APPEL: ["Premier contact téléphonique", "Point sur les besoins de recrutement",
                              "Relance après envoi de profils"],
    NatureInteraction.EMAIL: ["Envoi de la plaquette de la structure", "Envoi de deux profils", "Compte rendu de visite"],
    NatureInteraction.VISITE: ["Visite de l'entreprise et des postes", "Rencontre avec le tuteur"],
    NatureInteraction.EVENEMENT: ["Petit-déjeuner des entreprises du territoire", "Forum de l'emploi"],
    NatureInteraction.JOB_DATING: ["Job dating logistique", "Job dating services à la personne"],
    NatureInteraction.IMMERSION: ["Préparation d'une immersion", "Bilan d'une immersion avec le tuteur"],
}
NATURES = ([NatureInteraction.APPEL] * 5 + [NatureInteraction.EMAIL] * 4 + [NatureInteraction.VISITE] * 2
           + [NatureInteraction.EVENEMENT, NatureInteraction.JOB_DATING, NatureInteraction.IMMERSION])
ETATS = ([E.PROPOSEE] * 2 + [E.ENVOYEE] * 3 + [E.ENTRETIEN] * 2 + [E.REFUSEE] * 3 + [E.ABANDONNEE, E.RETENUE]
         + [E.EMBAUCHE] * 2)
CHEMIN = [E.PROPOSEE, E.ENVOYEE, E.ENTRETIEN, E.RETENUE, E.EMBAUCHE]


def _siret(rnd) -> str:
    siren = "".join(str(rnd.randint(0, 9)) for _ in range(8))
    siren += luhn.calc_check_digit(siren)
    nic = f"{rnd.randint(1, 99):04d}"
    return siren + nic + luhn.calc_check_digit(siren + nic)


class _Lignes:
    def __init__(self, ctx):
        self.ctx, self.tables = ctx, defaultdict(list)

    def ajouter(self, modele, **ligne) -> uuid.UUID:
        ligne.setdefault("id", uuid.uuid4())
        colonnes = modele.__table__.c
        if "created_at" in colonnes:
            ligne.setdefault("created_at", utcnow())
            ligne.setdefault("updated_at", utcnow())
        if "version" in colonnes:
            ligne.setdefault("version", 1)
        self.tables[modele].append(ligne)
        return ligne["id"]

    def inserer(self) -> None:
        # Parents first (foreign keys), in the order the models were first used.
        for modele, lignes in self.tables.items():
            self.ctx.inserer(modele.__table__, lignes)
        self.tables.clear()


def remplir_echelle(ctx) -> None:
    """`ctx` is bench.echelle.Contexte (duck-typed: the application never imports bench/)."""
    rnd, fake, aujourd_hui = ctx.rnd, ctx.fake, ctx.aujourd_hui
    codes_naf = [c for c in nomenclature_naf()]
    conseillers_de: dict = defaultdict(list)
    for uid, sid in ctx.conseillers.items():
        conseillers_de[sid].append(uid)
    personnes_de: dict = defaultdict(list)
    for pid, sid, referent, _entree in ctx.personnes:
        personnes_de[sid].append((pid, referent))
    totaux = defaultdict(int)
    for sid in ctx.structures:
        conseillers, personnes = conseillers_de[sid], personnes_de[sid]
        if not conseillers or not personnes:
            continue
        lignes = _Lignes(ctx)
        entreprises = []   # (id, contact id, NAF, ROME, métier, commune)
        for _n in range(max(10, int(len(personnes) * ENTREPRISES_PAR_PERSONNE))):
            naf, rome, metier = rnd.choice(SECTEURS) if rnd.random() < 0.8 else (rnd.choice(codes_naf), "", "")
            raison, enseigne = fake.company(), (fake.last_name() if rnd.random() < 0.2 else "")
            commune = fake.city()
            siret = _siret(rnd)
            par = rnd.choice(conseillers)
            eid = lignes.ajouter(
                Entreprise, structure_id=sid, raison_sociale=raison[:200], enseigne=enseigne, siret=siret,
                siren=siret[:9], nom_recherche=cle_recherche(raison, enseigne), naf_code=naf,
                tranche_effectif=rnd.choice(list(TrancheEffectif)).value, secteur=section_naf(naf)[:200],
                adresse=fake.street_address(), code_postal=fake.postcode(), commune=commune,
                commune_recherche=normaliser_texte(commune), telephone=fake.phone_number()[:30],
                email=f"contact@{normaliser_texte(raison).replace(' ', '-')[:40]}.fr", site="", observations="",
                cree_par_id=par)
            contacts = []
            for _c in range(rnd.choice((1, 1, 2))):
                prenom, nom = fake.first_name(), fake.last_name()
                contacts.append(lignes.ajouter(
                    ContactEntreprise, structure_id=sid, entreprise_id=eid, civilite="", prenom=prenom, nom=nom,
                    role=rnd.choice(list(RoleContact)).value, fonction="",
                    telephone=f"06 {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
                    email=f"{normaliser_texte(prenom)}.{normaliser_texte(nom)}@exemple.fr".replace(" ", "-"),
                    mode_prefere=rnd.choice(list(ModeContact)).value,
                    disponibilites=rnd.choice(["le matin avant 10 h", "en début d'après-midi", ""])))
            entreprises.append((eid, contacts[0], naf, rome, metier, commune, par))
            # exchanges over two years, the last one with a next action (done unless recent)
            n_echanges = rnd.randint(1, 2 * INTERACTIONS_PAR_ENTREPRISE - 1)
            jours = sorted((ctx.date_passee() for _i in range(n_echanges)))
            for k, le in enumerate(jours):
                nature = rnd.choice(NATURES)
                dernier = k == len(jours) - 1
                echeance = le + timedelta(days=rnd.randint(7, 45)) if dernier or rnd.random() < 0.3 else None
                faite = None
                if echeance is not None and (not dernier or echeance < aujourd_hui - timedelta(days=30)
                                             or rnd.random() < 0.9):
                    faite = min(echeance, aujourd_hui) if echeance <= aujourd_hui else None
                lignes.ajouter(
                    Interaction, structure_id=sid, entreprise_id=eid, contact_id=rnd.choice(contacts),
                    conseiller_id=rnd.choice(conseillers) if rnd.random() < 0.3 else par, personne_id=None,
                    nature=nature.value, le=le, objet=rnd.choice(OBJETS[nature]),
                    compte_rendu="Échange avec l'employeur : besoins de recrutement et conditions d'accueil notés.",
                    prochaine_action="Rappeler pour faire le point sur les recrutements" if echeance else "",
                    echeance=echeance, action_faite_le=faite)
                totaux["échanges"] += 1
        lignes.inserer()
        # fiches de poste, offers, candidatures with their log
        for eid, contact, naf, rome, metier, commune, par in rnd.sample(
                entreprises, max(3, int(len(entreprises) * OFFRES_PAR_ENTREPRISE))):
            metier = metier or "Employé·e polyvalent·e"
            entretien_le = ctx.date_passee(aujourd_hui - timedelta(days=540))
            contrat = rnd.choice([TypeContrat.CDI, TypeContrat.CDD, TypeContrat.CDD, TypeContrat.INTERIM,
                                  TypeContrat.CDDI, TypeContrat.SAISONNIER])
            fid = lignes.ajouter(
                FicheDePoste, structure_id=sid, entreprise_id=eid, contact_id=contact, redigee_par_id=par,
                entretien_le=entretien_le, besoin="Renforcer l'équipe avant la haute saison.", intitule=metier,
                rome_code=rome, missions="Missions du poste détaillées avec l'employeur.",
                activites="Activités principales et secondaires.", competences="Sens du service, travail en équipe.",
                conditions="Station debout ; port de charges modéré.", type_contrat=contrat.value, duree_hebdo="35 h",
                horaires="Du lundi au vendredi, 8 h – 16 h", remuneration="SMIC", lieu=commune, permis_requis=[],
                horaires_atypiques=[])
            ouverte = entretien_le + timedelta(days=rnd.randint(2, 15))
            statut = (StatutOffre.PUBLIEE if ouverte > aujourd_hui - timedelta(days=60)
                      else rnd.choice([StatutOffre.POURVUE, StatutOffre.POURVUE, StatutOffre.CLOSE]))
            oid = lignes.ajouter(
                Offre, structure_id=sid, fiche_id=fid, entreprise_id=eid, intitule=f"{metier} (H/F)",
                texte=f"{metier} (H/F) — {commune}. Contrat {contrat.libelle}, 35 h par semaine.", nombre_postes=rnd.randint(1, 3),
                ouverte_le=ouverte, cloture_le=None if statut == StatutOffre.PUBLIEE else ouverte + timedelta(days=45),
                statut=statut.value, verifiee_le=None)
            for pid, referent in rnd.sample(personnes, min(len(personnes), rnd.randint(1, 2 * CANDIDATURES_PAR_OFFRE))):
                etat = rnd.choice(ETATS)
                chemin = CHEMIN[:CHEMIN.index(etat) + 1] if etat in CHEMIN else CHEMIN[:rnd.randint(1, 3)] + [etat]
                jour = ouverte + timedelta(days=rnd.randint(0, 10))
                cid = uuid.uuid4()
                transitions = []
                precedent = None
                for vers in chemin:
                    transitions.append(dict(structure_id=sid, candidature_id=cid, de=precedent and precedent.value,
                                            vers=vers.value, le=min(jour, aujourd_hui), par_id=referent,
                                            motif_refus=rnd.choice(list(MOTIFS_REFUS)) if vers == E.REFUSEE else ""))
                    precedent, jour = vers, jour + timedelta(days=rnd.randint(3, 20))
                lignes.ajouter(Candidature, id=cid, structure_id=sid, offre_id=oid, personne_id=pid,
                               proposee_par_id=referent, etat=etat.value, etat_depuis=transitions[-1]["le"],
                               motif_refus=transitions[-1]["motif_refus"])
                for t in transitions:
                    lignes.ajouter(TransitionCandidature, **t)
                totaux["candidatures"] += 1
            totaux["offres"] += 1
        lignes.inserer()
        # immersions (PMSMP) of a few people, in the employers' base
        for pid, referent in rnd.sample(personnes, int(len(personnes) * IMMERSIONS_PAR_PERSONNE)):
            eid, contact, *_reste, commune, _par = rnd.choice(entreprises)
            debut = ctx.date_passee(aujourd_hui - timedelta(days=600)) + timedelta(days=30)
            fin = debut + timedelta(days=rnd.choice((4, 9, 11, 18)))
            passee = fin < aujourd_hui
            statut = (StatutImmersion.REALISEE if passee and rnd.random() < 0.85 else
                      StatutImmersion.ANNULEE if passee else rnd.choice([StatutImmersion.SIGNEE, StatutImmersion.A_SIGNER]))
            realisee = statut == StatutImmersion.REALISEE
            lignes.ajouter(
                Immersion, structure_id=sid, personne_id=pid, entreprise_id=eid, tuteur_id=contact,
                conseiller_id=referent, prescripteur="Association Tremplin Emploi", objectif=rnd.choice(list(ObjectifPmsmp)).value,
                debut=debut, fin=fin, horaires="Du lundi au vendredi, 8 h – 12 h et 13 h – 16 h", lieu=commune,
                taches="Découverte des tâches du poste aux côtés du tuteur.",
                modalites_evaluation="Grille d'évaluation remplie avec le tuteur le dernier jour.", renouvelle_id=None,
                statut=statut.value, signee_le=debut - timedelta(days=3) if statut != StatutImmersion.A_SIGNER else None,
                bilan="Immersion menée à son terme ; gestes du métier acquis." if realisee else None,
                appreciation_tuteur="Ponctuel·le, curieux·se, à l'aise avec l'équipe." if realisee else None,
                objectif_atteint=rnd.random() < 0.7 if realisee else None,
                embauche_envisagee=rnd.random() < 0.2 if realisee else None, bilan_le=fin + timedelta(days=2) if realisee else None)
            totaux["immersions"] += 1
        # prospection actions: two a year per conseiller group of ten, with targets and indicators
        for n in range(max(2, len(conseillers) // 5)):
            debut = aujourd_hui - timedelta(days=60 + 90 * (n % 8))
            fin = debut + timedelta(days=75)
            naf, rome, metier = SECTEURS[n % len(SECTEURS)]
            evaluee = fin < aujourd_hui
            aid = lignes.ajouter(
                ActionProspection, structure_id=sid, titre=f"Prospection {metier.lower()} — vague {n + 1}",
                pilote_id=rnd.choice(conseillers), debut=debut, fin=fin,
                objectifs=f"Recueillir des offres de {metier.lower()} pour les projets de la file active.",
                diagnostic_territoire="Tension de recrutement signalée par les employeurs du secteur.",
                sources_diagnostic="France Travail, enquête Besoins en main-d'œuvre (BMO) de l'année.",
                cible_employeurs=f"Entreprises de la sous-classe NAF {naf} du bassin d'emploi.",
                strategie="Appels puis visites, invitation au job dating.", outils="Argumentaire, fiche de présentation.",
                pratiques_durables="Visites groupées par secteur géographique, covoiturage.",
                evaluation="Objectifs de contacts tenus, offres en deçà." if evaluee else "",
                causes_ecarts="Saison décalée chez deux employeurs." if evaluee else "",
                evaluee_le=fin + timedelta(days=10) if evaluee else None)
            for code, cible in ((Indicateur.CONTACTS, 30), (Indicateur.VISITES, 10), (Indicateur.OFFRES, 6),
                                (Indicateur.PLACEMENTS, 3)):
                lignes.ajouter(IndicateurProspection, structure_id=sid, action_id=aid, code=code.value, cible=cible)
            for eid, *_reste in rnd.sample(entreprises, min(len(entreprises), 25)):
                lignes.ajouter(CibleProspection, structure_id=sid, action_id=aid, entreprise_id=eid)
            totaux["actions de prospection"] += 1
        lignes.inserer()
        totaux["entreprises"] += len(entreprises)
    ctx.progression("employeurs : " + ", ".join(f"{v} {k}" for k, v in totaux.items()))
