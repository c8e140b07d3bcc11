"""The access matrix: every route of the URL map × every role, against one
declared table. A route missing from the table fails the suite."""
from __future__ import annotations

import pytest

from tests.factories import objets_de_tous_les_modules
from tests.http.matrice_commune import INTERDIT, INTROUVABLE, LOGIN, OK, ROLES, matrices_des_modules
from tests.http.matrice_commune import lignes as _parcours
from tests.http.matrice_commune import tous as _tous

CONNECTES = dict(anonyme=LOGIN)
ADMIN_SEUL = _tous(INTERDIT, anonyme=LOGIN, admin=OK)
AUTEUR_SEUL = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)
# People (accueil module): the référent sees and writes; the chef of the team sees; the
# colleagues (caseload not shared by default) and the admin are refused; another structure: 404.
VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
MODIFIER = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)
CONSEILLERS = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
REPERTOIRE = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
DOSSIER = _tous(INTERDIT, anonyme=LOGIN, candidat=OK)  # a candidat's dossier: theirs only


P_VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
P_ECRIRE = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)


# endpoint -> list of (method, url builder, expected answer per role)
MATRICE = {
    "static": [("GET", lambda o: "/static/css/cipdesk.css", _tous(OK))],
    "web.sante": [("GET", lambda o: "/sante", _tous(OK))],
    "comptes.connexion": [("GET", lambda o: "/connexion", _tous(OK)),
                          ("POST", lambda o: "/connexion", _tous(OK))],
    "personnes.accueil": [("GET", lambda o: "/", _tous(OK, **CONNECTES))],
    "web.module": [
        ("GET", lambda o: "/module/accueil", _tous(OK, anonyme=LOGIN, admin=INTERDIT)),
        ("GET", lambda o: "/module/competences", _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)),
        ("GET", lambda o: "/module/tableau_de_bord",
         _tous(INTERDIT, anonyme=LOGIN, chef=OK)),
    ],
    "web.information": [("GET", lambda o: f"/{page}", _tous(OK)) for page in
                        ("accessibilite", "mentions-legales", "donnees-personnelles")],
    "comptes.deconnexion": [("POST", lambda o: "/deconnexion", _tous(OK, **CONNECTES))],
    "comptes.mot_de_passe": [("GET", lambda o: "/compte/mot-de-passe", _tous(OK, **CONNECTES)),
                             ("POST", lambda o: "/compte/mot-de-passe", _tous(OK, **CONNECTES))],
    "comptes.mon_compte": [("GET", lambda o: "/compte", _tous(OK, **CONNECTES))],
    "comptes.preferences": [("POST", lambda o: "/compte/preferences", _tous(OK, **CONNECTES))],
    # Mes sessions (issue #10): one's own sessions only; another user's session is not found.
    "comptes.sessions": [("GET", lambda o: "/compte/sessions", _tous(OK, **CONNECTES))],
    "comptes.terminer_session": [("POST", lambda o: f"/compte/sessions/{o['session']}/fin",
                                  _tous(INTROUVABLE, anonyme=LOGIN, conseiller=OK))],
    "comptes.terminer_autres_sessions": [("POST", lambda o: "/compte/sessions/autres/fin", _tous(OK, **CONNECTES))],
    # Keep-alive while typing (issue #10, point 10).
    "comptes.maintien_session": [("POST", lambda o: "/compte/session/maintien", _tous(OK, **CONNECTES))],
    "notes.liste": [
        ("GET", lambda o: "/notes/", _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)),
        ("POST", lambda o: "/notes/", _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)),
    ],
    "notes.voir": [("GET", lambda o: f"/notes/{o['note']}", AUTEUR_SEUL)],
    "notes.modifier": [("GET", lambda o: f"/notes/{o['note']}/modifier", AUTEUR_SEUL),
                       ("POST", lambda o: f"/notes/{o['note']}/modifier", AUTEUR_SEUL)],
    "notes.partager": [("POST", lambda o: f"/notes/{o['note']}/partages", AUTEUR_SEUL)],
    "notes.retirer_partage": [
        ("POST", lambda o: f"/notes/{o['note']}/partages/{o['collegue']}/retrait", AUTEUR_SEUL)],
    "referentiel.index": [("GET", lambda o: "/referentiel/", _tous(OK, **CONNECTES))],
    "referentiel.competence": [("GET", lambda o: "/referentiel/competences/CP6", _tous(OK, **CONNECTES))],
    "referentiel.dossier": [("GET", lambda o: "/referentiel/dossier", _tous(OK, **CONNECTES))],
    "admin.structures": [("GET", lambda o: "/admin/structures", ADMIN_SEUL)],
    "admin.structure": [("GET", lambda o: f"/admin/structures/{o['structure']}", ADMIN_SEUL),
                        ("POST", lambda o: f"/admin/structures/{o['structure']}", ADMIN_SEUL)],
    "admin.nouvel_utilisateur": [("GET", lambda o: "/admin/utilisateurs/nouveau", ADMIN_SEUL),
                                 ("POST", lambda o: "/admin/utilisateurs/nouveau", ADMIN_SEUL)],
    "admin.utilisateur": [("GET", lambda o: f"/admin/utilisateurs/{o['collegue']}", ADMIN_SEUL),
                          ("POST", lambda o: f"/admin/utilisateurs/{o['collegue']}", ADMIN_SEUL)],
    "admin.journal": [("GET", lambda o: "/admin/journal", ADMIN_SEUL)],
    "admin.listes_de_la_structure": [(m, lambda o: "/admin/listes", ADMIN_SEUL) for m in ("GET", "POST")],
    "admin.delais": [(m, lambda o: "/admin/delais", ADMIN_SEUL) for m in ("GET", "POST")],
    "admin.debloquer_connexion": [("POST", lambda o: f"/admin/utilisateurs/{o['collegue']}/deblocage", ADMIN_SEUL)],
    # -- accueil & diagnostic partagé -------------------------------------------------
    "personnes.file_active": [("GET", lambda o: "/accueil/", _tous(OK, anonyme=LOGIN, admin=INTERDIT))],
    "personnes.nouvelle": [(m, lambda o: "/accueil/personnes/nouvelle", CONSEILLERS) for m in ("GET", "POST")],
    "personnes.voir": [("GET", lambda o: f"/accueil/personnes/{o['personne']}", VOIR)],
    "personnes.modifier": [(m, lambda o: f"/accueil/personnes/{o['personne']}/modifier", MODIFIER)
                                  for m in ("GET", "POST")],
    "accueil.accueils.nouveau": [(m, lambda o: f"/accueil/personnes/{o['personne']}/accueils/nouveau", MODIFIER)
                               for m in ("GET", "POST")],
    "accueil.accueils.voir": [("GET", lambda o: f"/accueil/accueils/{o['accueil']}", VOIR)],
    "accueil.accueils.traiter_urgence": [("POST", lambda o: f"/accueil/urgences/{o['urgence']}/traitement", MODIFIER)],
    "accueil.accueils.ajouter_note": [("POST", lambda o: f"/accueil/accueil/{o['accueil']}/notes", MODIFIER),
                             ("POST", lambda o: f"/accueil/synthese/{o['synthese']}/notes", MODIFIER)],
    "accueil.diagnostic.voir": [("GET", lambda o: f"/accueil/personnes/{o['personne']}/diagnostic", VOIR)],
    "accueil.diagnostic.nouvelle_version": [("POST", lambda o: f"/accueil/personnes/{o['personne']}/diagnostic/versions", MODIFIER)],
    "accueil.diagnostic.modifier": [(m, lambda o: f"/accueil/diagnostics/{o['diagnostic']}/modifier", MODIFIER)
                                    for m in ("GET", "POST")],
    "accueil.diagnostic.valider": [("POST", lambda o: f"/accueil/diagnostics/{o['diagnostic']}/validation", MODIFIER)],
    "accueil.diagnostic.enregistrer_dimension": [
        ("POST", lambda o: f"/accueil/diagnostics/{o['diagnostic']}/dimensions/mobilite", MODIFIER)],
    "accueil.diagnostic.comparer": [("GET", lambda o: f"/accueil/personnes/{o['personne']}/diagnostic/comparaison", VOIR)],
    "accueil.synthese.nouvelle": [(m, lambda o: f"/accueil/personnes/{o['personne']}/syntheses/nouvelle", MODIFIER)
                                  for m in ("GET", "POST")],
    "accueil.synthese.voir": [("GET", lambda o: f"/accueil/syntheses/{o['synthese']}", VOIR)],
    "accueil.synthese.pdf_synthese": [("GET", lambda o: f"/accueil/syntheses/{o['synthese']}/pdf", VOIR)],
    "accueil.synthese.docx_synthese": [("GET", lambda o: f"/accueil/syntheses/{o['synthese']}/synthese.docx", VOIR)],
    "accueil.synthese.partager": [("POST", lambda o: f"/accueil/syntheses/{o['synthese']}/partage", MODIFIER)],
    "territoire.partenaires.liste": [("GET", lambda o: "/accueil/partenaires", REPERTOIRE),
                            ("POST", lambda o: "/accueil/partenaires", CONSEILLERS)],
    "territoire.partenaires.voir": [("GET", lambda o: f"/accueil/partenaires/{o['partenaire']}", {**REPERTOIRE, "ailleurs": INTROUVABLE}),
                           ("POST", lambda o: f"/accueil/partenaires/{o['partenaire']}", {**CONSEILLERS, "ailleurs": INTROUVABLE})],
    "accueil.orientation.nouvelle": [(m, lambda o: f"/accueil/personnes/{o['personne']}/orientations/nouvelle", MODIFIER)
                                     for m in ("GET", "POST")],
    "accueil.orientation.voir": [("GET", lambda o: f"/accueil/orientations/{o['orientation']}", VOIR)],
    "accueil.orientation.repondre": [("POST", lambda o: f"/accueil/orientations/{o['orientation']}/reponse", MODIFIER)],
    "accueil.orientation.fiche_liaison_pdf": [("GET", lambda o: f"/accueil/orientations/{o['orientation']}/fiche-de-liaison.pdf", VOIR)],
    "accueil.reunions.liste": [("GET", lambda o: "/accueil/reunions", REPERTOIRE),
                         ("POST", lambda o: "/accueil/reunions", CONSEILLERS)],
    "accueil.reunions.voir": [("GET", lambda o: f"/accueil/reunions/{o['reunion']}", {**REPERTOIRE, "ailleurs": INTROUVABLE}),
                             ("POST", lambda o: f"/accueil/reunions/{o['reunion']}", {**CONSEILLERS, "ailleurs": INTROUVABLE})],
    "admin.designer_tuteur": [("POST", lambda o: f"/admin/utilisateurs/{o['candidat']}/tuteur", ADMIN_SEUL)],
    # -- Mes compétences: the conseiller's own; chef and admin have none ----------
    "competences.couverture": [("GET", lambda o: "/competences/", CONSEILLERS)],
    "competences.competence": [("GET", lambda o: "/competences/CP6", CONSEILLERS)],
    "competences.auto_evaluation": [("POST", lambda o: "/competences/CP6/auto-evaluation", CONSEILLERS)],
    "competences.etiqueter": [("POST", lambda o: "/competences/CP6/preuves", CONSEILLERS)],
    "competences.retirer": [("POST", lambda o: f"/competences/preuves/{o['preuve']}/retrait",
                             _tous(INTROUVABLE, anonyme=LOGIN, candidat=OK, chef=INTERDIT, admin=INTERDIT))],
    "competences.export_pdf": [("GET", lambda o: "/competences/export.pdf", CONSEILLERS)],
    "competences.profil": [
        ("GET", lambda o: "/competences/profil",
         _tous(INTROUVABLE, anonyme=LOGIN, candidat=OK, chef=INTERDIT, admin=INTERDIT)),
        ("POST", lambda o: "/competences/profil",
         _tous(INTROUVABLE, anonyme=LOGIN, candidat=OK, chef=INTERDIT, admin=INTERDIT))],
    "competences.candidats": [("GET", lambda o: "/competences/candidats", _tous(OK, **CONNECTES))],
    "competences.couverture_candidat": [
        ("GET", lambda o: f"/competences/candidats/{o['candidat']}",
         _tous(INTERDIT, anonyme=LOGIN, candidat=OK, chef=OK, ailleurs=INTROUVABLE))],
    # -- Mon dossier de certification (issue #16): the candidat's own, nobody else's ------
    "dossier.preparation": [("GET", lambda o: "/dossier/", DOSSIER)],
    "dossier.preparation_candidat": [
        ("GET", lambda o: f"/dossier/candidats/{o['candidat']}",
         _tous(INTERDIT, anonyme=LOGIN, candidat=OK, chef=OK, ailleurs=INTROUVABLE))],
    "dossier.cas": [(m, lambda o: "/dossier/parties/2/cas", DOSSIER) for m in ("GET", "POST")],
    "dossier.partie": [("GET", lambda o: "/dossier/parties/2", DOSSIER)],
    "dossier.textes": [("POST", lambda o: "/dossier/parties/2/textes", DOSSIER)],
    "dossier.blocs": [("POST", lambda o: "/dossier/parties/2/blocs", DOSSIER)],
    "dossier.coupes": [("POST", lambda o: "/dossier/parties/2/coupes", DOSSIER)],
    "dossier.titre_pdf": [("GET", lambda o: "/dossier/titre.pdf", DOSSIER)],
    "dossier.titre_docx": [("GET", lambda o: "/dossier/titre.docx", DOSSIER)],
    "dossier.dp_pdf": [("GET", lambda o: "/dossier/dp.pdf", DOSSIER)],
    # The CCP productions: a candidat on the CCP route only (the matrix's candidat is on the VAE
    # route: refused; the CCP candidat's access: tests/http/dossier/test_dossier.py).
    "dossier.ccp": [("GET", lambda o: "/dossier/ccp/CCP2", _tous(INTERDIT, anonyme=LOGIN))],
    "dossier.ccp_pdf": [("GET", lambda o: "/dossier/ccp/CCP2.pdf", _tous(INTERDIT, anonyme=LOGIN))],
    "dossier.ccp_docx": [("GET", lambda o: "/dossier/ccp/CCP2.docx", _tous(INTERDIT, anonyme=LOGIN))],
    "dossier.demander_relecture": [("POST", lambda o: "/dossier/parties/2/relecture", DOSSIER)],
    "dossier.substitutions": [("POST", lambda o: "/dossier/parties/2/substitutions", DOSSIER)],
    "dossier.relectures": [("GET", lambda o: "/dossier/relectures", _tous(OK, **CONNECTES))],
    # Collective VAE: each connected user sees the candidats attached to them (none by default);
    # only a chef de service or the admin attaches (the accompagnateur's access: test_dossier.py).
    "dossier.vae_collective": [("GET", lambda o: "/dossier/vae-collective", _tous(OK, **CONNECTES)),
                               ("POST", lambda o: "/dossier/vae-collective",
                                _tous(INTERDIT, anonyme=LOGIN, chef=OK, admin=OK))],
    "dossier.relecture": [(m, lambda o: f"/dossier/relectures/{o['relecture']}",
                           _tous(INTERDIT, anonyme=LOGIN, chef=OK, ailleurs=INTROUVABLE)) for m in ("GET", "POST")],
    "parcours.contrat.index": [("GET", lambda o: "/parcours/",
                        _tous(OK, anonyme=LOGIN, admin=INTERDIT))],
    "parcours.contrat.ouvrir": _parcours("/parcours/personnes/{personne}/ouvrir", ("GET", P_ECRIRE), ("POST", P_ECRIRE)),
    "parcours.contrat.voir": _parcours("/parcours/{parcours}", ("GET", P_VOIR)),
    "parcours.contrat.de_la_personne": _parcours("/parcours/personnes/{personne}", ("GET", P_VOIR)),
    "parcours.contrat.modifier": _parcours("/parcours/{parcours}/contrat", ("GET", P_ECRIRE), ("POST", P_ECRIRE)),
    "parcours.contrat.signature": _parcours("/parcours/{parcours}/signature", ("POST", P_ECRIRE)),
    "parcours.contrat.pdf": _parcours("/parcours/{parcours}/contrat.pdf", ("GET", P_VOIR)),
    "parcours.contrat.docx": _parcours("/parcours/{parcours}/contrat.docx", ("GET", P_VOIR)),
    "parcours.etapes.nouvelle": _parcours("/parcours/{parcours}/etapes", ("GET", P_ECRIRE), ("POST", P_ECRIRE)),
    "parcours.etapes.reajuster": _parcours("/parcours/etapes/{etape}/reajuster", ("GET", P_ECRIRE), ("POST", P_ECRIRE)),
    "parcours.etapes.statut": _parcours("/parcours/etapes/{etape}/statut", ("GET", P_ECRIRE), ("POST", P_ECRIRE)),
    "parcours.entretiens.nouveau": _parcours("/parcours/{parcours}/entretiens", ("GET", P_ECRIRE),
                                           ("POST", P_ECRIRE)),
    "parcours.entretiens.voir": _parcours("/parcours/entretiens/{entretien}", ("GET", P_VOIR)),
    "parcours.entretiens.corriger": _parcours("/parcours/entretiens/{entretien}/corriger", ("GET", P_ECRIRE),
                                            ("POST", P_ECRIRE)),
    "parcours.projet.voir": _parcours("/parcours/{parcours}/projet", ("GET", P_VOIR), ("POST", P_ECRIRE)),
    "parcours.projet.metier": _parcours("/parcours/{parcours}/projet/metiers", ("POST", P_ECRIRE)),
    "parcours.projet.faisabilite": _parcours("/parcours/metiers/{metier}/faisabilite", ("POST", P_ECRIRE)),
    "parcours.projet.confrontation": _parcours("/parcours/{parcours}/projet/confrontations", ("POST", P_ECRIRE)),
    "parcours.projet.validation": _parcours("/parcours/{parcours}/projet/validation", ("POST", P_ECRIRE)),
    "parcours.projet.plan": _parcours("/parcours/{parcours}/plan", ("GET", P_VOIR), ("POST", P_ECRIRE)),
    "parcours.projet.statut_action": _parcours("/parcours/actions/{action}/statut", ("POST", P_ECRIRE)),
    "parcours.sortie.clore": _parcours("/parcours/{parcours}/sortie", ("GET", P_ECRIRE), ("POST", P_ECRIRE)),
    "parcours.sortie.suivi": _parcours("/parcours/{parcours}/suivis", ("POST", P_ECRIRE)),
    "parcours.sortie.bilan_pdf": _parcours("/parcours/{parcours}/bilan.pdf", ("GET", P_VOIR)),
    "parcours.sortie.bilan_docx": _parcours("/parcours/{parcours}/bilan.docx", ("GET", P_VOIR)),
}


