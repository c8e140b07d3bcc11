"""Structures, équipes and accounts (a candidat, a chef de service, another structure…)."""
from __future__ import annotations

import uuid

import factory
from sqlalchemy import select

from cipdesk.comptes.models import (Equipe, ProfilCandidat, Role, Structure, Utilisateur,
                                    VoieCandidat)
from cipdesk.security import policy
from tests.factories.base import compteur


class StructureFactory(factory.Factory):
    class Meta:
        model = Structure

    id = factory.LazyFunction(uuid.uuid4)
    nom = factory.LazyFunction(lambda: f"Structure d'insertion {compteur()}")
    type_structure = "Atelier et chantier d'insertion"
    ville = "Roubaix"
    parametres = factory.LazyFunction(dict)

    class Params:
        # The caseload is shared within the structure (a parameter the admin sets).
        file_active_partagee = factory.Trait(
            parametres=factory.LazyFunction(lambda: {policy.PARAMETRE_FILE_ACTIVE_PARTAGEE: True}))


class EquipeFactory(factory.Factory):
    class Meta:
        model = Equipe

    id = factory.LazyFunction(uuid.uuid4)
    nom = factory.LazyFunction(lambda: f"Équipe {compteur()}")


class UtilisateurFactory(factory.Factory):
    class Meta:
        model = Utilisateur

    id = factory.LazyFunction(uuid.uuid4)
    prenom = factory.Faker("first_name", locale="fr_FR")
    nom = factory.Faker("last_name", locale="fr_FR")
    email = factory.LazyFunction(lambda: f"compte{compteur()}@exemple.fr")
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
