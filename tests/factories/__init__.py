"""Test data, one module per domain (factory_boy factories with traits, and builders
that go through the real services). `from tests.factories import X` works for every
name below; new code may import from the domain module directly."""
from tests.factories.accueil import (AUJOURDHUI, HIER, accueil, diagnostic, objets_accueil, partenaire,
                                     personne)
from tests.factories.competences import objets_competences
from tests.factories.comptes import (EquipeFactory, ProfilCandidatFactory, StructureFactory,
                                     UtilisateurFactory, objets_comptes)
from tests.factories.fabrique import Fabrique, Monde
from tests.factories.matrice import objets_de_tous_les_modules
from tests.factories.notes import note
from tests.factories.parcours import objets_parcours
from tests.factories.personnes import PersonneFactory

__all__ = [
    "AUJOURDHUI", "HIER", "EquipeFactory", "Fabrique", "Monde", "PersonneFactory", "ProfilCandidatFactory",
    "StructureFactory", "UtilisateurFactory", "accueil", "diagnostic", "note", "objets_accueil",
    "objets_competences", "objets_comptes", "objets_de_tous_les_modules", "objets_parcours", "partenaire",
    "personne",
]
