"""Access policy: every "who may do what" decision of cipdesk, in one place.

Plain functions over plain objects, so they are unit-tested without Flask.
Views load objects through `charger` (scoped to the user's structure: another
structure's object is *not found*, 404) and then ask a `peut_*` question
(a forbidden action is 403).
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cipdesk.core.contrat import registre
from cipdesk.core.roles import Role


class Introuvable(Exception):
    """Answered as 404: the object does not exist *for this user*."""


class Interdit(Exception):
    """Answered as 403: the object exists for this user, the action is not theirs."""


def meme_structure(utilisateur, obj) -> bool:
    return obj is not None and getattr(obj, "structure_id", None) == utilisateur.structure_id


def est_admin(utilisateur) -> bool:
    return utilisateur.role == Role.ADMIN


def est_chef(utilisateur) -> bool:
    return utilisateur.role == Role.CHEF_DE_SERVICE


def est_conseiller(utilisateur) -> bool:
    return utilisateur.role == Role.CONSEILLER


# -- permissions declared by the modules (issue #9) ---------------------------------
# A module names what its pages allow (`Module.acces`: RegleDAcces « employeurs.voir », the
# roles that hold it, user qualities required); the policy alone decides, here, from those
# declarations gathered by the registry. A new module adds no function to this file.
def peut(utilisateur, code: str) -> bool:
    """May this user do `code` (a permission declared by a module)? An active account whose
    role holds it and who has every quality it requires. An unknown code is an error."""
    regle = registre.regle_d_acces(code)
    return (utilisateur is not None and bool(getattr(utilisateur, "actif", True))
            and getattr(utilisateur, "role", None) in regle.roles
            and all(getattr(utilisateur, q, None) for q in regle.qualites))


def permission(code: str) -> Callable[[Any], bool]:
    """`peut(·, code)` as a predicate, for the `visible=` of a menu entry or a navigation."""
    def visible(utilisateur) -> bool:
        return peut(utilisateur, code)
    visible.__name__ = f"peut[{code}]"
    return visible


def table_des_permissions() -> str:
    """Every declared permission and who holds it (Markdown): `cipdesk securite acces`."""
    lignes = ["| Permission | Module | Rôles | Qualités requises | Ce qu'elle permet |", "|---|---|---|---|---|"]
    for module in registre.modules:
        for r in module.acces:
            roles = ", ".join(Role(role).value for role in r.roles)
            lignes.append(f"| `{r.code}` | {module.code} | {roles} | {', '.join(r.qualites) or '—'} | {r.description} |")
    return "\n".join(lignes) + "\n"


# -- administration ---------------------------------------------------------------
# Decision (issue #9, point 4): the admin role is a *structure* administrator. An
# admin manages the équipes, accounts, lists and audit trail of their own structure
# and nothing of another one (another structure's account or équipe is *not found*).
# Creating a structure is the instance operator's act, on the server:
# `cipdesk create-structure` (README, « Administration »).
def peut_administrer(utilisateur) -> bool:
    """The administration pages: the structure's administrators."""
    return est_admin(utilisateur)


def peut_administrer_structure(utilisateur, structure_id) -> bool:
    return est_admin(utilisateur) and structure_id == utilisateur.structure_id


def peut_administrer_compte(utilisateur, compte) -> bool:
    """An admin changes accounts of their own structure only."""
    return compte is not None and peut_administrer_structure(utilisateur, compte.structure_id)


def peut_creer_structure(utilisateur) -> bool:
    """Nobody through the web: the instance operator creates structures on the server."""
    return False


def peut_consulter_audit(utilisateur) -> bool:
    """The structure's audit trail (rows of that structure only)."""
    return est_admin(utilisateur)


# -- notes confidentielles -------------------------------------------------------
def peut_ecrire_note(utilisateur) -> bool:
    """Notes are written by the professionals who accompany people."""
    return est_conseiller(utilisateur)


