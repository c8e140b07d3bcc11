"""Tenancy: structure → équipes → utilisateurs, with their roles."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, LargeBinary, String, Uuid, false as sa_false, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, Timestamps, UuidPk, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.core.roles import ROLE_LIBELLES, Role  # noqa: F401  (re-exported: comptes.models.Role)
from cipdesk.security.chiffrement import TexteConfidentiel


class VoieCandidat(EnumLibelle):
    VAE = "vae"
    FORMATION = "formation"
    CCP = "ccp"   # stored as its code in a VARCHAR: no migration (core.libelles.colonne_enum)


VoieCandidat.LIBELLES = {"vae": "Validation des acquis de l'expérience (VAE)", "formation": "Parcours de formation",
                         "ccp": "Certificats de compétences professionnelles (CCP), y compris par capitalisation"}


class Structure(UuidPk, Timestamps, Base):
    __tablename__ = "structure"

    nom: Mapped[str] = mapped_column(String(200), unique=True)
    type_structure: Mapped[str] = mapped_column(String(120), default="")
    ville: Mapped[str] = mapped_column(String(120), default="")
    # Settings of the structure (e.g. whether conseillers see colleagues' caseloads).
    parametres: Mapped[dict] = mapped_column(JSON, default=dict)
    # Who must use a second factor (issue #18, point 12): « admin_chef » (the default),
    # « tous » or « facultatif » (comptes.rules.EXIGENCES_SECOND_FACTEUR). A column, not a
    # key of `parametres`, so that a default cannot be lost by rewriting the settings.
    second_facteur: Mapped[str] = mapped_column(String(20), default="admin_chef", server_default="admin_chef")

    equipes: Mapped[list[Equipe]] = relationship(back_populates="structure", order_by="Equipe.nom")

    def parametre(self, cle: str, defaut=None):
        return (self.parametres or {}).get(cle, defaut)


class Equipe(UuidPk, Timestamps, Base):
    __tablename__ = "equipe"

    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("structure.id"), index=True)
    nom: Mapped[str] = mapped_column(String(200))

    structure: Mapped[Structure] = relationship(back_populates="equipes")
    membres: Mapped[list[Utilisateur]] = relationship(back_populates="equipe")


class Utilisateur(UserMixin, UuidPk, Timestamps, Base):
    __tablename__ = "utilisateur"

    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("structure.id"), index=True)
    equipe_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("equipe.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    prenom: Mapped[str] = mapped_column(String(120))
    nom: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(colonne_enum(Role, 30))
    password_hash: Mapped[str] = mapped_column(String(255))
    actif: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped on password change or revocation: every older session becomes invalid.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when an admin unlocks the login: failed attempts before it no longer count.
    connexion_debloquee_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The REAC quotations that open the forms, unfolded (a candidat preparing the titre) or
    # folded (the default: noise to the others) — issue #11, point 10; set on « Mon compte ».
    citations_depliees: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    structure: Mapped[Structure] = relationship()
    equipe: Mapped[Equipe | None] = relationship(back_populates="membres")
    profil_candidat: Mapped[ProfilCandidat | None] = relationship(
        back_populates="utilisateur", foreign_keys="ProfilCandidat.utilisateur_id"
    )

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"

    @property
    def est_candidat(self) -> bool:
        return self.profil_candidat is not None

    def get_id(self) -> str:
        # The epoch is part of the login id: bumping it logs out every session.
        return f"{self.id}:{self.session_epoch}"


class ProfilCandidat(Timestamps, Base):
    """A conseiller (or trainee) preparing the titre CIP."""

    __tablename__ = "profil_candidat"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("utilisateur.id"), primary_key=True
    )
    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("structure.id"), index=True)
    voie: Mapped[VoieCandidat] = mapped_column(colonne_enum(VoieCandidat, 20))
    date_session: Mapped[date | None] = mapped_column(Date)
    referentiel_code: Mapped[str] = mapped_column(String(40), default="reac-2018")
    tuteur_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    # The candidat's consent for the tutor to read their coverage (issue "Mes compétences").
    consentement_tuteur: Mapped[bool] = mapped_column(Boolean, default=False)

    utilisateur: Mapped[Utilisateur] = relationship(
        back_populates="profil_candidat", foreign_keys=[utilisateur_id]
    )
    tuteur: Mapped[Utilisateur | None] = relationship(foreign_keys=[tuteur_id])


class TentativeConnexion(Base):
    """One row per login attempt checked against a password; read by the
    throttling rule. Attempts refused by the throttling are not stored here
    (they are not failures), only in the audit log."""

    __tablename__ = "tentative_connexion"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # The e-mail typed, or "(identifiant invalide)": never anything else (comptes.rules).
    identifiant: Mapped[str] = mapped_column(String(254), index=True)
    adresse_ip: Mapped[str] = mapped_column(String(64), index=True)
    # The random id of the signed device cookie when the browser had already logged in
    # to this account; such attempts are counted per device only.
    appareil: Mapped[str | None] = mapped_column(String(32))
    succes: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                         server_default=func.now(), index=True)



class SessionConnexion(UuidPk, Base):
    """One open login (a browser). The session cookie holds a random token whose
    SHA-256 is kept here: logout, idle and absolute timeouts, a password change,
    an admin's change and "Terminer" end it on the server, so a copied cookie
    stops working (issue #10, point 2)."""

    __tablename__ = "session_connexion"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    empreinte: Mapped[str] = mapped_column(String(64), unique=True)
    debut: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Last request seen, written at most once a minute (comptes.rules.passage_a_noter).
    vu_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    fin: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    motif_fin: Mapped[str] = mapped_column(String(30), default="")
    # "Firefox sous Linux" (comptes.rules.resume_agent), not the full user-agent string.
    agent: Mapped[str] = mapped_column(String(120), default="")
    adresse_ip: Mapped[str] = mapped_column(String(64), default="")

    utilisateur: Mapped[Utilisateur] = relationship()


class Brouillon(UuidPk, Base):
    """What a form carried when it arrived after its session had ended (issue #10,
    point 10): kept encrypted, for its author only, given back once after a new
    login on the page it was typed on, forgotten after rules.DUREE_BROUILLON."""

    __tablename__ = "brouillon"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    # The author's structure: its key encrypts the fields.
    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("structure.id"))
    # The path of the page the form was on, where the fields are given back.
    page: Mapped[str] = mapped_column(String(500))
    cree_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    champs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    # {field name: [values]} as typed, tokens and passwords left out (web.saisie.champs_a_garder).
    champs = TexteConfidentiel(json=True)


