"""A small world built by hand for the tableau de bord's indicators (issue #17): each row
written directly, so that every expected figure can be counted by hand in the tests.

Today is 30/06/2026; the period is the first half of 2026 (181 days)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

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
    ctx.commit()
    return m
