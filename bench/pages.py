"""The main pages of bench/run.py (accueil, file active, recherche, personne, diagnostic,
parcours, compétences, préparation du dossier) against two floors (issue #17, « a second
floor for every page »):

- **plancher « requêtes »**: the SQL the page sent, replayed on a bare connection
  (`bench.tableau.rejouer`, or `rejouer_sqlite` on SQLite);
- **plancher « à la main »** (PostgreSQL only): SQL written by hand below, outside the app,
  that fetches the same rows the page shows (same perimeter, filters and LIMIT) the fastest
  way the engine allows, run by `bench.tableau.a_la_main` (reads in autocommit, as the app).
  Every floor starts with `COMPTE`, the read every page must do (the signed-in account, its
  structure's settings and its open server-side session: the user loader); the pages that
  log a read (personne, diagnostic, parcours) end with `AUDIT`, the chained audit write
  (reading the chain's head, then one INSERT and the head's update), committed as the page
  must — into the bench's copies of the journal's tables, the real chain left untouched.

    set -a; . /tmp/bancs/env.sh; set +a
    python -m bench.pages --requests 30 --resultats /tmp/bancs/pages-RESULTS.md
    python -m bench.pages --verifier      # each hand floor returns as many rows as the page

Measured in process through the Flask test client (`bench.tableau.mesurer`), one request at a
time; the load (`os.getloadavg`) is reported with each page, the machine being shared."""
from __future__ import annotations

import argparse
import gc
import os
import statistics
from datetime import date, datetime, timedelta

from bench.run import PAGES
from bench.tableau import (CHEF, CONSEILLER, a_la_main, capturer, centile, connecter, mesurer, preparer_le_journal_du_banc,
                           rejouer, rejouer_sqlite)

ROLES = {"conseiller": CONSEILLER, "chef de service": CHEF}

# -- hand-written floors ---------------------------------------------------------------------------------
# The user loader's read (every page pays it): the account, its structure's settings, its open session.
COMPTE = """
SELECT u.*, s.parametres, sc.id, sc.debut, sc.vu_le FROM utilisateur u
JOIN structure s ON s.id = u.structure_id
JOIN session_connexion sc ON sc.utilisateur_id = u.id AND sc.empreinte = %(session)s AND sc.fin IS NULL
WHERE u.id = %(moi)s AND u.actif"""

# The audited read (SECURITY.md « Audit »): lock and read the chain's head, then append the row and
# move the head (the HMAC is computed between the two, in Python, as the app does).
AUDIT = ("SELECT rang, empreinte FROM banc_journal_audit_tete WHERE id = 1 FOR UPDATE", """
WITH tete AS (UPDATE banc_journal_audit_tete SET rang = rang + 1, empreinte = %(empreinte)s WHERE id = 1 RETURNING rang)
INSERT INTO banc_journal_audit (at, acteur_id, acteur_libelle, role, structure_id, action, objet_type, objet_id,
                           adresse_ip, agent, motif, details, rang, empreinte_precedente, empreinte, cle_id,
                           sel_provenance, empreinte_provenance)
SELECT now(), %(moi)s, 'banc', 'conseiller', %(structure)s, 'lecture', %(objet_type)s, %(personne)s::text, '', '',
       '', '{}', tete.rang, %(empreinte)s, %(empreinte)s, 'banc', %(sel)s, %(empreinte)s FROM tete
RETURNING id""")

# name of the floor in bench/run.py -> function(context) -> (statements, parameters, count of the page's rows)
A_LA_MAIN: dict = {}


def main_(nom: str):
    def enregistrer(fonction):
        A_LA_MAIN[nom] = fonction
        return fonction
    return enregistrer


ACTIVES = "('accueillie', 'accompagnee', 'orientee')"

