"""The person's page had two cards side by side, « Prochains rendez-vous » (the agenda: « Aucun
rendez-vous à venir. ») and « Prochain rendez-vous » (the date noted at the accueil: 18/12/2026),
which contradicted each other. The noted date now joins the agenda's card, labelled as such."""
from __future__ import annotations

import html
import re
from datetime import timedelta

from cipdesk.core.dates import aujourdhui
from tests.factories.agenda import rdv as nouveau_rdv


def _encarts(page: str) -> list[str]:
    return re.findall(r"<h3[^>]*>(Prochains? rendez-vous)", page)


def test_la_date_notee_rejoint_l_encart_de_l_agenda(nav, fabrique, ctx):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s, equipe=fabrique.equipe(s))
    personne = fabrique.personne(s, referent=conseiller, prenom="Isabelle", nom="Maillet")
    personne.prochain_rdv_le = aujourdhui() + timedelta(days=17)
    ctx.commit()
    nav.connexion(conseiller.email)
    page = html.unescape(nav.get(f"/accueil/personnes/{personne.id}").get_data(as_text=True))
    assert _encarts(page) == ["Prochains rendez-vous"], _encarts(page)
    assert "Aucun rendez-vous à venir." not in page      # the card is not empty: it has the noted date
    assert f"{personne.prochain_rdv_le:%d/%m/%Y}" in page and "date notée à l'accueil ou à l'entretien" in page

    nouveau_rdv(ctx, conseiller, personne, dans_jours=3)
    ctx.commit()
    page = html.unescape(nav.get(f"/accueil/personnes/{personne.id}").get_data(as_text=True))
    assert _encarts(page) == ["Prochains rendez-vous"]
    assert "Entretien individuel avec" in page and "date notée à l'accueil ou à l'entretien" in page


def test_sans_date_notee_ni_rendez_vous(nav, fabrique, ctx):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s, equipe=fabrique.equipe(s))
    personne = fabrique.personne(s, referent=conseiller)
    ctx.commit()
    nav.connexion(conseiller.email)
    page = html.unescape(nav.get(f"/accueil/personnes/{personne.id}").get_data(as_text=True))
    assert _encarts(page) == ["Prochains rendez-vous"] and "Aucun rendez-vous à venir." in page


def test_accueil_un_rendez_vous_passe_n_est_pas_dans_les_7_jours_suivants(nav, fabrique, ctx):
    """A rendez-vous three days ago whose attendance is still to note was listed under « Les 7
    jours suivants »: it has its own list, « Passés, à noter »."""
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s, equipe=fabrique.equipe(s))
    passe = fabrique.personne(s, referent=conseiller, prenom="Danielle", nom="Chauvin")
    futur = fabrique.personne(s, referent=conseiller, prenom="Jérôme", nom="Bertrand")
    nouveau_rdv(ctx, conseiller, passe, dans_jours=-3)
    nouveau_rdv(ctx, conseiller, futur, dans_jours=2)
    ctx.commit()
    nav.connexion(conseiller.email)
    page = html.unescape(nav.get("/").get_data(as_text=True))
    a_noter, _, suivants = page.partition("Les 7 jours suivants")
    assert "Passés, à noter" in a_noter and "Chauvin Danielle" in a_noter and "présence à noter" in a_noter
    assert "Chauvin" not in suivants.split("</section>")[0] and "Bertrand Jérôme" in suivants