# -- tableau de bord (issue #17): the chef de service of the team only; a conseiller has no
#    dashboard of the others, the admin manages accounts, not people.
T_CHEF = _tous(INTERDIT, anonyme=LOGIN, chef=OK)
MATRICE.update({
    "tableau.index": [("GET", lambda o: "/tableau-de-bord/", T_CHEF)],
    "tableau.detail": [("GET", lambda o: "/tableau-de-bord/indicateurs/sorties_categorie/dynamiques", T_CHEF)],
    "tableau.export": [("GET", lambda o: "/tableau-de-bord/indicateurs/file_active.xlsx", T_CHEF)],
    "tableau.export_detail": [("GET", lambda o: "/tableau-de-bord/indicateurs/sorties_categorie/dynamiques.csv",
                               T_CHEF)],
    "tableau.portefeuilles": [("GET", lambda o: "/tableau-de-bord/portefeuilles", T_CHEF)],
    "tableau.financeurs": [("GET", lambda o: "/tableau-de-bord/financeurs", T_CHEF)],
    "tableau.financeurs_export": [("GET", lambda o: "/tableau-de-bord/financeurs.pdf", T_CHEF)],
    "tableau.reaffecter": [(m, lambda o: f"/tableau-de-bord/portefeuilles/{o['personne']}",
                            {**T_CHEF, "ailleurs": INTROUVABLE}) for m in ("GET", "POST")],
})