# Every module's alerts (`Module.alertes`) for the people of a CTE `perimetre(id)`: one row per alert,
# with what its label shows; the thresholds come from the structure's settings (parametres()).
ALERTES = """alertes AS (
  SELECT u.personne_id, 'urgence' AS code, 3 AS gravite, u.reperee_le AS le, u.type_urgence::text AS detail
    FROM urgence u WHERE u.personne_id IN (SELECT id FROM perimetre) AND u.traitee_le IS NULL
  UNION ALL
  SELECT o.personne_id, CASE WHEN o.date_orientation < %(orientation_a_clore)s THEN 'orientation_a_clore'
         ELSE 'orientation_sans_reponse' END,
         CASE WHEN o.date_orientation < %(orientation_a_clore)s THEN 3 ELSE 2 END, o.date_orientation, pa.nom
    FROM orientation o JOIN partenaire pa ON pa.id = o.partenaire_id
    WHERE o.personne_id IN (SELECT id FROM perimetre) AND o.reponse = 'en_attente'
      AND o.date_orientation < %(orientation_relance)s
  UNION ALL
  SELECT pc.personne_id, 'etape_en_retard', 2, min(e.echeance), count(*)::text
    FROM parcours pc JOIN etape e ON e.parcours_id = pc.id
    WHERE pc.personne_id IN (SELECT id FROM perimetre) AND pc.statut = 'ouvert'
      AND e.statut IN ('prevue', 'en_cours', 'reportee') AND e.echeance < %(aujourdhui)s
    GROUP BY pc.personne_id, pc.id
  UNION ALL
  SELECT p.id, 'sans_contact', 2, coalesce(p.dernier_contact_le, pc.debut), NULL
    FROM personne p JOIN parcours pc ON pc.personne_id = p.id AND pc.statut = 'ouvert'
    WHERE p.id IN (SELECT id FROM perimetre) AND coalesce(p.dernier_contact_le, pc.debut) < %(sans_contact)s
  UNION ALL
  SELECT pc.personne_id, CASE WHEN pc.fin_prevue < %(aujourdhui)s THEN 'contrat_echu' ELSE 'fin_de_contrat' END,
         CASE WHEN pc.fin_prevue < %(aujourdhui)s THEN 3 ELSE 2 END, pc.fin_prevue, NULL
    FROM parcours pc WHERE pc.personne_id IN (SELECT id FROM perimetre) AND pc.statut = 'ouvert'
      AND pc.fin_prevue <= %(fin_contrat)s
  UNION ALL
  (SELECT DISTINCT ON (i.personne_id) i.personne_id, 'absence_atelier', 2, d.le, a.titre
    FROM presence_atelier pr JOIN inscription_atelier i ON i.id = pr.inscription_id
    JOIN demi_journee d ON d.id = pr.demi_journee_id JOIN session_atelier sa ON sa.id = d.session_id
    JOIN atelier a ON a.id = sa.atelier_id
    WHERE pr.statut = 'absent' AND i.personne_id IN (SELECT id FROM perimetre)
      AND d.le BETWEEN %(absence_atelier)s AND %(aujourdhui)s
    ORDER BY i.personne_id, d.le DESC)
  UNION ALL
  SELECT it.personne_id, 'action_employeur', 2, it.echeance, it.prochaine_action
    FROM interaction_entreprise it WHERE it.personne_id IN (SELECT id FROM perimetre)
      AND it.action_faite_le IS NULL AND it.echeance < %(aujourdhui)s
  UNION ALL
  SELECT c.personne_id, CASE WHEN c.etat_depuis <= %(candidature_obsolete)s THEN 'candidature_obsolete'
         ELSE 'candidature_sans_reponse' END,
         CASE WHEN c.etat_depuis <= %(candidature_obsolete)s THEN 1 ELSE 2 END, c.etat_depuis, o.intitule
    FROM candidature c JOIN offre_emploi o ON o.id = c.offre_id
    WHERE c.personne_id IN (SELECT id FROM perimetre) AND c.etat IN ('envoyee', 'entretien')
      AND c.etat_depuis <= %(candidature_relance)s
  UNION ALL
  SELECT s.personne_id, 'point_integration_manque', 2, pt.prevu_le, s.employeur
    FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id
    WHERE s.personne_id IN (SELECT id FROM perimetre) AND s.statut = 'en_cours'
      AND pt.fait_le IS NULL AND pt.prevu_le < %(aujourdhui)s
  UNION ALL
  SELECT d.personne_id, 'risque_rupture', 3, d.prevu_le, d.employeur FROM (
    SELECT DISTINCT ON (s.id) s.personne_id, pt.prevu_le, s.employeur, pt.risque_rupture
      FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id
      WHERE s.personne_id IN (SELECT id FROM perimetre) AND s.statut = 'en_cours' AND pt.fait_le IS NOT NULL
      ORDER BY s.id, pt.prevu_le DESC, pt.id DESC) d WHERE d.risque_rupture
  UNION ALL
  SELECT d.personne_id, 'absences_repetees', 2, NULL, count(*)::text FROM (
    SELECT r.personne_id, r.presence,
           row_number() OVER (PARTITION BY r.personne_id ORDER BY r.le DESC, r.heure DESC, r.id DESC) AS n
      FROM rendez_vous r WHERE r.personne_id IN (SELECT id FROM perimetre) AND r.presence IS NOT NULL
        AND r.annule_le IS NULL AND r.le >= %(absences_rdv)s) d
    WHERE d.n <= 3 GROUP BY d.personne_id HAVING count(*) FILTER (WHERE d.presence = 'non_honore') >= 2)"""


def parametres(c: dict) -> dict:
    """The thresholds of the alerts, from the structure's settings (read with the account)."""
    from cipdesk.accueil.orientation import rules as orientation
    from cipdesk.employeurs.candidatures import rules as candidatures

    j, reglages = c["aujourdhui"], c["parametres"]
    sans_contact = int(reglages.get("jours_sans_contact") or 30)
    delai_orientation, delai_candidature = orientation.delai_reponse(reglages), candidatures.delai_relance(reglages)
    return {**c, "orientation_relance": j - timedelta(days=delai_orientation),
            "orientation_a_clore": j - timedelta(days=2 * delai_orientation),
            "sans_contact": j - timedelta(days=sans_contact), "fin_contrat": j + timedelta(days=30),
            "absence_atelier": j - timedelta(days=30), "candidature_relance": j - timedelta(days=delai_candidature),
            "candidature_obsolete": j - timedelta(days=2 * delai_candidature),
            "absences_rdv": j - timedelta(days=183), "agenda_debut": j - timedelta(days=14),
            "agenda_fin": j + timedelta(days=7)}


