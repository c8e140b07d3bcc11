"""The table of identifying values is kept between requests (pseudonymisation/queries.table_en_cache)
and rebuilt as soon as the structure's people change: never a name let through."""
from __future__ import annotations

from datetime import date

from cipdesk.dossier.pseudonymisation import queries as pq
from cipdesk.dossier.pseudonymisation import rules as pr
from cipdesk.personnes.models import Personne
from tests.http.dossier.test_dossier import _choisir, monde  # noqa: F401 (fixture)

LE = date(2026, 3, 1)


def _net(ctx, structure_id, texte: str) -> str:
    return pr.pseudonymiser(texte, pq.table_en_cache(ctx, structure_id, le=LE)).texte


def test_deux_affichages_sans_changement_ne_reconstruisent_pas(nav, monde):
    _choisir(nav, monde)
    assert nav.get("/dossier/").status_code == 200
    avant = pq.constructions
    assert nav.get("/dossier/").status_code == 200
    assert nav.get("/dossier/parties/2").status_code == 200
    assert pq.constructions == avant


def test_personne_ajoutee_ou_renommee_aussitot_pseudonymisee(nav, monde, ctx, fabrique):
    structure_id = monde.structure.id
    assert "Quasimodo" in _net(ctx, structure_id, "J'ai reçu Zébulon Quasimodo.")   # nobody of that name yet
    avant = pq.constructions
    assert "Quasimodo" in _net(ctx, structure_id, "J'ai reçu Zébulon Quasimodo.")
    assert pq.constructions == avant   # unchanged: kept

    fabrique.personne(monde.structure, referent=monde.candidat, nom="Quasimodo", prenom="Zébulon")
    ctx.commit()
    net = _net(ctx, structure_id, "J'ai reçu Zébulon Quasimodo.")
    assert "Quasimodo" not in net and "Zébulon" not in net
    assert pq.constructions == avant + 1

    # Renamed: the new name is pseudonymised too.
    personne = ctx.get(Personne, monde.personne.id)
    personne.nom = "Vercingétorix"
    ctx.commit()
    assert "Vercingétorix" not in _net(ctx, structure_id, "Mme Vercingétorix est venue.")

    # And through the pages: the candidat writes the new name, the preview replaces it.
    _choisir(nav, monde)
    nav.get("/dossier/")
    assert nav.post("/dossier/parties/2/textes", {"champ": "faits", "texte": "Zébulon Quasimodo et "
                                                  "Mme Vercingétorix."}, depuis="/dossier/parties/2").status_code == 303
    fabrique.personne(monde.structure, referent=monde.candidat, nom="Hippolyte", prenom="Barnabé")
    ctx.commit()
    nav.get("/dossier/")
    assert nav.post("/dossier/parties/2/textes", {"champ": "faits", "texte": "Barnabé Hippolyte."},
                    depuis="/dossier/parties/2").status_code == 303
    page = nav.get("/dossier/parties/2").get_data(as_text=True)
    apercu = page[page.index('id="substitutions"'):]
    assert "Barnabé Hippolyte" in apercu   # the substitution is shown to the candidat


def test_table_gardee_une_requete_d_empreinte_au_lieu_de_sa_construction(app, nav, monde):
    """Kept table: the page reads the fingerprint (one query over the source tables) and none of
    the table's reads (the partners' contacts are read by nothing else on this page)."""
    from tests.http.requetes import requetes

    _choisir(nav, monde)
    pq.vider_cache()
    premiere = requetes(app, nav, "/dossier/")
    seconde = requetes(app, nav, "/dossier/")
    assert len([t for t in premiere if "contact_partenaire" in t]) == 2   # fingerprint, then the table
    assert len([t for t in seconde if "contact_partenaire" in t]) == 1    # fingerprint only
    assert len(seconde) == len(premiere) - 6   # the six reads of table_des_identifiants
