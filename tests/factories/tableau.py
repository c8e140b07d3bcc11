"""A small world built by hand for the tableau de bord's indicators (issue #17): each row
written directly, so that every expected figure can be counted by hand in the tests.

Today is 30/06/2026; the period is the first half of 2026 (181 days)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

import pytest

from cipdesk.core import dates
from cipdesk.accueil.accueils.models import Accueil, ModeAccueil, TypeUrgence, Urgence
from cipdesk.accueil.diagnostic.models import Diagnostic, StatutDiagnostic
from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
from cipdesk.accueil.reunions.models import ParticipantReunion, ResultatReunion, ReunionInformation
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.rules import StatutParcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.parcours.etapes.models import Etape
from cipdesk.parcours.etapes.rules import StatutEtape
from cipdesk.parcours.sortie.models import Sortie, SuiviSortie
from cipdesk.parcours.sortie.rules import categorie_de, SituationSuivi
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.territoire.partenaires.models import Partenaire

AUJ = date(2026, 6, 30)
DEBUT, FIN = date(2026, 1, 1), date(2026, 6, 30)


class Monde:
    pass


def _cree(jour: date) -> datetime:
    return datetime(jour.year, jour.month, jour.day, 10, tzinfo=timezone.utc)


class Batisseur:
    def __init__(self, ctx, structure):
        self.ctx, self.s = ctx, structure.id

    def add(self, obj):
        obj.structure_id = self.s
        if hasattr(obj, "id") and getattr(obj, "id", None) is None and not isinstance(obj, ParticipantReunion):
            obj.id = uuid.uuid4()
        self.ctx.add(obj)
        self.ctx.flush()
        return obj

    def personne(self, nom, referent, *, cree_le, statut=StatutPersonne.ACCOMPAGNEE, contact=None, publics=()):
        return self.add(Personne(nom=nom, prenom="Test", nom_recherche=nom.lower(), statut=statut,
                                 referent_id=referent.id if referent else None, dernier_contact_le=contact,
                                 publics=list(publics), created_at=_cree(cree_le)))

    def parcours(self, p, referent, debut, *, dispositif="plie", sortie=None, motif="cdi"):
        pc = self.add(Parcours(personne_id=p.id, referent_id=referent.id, dispositif_code=dispositif,
                               dispositif_libelle=dispositif.upper(), debut=debut,
                               statut=StatutParcours.CLOS if sortie else StatutParcours.OUVERT))
        if sortie:
            pc.sortie_obj = self.add(Sortie(parcours_id=pc.id, sortie_le=sortie, motif=motif,
                                            categorie=categorie_de(motif)))
        return pc

    def entretien(self, pc, conseiller, le):
        return self.add(Entretien(parcours_id=pc.id, conseiller_id=conseiller.id, le=le,
                                  mode=ModeEntretien.PRESENTIEL, type_entretien=TypeEntretien.SUIVI))

    def etape(self, pc, echeance, statut=StatutEtape.PREVUE):
        return self.add(Etape(parcours_id=pc.id, type_code="formation", type_libelle="Formation",
                              echeance=echeance, statut=statut))

    def accueil(self, p, conseiller, le):
        return self.add(Accueil(personne_id=p.id, conseiller_id=conseiller.id, date_accueil=le,
                                mode=ModeAccueil.SUR_PLACE))

    def urgence(self, p, reperee, traitee=None):
        return self.add(Urgence(personne_id=p.id, type_urgence=TypeUrgence.HEBERGEMENT, reperee_le=reperee,
                                traitee_le=traitee))


def monde_du_tableau(ctx, fabrique) -> Monde:
    """Structure S, équipe E (chef, conseillers A and B), équipe E2 (conseiller X); structure S2."""
    m = Monde()
    m.s, m.s2 = fabrique.structure(), fabrique.structure()
    m.e, m.e2, m.e_ailleurs = fabrique.equipe(m.s), fabrique.equipe(m.s), fabrique.equipe(m.s2)
    m.chef = fabrique.utilisateur(m.s, equipe=m.e, chef=True)
    m.a = fabrique.utilisateur(m.s, equipe=m.e, nom="Arnaud", prenom="Anne")
    m.b = fabrique.utilisateur(m.s, equipe=m.e, nom="Bernard", prenom="Bruno")
    m.x = fabrique.utilisateur(m.s, equipe=m.e2, nom="Xavier", prenom="Xena")
    m.z = fabrique.utilisateur(m.s2, equipe=m.e_ailleurs, nom="Zola", prenom="Zoé")
    m.chef_ailleurs = fabrique.utilisateur(m.s2, equipe=m.e_ailleurs, chef=True)
    m.admin = fabrique.utilisateur(m.s, admin=True)
    b = Batisseur(ctx, m.s)

    # P1 (A): in parcours since 2025, two entretiens in the period and one before, an étape 20 days late.
    m.p1 = b.personne("Un", m.a, cree_le=date(2025, 10, 20), contact=date(2026, 6, 20))
    b.accueil(m.p1, m.a, date(2025, 11, 1))
    pc1 = b.parcours(m.p1, m.a, date(2025, 11, 10))
    b.entretien(pc1, m.a, date(2025, 12, 1))
    b.entretien(pc1, m.a, date(2026, 2, 3))
    b.entretien(pc1, m.a, date(2026, 3, 10))
    b.etape(pc1, date(2026, 6, 10))                              # late: 20 days
    b.etape(pc1, date(2026, 5, 1), StatutEtape.REALISEE)         # done: not late
    b.etape(pc1, date(2026, 7, 15))                              # not due yet
    b.urgence(m.p1, date(2026, 5, 1))                            # open, 60 days old
    # P2 (A): first recorded 25/01, accueil 01/02 (7 days), diagnostic validated 11/02 (10 days),
    # parcours IAE from 15/02, first entretien 20/02 (5 days), exit CDI 20/03, checked at 3 months: in employment.
    m.p2 = b.personne("Deux", m.a, cree_le=date(2026, 1, 25), statut=StatutPersonne.SORTIE)
    b.accueil(m.p2, m.a, date(2026, 2, 1))
    b.accueil(m.p2, m.a, date(2026, 2, 5))
    b.add(Diagnostic(personne_id=m.p2.id, conseiller_id=m.a.id, numero=1, date_diagnostic=date(2026, 2, 8),
                     statut=StatutDiagnostic.VALIDE, valide_le=date(2026, 2, 11)))
    b.add(Diagnostic(personne_id=m.p2.id, conseiller_id=m.a.id, numero=2, date_diagnostic=date(2026, 4, 8),
                     statut=StatutDiagnostic.VALIDE, valide_le=date(2026, 4, 11)))
    pc2 = b.parcours(m.p2, m.a, date(2026, 2, 15), dispositif="iae", sortie=date(2026, 3, 20), motif="cdi")
    b.entretien(pc2, m.a, date(2026, 2, 20))
    b.add(SuiviSortie(sortie_id=pc2.sortie_obj.id, mois=3, fait_le=date(2026, 6, 21),
                      situation=SituationSuivi.EMPLOI))
    b.urgence(m.p2, date(2026, 2, 1), traitee=date(2026, 2, 2))  # handled: not open
    # P3 (B): réunion d'information 10/03, recorded and received 25/03 (15 days), parcours PLIE from
    # 01/04 with no contact since (90 days), an urgency spotted 25/06 (5 days), RSA.
    m.p3 = b.personne("Trois", m.b, cree_le=date(2026, 3, 25), publics=("rsa",))
    reunion = b.add(ReunionInformation(date_reunion=date(2026, 3, 10), lieu="Salle", organisateur_id=m.b.id))
    b.add(ParticipantReunion(reunion_id=reunion.id, personne_id=m.p3.id, resultat=ResultatReunion.PRESENT))
    b.accueil(m.p3, m.b, date(2026, 3, 25))
    b.parcours(m.p3, m.b, date(2026, 4, 1))
    b.urgence(m.p3, date(2026, 6, 25))
    # P4 (B): exit in 2025, before the period: in no figure of the period.
    m.p4 = b.personne("Quatre", m.b, cree_le=date(2024, 12, 1), statut=StatutPersonne.SORTIE)
    b.parcours(m.p4, m.b, date(2025, 1, 1), sortie=date(2025, 12, 1), motif="chomage")
    # P5 (B): CEJ from 10/01, exit « chômage » 31/01: the 3-month check is due and not recorded.
    m.p5 = b.personne("Cinq", m.b, cree_le=date(2026, 1, 5), statut=StatutPersonne.SORTIE)
    b.parcours(m.p5, m.b, date(2026, 1, 10), dispositif="cej", sortie=date(2026, 1, 31), motif="chomage")
    # P6 (B): PLIE from 01/03, exit « retraite » 15/05 (a retrait, not counted in the rate); a late
    # étape of this closed parcours is not late any more.
    m.p6 = b.personne("Six", m.b, cree_le=date(2026, 2, 20), statut=StatutPersonne.SORTIE)
    pc6 = b.parcours(m.p6, m.b, date(2026, 3, 1), sortie=date(2026, 5, 15), motif="retraite")
    b.etape(pc6, date(2026, 4, 1))
    # P7: no référent (outside every team's perimeter). P8: équipe E2. P9: another structure.
    m.p7 = b.personne("Sept", None, cree_le=date(2026, 2, 1))
    b.parcours(m.p7, m.a, date(2026, 2, 2))
    m.p8 = b.personne("Huit", m.x, cree_le=date(2026, 2, 1))
    pc8 = b.parcours(m.p8, m.x, date(2026, 2, 2))
    b.entretien(pc8, m.x, date(2026, 2, 3))
    b.urgence(m.p8, date(2026, 6, 1))
    b2 = Batisseur(ctx, m.s2)
    m.p9 = b2.personne("Neuf", m.z, cree_le=date(2026, 2, 1))
    pc9 = b2.parcours(m.p9, m.z, date(2026, 2, 2), sortie=date(2026, 3, 1), motif="cdi")
    b2.urgence(m.p9, date(2026, 6, 1))
    # Orientations of P1 (answered in 10 days, accepted; one still waiting) and P3 (refused in 3 days).
    partenaire = b.add(Partenaire(nom="CCAS de Roubaix"))
    b.add(Orientation(personne_id=m.p1.id, partenaire_id=partenaire.id, conseiller_id=m.a.id,
                      date_orientation=date(2026, 3, 1), reponse=ReponsePartenaire.ACCEPTEE,
                      reponse_le=date(2026, 3, 11)))
    b.add(Orientation(personne_id=m.p1.id, partenaire_id=partenaire.id, conseiller_id=m.a.id,
                      date_orientation=date(2026, 6, 1)))
    b.add(Orientation(personne_id=m.p3.id, partenaire_id=partenaire.id, conseiller_id=m.b.id,
                      date_orientation=date(2026, 4, 2), reponse=ReponsePartenaire.REFUSEE,
                      reponse_le=date(2026, 4, 5)))
    activites(b, m)
    ctx.commit()
    return m


def activites(b: Batisseur, m: Monde) -> None:
    """Ateliers, employers and intégration rows (counted by hand in test_indicateurs.py)."""
    from datetime import time

    from cipdesk.ateliers.conception.models import Atelier, ObjectifPedagogique, Origine
    from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Moment, Resultat, Satisfaction
    from cipdesk.ateliers.presences.models import Presence, StatutPresence
    from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, Periode, SessionAtelier, StatutInscription
    from cipdesk.employeurs.candidatures.models import Candidature, EtatCandidature, TransitionCandidature
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.interactions.models import Interaction, NatureInteraction
    from cipdesk.employeurs.offres.models import FicheDePoste, Offre, StatutOffre, TypeContrat
    from cipdesk.integration.points.models import Jalon, PointSuivi
    from cipdesk.integration.suivis.models import StatutSuivi, SuiviIntegration
    from cipdesk.integration.suivis.models import TypeContrat as ContratSuivi

    atelier = b.add(Atelier(titre="Préparer un entretien d'embauche", origine=Origine.BESOIN, places_max=10,
                            duree_minutes=360, concepteur_id=m.a.id))
    objectif = b.add(ObjectifPedagogique(atelier_id=atelier.id, capacite="Présenter son parcours en 3 minutes"))

    def session(animateur, *jours):
        s = b.add(SessionAtelier(atelier_id=atelier.id, animateur_id=animateur.id, capacite=10, inscrits=0))
        demis = [b.add(DemiJournee(session_id=s.id, le=j, periode=Periode.MATIN, debut=time(9), fin=time(12)))
                 for j in jours]
        return s, demis

    s1, (d1, d2) = session(m.a, date(2026, 3, 2), date(2026, 3, 3))   # A, in the period
    s2, (d3,) = session(m.x, date(2026, 3, 5))                        # X: another team
    session(m.b, date(2025, 12, 1))                                   # B, before the period

    def inscrire(s, p):
        return b.add(Inscription(session_id=s.id, personne_id=p.id, statut=StatutInscription.INSCRIT,
                                 inscrit_le=date(2026, 2, 20), inscrit_par_id=m.a.id))

    i1, i3, i8 = inscrire(s1, m.p1), inscrire(s1, m.p3), inscrire(s1, m.p8)
    for demi, inscription, statut in ((d1, i1, StatutPresence.PRESENT), (d1, i3, StatutPresence.ABSENT),
                                      (d1, i8, StatutPresence.PRESENT), (d2, i1, StatutPresence.RETARD),
                                      (d2, i3, StatutPresence.EXCUSE)):
        b.add(Presence(demi_journee_id=demi.id, inscription_id=inscription.id, statut=statut, saisi_par_id=m.a.id))
    for inscription, resultat in ((i1, Resultat.ATTEINT), (i3, Resultat.PARTIEL), (i8, Resultat.ATTEINT)):
        b.add(EvaluationObjectif(inscription_id=inscription.id, objectif_id=objectif.id, resultat=resultat,
                                 evalue_le=date(2026, 3, 3), evalue_par_id=m.a.id))
    for s, note in ((s1, 4), (s1, 3), (s2, 1)):
        b.add(Satisfaction(session_id=s.id, moment=Moment.A_CHAUD, note=note, saisi_le=date(2026, 3, 3)))

    entreprise = b.add(Entreprise(raison_sociale="Boulangerie Lefebvre", nom_recherche="boulangerie lefebvre",
                                  siren="552100554"))
    for conseiller, nature, le in ((m.a, NatureInteraction.VISITE, date(2026, 2, 10)),
                                   (m.a, NatureInteraction.APPEL, date(2026, 2, 11)),
                                   (m.b, NatureInteraction.EMAIL, date(2026, 4, 1)),
                                   (m.x, NatureInteraction.VISITE, date(2026, 2, 12)),
                                   (m.a, NatureInteraction.APPEL, date(2025, 12, 12))):
        b.add(Interaction(entreprise_id=entreprise.id, conseiller_id=conseiller.id, nature=nature, le=le,
                          objet="Besoins de recrutement"))

    def offre(auteur, ouverte):
        fiche = b.add(FicheDePoste(entreprise_id=entreprise.id, redigee_par_id=auteur.id,
                                   entretien_le=ouverte, besoin="Un vendeur", intitule="Vendeur·se en boulangerie",
                                   missions="Vente", type_contrat=TypeContrat.CDI))
        return b.add(Offre(fiche_id=fiche.id, entreprise_id=entreprise.id, intitule="Vendeur·se", texte="…",
                           ouverte_le=ouverte, statut=StatutOffre.PUBLIEE))

    o1 = offre(m.a, date(2026, 2, 15))
    offre(m.x, date(2026, 2, 15))
    c1 = b.add(Candidature(offre_id=o1.id, personne_id=m.p1.id, proposee_par_id=m.a.id,
                           etat=EtatCandidature.EMBAUCHE, etat_depuis=date(2026, 3, 1)))
    c3 = b.add(Candidature(offre_id=o1.id, personne_id=m.p3.id, proposee_par_id=m.b.id,
                           etat=EtatCandidature.REFUSEE, etat_depuis=date(2026, 1, 5)))
    for c, de, vers, le in ((c1, None, EtatCandidature.PROPOSEE, date(2026, 2, 16)),
                            (c1, EtatCandidature.PROPOSEE, EtatCandidature.EMBAUCHE, date(2026, 3, 1)),
                            (c3, None, EtatCandidature.PROPOSEE, date(2025, 12, 20)),
                            (c3, EtatCandidature.PROPOSEE, EtatCandidature.REFUSEE, date(2026, 1, 5))):
        b.add(TransitionCandidature(candidature_id=c.id, de=de, vers=vers, le=le, par_id=m.a.id))

    def suivi(p, conseiller, debut, statut=StatutSuivi.EN_COURS, bilan=None):
        return b.add(SuiviIntegration(personne_id=p.id, conseiller_id=conseiller.id, employeur="Boulangerie",
                                      intitule_poste="Vendeur·se", type_contrat=ContratSuivi.CDI, debut=debut,
                                      statut=statut, bilan_le=bilan))

    s_p1 = suivi(m.p1, m.a, date(2026, 3, 15))
    for jalon, prevu, fait in ((Jalon.J15, date(2026, 3, 30), date(2026, 3, 30)), (Jalon.M1, date(2026, 4, 15), None),
                               (Jalon.M3, date(2026, 7, 15), None)):
        b.add(PointSuivi(suivi_id=s_p1.id, jalon=jalon, prevu_le=prevu, fait_le=fait))
    suivi(m.p3, m.b, date(2026, 1, 10), StatutSuivi.ROMPU)
    suivi(m.p8, m.x, date(2026, 2, 10))
    suivi(m.p2, m.a, date(2025, 6, 1), StatutSuivi.TERMINE, bilan=date(2025, 12, 1))

    # Prévention: two incidents noted by A in the period, one by X (another team), one by A in 2025.
    from cipdesk.pratique.prevention.models import IncidentPublic, NatureIncident

    for auteur, nature, le in ((m.a, NatureIncident.INCIVILITE, date(2026, 2, 3)),
                               (m.a, NatureIncident.MENACE, date(2026, 5, 4)),
                               (m.x, NatureIncident.MENACE, date(2026, 5, 4)),
                               (m.a, NatureIncident.INCIVILITE, date(2025, 11, 4))):
        b.add(IncidentPublic(auteur_id=auteur.id, survenu_le=le, nature=nature))


# The small world of the dashboard's tests and its clock, shared by the test files that import them.
@pytest.fixture
def monde(ctx, fabrique):
    return monde_du_tableau(ctx, fabrique)


@pytest.fixture
def au_30_juin():
    dates.regler_horloge(lambda: datetime(AUJ.year, AUJ.month, AUJ.day, 12, tzinfo=dates.PARIS))
    yield
    dates.regler_horloge(lambda: datetime.combine(date.today(), datetime.now().time(), tzinfo=dates.PARIS))
