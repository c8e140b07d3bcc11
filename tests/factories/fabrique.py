"""The `fabrique` fixture's object: persists factory objects in the test session and commits."""
from __future__ import annotations

from cipdesk.comptes.models import Equipe, Structure, Utilisateur
from tests.factories.comptes import (EquipeFactory, ProfilCandidatFactory, StructureFactory,
                                     UtilisateurFactory)
from tests.factories.personnes import PersonneFactory


class Fabrique:
    """Persists factory objects in the test session and commits."""

    def __init__(self, session, password_hash: str):
        self.session = session
        self.password_hash = password_hash

    def _garder(self, *objets):
        self.session.add_all(objets)
        self.session.commit()
        return objets[0]

    def structure(self, **kw) -> Structure:
        return self._garder(StructureFactory(**kw))

    def equipe(self, structure: Structure, **kw) -> Equipe:
        return self._garder(EquipeFactory(structure_id=structure.id, **kw))

    def utilisateur(self, structure: Structure, *, equipe: Equipe | None = None,
                    candidat: bool = False, **kw) -> Utilisateur:
        utilisateur = UtilisateurFactory(structure_id=structure.id,
                                         equipe_id=equipe.id if equipe else None,
                                         password_hash=self.password_hash, **kw)
        profil = [ProfilCandidatFactory(utilisateur=utilisateur, structure_id=structure.id)] if candidat else []
        return self._garder(utilisateur, *profil)

    def personne(self, structure: Structure, *, referent: Utilisateur | None = None, **kw):
        """A person accompanied (traits of PersonneFactory: `accompagnee=True`, `sortie=True`)."""
        return self._garder(PersonneFactory(structure_id=structure.id,
                                            referent_id=referent.id if referent else None, **kw))

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
