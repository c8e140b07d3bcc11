"""Test data with traits (a candidat, a chef de service, another structure…)."""
from __future__ import annotations

import itertools
import uuid

import factory

from cipdesk.comptes.models import (Equipe, ProfilCandidat, Role, Structure, Utilisateur,
                                    VoieCandidat)

_compteur = itertools.count(1)


class StructureFactory(factory.Factory):
    class Meta:
        model = Structure

    id = factory.LazyFunction(uuid.uuid4)
    nom = factory.LazyFunction(lambda: f"Structure d'insertion {next(_compteur)}")
    type_structure = "Atelier et chantier d'insertion"
    ville = "Roubaix"
    parametres = factory.LazyFunction(dict)


class EquipeFactory(factory.Factory):
    class Meta:
        model = Equipe

    id = factory.LazyFunction(uuid.uuid4)
    nom = factory.LazyFunction(lambda: f"Équipe {next(_compteur)}")


class UtilisateurFactory(factory.Factory):
    class Meta:
        model = Utilisateur

    id = factory.LazyFunction(uuid.uuid4)
    prenom = factory.Faker("first_name", locale="fr_FR")
    nom = factory.Faker("last_name", locale="fr_FR")
    email = factory.LazyFunction(lambda: f"compte{next(_compteur)}@exemple.fr")
    role = Role.CONSEILLER
    actif = True
    session_epoch = 0

    class Params:
        chef = factory.Trait(role=Role.CHEF_DE_SERVICE)
        admin = factory.Trait(role=Role.ADMIN)


class Fabrique:
    """Persists factory objects in the test session and commits."""

    def __init__(self, session, password_hash: str):
        self.session = session
        self.password_hash = password_hash

    def structure(self, **kw) -> Structure:
        structure = StructureFactory(**kw)
        self.session.add(structure)
        self.session.commit()
        return structure

    def equipe(self, structure: Structure, **kw) -> Equipe:
        equipe = EquipeFactory(structure_id=structure.id, **kw)
        self.session.add(equipe)
        self.session.commit()
        return equipe

    def utilisateur(self, structure: Structure, *, equipe: Equipe | None = None,
                    candidat: bool = False, **kw) -> Utilisateur:
        utilisateur = UtilisateurFactory(structure_id=structure.id,
                                         equipe_id=equipe.id if equipe else None,
                                         password_hash=self.password_hash, **kw)
        self.session.add(utilisateur)
        if candidat:
            self.session.add(ProfilCandidat(utilisateur=utilisateur, structure_id=structure.id,
                                            voie=VoieCandidat.VAE, referentiel_code="reac-2018"))
        self.session.commit()
        return utilisateur

    def personne(self, structure: Structure, *, referent: Utilisateur | None = None, **kw):
        """A person accompanied (issue 4 tests; the accueil module may add traits)."""
        from cipdesk.personnes.models import Personne
        from cipdesk.personnes.rules import normaliser_nom

        kw.setdefault("nom", f"Martin{next(_compteur)}")
        kw.setdefault("prenom", "Alex")
        personne = Personne(id=uuid.uuid4(), structure_id=structure.id,
                            referent_id=referent.id if referent else None,
                            nom_recherche=normaliser_nom(kw["nom"], kw["prenom"]), **kw)
        self.session.add(personne)
        self.session.commit()
        return personne

    def monde(self):
        """The cast of the access tests: two structures, every role."""
        s1, s2 = self.structure(), self.structure()
        e1, e2 = self.equipe(s1), self.equipe(s2)
        return Monde(
            structure=s1, autre_structure=s2, equipe=e1,
            conseiller=self.utilisateur(s1, equipe=e1),
            collegue=self.utilisateur(s1, equipe=e1),
            candidat=self.utilisateur(s1, equipe=e1, candidat=True),
            chef=self.utilisateur(s1, equipe=e1, chef=True),
            admin=self.utilisateur(s1, admin=True),
            conseiller_ailleurs=self.utilisateur(s2, equipe=e2),
            chef_ailleurs=self.utilisateur(s2, equipe=e2, chef=True),
        )


class Monde:
    def __init__(self, **kw):
        self.__dict__.update(kw)