def perimetre(c: dict) -> str:
    """The policy's perimeter (policy.perimetre) on `personne p`: the conseiller's own caseload (the
    whole structure when it shares caseloads), the chef's team."""
    if c["role"] == "chef de service":
        return ("p.structure_id = %(structure)s AND p.referent_id IN (SELECT id FROM utilisateur "
                "WHERE equipe_id = %(equipe)s AND structure_id = %(structure)s)")
    return "p.structure_id = %(structure)s" + ("" if c["partagee"] else " AND p.referent_id = %(moi)s")


def _accueil(c: dict):
    """« Mes alertes » (a chef: the 50 gravest and how many in all, `LIMITE_ALERTES_EQUIPE`), and for a
    conseiller the agenda of the week (rendez-vous, integration follow-ups: `Module.agenda`)."""
    limite = "LIMIT 50" if c["role"] == "chef de service" else ""
    alertes = f"""WITH perimetre AS MATERIALIZED (
  SELECT p.id FROM personne p WHERE {perimetre(c)} AND p.statut IN {ACTIVES}),
{ALERTES}
SELECT p.id, p.prenom, p.nom, p.nom_usage, r.prenom, r.nom, json_agg(json_build_array(a.code, a.le, a.detail)),
       max(a.gravite), count(*) OVER () AS en_tout
FROM alertes a JOIN personne p ON p.id = a.personne_id LEFT JOIN utilisateur r ON r.id = p.referent_id
GROUP BY p.id, r.id ORDER BY max(a.gravite) DESC, p.nom, p.prenom, p.id {limite}"""
    agenda = ("""
SELECT r.id, r.nature, r.le, r.heure, r.duree_minutes, r.modalite, r.lieu, r.motif_chiffre, r.presence, p.nom, p.prenom
FROM rendez_vous r LEFT JOIN personne p ON p.id = r.personne_id
WHERE r.structure_id = %(structure)s AND r.conseiller_id = %(moi)s AND r.annule_le IS NULL
  AND r.le BETWEEN %(agenda_debut)s AND %(agenda_fin)s AND (r.le >= %(aujourdhui)s OR r.presence IS NULL)
ORDER BY r.le, r.heure LIMIT 200""", """
SELECT pt.id, pt.jalon, pt.prevu_le, s.id, s.employeur, p.nom, p.prenom
FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id JOIN personne p ON p.id = s.personne_id
WHERE s.structure_id = %(structure)s AND s.conseiller_id = %(moi)s AND s.statut = 'en_cours' AND pt.fait_le IS NULL
  AND pt.prevu_le <= %(agenda_fin)s
ORDER BY pt.prevu_le LIMIT 100""") if c["role"] == "conseiller" else ()
    # the people shown (the total, `en_tout`, is checked with their order by bench/tableau.py --verifier)
    return (COMPTE, alertes, *agenda), parametres(c), len


def _file_active(c: dict, recherche: str = ""):
    """A page of the caseload (25 people by name, with their référent and alerts) and how many in all."""
    from cipdesk.core.texte import cle_phonetique
    from cipdesk.personnes.rules import normaliser_nom

    conditions, mots = [], {}
    for i, mot in enumerate(normaliser_nom(recherche).split()):
        mots[f"mot{i}"], mots[f"cle{i}"] = f"%{mot}%", f"%{cle_phonetique(mot)}%" if len(mot) >= 3 else ""
        conditions.append(f"(p.nom_recherche LIKE %(mot{i})s" + (f" OR p.nom_phonetique LIKE %(cle{i})s)"
                                                                if len(mot) >= 3 else ")"))
    filtre = f"{perimetre(c)} AND p.statut IN {ACTIVES}" + "".join(f" AND {x}" for x in conditions)
    sql = f"""WITH perimetre AS MATERIALIZED (
  SELECT p.id, p.nom, p.prenom, p.nom_usage, p.date_naissance, p.telephone, p.statut, p.publics, p.dernier_contact_le,
         p.prochain_rdv_le, p.referent_id, p.nom_recherche FROM personne p
  WHERE {filtre} ORDER BY p.nom_recherche, p.id LIMIT 25),
{ALERTES}
SELECT pg.*, r.prenom, r.nom, (SELECT count(*) FROM personne p WHERE {filtre}),
       (SELECT json_agg(json_build_array(a.code, a.le, a.detail)) FROM alertes a WHERE a.personne_id = pg.id)
FROM perimetre pg LEFT JOIN utilisateur r ON r.id = pg.referent_id ORDER BY pg.nom_recherche, pg.id"""
    return (COMPTE, sql), {**parametres(c), **mots}, len


