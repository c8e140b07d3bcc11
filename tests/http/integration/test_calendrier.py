"""Issue #14 point 3: the follow-up calendar (J+15, M+1, M+3, end of the trial period, M+6
by default) is editable per structure by its admin and applies to the next hires."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.integration.points.rules import Jalon, calendrier, echeancier


def test_calendrier_par_defaut_et_choisi():
    assert calendrier({}) == (Jalon.J15, Jalon.M1, Jalon.M3, Jalon.FIN_ESSAI, Jalon.M6)
    assert calendrier({"integration_calendrier": ["m12", "j8", "inconnu"]}) == (Jalon.J8, Jalon.M12)
    points = echeancier(date(2026, 1, 31), date(2026, 2, 20), (Jalon.J8, Jalon.FIN_ESSAI, Jalon.M2, Jalon.M12))
    assert points == [(Jalon.J8, date(2026, 2, 8)), (Jalon.FIN_ESSAI, date(2026, 2, 20)),
                      (Jalon.M2, date(2026, 3, 31)), (Jalon.M12, date(2027, 1, 31))]


def test_l_admin_regle_le_calendrier_qui_s_applique_aux_embauches_suivantes(nav, fabrique, ctx):
    from cipdesk.integration.suivis.services import ouvrir_suivi

    m = fabrique.monde()
    nav.connexion(m.admin.email)
    url = "/integration/points/calendrier"
    page = nav.get(url).get_data(as_text=True)
    assert page.count("checked") == 5 and "M+12" in page
    r = nav.post(url, {})   # nothing ticked
    assert r.status_code == 422 and "Gardez au moins un point de suivi." in r.get_data(as_text=True)
    r = nav.post(url, {"jalons": ["j8", "m1", "m6", "m12"]})
    assert r.status_code == 303
    ctx.expire_all()
    personne = fabrique.personne(m.structure, referent=m.conseiller)
    suivi = ouvrir_suivi(ctx, personne, par=m.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "Garage Martin", "intitule_poste": "Mécanicien", "type_contrat": "cdi",
        "debut": date.today() - timedelta(days=3)})
    assert [p.jalon for p in suivi.points] == [Jalon.J8, Jalon.M1, Jalon.M6, Jalon.M12]
    # another structure keeps the default calendar
    ailleurs = ouvrir_suivi(ctx, fabrique.personne(m.autre_structure, referent=m.conseiller_ailleurs),
                            par=m.conseiller_ailleurs,
                            dans_le_perimetre=True, donnees={"employeur": "X", "intitule_poste": "Y",
                                                             "type_contrat": "cdi", "debut": date.today()})
    assert [p.jalon for p in ailleurs.points] == [Jalon.J15, Jalon.M1, Jalon.M3, Jalon.M6]


def test_le_calendrier_n_est_reglable_que_par_l_admin(nav_factory, fabrique):
    m = fabrique.monde()
    for compte in (m.conseiller, m.chef, m.candidat):
        nav = nav_factory()
        nav.connexion(compte.email)
        assert nav.get("/integration/points/calendrier").status_code == 403
