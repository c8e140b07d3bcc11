"""Bulk activity for the scale demo data: accueils and urgences, diagnostics
with versions, parcours with étapes and entretiens, confidential notes
(encrypted, bound to their row) and the competence tags of each record.

Registered in bench.echelle with @generateur; rows are built as dicts and
inserted in batches, people by people, so memory stays flat."""
from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import bindparam, update

from cipdesk.accueil.demo import DIMENSIONS, URGENCES
from cipdesk.accueil.accueils.models import Accueil, Urgence
from cipdesk.accueil.diagnostic.models import Diagnostic, DiagnosticDimension
from cipdesk.accueil.diagnostic.rules import DIMENSIONS_PAR_DEFAUT
from cipdesk.competences.models import PreuveCompetence
from cipdesk.competences.services import codes_pour
from cipdesk.core.db import utcnow
from bench.echelle import Contexte, generateur
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.parcours.contrat.rules import DISPOSITIFS
from cipdesk.parcours.etapes.rules import TYPES_ETAPE
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.etapes.models import Etape
from cipdesk.personnes.models import Personne
from cipdesk.security import keys

LIBELLES_DIMENSIONS = dict(DIMENSIONS_PAR_DEFAUT)
PERSONNES_PAR_LOT = 1_000
SYNTHESES = (
    "Point sur les démarches engagées depuis le dernier rendez-vous ; la personne a relancé la CAF.",
    "Préparation de l'entretien d'embauche : simulation, tenue, trajet repéré.",
    "Bilan de l'immersion : retours positifs du tuteur, rythme à consolider.",
    "Mise à jour du CV avec la dernière expérience ; candidature envoyée à deux employeurs.",
    "Échange sur la garde des enfants : dossier crèche déposé, solution temporaire trouvée.",
)
NOTES = (
    "Évoque des difficultés financières importantes (dettes), orientation vers le point conseil budget.",
    "Suivi médical en cours, ne pas en faire état auprès des employeurs.",
    "Situation familiale tendue ; la personne ne souhaite pas que ce soit abordé en atelier.",
)


class _Lots:
    """Rows per table, flushed together every PERSONNES_PAR_LOT people."""

    def __init__(self, ctx: Contexte):
        self.ctx = ctx
        self.lignes: dict = {}

    def ajouter(self, table, ligne: dict) -> None:
        self.lignes.setdefault(table, []).append(ligne)

    def vider(self) -> None:
        for table in (Accueil.__table__, Urgence.__table__, Diagnostic.__table__, DiagnosticDimension.__table__,
                      Parcours.__table__, Etape.__table__, NoteConfidentielle.__table__, Entretien.__table__,
                      PreuveCompetence.__table__):
            if self.lignes.get(table):
                self.ctx.inserer(table, self.lignes[table])
        self.lignes = {}


def _preuve(lots, ctx, sid, uid, objet_type, objet_id, le, regle: str | None = None):
    """Tags as the services do: the record's type, the codes of its tagging rule."""
    for code in codes_pour(regle or objet_type):
        lots.ajouter(PreuveCompetence.__table__, {
            "id": uuid.uuid4(), "structure_id": sid, "utilisateur_id": uid, "competence_code": code,
            "objet_type": objet_type, "objet_id": objet_id, "date_activite": le, "source": "auto", "motif": "",
            "motif_retrait": "", "created_at": utcnow(), "updated_at": utcnow()})