# The person's timeline (`Module.chronologie`, every provider): one row per event, newest first, with
# what its title and detail show (encrypted texts are decrypted by the app, as on the page).
CHRONOLOGIE = """
SELECT a.date_accueil AS le, a.created_at AS saisi, 'accueil' AS nature, a.id, a.mode::text, a.suite::text,
       c.prenom || ' ' || c.nom AS par
  FROM accueil a JOIN utilisateur c ON c.id = a.conseiller_id WHERE a.personne_id = %(personne)s
UNION ALL
SELECT u.reperee_le, u.created_at, 'urgence', u.accueil_id, u.type_urgence::text, u.traitee_le::text, NULL
  FROM urgence u WHERE u.personne_id = %(personne)s
UNION ALL
SELECT CASE WHEN d.statut = 'valide' THEN d.valide_le ELSE d.date_diagnostic END,
       CASE WHEN d.statut = 'valide' THEN d.updated_at ELSE d.created_at END, 'diagnostic', d.id, d.numero::text,
       d.validation_mode::text, NULL
  FROM diagnostic d WHERE d.personne_id = %(personne)s
UNION ALL
SELECT s.date_entretien, s.created_at, 'synthese', s.id, encode(s.objet_chiffre, 'base64'), s.partagee_le::text,
       s.partage_mode::text
  FROM synthese s WHERE s.personne_id = %(personne)s
UNION ALL
SELECT o.date_orientation, o.created_at, 'orientation', o.id, pa.nom, o.reponse::text, o.reponse_le::text
  FROM orientation o JOIN partenaire pa ON pa.id = o.partenaire_id WHERE o.personne_id = %(personne)s
UNION ALL
SELECT ri.date_reunion, ri.created_at, 'reunion_information', ri.id, ri.lieu, pr.resultat::text, NULL
  FROM participant_reunion pr JOIN reunion_information ri ON ri.id = pr.reunion_id WHERE pr.personne_id = %(personne)s
UNION ALL
SELECT n.created_at::date, n.created_at, 'note_confidentielle', n.id, NULL, NULL, NULL
  FROM note_confidentielle n
  WHERE %(lit_les_notes)s AND ((n.objet_type = 'accueil' AND n.objet_id IN (
          SELECT id FROM accueil WHERE personne_id = %(personne)s))
       OR (n.objet_type = 'synthese' AND n.objet_id IN (SELECT id FROM synthese WHERE personne_id = %(personne)s)))
    AND n.structure_id = %(structure)s
    AND (n.auteur_id = %(moi)s OR EXISTS (SELECT 1 FROM note_lecteur l WHERE l.note_id = n.id
                                                  AND l.utilisateur_id = %(moi)s))
UNION ALL
SELECT v.le, v.cree_le, 'parcours', v.parcours_id, v.nature::text || ' ' || v.numero, pc.dispositif_libelle,
       v.signe_le::text
  FROM version_contrat v JOIN parcours pc ON pc.id = v.parcours_id WHERE pc.personne_id = %(personne)s
UNION ALL
SELECT ev.le, ev.saisi_le, 'etape', e.parcours_id, ev.nature::text || ' ' || coalesce(ev.statut_apres::text, ''),
       encode(e.intitule_chiffre, 'base64'), u.prenom || ' ' || u.nom
  FROM etape_evenement ev JOIN etape e ON e.id = ev.etape_id JOIN parcours pc ON pc.id = e.parcours_id
  JOIN utilisateur u ON u.id = ev.par_id WHERE pc.personne_id = %(personne)s
UNION ALL
SELECT en.le, en.created_at, 'entretien', en.id, en.type_entretien::text || ' ' || en.mode::text,
       encode(en.objectif_chiffre, 'base64'), u.prenom || ' ' || u.nom
  FROM entretien en JOIN parcours pc ON pc.id = en.parcours_id JOIN utilisateur u ON u.id = en.conseiller_id
  WHERE pc.personne_id = %(personne)s
UNION ALL
SELECT so.sortie_le, so.created_at, 'bilan_parcours', so.parcours_id, so.categorie::text, so.motif::text,
       encode(so.relais_vers_chiffre, 'base64')
  FROM sortie so JOIN parcours pc ON pc.id = so.parcours_id WHERE pc.personne_id = %(personne)s
UNION ALL
SELECT i.inscrit_le, i.created_at, 'inscription_atelier', i.session_id, a.titre, i.statut::text, NULL
  FROM inscription_atelier i JOIN session_atelier sa ON sa.id = i.session_id JOIN atelier a ON a.id = sa.atelier_id
  WHERE i.personne_id = %(personne)s
UNION ALL
SELECT d.le, pr.created_at, 'presence_atelier', d.session_id, a.titre, d.periode::text, pr.statut::text
  FROM presence_atelier pr JOIN inscription_atelier i ON i.id = pr.inscription_id
  JOIN demi_journee d ON d.id = pr.demi_journee_id JOIN session_atelier sa ON sa.id = d.session_id
  JOIN atelier a ON a.id = sa.atelier_id WHERE i.personne_id = %(personne)s
UNION ALL
SELECT ev.evalue_le, ev.created_at, 'evaluation_atelier', ev.inscription_id, a.titre, ev.resultat::text, ob.capacite
  FROM evaluation_objectif ev JOIN inscription_atelier i ON i.id = ev.inscription_id
  JOIN objectif_pedagogique ob ON ob.id = ev.objectif_id JOIN session_atelier sa ON sa.id = i.session_id
  JOIN atelier a ON a.id = sa.atelier_id WHERE i.personne_id = %(personne)s
UNION ALL
SELECT t.le, t.created_at, 'candidature', c.id, o.intitule, t.vers::text,
       coalesce(t.motif_refus, encode(t.commentaire_chiffre, 'base64'))
  FROM transition_candidature t JOIN candidature c ON c.id = t.candidature_id JOIN offre_emploi o ON o.id = c.offre_id
  WHERE c.personne_id = %(personne)s
UNION ALL
SELECT im.debut, im.created_at, 'immersion', im.id, en.raison_sociale, im.objectif::text, im.statut::text
  FROM immersion im JOIN entreprise en ON en.id = im.entreprise_id WHERE im.personne_id = %(personne)s
UNION ALL
SELECT s.debut, s.created_at, 'suivi_integration', s.id, s.intitule_poste, s.employeur, s.type_contrat::text
  FROM suivi_integration s WHERE s.personne_id = %(personne)s
UNION ALL
SELECT pt.fait_le, pt.updated_at, 'point_integration', s.id, pt.jalon::text, s.employeur, pt.risque_rupture::text
  FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id
  WHERE s.personne_id = %(personne)s AND pt.fait_le IS NOT NULL
UNION ALL
SELECT md.le, md.created_at, 'mediation_integration', s.id, NULL, s.employeur, NULL
  FROM mediation_integration md JOIN suivi_integration s ON s.id = md.suivi_id WHERE s.personne_id = %(personne)s
UNION ALL
SELECT s.bilan_le, s.updated_at, 'bilan_integration', s.id, s.statut::text, s.employeur, NULL
  FROM suivi_integration s WHERE s.personne_id = %(personne)s AND s.bilan_le IS NOT NULL
UNION ALL
(SELECT r.le, r.created_at, 'rendez_vous', r.id, r.nature::text || ' ' || r.heure::text, r.modalite::text,
        coalesce(r.presence::text, r.annule_le::text)
  FROM rendez_vous r WHERE r.personne_id = %(personne)s ORDER BY r.le DESC LIMIT 200)
UNION ALL
(SELECT coalesce(m.envoye_le, m.cree_le)::date, coalesce(m.envoye_le, m.cree_le), 'message_personne', m.objet_id,
        m.nature::text, m.statut::text, m.motif
  FROM message_sortant m WHERE m.personne_id = %(personne)s ORDER BY m.cree_le DESC LIMIT 200)
ORDER BY le DESC, saisi DESC"""