# -- ateliers (issue 12): the structure's conseillers run them, its chef sees them; a
#    participant's record follows the person (référent, chef of the team) or the animateur.
A_VOIR = _tous(OK, anonyme=LOGIN, admin=INTERDIT, ailleurs=INTROUVABLE)
A_ECRIRE = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT, ailleurs=INTROUVABLE)


# Every `MATRICE_*` of tests/http/<module>/matrice.py: a new module's rows are found without
# editing this file (issue #9).
MATRICE.update(matrices_des_modules())


def _a(url, *methodes_regles):
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes_regles]


MATRICE.update({
    "ateliers.conception.index": _a("/ateliers/", ("GET", _tous(OK, anonyme=LOGIN, admin=INTERDIT))),
    "ateliers.conception.nouveau": _a("/ateliers/nouveau", ("GET", CONSEILLERS), ("POST", CONSEILLERS)),
    "ateliers.conception.voir": _a("/ateliers/{atelier}", ("GET", A_VOIR)),
    "ateliers.conception.modifier": _a("/ateliers/{atelier}/modifier", ("GET", A_ECRIRE), ("POST", A_ECRIRE)),
    "ateliers.conception.objectif": _a("/ateliers/{atelier}/objectifs", ("POST", A_ECRIRE)),
    "ateliers.conception.sequence": _a("/ateliers/{atelier}/sequences", ("POST", A_ECRIRE)),
    "ateliers.conception.deplacer": _a("/ateliers/sequences/{sequence}/deplacer", ("POST", A_ECRIRE)),
    "ateliers.conception.reordonner": _a("/ateliers/{atelier}/sequences/ordre", ("POST", A_ECRIRE)),
    "ateliers.conception.dupliquer": _a("/ateliers/{atelier}/dupliquer", ("POST", A_ECRIRE)),
    "ateliers.sessions.nouvelle": _a("/ateliers/sessions/nouvelle/{atelier}", ("GET", A_ECRIRE), ("POST", A_ECRIRE)),
    "ateliers.sessions.voir": _a("/ateliers/sessions/{session_atelier}", ("GET", A_VOIR)),
    "ateliers.sessions.demi_journee": _a("/ateliers/sessions/{session_atelier}/demi-journees", ("POST", A_ECRIRE)),
    "ateliers.sessions.inscrire": _a("/ateliers/sessions/{session_atelier}/inscriptions", ("POST", A_ECRIRE)),
    "ateliers.sessions.capacite": _a("/ateliers/sessions/{session_atelier}/capacite", ("POST", A_ECRIRE)),
    "ateliers.presences.grille": _a("/ateliers/presences/{demi_journee}", ("GET", A_VOIR), ("POST", A_ECRIRE)),
    "ateliers.presences.emargement": _a("/ateliers/presences/{demi_journee}/emargement.pdf", ("GET", A_VOIR)),
    "ateliers.presences.attestation": _a("/ateliers/presences/attestation/{inscription}.pdf", ("GET", VOIR)),
    "ateliers.evaluations.participant": _a("/ateliers/evaluations/participant/{inscription}", ("GET", MODIFIER),
                                           ("POST", MODIFIER)),
    "ateliers.evaluations.satisfaction": _a("/ateliers/evaluations/satisfaction/{session_atelier}", ("GET", A_VOIR),
                                            ("POST", A_ECRIRE)),
    "ateliers.bilan.bilan": _a("/ateliers/bilan/{session_atelier}", ("GET", A_VOIR), ("POST", A_ECRIRE)),
    "ateliers.conception.scenario": _a("/ateliers/{atelier}/scenario.pdf", ("GET", A_VOIR)),
    "ateliers.sessions.convocation": _a("/ateliers/sessions/inscriptions/{inscription}/convocation.pdf", ("GET", VOIR)),
    "ateliers.sessions.desister": _a("/ateliers/sessions/inscriptions/{inscription}/desister", ("POST", MODIFIER)),
    # before the séquence is deleted by the next line
    "ateliers.conception.modifier_sequence": _a("/ateliers/sequences/{sequence}/modifier", ("GET", A_ECRIRE),
                                                ("POST", A_ECRIRE)),
    "ateliers.conception.supprimer_sequence": _a("/ateliers/sequences/{sequence}/supprimer", ("POST", A_ECRIRE)),
    "ateliers.conception.modifier_objectif": _a("/ateliers/objectifs/{objectif_pedagogique}/modifier",
                                                ("GET", A_ECRIRE), ("POST", A_ECRIRE)),
    "ateliers.conception.deplacer_objectif": _a("/ateliers/objectifs/{objectif_pedagogique}/deplacer",
                                                ("POST", A_ECRIRE)),
    # Satisfaction on a shared tablet (issue 12, point 9): the link is managed like the session; the
    # participant's page is public, its signed token being the capability (one questionnaire, nothing else).
    "ateliers.questionnaire.liens": _a("/ateliers/questionnaire/session/{session_atelier}", ("GET", A_VOIR),
                                       ("POST", A_ECRIRE)),
    "ateliers.questionnaire.fermer": _a("/ateliers/questionnaire/liens/{lien_questionnaire}/fermer", ("POST", A_ECRIRE)),
    "ateliers.questionnaire.repondre": _a("/ateliers/questionnaire/r/{jeton_questionnaire}", ("GET", _tous(OK)),
                                          ("POST", _tous(OK))),
})


