"""Issue #17: the chef's home page reads every module's alerts in ONE statement (a UNION ALL of
the providers' selects over the perimeter read once), whatever the size of the team, and finds
exactly the alerts each provider finds on its own."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event, select

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import SourceDAlertes, registre
from cipdesk.core.db import db
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import alertes_pour, mes_alertes
from cipdesk.security import policy
from tests.factories.tableau import AUJ, Batisseur
from tests.factories.tableau import au_30_juin, monde  # noqa: F401  (fixtures)
from tests.http.requetes import compter_requetes


def _plus_de_personnes_en_alerte(ctx, monde, n: int) -> None:
    b = Batisseur(ctx, monde.s)
    for i in range(n):
        p = b.personne(f"Alerte{i:02d}", monde.a if i % 2 else monde.b, cree_le=date(2026, 1, 5))
        pc = b.parcours(p, monde.a, date(2026, 1, 10))
        b.etape(pc, AUJ - timedelta(days=3 + i))
        if i % 3 == 0:
            b.urgence(p, AUJ - timedelta(days=i))
    ctx.commit()


def test_les_fournisseurs_du_socle_sont_des_requetes(app):
    """Every provider of cipdesk's modules is declared as a query (none costs a query of its own)."""
    fournisseurs = list(registre.alertes())
    assert len(fournisseurs) >= 10
    assert all(isinstance(f, SourceDAlertes) for f in fournisseurs)