# The person and what the access guard needs (the référent's team, the structure's settings).
PERSONNE = """
SELECT p.*, r.prenom, r.nom, r.equipe_id FROM personne p LEFT JOIN utilisateur r ON r.id = p.referent_id
WHERE p.id = %(personne)s AND p.structure_id = %(structure)s"""

# The page's cards at a glance (`Module.fiche_personne`): the last validated diagnostic, orientations
# awaiting an answer, the parcours and their open étapes, rendez-vous, documents, the privacy notice
# and the break-glass accesses.
FICHE = ("""
SELECT d.id, d.numero, d.valide_le, dd.dimension_code, dd.dimension_libelle, dd.atout_niveau, dd.frein_niveau
FROM (SELECT * FROM diagnostic WHERE personne_id = %(personne)s AND statut = 'valide' ORDER BY numero DESC LIMIT 1) d
LEFT JOIN diagnostic_dimension dd ON dd.diagnostic_id = d.id ORDER BY dd.ordre""", """
SELECT o.id, o.date_orientation, pa.nom FROM orientation o JOIN partenaire pa ON pa.id = o.partenaire_id
WHERE o.personne_id = %(personne)s AND o.reponse = 'en_attente' ORDER BY o.date_orientation""", """
SELECT pc.id, pc.statut, pc.debut, e.id, e.intitule_chiffre, e.echeance, e.statut FROM parcours pc
LEFT JOIN etape e ON e.parcours_id = pc.id AND pc.statut = 'ouvert' AND e.statut IN ('prevue', 'en_cours', 'reportee')
WHERE pc.personne_id = %(personne)s ORDER BY pc.debut DESC, e.echeance""", """
SELECT r.id, r.le, r.heure, r.nature, r.presence, r.annule_le, u.prenom, u.nom FROM rendez_vous r
LEFT JOIN utilisateur u ON u.id = r.conseiller_id WHERE r.personne_id = %(personne)s
ORDER BY r.le DESC, r.heure DESC LIMIT 200""", """
SELECT id, nature, type_mime, taille, nom_fichier_chiffre, created_at FROM document_joint
WHERE personne_id = %(personne)s ORDER BY created_at DESC LIMIT 5""", """
SELECT remise_le, mode, version FROM notice_remise WHERE personne_id = %(personne)s ORDER BY remise_le DESC LIMIT 1""",
         """
SELECT a.debut, a.fin, a.motif, u.prenom, u.nom FROM acces_exceptionnel a JOIN utilisateur u ON u.id = a.utilisateur_id
WHERE a.personne_id = %(personne)s ORDER BY a.debut DESC LIMIT 5""")

