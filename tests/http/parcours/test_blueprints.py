"""The parcours is one parent blueprint with a nested blueprint per sub-entity:
endpoints are `parcours.<sub>.<view>` and every URL stayed the same (issue 9, point 2)."""
from __future__ import annotations

URLS = {
    "parcours.contrat.index": "/parcours/",
    "parcours.contrat.ouvrir": "/parcours/personnes/<uuid:personne_id>/ouvrir",
    "parcours.contrat.de_la_personne": "/parcours/personnes/<uuid:personne_id>",
    "parcours.contrat.voir": "/parcours/<uuid:parcours_id>",
    "parcours.contrat.modifier": "/parcours/<uuid:parcours_id>/contrat",
    "parcours.contrat.signature": "/parcours/<uuid:parcours_id>/signature",
    "parcours.contrat.pdf": "/parcours/<uuid:parcours_id>/contrat.pdf",
    "parcours.contrat.docx": "/parcours/<uuid:parcours_id>/contrat.docx",
    "parcours.etapes.nouvelle": "/parcours/<uuid:parcours_id>/etapes",
    "parcours.etapes.reajuster": "/parcours/etapes/<uuid:etape_id>/reajuster",
    "parcours.etapes.statut": "/parcours/etapes/<uuid:etape_id>/statut",
    "parcours.entretiens.nouveau": "/parcours/<uuid:parcours_id>/entretiens",
    "parcours.entretiens.voir": "/parcours/entretiens/<uuid:entretien_id>",
    "parcours.entretiens.corriger": "/parcours/entretiens/<uuid:entretien_id>/corriger",
    "parcours.projet.voir": "/parcours/<uuid:parcours_id>/projet",
    "parcours.projet.metier": "/parcours/<uuid:parcours_id>/projet/metiers",
    "parcours.projet.faisabilite": "/parcours/metiers/<uuid:metier_id>/faisabilite",
    "parcours.projet.confrontation": "/parcours/<uuid:parcours_id>/projet/confrontations",
    "parcours.projet.validation": "/parcours/<uuid:parcours_id>/projet/validation",
    "parcours.projet.plan": "/parcours/<uuid:parcours_id>/plan",
    "parcours.projet.statut_action": "/parcours/actions/<uuid:action_id>/statut",
    "parcours.sortie.clore": "/parcours/<uuid:parcours_id>/sortie",
    "parcours.sortie.suivi": "/parcours/<uuid:parcours_id>/suivis",
    # issue #19, point 6: the contract and the bilan also as editable documents
    "parcours.contrat.docx": "/parcours/<uuid:parcours_id>/contrat.docx",
    "parcours.sortie.bilan_pdf": "/parcours/<uuid:parcours_id>/bilan.pdf",
    "parcours.sortie.bilan_docx": "/parcours/<uuid:parcours_id>/bilan.docx",
}


def test_chaque_vue_du_parcours_garde_son_url(app):
    regles = {r.endpoint: r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith("parcours.")}
    assert regles == URLS


def test_un_seul_blueprint_parent_et_des_blueprints_imbriques(app):
    from cipdesk.parcours.routes import bp

    assert bp.name == "parcours" and bp.url_prefix == "/parcours"
    assert {enfant.name for enfant, _options in bp._blueprints} == {
        "contrat", "etapes", "entretiens", "projet", "sortie"}