def _accompagne_encore(utilisateur, note) -> bool:
    """Checked at every read, not only when the note was written or shared: the
    account is active, of the note's structure, and *now* a conseiller. A
    conseiller made chef de service or admin keeps no access to the notes they
    wrote or were shared; nothing is re-shared in their place (issue #10, point 1)."""
    return bool(getattr(utilisateur, "actif", False)) and meme_structure(utilisateur, note) \
        and est_conseiller(utilisateur)


def peut_lire_note(utilisateur, note, lecteurs_ids: set[uuid.UUID]) -> bool:
    """Author and explicit readers only: not the hierarchy, not the admin
    (SECURITY.md, "Confidential notes"), and only while they accompany people."""
    if not _accompagne_encore(utilisateur, note):
        return False
    return note.auteur_id == utilisateur.id or utilisateur.id in lecteurs_ids


def peut_modifier_note(utilisateur, note) -> bool:
    return _accompagne_encore(utilisateur, note) and note.auteur_id == utilisateur.id


def peut_partager_note_avec(utilisateur, note, collegue) -> bool:
    """The author shares with a conseiller of the same structure, never across
    structures nor with the hierarchy."""
    return (
        peut_modifier_note(utilisateur, note)
        and collegue is not None
        and collegue.id != utilisateur.id
        and collegue.structure_id == note.structure_id
        and collegue.role == Role.CONSEILLER
        and collegue.actif
    )


def voit_la_note_dans_la_liste(utilisateur, note, lecteurs_ids: set[uuid.UUID]) -> bool:
    return peut_lire_note(utilisateur, note, lecteurs_ids)


# -- personnes accompagnées ------------------------------------------------------
PARAMETRE_FILE_ACTIVE_PARTAGEE = "file_active_partagee"


@dataclass(frozen=True)
class Perimetre:
    """Whose people a user sees: ONE rule, used both as a per-object predicate
    (`contient`) and as a SQL condition (`condition`) by every list query.

    A conseiller sees their own caseload, and colleagues' when the structure
    allows it (setting `file_active_partagee`); a chef de service sees the
    caseloads of their team; the admin manages accounts, not people. Nothing
    crosses structures."""
    genre: str                       # "referent", "structure", "equipe" or "aucun"
    structure_id: uuid.UUID | None
    valeur: uuid.UUID | None = None  # the référent's id, or the équipe's id

    def contient(self, personne, *, equipe_du_referent=None) -> bool:
        if personne is None or getattr(personne, "structure_id", None) != self.structure_id:
            return False
        if self.genre == "structure":
            return True
        if self.genre == "referent":
            return personne.referent_id == self.valeur
        if self.genre == "equipe":
            return equipe_du_referent is not None and equipe_du_referent == self.valeur
        return False

    def condition(self, personne_cls, utilisateur_cls):
        """The same rule as a WHERE clause on `personne_cls` (models passed in, so
        the policy imports no domain)."""
        from sqlalchemy import false, select

        meme = personne_cls.structure_id == self.structure_id
        if self.genre == "structure":
            return meme
        if self.genre == "referent":
            return meme & (personne_cls.referent_id == self.valeur)
        if self.genre == "equipe":
            equipe = select(utilisateur_cls.id).where(utilisateur_cls.equipe_id == self.valeur,
                                                      utilisateur_cls.structure_id == self.structure_id)
            return meme & personne_cls.referent_id.in_(equipe)
        return false()


def perimetre(utilisateur, *, file_active_partagee: bool = False) -> Perimetre:
    if not getattr(utilisateur, "actif", True):
        return Perimetre("aucun", utilisateur.structure_id)
    if est_conseiller(utilisateur):
        if file_active_partagee:
            return Perimetre("structure", utilisateur.structure_id)
        return Perimetre("referent", utilisateur.structure_id, utilisateur.id)
    if est_chef(utilisateur) and utilisateur.equipe_id is not None:
        return Perimetre("equipe", utilisateur.structure_id, utilisateur.equipe_id)
    return Perimetre("aucun", utilisateur.structure_id)