def test_accueil_du_chef_nombre_de_requetes_fixe(app, nav, ctx, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    nav.get("/")   # warm-up (session, user)
    peu = compter_requetes(app, nav, "/")
    _plus_de_personnes_en_alerte(ctx, monde, 30)
    beaucoup = compter_requetes(app, nav, "/")
    assert peu == beaucoup, (peu, beaucoup)
    instructions = []

    def ecouter(_c, _cur, instruction, *_a):
        instructions.append(instruction)

    with app.app_context():
        moteur = db.engine
    event.listen(moteur, "before_cursor_execute", ecouter)
    try:
        assert nav.get("/").status_code == 200
    finally:
        event.remove(moteur, "before_cursor_execute", ecouter)
    # the alerts of the ten providers: one statement that names their tables
    alertes = [i for i in instructions if "UNION ALL" in i]
    assert len(alertes) == 1, alertes
    for table in ("urgence", "orientation", "etape", "rendez_vous", "presence_atelier", "interaction_entreprise",
                  "candidature", "point_suivi_integration"):
        assert f" {table}" in alertes[0], table


def test_une_requete_trouve_ce_que_chaque_fournisseur_trouve(app, ctx, monde, au_30_juin):
    _plus_de_personnes_en_alerte(ctx, monde, 12)
    with app.app_context():
        chef = db.session.get(Utilisateur, monde.chef.id)
        ids = list(db.session.scalars(select(Personne.id).where(policy.perimetre(chef).condition(Personne, Utilisateur))))
        seules = {(a.personne_id, a.code, a.objet_id, a.libelle)
                  for f in registre.alertes() for a in f(db.session, ids, AUJ)}
        ensemble = {(a.personne_id, a.code, a.objet_id, a.libelle)
                    for alertes in alertes_pour(db.session, ids, AUJ).values() for a in alertes}
        assert seules == ensemble and len(seules) > 12
        accueil = mes_alertes(db.session, chef, AUJ)
        par_personne = {p.id: {(a.code, a.objet_id) for a in alertes} for p, alertes in accueil}
        assert {pid for pid, *_r in seules} >= set(par_personne)
        assert len(par_personne) >= 12
        # gravest first, then by name
        gravites = [max(a.gravite for a in alertes) for _p, alertes in accueil]
        assert gravites == sorted(gravites, reverse=True)


@pytest.mark.parametrize("reglage, alerte", [(None, False), (0, False), ("", False), (5, True), ("5", True), (60, False)])
def test_seuil_sans_contact_lu_en_sql_comme_la_regle(ctx, fabrique, reglage, alerte):
    """Without a setting the default threshold is applied in SQL (only who is alerted is read);
    any setting, however written, is still read by the rule itself."""
    from cipdesk.parcours import alertes
    from cipdesk.parcours.contrat import services

    monde = fabrique.monde()
    p = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Delta")
    services.ouvrir_parcours(ctx, p, par=monde.conseiller, dispositif_code="cej", debut=AUJ - timedelta(days=10),
                             fin_prevue=None, objectifs="Emploi", engagements_personne="a", engagements_structure="b")
    monde.structure.parametres = {} if reglage is None else {alertes.PARAMETRE_JOURS_SANS_CONTACT: reglage}
    ctx.commit()
    codes = {a.code for a in alertes_pour(ctx, [p.id], AUJ).get(p.id, [])}
    assert ("sans_contact" in codes) is alerte
    assert ("sans_contact" in codes) is ("sans_contact" in {a.code for a in alertes.sans_contact(ctx, [p.id], AUJ)})


def _un_peu_de_tout(ctx, monde) -> None:
    """What the world of the dashboard lacks for some providers: candidatures awaiting the employer,
    noted rendez-vous (with ties), a follow-up whose latest points tie, actions employeur about a
    person, a contract ending, an absence at an atelier."""
    from datetime import time

    from cipdesk.agenda.models import RendezVousPlanifie
    from cipdesk.agenda.rules import Modalite, NatureRdv, Presence
    from cipdesk.employeurs.candidatures.models import Candidature, EtatCandidature
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.interactions.models import Interaction, NatureInteraction
    from cipdesk.employeurs.offres.models import FicheDePoste, Offre, StatutOffre, TypeContrat
    from cipdesk.integration.points.models import Jalon, PointSuivi
    from cipdesk.integration.suivis.models import StatutSuivi, SuiviIntegration
    from cipdesk.integration.suivis.models import TypeContrat as ContratSuivi

    b = Batisseur(ctx, monde.s)
    gens = []
    for i in range(8):
        p = b.personne(f"Divers{i}", monde.a if i % 2 else monde.b, cree_le=date(2026, 1, 5))
        pc = b.parcours(p, monde.a, date(2026, 1, 10))
        pc.fin_prevue = date(2026, 5, 1) + timedelta(days=20 * i)
        gens.append(p)
    entreprise = b.add(Entreprise(raison_sociale="Garage Martin", nom_recherche="garage martin", siren="552100555"))
    fiche = b.add(FicheDePoste(entreprise_id=entreprise.id, redigee_par_id=monde.a.id, entretien_le=date(2026, 2, 1),
                               besoin="Un mécanicien", intitule="Mécanicien·ne", missions="Entretien",
                               type_contrat=TypeContrat.CDI))
    offre = b.add(Offre(fiche_id=fiche.id, entreprise_id=entreprise.id, intitule="Mécanicien·ne", texte="…",
                        ouverte_le=date(2026, 2, 1), statut=StatutOffre.PUBLIEE))
    for i, p in enumerate(gens[:5]):
        b.add(Candidature(offre_id=offre.id, personne_id=p.id, proposee_par_id=monde.a.id,
                          etat=EtatCandidature.ENVOYEE if i % 2 else EtatCandidature.ENTRETIEN,
                          etat_depuis=date(2026, 5, 1) + timedelta(days=9 * i)))
        b.add(Interaction(entreprise_id=entreprise.id, conseiller_id=monde.a.id, nature=NatureInteraction.APPEL,
                          le=date(2026, 4, 1), objet="Candidat", personne_id=p.id, prochaine_action="Rappeler",
                          echeance=date(2026, 6, 1) + timedelta(days=11 * i),
                          action_faite_le=date(2026, 6, 20) if i == 3 else None))
    presences = [Presence.NON_HONORE, Presence.HONORE, Presence.NON_HONORE, Presence.EXCUSE, Presence.NON_HONORE]
    for i, p in enumerate(gens[2:7]):
        for j in range(4):
            # two rendez-vous on the same day and hour for some: the tie is settled the same way
            le = date(2026, 3, 1) + timedelta(days=25 * j + 7 * i)
            for k in range(2 if j == i % 4 else 1):
                b.add(RendezVousPlanifie(conseiller_id=monde.a.id, personne_id=p.id, nature=NatureRdv.ENTRETIEN,
                                         le=le, heure=time(10), modalite=Modalite.STRUCTURE,
                                         presence=presences[(i + j + k) % 5]))
    for i, p in enumerate(gens[4:]):
        s = b.add(SuiviIntegration(personne_id=p.id, conseiller_id=monde.a.id, employeur="Garage",
                                   intitule_poste="Mécanicien·ne", type_contrat=ContratSuivi.CDI,
                                   debut=date(2026, 3, 1), statut=StatutSuivi.EN_COURS))
        for jalon, prevu, fait, risque in ((Jalon.J15, date(2026, 3, 15), date(2026, 3, 16), i == 0),
                                           (Jalon.M1, date(2026, 4, 1), date(2026, 4, 2), i == 1),
                                           (Jalon.FIN_ESSAI, date(2026, 4, 1), date(2026, 4, 3), i == 2),
                                           (Jalon.M3, date(2026, 6, 1) + timedelta(days=10 * i), None, False),
                                           # the last one: a risk raised at the latest point done
                                           *([(Jalon.M6, date(2026, 4, 10), date(2026, 4, 10), True)] if i == 3
                                             else [])):
            b.add(PointSuivi(suivi_id=s.id, jalon=jalon, prevu_le=prevu, fait_le=fait, risque_rupture=risque))
    ctx.commit()


@pytest.mark.parametrize("reglages", [None, {"orientation_delai_reponse_jours": "7",
                                             "employeurs_delai_relance_candidature": 4, "jours_sans_contact": "10"}])
def test_le_classement_en_sql_suit_la_lecture_des_fournisseurs(app, ctx, monde, reglages):
    """Each provider's `classer` (who it alerts, how gravely: the ranking of the chef's home page, in
    SQL) says exactly what its reading says, day after day over months; and the home page's 3 gravest
    people and their total are those of every alert ranked by hand."""
    from cipdesk.comptes.models import Structure
    from cipdesk.personnes.queries import mes_alertes_les_plus_graves

    _un_peu_de_tout(ctx, monde)
    _plus_de_personnes_en_alerte(ctx, monde, 6)
    if reglages:
        ctx.get(Structure, monde.s.id).parametres = reglages
        ctx.commit()
    with app.app_context():
        chef = db.session.get(Utilisateur, monde.chef.id)
        ids = list(db.session.scalars(select(Personne.id).where(policy.perimetre(chef).condition(Personne, Utilisateur))))
        noms = {i: (n, p) for i, n, p in db.session.execute(select(Personne.id, Personne.nom, Personne.prenom))}
        sources = list(registre.alertes())
        vus = {s: set() for s in sources}
        jour = date(2026, 2, 1)
        while jour <= date(2026, 9, 30):
            for s in sources:
                lues: dict = {}
                for a in s(db.session, ids, jour):
                    lues[a.personne_id] = max(lues.get(a.personne_id, 0), a.gravite)
                classees: dict = {}
                for pid, gravite in db.session.execute(s.classer(ids, jour, dict(reglages or {}))):
                    classees[pid] = max(classees.get(pid, 0), gravite)
                assert classees == lues, (s.requete.__module__, jour)
                vus[s].update(lues.values())
            toutes = sorted(alertes_pour(db.session, ids, jour).items(),
                            key=lambda t: (-max(a.gravite for a in t[1]), *noms[t[0]], t[0]))
            premiers, en_tout = mes_alertes_les_plus_graves(db.session, chef, jour, 3)
            assert en_tout == len(toutes), jour
            assert [(p.id, {(a.code, a.objet_id, a.libelle) for a in al}) for p, al in premiers] \
                == [(i, {(a.code, a.objet_id, a.libelle) for a in al}) for i, al in toutes[:3]], jour
            jour += timedelta(days=4)
        # every provider alerted someone at some point, at each of its gravities
        assert all(vus.values()), [s.requete.__module__ for s, g in vus.items() if not g]
        assert {1, 2, 3} <= set().union(*vus.values())
        assert max(len(g) for g in vus.values()) == 2
