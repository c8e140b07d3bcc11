"""Every edit form carries the version of the record it was loaded with (issue #10, point 12).

Walks the access matrix: every route that shows a form (GET) and takes it back (POST) on the
same URL naming an existing record is an *edit route*. Its form must carry a `version` field —
so that a colleague's concurrent save is a conflict, not a silent overwrite — or the route is
listed below with the reason it needs none. A new edit route missing from both fails here."""
from __future__ import annotations

import re

import pytest

from tests.factories import objets_de_tous_les_modules
from tests.http.test_matrice_acces import MATRICE, OK

# Edit routes whose form needs no version, and why.
SANS_VERSION = {
    "admin.structure": "le formulaire crée une équipe, il ne modifie pas la structure",
    "admin.utilisateur": "rôle et compte actif : une décision d'administration, journalisée, qui ferme les sessions",
    "notes.liste": "création d'une note",
    "accueil.accueils.nouveau": "création",
    "accueil.synthese.nouvelle": "création",
    "accueil.orientation.nouvelle": "création",
    "accueil.orientation.repondre": "la réponse du partenaire s'ajoute, elle ne remplace rien",
    "accueil.reunions.liste": "création d'une réunion",
    "accueil.reunions.voir": "ajout d'un·e participant·e",
    "territoire.partenaires.liste": "création d'un partenaire",
    "personnes.nouvelle": "création",
    "parcours.contrat.ouvrir": "création du parcours",
    "parcours.etapes.nouvelle": "création d'une étape",
    "parcours.entretiens.nouveau": "création d'un entretien",
    "parcours.projet.voir": "démarrage du projet (création) ; les ajouts se font par formulaires dédiés",
    "parcours.projet.plan": "ajout d'une action au plan d'action",
    "parcours.sortie.clore": "la sortie se crée une fois : un second envoi est refusé par la règle",
    "competences.competence": "l'auto-évaluation s'ajoute à l'historique, elle ne remplace rien",
    "ateliers.conception.nouveau": "création",
    "ateliers.questionnaire.liens": "ouvre un nouveau lien de questionnaire (création), le précédent est fermé",
    "tableau.reaffecter": "une réaffectation est une décision journalisée avec son motif ; elle ne modifie pas de texte",
    "ateliers.sessions.nouvelle": "création",
    "ateliers.presences.grille": "chaque présence est une ligne par participant·e et demi-journée, réécrite en entier",
    "ateliers.evaluations.participant": "une évaluation par objectif, réécrite en entier par l'animateur·rice",
    "ateliers.evaluations.satisfaction": "un questionnaire s'ajoute",
    "employeurs.entreprises.nouveau_contact": "création d'un contact",
    "employeurs.interactions.nouveau": "création d'un échange",
    "employeurs.interactions.faite": "marquer l'action faite : une action qui ne remplace aucune saisie",
    "employeurs.offres.nouvelle_fiche": "création d'une fiche de poste",
    "employeurs.candidatures.nouvelle": "création d'une candidature",
    "employeurs.immersions.nouvelle": "création d'une convention",
    "integration.suivis.nouveau": "création d'un suivi d'intégration",
    "droits.acces_exceptionnel": "création d'un accès exceptionnel (bris de glace), rien n'est modifié",
}

COMPTES = ("conseiller", "candidat", "chef", "admin")


def _routes_d_edition():
    for endpoint, lignes in MATRICE.items():
        methodes = {m: url for m, url, _ in lignes}
        if "GET" in methodes and "POST" in methodes:
            yield endpoint, methodes["GET"]


def _formulaires_post(html: str, chemin: str) -> list[str]:
    """The POST forms of the page that submit to the page itself."""
    formulaires = re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.S | re.I)
    retenus = []
    for f in formulaires:
        entete = f[:f.index(">") + 1]
        if not re.search(r'method="post"', entete, re.I):
            continue
        action = re.search(r'action="([^"]*)"', entete)
        if action is None or action.group(1) in ("", chemin):
            retenus.append(f)
    return retenus


def test_chaque_formulaire_d_edition_porte_sa_version(nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    objets = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Texte des versions")
    navigateurs = {}
    sans_version = []
    for endpoint, url in _routes_d_edition():
        chemin = url(objets)
        if not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", chemin):
            continue  # no record named in the URL: a creation or a page of one's own
        attendus = next(a for m, _u, a in MATRICE[endpoint] if m == "GET")
        role = next((r for r in COMPTES if attendus[r] == OK), None)
        if role is None:
            continue
        if role not in navigateurs:
            navigateurs[role] = nav_factory()
            navigateurs[role].connexion(getattr(monde, role).email)
        page = navigateurs[role].get(chemin)
        assert page.status_code == 200, f"{endpoint} : {page.status_code}"
        formulaires = _formulaires_post(page.get_data(as_text=True), chemin)
        if not formulaires:
            continue
        if endpoint in SANS_VERSION:
            continue
        if not any('name="version"' in f for f in formulaires):
            sans_version.append(f"{endpoint} ({chemin})")
    assert not sans_version, ("formulaires d'édition sans version (ajouter le champ, ou la raison dans "
                              "SANS_VERSION) :\n" + "\n".join(sans_version))


def test_la_liste_des_exceptions_ne_garde_que_des_routes_existantes(app):
    endpoints = {regle.endpoint for regle in app.url_map.iter_rules()}
    assert not set(SANS_VERSION) - endpoints


@pytest.mark.parametrize("endpoint", ["territoire.partenaires.voir", "parcours.contrat.modifier",
                                      "accueil.diagnostic.modifier", "personnes.modifier"])
def test_routes_d_edition_connues(endpoint):
    """The walk above really covers the main edit routes (a renamed endpoint would slip out)."""
    assert endpoint in dict(_routes_d_edition())