def peut_voir_personne(utilisateur, personne, *, equipe_du_referent=None,
                       file_active_partagee: bool = False, acces_exceptionnel: bool = False) -> bool:
    """See `Perimetre`: the same rule as the list queries; and, for one person at a time, a
    chef de service's break-glass access still running (`acces_exceptionnel`, issue #18 point 13)."""
    if perimetre(utilisateur, file_active_partagee=file_active_partagee).contient(
            personne, equipe_du_referent=equipe_du_referent):
        return True
    return acces_exceptionnel and peut_ouvrir_acces_exceptionnel(utilisateur, personne)


def peut_ouvrir_acces_exceptionnel(utilisateur, personne) -> bool:
    """Break-glass (SECURITY.md « Access control », issue #18 point 13): a chef de service may
    read, for a limited time and a stated reason, the file of a person of their structure outside
    their team. Reading only (writing stays the conseillers'), never the confidential notes
    (`peut_lire_note` does not know it), logged and shown to the person's référent."""
    return bool(getattr(utilisateur, "actif", False)) and est_chef(utilisateur) and meme_structure(utilisateur, personne)


def peut_modifier_personne(utilisateur, personne, **contexte) -> bool:
    """Records about a person are written by conseillers who may see them."""
    return est_conseiller(utilisateur) and peut_voir_personne(utilisateur, personne, **contexte)


# -- parcours (REAC CP6, CP7, CP8) -------------------------------------------------
def peut_voir_parcours(utilisateur, personne, **contexte) -> bool:
    """A parcours, its étapes, entretiens (summaries), projet and alerts are seen
    by whoever may see the person: the conseiller of their caseload (colleagues
    when the structure shares caseloads), the chef de service of the référent's
    team. Confidential notes of entretiens stay under `peut_lire_note`."""
    return peut_voir_personne(utilisateur, personne, **contexte)


def peut_modifier_parcours(utilisateur, personne, **contexte) -> bool:
    """Contract, étapes, entretiens, projet, exit: written by conseillers only."""
    return peut_modifier_personne(utilisateur, personne, **contexte)


def peut_modifier_listes(utilisateur) -> bool:
    """The structure's editable lists (dispositifs, types d'étape, dimensions du diagnostic…): its admin."""
    return est_admin(utilisateur)


def peut_voir_file_active(utilisateur) -> bool:
    """Conseillers (their caseload) and chefs de service (their team's); not the admin."""
    return est_conseiller(utilisateur) or est_chef(utilisateur)


def peut_creer_personne(utilisateur) -> bool:
    return est_conseiller(utilisateur)


# -- compétences du candidat ---------------------------------------------------
def peut_etre_tuteur(tuteur, candidat) -> bool:
    """A tutor follows the candidat's practice (REAC CIP, tutorat en structure):
    an active conseiller or chef de service of the candidat's structure, other
    than the candidat. Never an admin, who manages accounts, not practice
    (issue #10, point 5). Checked when designated and again at every read."""
    return (tuteur is not None and candidat is not None and tuteur.id != candidat.id
            and bool(tuteur.actif) and meme_structure(tuteur, candidat)
            and (est_conseiller(tuteur) or est_chef(tuteur)))


def peut_designer_tuteur(par, candidat, tuteur) -> bool:
    """The structure's administration designates; nobody designates themself
    (no documented rule allows it: the designation is a check by a third party)."""
    return tuteur.id != par.id and peut_etre_tuteur(tuteur, candidat)


def peut_voir_couverture(utilisateur, candidat, profil) -> bool:
    """The candidat; their tutor (designated by the structure) if the candidat agreed
    and while they still may be a tutor."""
    if not meme_structure(utilisateur, candidat) or profil is None:
        return False
    if utilisateur.id == candidat.id:
        return True
    return (profil.tuteur_id == utilisateur.id and profil.consentement_tuteur
            and peut_etre_tuteur(utilisateur, candidat))