def test_chaque_route_est_dans_la_matrice(app):
    endpoints = {regle.endpoint for regle in app.url_map.iter_rules()}
    manquants = endpoints - set(MATRICE)
    assert not manquants, f"Routes sans ligne dans la matrice d'accès : {sorted(manquants)}"
    for regle in app.url_map.iter_rules():
        methodes = {m for m in regle.methods if m not in ("HEAD", "OPTIONS")}
        declarees = {m for m, _u, _a in MATRICE[regle.endpoint]}
        assert methodes <= declarees, f"{regle.endpoint} : méthodes non couvertes {methodes - declarees}"


def _classer(reponse) -> object:
    # 302 to the login page: not logged in (a logout answers 303 to the same page).
    if reponse.status_code == 302 and "/connexion" in reponse.headers.get("Location", ""):
        return LOGIN
    if reponse.status_code in (403, 404):
        return reponse.status_code
    assert reponse.status_code < 500, reponse.status_code
    return OK


@pytest.mark.parametrize("role", ROLES)
def test_matrice(role, nav, fabrique, ctx):
    monde = fabrique.monde()
    objets = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Texte de la matrice 7f3a")
    comptes = {"conseiller": monde.conseiller, "collegue": monde.collegue, "candidat": monde.candidat,
               "chef": monde.chef, "admin": monde.admin, "ailleurs": monde.conseiller_ailleurs}
    ecarts = []
    connecte = False
    for endpoint, lignes in MATRICE.items():
        for methode, url, attendus in lignes:
            if role != "anonyme" and not connecte:
                assert nav.connexion(comptes[role].email).status_code == 303
                connecte = True
            connecte = connecte and endpoint != "comptes.deconnexion"
            chemin = url(objets)
            if methode == "GET":
                reponse = nav.get(chemin)
            else:
                reponse = nav.post(chemin, {}, depuis="/connexion" if role == "anonyme" else "/compte")
            obtenu = _classer(reponse)
            if obtenu != attendus[role]:
                ecarts.append(f"{methode} {chemin} ({endpoint}) : attendu {attendus[role]}, obtenu {obtenu}")
            assert "Texte de la matrice 7f3a" not in reponse.get_data().decode(errors="replace") or \
                (role == "conseiller" and endpoint in ("notes.voir", "notes.modifier", "notes.partager")), \
                f"note visible : {chemin}"  # notes.partager: a refused share shows the note page again (422)
    assert not ecarts, "\n".join(ecarts)

# -- agenda and « mot de passe oublié » (issue #18, points 1 to 5) -------------------------

