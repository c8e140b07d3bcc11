"""Issue #13 point 7: the delay before a candidature without an answer raises an alert is
set by the structure (its admin), then applies to the alerts."""
from __future__ import annotations

from datetime import timedelta


def test_l_admin_regle_le_delai_qui_decide_des_alertes(nav, emp, ctx):
    from cipdesk.employeurs.candidatures.queries import alertes_sans_reponse
    from cipdesk.employeurs.candidatures.rules import EtatCandidature as E
    from cipdesk.employeurs.candidatures.services import faire_passer, proposer

    j = emp.aujourd_hui
    emp.offre.ouverte_le = j - timedelta(days=30)
    c = proposer(ctx, emp.offre, emp.personne, par=emp.conseiller, le=j - timedelta(days=10), aujourd_hui=j,
                 dans_le_perimetre=True)
    faire_passer(ctx, c, par=emp.conseiller, vers=E.ENVOYEE, le=j - timedelta(days=10), aujourd_hui=j)
    ctx.commit()
    assert alertes_sans_reponse(ctx, [emp.personne.id], j) == []      # 15 days by default
    nav.connexion(emp.admin.email)
    url = "/employeurs/candidatures/delai"
    assert 'value="15"' in nav.get(url).get_data(as_text=True)
    r = nav.post(url, {"delai": "0"})
    assert r.status_code == 422 and "Entre 1 et 90 jours" in r.get_data(as_text=True)
    assert 'value="0"' in r.get_data(as_text=True)                    # typed input kept
    assert nav.post(url, {"delai": "7"}).status_code == 303
    ctx.expire_all()
    assert [a.code for a in alertes_sans_reponse(ctx, [emp.personne.id], j)] == ["candidature_sans_reponse"]


def test_seul_l_admin_regle_le_delai(nav_factory, emp):
    for compte in (emp.conseiller, emp.chef):
        nav = nav_factory()
        nav.connexion(compte.email)
        assert nav.get("/employeurs/candidatures/delai").status_code == 403