@generateur(10)
def activite(ctx: Contexte) -> None:
    rnd, now = ctx.rnd, utcnow()
    nb_parcours = max(1, int(len(ctx.personnes) * 0.8))
    entretiens_par_parcours = max(3, ctx.echelle.entretiens // nb_parcours)
    chiffreurs = {sid: keys.coffre().chiffreur(ctx.session, sid) for sid in ctx.structures}
    dispositifs = DISPOSITIFS.defauts[:8]
    types_etape = TYPES_ETAPE.defauts
    lots, maj_personnes = _Lots(ctx), []
    totaux = {"entretiens": 0, "notes": 0}
    for n, (pid, sid, referent, entree) in enumerate(ctx.personnes, start=1):
        # Accueil, with an urgency now and then (a few left unanswered).
        accueil_id = uuid.uuid4()
        lots.ajouter(Accueil.__table__, {
            "id": accueil_id, "structure_id": sid, "personne_id": pid, "conseiller_id": referent,
            "date_accueil": entree, "mode": rnd.choice(["sur_place", "sur_place", "telephone", "visio"]),
            "demande_exprimee": "Je voudrais retrouver un travail stable près de chez moi.",
            "commande_prescripteur": "", "concordance": "concordante", "informations": ["offre_services", "rgpd"],
            "informations_precisions": "", "suite": "entree_accompagnement", "suite_motif": "",
            "version": 1, "created_at": now, "updated_at": now})
        _preuve(lots, ctx, sid, referent, "accueil", accueil_id, entree)
        if rnd.random() < 0.08:
            type_urgence = rnd.choice(list(URGENCES))
            traitee = rnd.random() < 0.85
            lots.ajouter(Urgence.__table__, {
                "id": uuid.uuid4(), "structure_id": sid, "personne_id": pid, "accueil_id": accueil_id,
                "type_urgence": type_urgence, "reperee_le": entree,
                "contact": URGENCES[type_urgence][0] if traitee else "",
                "action": URGENCES[type_urgence][1] if traitee else "",
                "traitee_le": entree if traitee else None, "traitee_par_id": referent if traitee else None,
                "created_at": now, "updated_at": now})
        # Diagnostic partagé: one to three validated versions.
        codes = rnd.sample(list(DIMENSIONS), rnd.randint(3, 5))
        niveaux = {c: rnd.randint(1, 3) for c in codes}
        for numero in range(1, rnd.randint(1, 3) + 1):
            diagnostic_id, le = uuid.uuid4(), entree + timedelta(days=7 + 90 * (numero - 1))
            lots.ajouter(Diagnostic.__table__, {
                "id": diagnostic_id, "structure_id": sid, "personne_id": pid, "conseiller_id": referent,
                "numero": numero, "date_diagnostic": le, "statut": "valide", "hypotheses": "",
                "paroles_personne": "", "valide_le": le, "validation_mode": "orale", "validation_precisions": "",
                "version": 1, "created_at": now, "updated_at": now})
            for ordre, code in enumerate(codes):
                situation, atout, frein, besoin = DIMENSIONS[code]
                lots.ajouter(DiagnosticDimension.__table__, {
                    "id": uuid.uuid4(), "structure_id": sid, "diagnostic_id": diagnostic_id,
                    "dimension_code": code, "dimension_libelle": LIBELLES_DIMENSIONS.get(code, code),
                    "ordre": ordre, "situation": situation, "atouts": atout, "atout_niveau": rnd.randint(1, 3),
                    "freins": frein, "frein_niveau": niveaux[code], "besoins": besoin})
                niveaux[code] = max(0, niveaux[code] - rnd.randint(0, 1))
            _preuve(lots, ctx, sid, referent, "diagnostic", diagnostic_id, le)
        # Parcours with étapes and entretiens, for most people.
        dernier, prochain, dispositif = entree, None, ""
        if n <= nb_parcours:
            parcours_id, debut = uuid.uuid4(), entree + timedelta(days=14)
            code_dispositif, libelle_dispositif = rnd.choice(dispositifs)
            clos = rnd.random() < 0.3
            lots.ajouter(Parcours.__table__, {
                "id": parcours_id, "structure_id": sid, "personne_id": pid, "referent_id": referent,
                "dispositif_code": code_dispositif, "dispositif_libelle": libelle_dispositif, "debut": debut,
                "fin_prevue": debut + timedelta(days=365), "objectifs": "Accéder à un emploi durable.",
                "engagements_personne": "Venir aux rendez-vous, mener les démarches convenues.",
                "engagements_structure": "Un rendez-vous toutes les deux semaines, un appui aux démarches.",
                "signe_le": debut, "statut": "clos" if clos else "ouvert", "bilan": "",
                "version": 1, "created_at": now, "updated_at": now})
            _preuve(lots, ctx, sid, referent, "parcours", parcours_id, debut)
            for code in codes[:3]:
                type_code, type_libelle = rnd.choice(types_etape)
                echeance = debut + timedelta(days=rnd.randint(20, 300))
                lots.ajouter(Etape.__table__, {
                    "id": uuid.uuid4(), "structure_id": sid, "parcours_id": parcours_id, "type_code": type_code,
                    "type_libelle": type_libelle, "intitule": DIMENSIONS[code][3], "responsable": "personne",
                    "partenaire": "", "echeance": echeance,
                    "statut": "realisee" if echeance < ctx.aujourd_hui and rnd.random() < 0.7 else "prevue",
                    "realisee_le": None, "frein_dimension_code": code, "frein_libelle": DIMENSIONS[code][2],
                    "objectif": "", "version": 1, "created_at": now, "updated_at": now})
            nombre = max(1, int(rnd.gauss(entretiens_par_parcours, entretiens_par_parcours / 4)))
            pas = max(1, (ctx.aujourd_hui - debut).days // (nombre + 1))
            for k in range(nombre):
                entretien_id, le = uuid.uuid4(), debut + timedelta(days=pas * (k + 1))
                note_id = None
                if rnd.random() < 0.1:
                    note_id = uuid.uuid4()
                    aad = f"cipdesk:v{keys.FORMAT_VERSION}:{sid}:note_confidentielle:contenu:{note_id}".encode()
                    lots.ajouter(NoteConfidentielle.__table__, {
                        "id": note_id, "structure_id": sid, "auteur_id": referent, "objet_type": "entretien",
                        "objet_id": entretien_id, "contenu_chiffre": chiffreurs[sid](aad, rnd.choice(NOTES)),
                        "version": 1, "created_at": now, "updated_at": now})
                    totaux["notes"] += 1
                type_entretien = "projet" if k % 4 == 3 else ("contractualisation" if k == 0 else "suivi")
                lots.ajouter(Entretien.__table__, {
                    "id": entretien_id, "structure_id": sid, "parcours_id": parcours_id, "conseiller_id": referent,
                    "le": le, "duree_minutes": rnd.choice([30, 45, 60]), "mode": "presentiel",
                    "type_entretien": type_entretien, "objectif": "Faire le point sur les étapes.",
                    "synthese": rnd.choice(SYNTHESES), "progres": "", "decisions": "", "prochaines_actions": "",
                    "prochain_rdv_le": le + timedelta(days=14), "note_id": note_id,
                    "created_at": now, "updated_at": now})
                _preuve(lots, ctx, sid, referent, "entretien", entretien_id, le,
                        regle="entretien_projet" if type_entretien == "projet" else "entretien")
                dernier, prochain = le, le + timedelta(days=14)
            totaux["entretiens"] += nombre
            dispositif = "" if clos else libelle_dispositif
        maj_personnes.append({"pid": pid, "dernier": dernier, "prochain": prochain, "dispositif": dispositif})
        if n % PERSONNES_PAR_LOT == 0 or n == len(ctx.personnes):
            lots.vider()
            ctx.session.execute(update(Personne.__table__).where(Personne.__table__.c.id == bindparam("pid"))
                                .values(dernier_contact_le=bindparam("dernier"), prochain_rdv_le=bindparam("prochain"),
                                        dispositif_libelle=bindparam("dispositif")), maj_personnes)
            maj_personnes = []
            ctx.session.commit()
            ctx.progression(f"activité : {n}/{len(ctx.personnes)} personnes, {totaux['entretiens']} entretiens, "
                            f"{totaux['notes']} notes chiffrées")