# The alerts of one person (the page's banner), on the same providers.
ALERTES_PERSONNE = f"""WITH perimetre AS (SELECT %(personne)s::uuid AS id),
{ALERTES}
SELECT code, gravite, le, detail FROM alertes"""


@main_("personne")
def _personne(c: dict):
    """The timeline (checked), then the person, the audited read, the cards and the alerts."""
    return ((COMPTE, CHRONOLOGIE, PERSONNE, *AUDIT, *FICHE, ALERTES_PERSONNE),
            {**parametres(c), "objet_type": "personne", "lit_les_notes": c["role"] == "conseiller"}, len)


# The diagnostic page: every version with its dimensions (one row per dimension), then the person.
DIAGNOSTICS = """
SELECT d.id, d.numero, d.date_diagnostic, d.statut, d.valide_le, d.validation_mode, d.hypotheses_chiffre,
       d.paroles_personne_chiffre, d.validation_precisions_chiffre, dd.dimension_code, dd.dimension_libelle,
       dd.atout_niveau, dd.frein_niveau, dd.situation_chiffre, dd.atouts_chiffre, dd.freins_chiffre, dd.besoins_chiffre
FROM diagnostic d LEFT JOIN diagnostic_dimension dd ON dd.diagnostic_id = d.id
WHERE d.personne_id = %(personne)s AND d.structure_id = %(structure)s ORDER BY d.numero, dd.ordre"""


@main_("diagnostic")
def _diagnostic(c: dict):
    return ((COMPTE, DIAGNOSTICS, PERSONNE, *AUDIT), {**c, "objet_type": "diagnostic"},
            lambda lignes: len({ligne[0] for ligne in lignes}))


# The parcours page: its étapes and entretiens (checked), then the contract with the person and the
# référents, project and exit, contract versions, explored jobs and confrontations, the étapes' history,
# the person's last validated diagnostic (coherence of the étapes), the audited read, the alerts of the
# person, and the cards (the reader's practice analyses and the documents attached to the parcours).
PARCOURS = ("""
SELECT 'etape', e.id, e.type_code, e.type_libelle, e.responsable, e.echeance, e.statut, e.realisee_le,
       e.frein_dimension_code, e.intitule_chiffre, e.partenaire_chiffre, e.objectif_chiffre, NULL, NULL
  FROM etape e WHERE e.parcours_id = %(parcours)s
UNION ALL
SELECT 'entretien', en.id, en.type_entretien, en.mode, u.prenom || ' ' || u.nom, en.le, NULL, en.prochain_rdv_le,
       NULL, en.objectif_chiffre, en.synthese_chiffre, en.decisions_chiffre, en.duree_minutes, en.note_id
  FROM entretien en JOIN utilisateur u ON u.id = en.conseiller_id WHERE en.parcours_id = %(parcours)s
ORDER BY 1 DESC, 6""", """
SELECT pc.*, p.nom, p.prenom, p.nom_usage, p.referent_id, p.structure_id, rp.prenom, rp.nom, rp.equipe_id, r.prenom,
       r.nom, pj.*, so.*, s.parametres
FROM parcours pc JOIN personne p ON p.id = pc.personne_id LEFT JOIN utilisateur rp ON rp.id = p.referent_id
LEFT JOIN utilisateur r ON r.id = pc.referent_id LEFT JOIN projet pj ON pj.parcours_id = pc.id
LEFT JOIN sortie so ON so.parcours_id = pc.id JOIN structure s ON s.id = pc.structure_id
WHERE pc.id = %(parcours)s AND pc.structure_id = %(structure)s""", """
SELECT v.* FROM version_contrat v WHERE v.parcours_id = %(parcours)s ORDER BY v.numero""", """
SELECT m.*, c.* FROM projet pj JOIN metier_explore m ON m.projet_id = pj.id
LEFT JOIN confrontation c ON c.metier_id = m.id WHERE pj.parcours_id = %(parcours)s ORDER BY m.created_at, c.le""", """
SELECT ev.*, u.prenom, u.nom FROM etape_evenement ev JOIN etape e ON e.id = ev.etape_id
LEFT JOIN utilisateur u ON u.id = ev.par_id WHERE e.parcours_id = %(parcours)s ORDER BY ev.saisi_le""", """
SELECT ss.* FROM suivi_sortie ss JOIN sortie so ON so.id = ss.sortie_id WHERE so.parcours_id = %(parcours)s""", """
SELECT d.id, d.numero, dd.dimension_code, dd.frein_niveau FROM (
  SELECT d.id, d.numero FROM diagnostic d JOIN parcours pc ON pc.personne_id = d.personne_id
  WHERE pc.id = %(parcours)s AND d.statut = 'valide' ORDER BY d.numero DESC LIMIT 1) d
LEFT JOIN diagnostic_dimension dd ON dd.diagnostic_id = d.id ORDER BY dd.ordre""", *AUDIT, ALERTES_PERSONNE, """
SELECT id, titre_chiffre, situation_le FROM analyse_pratique WHERE auteur_id = %(moi)s AND objet_type = 'parcours'
  AND objet_id = %(parcours)s ORDER BY situation_le, created_at""", """
SELECT id, nature, type_mime, taille, nom_fichier_chiffre, created_at FROM document_joint
WHERE personne_id = %(personne)s AND objet_type = 'parcours' AND objet_id = %(parcours)s ORDER BY created_at DESC""")


