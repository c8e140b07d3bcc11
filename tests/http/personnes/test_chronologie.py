"""The person as hub: the timeline is assembled from every module's providers
(registre.chronologie()), newest first, filterable by kind, in a number of
queries that does not grow with the number of records."""
from __future__ import annotations

import html
from datetime import timedelta

from cipdesk.accueil.orientation import services as orientation
from cipdesk.accueil.reunions import services as reunions
from cipdesk.accueil.synthese import services as synthese
from cipdesk.core.db import db
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import chronologie
from tests.factories.accueil import AUJOURDHUI, HIER, accueil, diagnostic, partenaire, personne
from tests.http.requetes import compter_requetes


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _dossier_complet(ctx, c, p):
    """One record of each accueil kind for `p`, on different days (oldest first)."""
    avant = HIER - timedelta(days=5)
    accueil(ctx, c, p, urgence_ouverte=True, le=avant)
    diagnostic(ctx, c, p, valider=True)
    synthese.ecrire_synthese(ctx, par=c, personne=p, date_entretien=HIER, objet="Point d'étape",
                             faits="Faits", paroles_personne="", analyse="", suites="", analyse_partagee=False,
                             aujourd_hui=AUJOURDHUI)
    orientation.orienter(ctx, par=c, personne=p, partenaire=partenaire(ctx, c), le=AUJOURDHUI, motif="Logement",
                         informations_transmises="", consentement=False, consentement_le=None,
                         consentement_mode="", aujourd_hui=AUJOURDHUI)
    r = reunions.creer_reunion(ctx, par=c, le=avant - timedelta(days=1), lieu="Salle 2", animateurs="",
                               contenus=["structure"], contenus_precisions="", aujourd_hui=AUJOURDHUI)
    reunions.ajouter_participant(ctx, par=c, reunion=r, personne=p, resultat="present", commentaire="")


def test_la_chronologie_rassemble_les_fournisseurs_du_plus_recent_au_plus_ancien(app, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    _dossier_complet(ctx, m.conseiller, p)
    ctx.commit()
    with app.app_context():
        evenements = chronologie(db.session, db.session.get(Personne, p.id), m.conseiller)
        natures = [e.nature for e in evenements]
        assert {"accueil", "urgence", "diagnostic", "synthese", "orientation", "reunion_information"} <= set(natures)
        dates = [e.le for e in evenements]
        assert dates == sorted(dates, reverse=True)
        assert natures[0] == "orientation" and natures[-1] == "reunion_information"
        seules = chronologie(db.session, db.session.get(Personne, p.id), m.conseiller, nature="synthese")
        assert [e.nature for e in seules] == ["synthese"]


def test_filtre_par_nature_sur_la_page(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    _dossier_complet(ctx, m.conseiller, p)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _texte(nav.get(f"/accueil/personnes/{p.id}"))
    assert "Synthèse d'entretien : Point d'étape" in page and "Orientation vers CCAS de Roubaix" in page
    assert '<select id="nature" name="nature">' in page
    filtree = _texte(nav.get(f"/accueil/personnes/{p.id}?nature=synthese"))
    assert "Synthèse d'entretien : Point d'étape" in filtree and "Orientation vers CCAS de Roubaix" not in filtree
    inconnue = nav.get(f"/accueil/personnes/{p.id}?nature=nimporte")
    assert inconnue.status_code == 200 and "Orientation vers CCAS de Roubaix" in _texte(inconnue)



def test_la_page_de_la_personne_coute_un_nombre_constant_de_requetes(app, nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    _dossier_complet(ctx, m.conseiller, p)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}"
    nav.get(url)  # warm-up (session, user)
    peu = compter_requetes(app, nav, url)
    for i in range(12):
        accueil(ctx, m.conseiller, p, urgence_ouverte=i % 2 == 0, le=HIER - timedelta(days=10 + i))
        synthese.ecrire_synthese(ctx, par=m.conseiller, personne=p, date_entretien=HIER - timedelta(days=i),
                                 objet=f"Entretien {i}", faits="Faits", paroles_personne="", analyse="", suites="",
                                 analyse_partagee=False, aujourd_hui=AUJOURDHUI)
    ctx.commit()
    beaucoup = compter_requetes(app, nav, url)
    assert peu == beaucoup, (peu, beaucoup)
    assert "Entretien 11" in _texte(nav.get(url))


def test_une_note_lisible_apparait_sur_la_chronologie(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    a = accueil(ctx, m.conseiller, p, urgence_ouverte=False)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post(f"/accueil/accueil/{a.id}/notes", {"contenu": "Situation familiale à reprendre."},
                 depuis=f"/accueil/accueils/{a.id}")
    assert r.status_code == 303
    assert "Note confidentielle" in _texte(nav.get(f"/accueil/personnes/{p.id}?nature=note_confidentielle"))


def test_chronologie_et_encarts_en_une_seule_requete(app, nav, fabrique, ctx):
    """Issue #17: every module declares its timeline and its cards as sources (a select and the reading
    of its rows), and the person's page reads them all in ONE statement (UNION ALL), whatever the
    number of modules: the page costs the loader, the person, that statement, the alerts and the
    audited read."""
    from cipdesk.core.chronologie import SourceDeChronologie
    from cipdesk.core.contrat import registre
    from cipdesk.core.fiche import SourceDeFiche
    from tests.http.requetes import requetes

    assert all(isinstance(f, SourceDeChronologie) for f in registre.chronologie())
    assert all(isinstance(f, SourceDeFiche) for f in registre.fiche_personne())
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    _dossier_complet(ctx, m.conseiller, p)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}"
    nav.get(url)  # warm-up (session, user)
    textes = requetes(app, nav, url)
    lectures = [t for t in textes if "FROM synthese" in t or "FROM accueil " in t or "FROM document_joint" in t]
    assert len(lectures) == 1, lectures
    assert len(textes) <= 8, [t[:80] for t in textes]  # 36 at the end of session 6 (bench/pages.py)