def peut_voir_preparation(utilisateur, candidat, profil) -> bool:
    """The readiness summary: also the chef de service of the candidat's team
    (never the records nor the confidential notes behind it)."""
    if peut_voir_couverture(utilisateur, candidat, profil):
        return True
    return (profil is not None and meme_structure(utilisateur, candidat) and est_chef(utilisateur)
            and utilisateur.equipe_id is not None and utilisateur.equipe_id == candidat.equipe_id)


def peut_relire_dossier(relecteur, candidat) -> bool:
    """Who a candidat may ask to review a part of their dossier: their designated tutor, or a
    chef de service of their structure they choose (issue #16, point 9)."""
    profil = candidat.profil_candidat
    if profil is None or relecteur.id == candidat.id or not meme_structure(relecteur, candidat):
        return False
    if not relecteur.actif:
        return False
    return profil.tuteur_id == relecteur.id or est_chef(relecteur)


# -- ateliers (REAC CP9, CP10): a participant, where the perimeter meets the session -----
def peut_voir_participant(utilisateur, personne, session_atelier, **contexte) -> bool:
    """A participant's personal data (name, attendance, evaluation): whoever may see the
    person, and the conseiller who animates that session (feuille d'émargement)."""
    if not meme_structure(utilisateur, session_atelier) or not meme_structure(utilisateur, personne):
        return False
    if peut(utilisateur, "ateliers.animer") and session_atelier.animateur_id == utilisateur.id:
        return True
    return peut_voir_personne(utilisateur, personne, **contexte)


def peut_suivre_participant(utilisateur, personne, session_atelier, **contexte) -> bool:
    """Attendance and evaluation of a participant: a conseiller who may see them."""
    return peut(utilisateur, "ateliers.animer") and peut_voir_participant(utilisateur, personne, session_atelier,
                                                                       **contexte)


# -- tableau de bord du chef de service (issue #17) -----------------------------------
def peut_reaffecter(utilisateur, personne, *, equipe_du_referent=None, equipe_du_nouveau=None,
                    nouveau=None) -> bool:
    """Caseload balance (issue #17, point 7): the chef moves a person of their team (or one
    without a référent, in their structure) to an active conseiller of their team."""
    if not peut(utilisateur, "tableau.voir") or utilisateur.equipe_id is None:
        return False
    if personne is None or personne.structure_id != utilisateur.structure_id:
        return False
    if personne.referent_id is not None and equipe_du_referent != utilisateur.equipe_id:
        return False
    return (nouveau is not None and nouveau.structure_id == utilisateur.structure_id and nouveau.actif
            and est_conseiller(nouveau) and equipe_du_nouveau == utilisateur.equipe_id
            and nouveau.id != personne.referent_id)


# -- loading ---------------------------------------------------------------------
def verifier_structure(utilisateur, obj):
    """Return obj if it belongs to the user's structure, else raise Introuvable."""
    if not meme_structure(utilisateur, obj):
        raise Introuvable()
    return obj


def exiger(condition: bool) -> None:
    if not condition:
        raise Interdit()


# -- analyse de pratique (REAC CP11) et prévention des risques (compétence transversale) --
def peut_modifier_analyse(utilisateur, analyse) -> bool:
    return peut(utilisateur, "pratique.analyser") and meme_structure(utilisateur, analyse) \
        and analyse.auteur_id == utilisateur.id


def peut_lire_analyse(utilisateur, analyse, *, tuteur_actuel_id=None, auteur=None,
                      participants_ids: set[uuid.UUID] = frozenset()) -> bool:
    """Private by default, like a confidential note: the author; the candidat's tutor only
    if the author shared it with them explicitly and they are still the designated tutor;
    the participants of the practice group it was shared with. Never the hierarchy as such."""
    if not bool(getattr(utilisateur, "actif", False)) or not meme_structure(utilisateur, analyse):
        return False
    if analyse.auteur_id == utilisateur.id:
        return est_conseiller(utilisateur)
    if (analyse.partage_tuteur_le is not None and analyse.tuteur_id == utilisateur.id
            and tuteur_actuel_id == utilisateur.id and peut_etre_tuteur(utilisateur, auteur)):
        return True
    return analyse.seance_id is not None and utilisateur.id in participants_ids \
        and (est_conseiller(utilisateur) or est_chef(utilisateur))