@main_("parcours")
def _parcours(c: dict):
    return (COMPTE, *PARCOURS), {**parametres(c), "objet_type": "parcours"}, len


# « Mes compétences »: the candidate's profile, the coverage of each competence by their proofs (checked),
# their self-assessments.
COMPETENCES = ("""
SELECT competence_code, count(*), max(date_activite) FROM preuve_competence
WHERE utilisateur_id = %(moi)s AND retiree_le IS NULL AND structure_id = %(structure)s GROUP BY competence_code""", """
SELECT * FROM profil_candidat WHERE utilisateur_id = %(moi)s""", """
SELECT competence_code, niveau, commentaire, evalue_le FROM auto_evaluation
WHERE utilisateur_id = %(moi)s AND structure_id = %(structure)s ORDER BY evalue_le DESC, created_at DESC""")

# A competence's page: its proofs, 30 a page (checked), their number, the other recent activities that could
# prove it (60), the self-assessments of that competence.
COMPETENCE = ("""
SELECT id, objet_type, objet_id, date_activite, source, motif, retiree_le, motif_retrait FROM preuve_competence
WHERE utilisateur_id = %(moi)s AND competence_code = %(competence)s AND structure_id = %(structure)s
ORDER BY retiree_le IS NOT NULL, date_activite DESC, created_at DESC LIMIT 30""", """
SELECT count(*) FROM preuve_competence
WHERE utilisateur_id = %(moi)s AND competence_code = %(competence)s AND structure_id = %(structure)s""", """
SELECT p.objet_type, p.objet_id, max(p.date_activite) AS le FROM preuve_competence p
WHERE p.utilisateur_id = %(moi)s AND p.retiree_le IS NULL AND p.structure_id = %(structure)s
  AND NOT EXISTS (SELECT 1 FROM preuve_competence q WHERE q.utilisateur_id = %(moi)s AND q.retiree_le IS NULL
                  AND q.competence_code = %(competence)s AND q.objet_id = p.objet_id)
GROUP BY p.objet_type, p.objet_id ORDER BY le DESC LIMIT 60""", """
SELECT * FROM profil_candidat WHERE utilisateur_id = %(moi)s""", """
SELECT niveau, commentaire, evalue_le FROM auto_evaluation
WHERE utilisateur_id = %(moi)s AND competence_code = %(competence)s AND structure_id = %(structure)s
ORDER BY evalue_le DESC, created_at DESC""")


main_("competences")(lambda c: ((COMPTE, *COMPETENCES), c, len))
main_("competence")(lambda c: ((COMPTE, *COMPETENCE), {**c, "competence": "CP6"}, len))


main_("accueil")(_accueil)
main_("file_active")(_file_active)
main_("recherche")(lambda c: _file_active(c, c["recherche"]))


# -- context ---------------------------------------------------------------------------------------------
def contexte(app, role: str) -> dict:
    """What the URLs and the floors need, for one account: the person of bench/run.py
    (`/_plancher/contexte`: the first of the perimeter, by name, with a parcours)."""
    from sqlalchemy import select

    from cipdesk.comptes.models import SessionConnexion, Utilisateur
    from cipdesk.core.db import db
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.personnes.models import Personne
    from cipdesk.personnes.queries import file_partagee, restreindre

    with app.app_context():
        s = db.session
        u = s.scalar(select(Utilisateur).where(Utilisateur.email == ROLES[role]))
        requete = restreindre(select(Personne.id, Personne.nom_recherche, Parcours.id).join(
            Parcours, Parcours.personne_id == Personne.id), u, file_active_partagee=file_partagee(u))
        personne, nom, parcours = s.execute(requete.order_by(Personne.nom_recherche).limit(1)).one()
        jeton = s.scalar(select(SessionConnexion.empreinte).where(
            SessionConnexion.utilisateur_id == u.id, SessionConnexion.fin.is_(None))
            .order_by(SessionConnexion.debut.desc()).limit(1))
        aujourd_hui = date.today()
        c = {"role": role, "parametres": dict(u.structure.parametres or {}), "moi": u.id,
             "structure": u.structure_id, "equipe": u.equipe_id, "session": jeton,
             "partagee": file_partagee(u), "personne": personne, "recherche": nom[:3], "parcours": parcours,
             "aujourdhui": aujourd_hui, "empreinte": "0" * 64, "sel": "0" * 32}
        s.remove()
    return c