class JetonReinitialisation(UuidPk, Base):
    """One « mot de passe oublié » request (issue #18, point 5). The link's secret is kept
    only as its SHA-256; single use, expires. A request for an unknown address writes the
    same row with no user (no account enumeration); the rows also count the requests
    for the rate limit (per address typed, per IP)."""

    __tablename__ = "jeton_reinitialisation"

    utilisateur_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    empreinte: Mapped[str] = mapped_column(String(64), unique=True)
    # SHA-256 of the address typed (normalised): never the address itself.
    identifiant_empreinte: Mapped[str] = mapped_column(String(64), index=True)
    adresse_ip: Mapped[str] = mapped_column(String(64), index=True)
    cree_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    expire_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    utilise_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
# -- second factor (issue #18, point 12) ------------------------------------------------
class SecondFacteur(UuidPk, Base):
    """A user's TOTP secret (RFC 6238), stored only encrypted with the structure's key.
    `active_le` is None until a first valid code was given."""

    __tablename__ = "second_facteur"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), unique=True)
    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("structure.id"), index=True)
    secret_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    secret = TexteConfidentiel()
    # A new secret being enrolled (first enrolment, or a new phone): the current one keeps
    # working until a code of the new one is given.
    nouveau_secret_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    nouveau_secret = TexteConfidentiel()
    active_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The last TOTP time step accepted: a code is never accepted twice (replay).
    dernier_pas: Mapped[int] = mapped_column(default=0, server_default="0")


class CodeDeSecours(UuidPk, Base):
    """A single-use recovery code, kept as an argon2 hash only."""

    __tablename__ = "code_de_secours"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    empreinte: Mapped[str] = mapped_column(String(255))
    utilise_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class NavigateurDeConfiance(UuidPk, Base):
    """A browser where the second factor was given with « se souvenir de ce navigateur »:
    its signed cookie carries a random token whose SHA-256 is kept here, until `expire_le`
    or a revocation (« Mon compte », a password change, a new secret)."""

    __tablename__ = "navigateur_de_confiance"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    empreinte: Mapped[str] = mapped_column(String(64), unique=True)
    cree_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expire_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoque_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    agent: Mapped[str] = mapped_column(String(120), default="")
