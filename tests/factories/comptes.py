"""Structures, équipes and accounts (a candidat, a chef de service, another structure…)."""
from __future__ import annotations

import factory
from sqlalchemy import select

from cipdesk.comptes.models import (Equipe, ProfilCandidat, Role, Structure, Utilisateur,
                                    VoieCandidat)
from cipdesk.security import policy
from tests.factories.base import AvecId


class StructureFactory(AvecId):
    class Meta:
        model = Structure

    nom = factory.Sequence(lambda n: f"Structure d'insertion {n + 1}")
    type_structure = "Atelier et chantier d'insertion"
    ville = "Roubaix"
    parametres = factory.LazyFunction(dict)
    # The test structures let every role log in with a password alone, so that the tests of
    # other modules do not enrol a second factor; the production default (« admin_chef »:
    # required of admins and chefs de service) is tested in tests/http/test_second_facteur.py,
    # which asks for it with `second_facteur="admin_chef"`.
    second_facteur = "facultatif"

    class Params:
        # The caseload is shared within the structure (a parameter the admin sets).
        file_active_partagee = factory.Trait(
            parametres=factory.LazyFunction(lambda: {policy.PARAMETRE_FILE_ACTIVE_PARTAGEE: True}))


class EquipeFactory(AvecId):
    class Meta:
        model = Equipe

    nom = factory.Sequence(lambda n: f"Équipe {n + 1}")


class UtilisateurFactory(AvecId):
    class Meta:
        model = Utilisateur

    prenom = factory.Faker("first_name", locale="fr_FR")
    nom = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"compte{n + 1}@exemple.fr")
    role = Role.CONSEILLER
    actif = True
    session_epoch = 0

    class Params:
        chef = factory.Trait(role=Role.CHEF_DE_SERVICE)
        admin = factory.Trait(role=Role.ADMIN)
        inactif = factory.Trait(actif=False)


class ProfilCandidatFactory(factory.Factory):
    """The candidat side of a conseiller preparing the titre CIP (VAE by default)."""

    class Meta:
        model = ProfilCandidat

    voie = VoieCandidat.VAE
    referentiel_code = "reac-2018"


def objets_comptes(ctx, monde) -> dict:
    """An open session of the conseiller in another browser ("Mes sessions", issue #10)."""
    from cipdesk.comptes import services
    from cipdesk.comptes.models import SessionConnexion
    from cipdesk.core.db import utcnow

    jeton = services.ouvrir_session(ctx, utilisateur=monde.conseiller, agent="Firefox/128.0 (X11; Linux)",
                                    adresse_ip="198.51.100.7", maintenant=utcnow())
    ligne = ctx.scalar(select(SessionConnexion).where(SessionConnexion.empreinte == services._empreinte(jeton)))
    ctx.commit()
    return {"session": ligne.id}