def verifier(app, email: str, nom: str, c: dict, conninfo: str) -> tuple[int, int]:
    """(rows of the page, rows of the hand floor's main statement): the page's rows are those
    of its first floor (bench/planchers.py, the app's own queries), computed as that user."""
    import psycopg
    from flask_login import login_user
    from sqlalchemy import select

    from bench.planchers import PLANCHERS
    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.db import db

    args = {k: str(v) for k, v in c.items()}
    args["q"] = c["recherche"] if nom == "recherche" else ""
    with app.test_request_context("/"):
        login_user(db.session.scalar(select(Utilisateur).where(Utilisateur.email == email)))
        page = len(PLANCHERS[nom](args))
        db.session.rollback()
    instructions, parametres, compter = A_LA_MAIN[nom](c)
    with psycopg.connect(conninfo) as conn:
        lignes = compter(conn.execute(instructions[1], parametres).fetchall())
        conn.rollback()
    return page, lignes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--pages", default="", help="ne mesurer que les pages dont le nom contient ce texte")
    parser.add_argument("--sauf", default="", help="ne pas mesurer les pages dont le nom contient ce texte")
    parser.add_argument("--roles", default="conseiller,chef de service")
    parser.add_argument("--verifier", action="store_true",
                        help="comparer le nombre de lignes de chaque plancher à la main à celui de la page")
    parser.add_argument("--montrer", action="store_true", help="afficher les requêtes SQL de chaque page")
    parser.add_argument("--resultats", default="", help="fichier Markdown où ajouter le tableau")
    args = parser.parse_args()

    from cipdesk import create_app

    app = create_app()
    gc.freeze()   # as cipdesk/wsgi.py does in production
    url_bd = app.config["SQLALCHEMY_DATABASE_URI"]
    sqlite = url_bd.startswith("sqlite:///")
    conninfo = url_bd.replace("postgresql+psycopg://", "postgresql://")
    if not sqlite:
        preparer_le_journal_du_banc(conninfo)
    resultats, ecarts = [], []
    for role in args.roles.split(","):
        email = ROLES[role]
        client = app.test_client()
        connecter(client, email)
        c = contexte(app, role)
        for nom, gabarit, plancher, roles in PAGES:
            if plancher is None or role not in roles or (args.pages and args.pages not in nom) \
                    or (args.sauf and args.sauf in nom):
                continue
            url = gabarit.format(**c)
            if args.verifier:
                if plancher in A_LA_MAIN and not sqlite:
                    page, lignes = verifier(app, email, plancher, c, conninfo)
                    print(f"{role:16} {nom:26} page {page:5} lignes, à la main {lignes:5}"
                          + ("" if page == lignes else "  ÉCART"), flush=True)
                    if page != lignes:
                        ecarts.append((role, nom))
                continue
            if args.montrer:
                for instruction, parametres, _plusieurs in capturer(app, client, url):
                    print(f"-- {role} {nom}\n{instruction}\n{parametres}\n")
                continue
            charge_avant = os.getloadavg()[0]
            mesure = mesurer(client, url, args.requests)
            instructions = capturer(app, client, url)
            if sqlite:
                requetes = rejouer_sqlite(url_bd.removeprefix("sqlite:///"), instructions, args.requests)
                manuel = None
            else:
                requetes = rejouer(conninfo, instructions, args.requests)
                manuel = None
                if plancher in A_LA_MAIN:
                    sql, parametres, _compter = A_LA_MAIN[plancher](c)
                    manuel = a_la_main(conninfo, sql, parametres, args.requests)
            charge = (charge_avant + os.getloadavg()[0]) / 2
            resultats.append((nom, role, mesure, requetes, manuel, len(instructions), charge))
            print(f"{role:16} {nom:26} p95 {centile(mesure, 95):7.1f} ms  requêtes ({len(instructions):2}) "
                  f"{centile(requetes, 95):6.1f} ms" + (f"  à la main {centile(manuel, 95):6.1f} ms" if manuel else "")
                  + (f"  ×{centile(mesure, 95) / centile(manuel, 95):.1f}" if manuel else "")
                  + f"  charge {charge:.1f}", flush=True)
    if args.verifier:
        raise SystemExit(f"Écarts : {ecarts}" if ecarts else 0)
    if resultats:
        ecrire(args, resultats, "SQLite" if sqlite else "PostgreSQL")


def ecrire(args, resultats, moteur: str) -> None:
    lignes = [f"\n\n### {datetime.now():%Y-%m-%d %H:%M} — pages principales contre leurs deux planchers : {moteur}, "
              f"{args.requests} requêtes séquentielles par page (`bench/pages.py`)\n",
              "| page | rôle | p50 (ms) | p95 (ms) | requêtes SQL | plancher requêtes p95 (ms) | ratio | "
              "plancher à la main p95 (ms) | ratio | charge |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for nom, role, page, requetes, manuel, n, charge in resultats:
        p95, r95 = centile(page, 95), centile(requetes, 95)
        m95 = centile(manuel, 95) if manuel else None
        lignes.append(f"| {nom} | {role} | {statistics.median(page):.1f} | {p95:.1f} | {n} | {r95:.1f} | "
                      f"{p95 / r95:.1f} | " + (f"{m95:.1f} | {p95 / m95:.1f}" if m95 else "— | —")
                      + f" | {charge:.1f} |")
    texte = "\n".join(lignes) + "\n"
    print(texte)
    if args.resultats:
        with open(args.resultats, "a", encoding="utf-8") as f:
            f.write(texte)


if __name__ == "__main__":
    main()