def peut_lire_incident(utilisateur, incident, *, equipe_de_l_auteur=None) -> bool:
    """An incident with the public: its author, and the chef de service of the author's team."""
    if not bool(getattr(utilisateur, "actif", False)) or not meme_structure(utilisateur, incident):
        return False
    if incident.auteur_id == utilisateur.id:
        return est_conseiller(utilisateur)
    return peut(utilisateur, "pratique.prevention_equipe") and equipe_de_l_auteur is not None \
        and equipe_de_l_auteur == utilisateur.equipe_id


def peut_traiter_alerte_de_charge(utilisateur, alerte) -> bool:
    """A workload alert is addressed to the chef de service of the conseiller's team."""
    return peut(utilisateur, "pratique.prevention_equipe") and meme_structure(utilisateur, alerte) \
        and alerte.equipe_id == utilisateur.equipe_id



# -- agenda (issue #18, points 1 to 4): record-level rules (the role rules are the module's
# declared permissions agenda.tenir and agenda.regler) --------------------------------------
def peut_modifier_rendez_vous(utilisateur, rdv) -> bool:
    """Moved, cancelled, attendance noted, convocation sent: by the conseiller who holds it."""
    return peut(utilisateur, "agenda.tenir") and rdv.conseiller_id == utilisateur.id \
        and rdv.structure_id == utilisateur.structure_id


def peut_voir_rendez_vous(utilisateur, rdv, *, voit_la_personne: bool, equipe_du_conseiller=None) -> bool:
    """Seen by its conseiller, by whoever sees the person (perimeter), and — a visit to an
    employer, with no person — by the chef de service of the conseiller's team."""
    if not bool(getattr(utilisateur, "actif", True)) or rdv.structure_id != utilisateur.structure_id:
        return False
    if rdv.conseiller_id == utilisateur.id:
        return True
    if rdv.personne_id is not None:
        return voit_la_personne
    return est_chef(utilisateur) and equipe_du_conseiller is not None and equipe_du_conseiller == utilisateur.equipe_id


# -- dossier (issue #16, points 8 and 9): rules that read the candidat's profile or a link
def peut_rediger_ccp(utilisateur) -> bool:
    """A candidat on the CCP route (capitalisation included) builds and exports the productions of
    their CCP, each with its own budget (issue #16, point 8)."""
    profil = getattr(utilisateur, "profil_candidat", None)
    return (peut(utilisateur, "dossier.rediger") and profil is not None
            and getattr(profil.voie, "value", profil.voie) == "ccp")


def peut_suivre_vae_collective(utilisateur, candidat, rattache: bool) -> bool:
    """The accompagnateur of a collective VAE (COORACE seed) follows the readiness summary of the
    candidats attached to them (`rattache`, read by the caller), in their structure — the summary
    only: `peut_voir_couverture` stays false, so no record nor caseload behind it is shown."""
    return (bool(rattache) and bool(getattr(utilisateur, "actif", True)) and meme_structure(utilisateur, candidat)
            and getattr(candidat, "profil_candidat", None) is not None)


# -- droits de la personne (RGPD, issue #18): rules on a person or a note (the role-only rules
# are the droits module's declared permissions droits.regler_conservation, droits.voir_registre)
def peut_exercer_droits(utilisateur, personne, **contexte) -> bool:
    """Recording the notice, a request of access (and its export), an erasure: the conseillers
    who may write about the person — they hand the export over to the person."""
    return peut_modifier_personne(utilisateur, personne, **contexte)


def peut_decider_note_pour_acces(utilisateur, note) -> bool:
    """Whether a confidential note's text goes into an access export: its author's decision."""
    return peut_modifier_note(utilisateur, note)


def peut_voir_conservation(utilisateur) -> bool:
    """The people whose retention period ends soon: the chef de service of the team."""
    return peut(utilisateur, "tableau.voir") and utilisateur.equipe_id is not None
