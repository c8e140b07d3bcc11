"""Use cases of the dossier: choose the cases of a part, write on top of the draft,
reorder, trim or hide its blocks. Session and candidat explicit; flush, never commit."""
from __future__ import annotations

from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.dossier import queries
from cipdesk.dossier.brouillon.commun import deplacer
from cipdesk.dossier.models import PartieRedigee
from cipdesk.dossier.rules import CHAMPS_ANALYSE, PARTIES_AVEC_ANALYSE, CasPossible, regles_de, verifier_choix

LONGUEUR_MAX = 20_000  # about eight pages of text: more than any part's budget
CHAMPS_LIBRES = ("introduction", "transitions")


def partie(session: Session, candidat, numero: int, production: str = "titre") -> PartieRedigee:
    existante = queries.partie_redigee(session, candidat, numero, production)
    if existante is not None:
        return existante
    nouvelle = PartieRedigee(structure_id=candidat.structure_id, utilisateur_id=candidat.id, production=production,
                             numero=numero, cas=[], reglages={})
    nouvelle.textes = {}
    session.add(nouvelle)
    session.flush()
    return nouvelle


def choisir_cas(session: Session, candidat, numero: int, refs: list[str], possibles: list[CasPossible]
                ) -> PartieRedigee:
    """RC §3.1: one or two accompaniments for parts 2 and 3, one case for parts 4 to 7,
    each among the candidat's eligible records."""
    message = verifier_choix(numero, refs, possibles)
    if message:
        raise ErreurMetier(message, "cas")
    p = partie(session, candidat, numero)
    p.cas = list(dict.fromkeys(refs))
    session.flush()
    return p


def champs_ecrits(numero: int) -> set[str]:
    """What the candidat may write in part `numero`: introduction, transitions, the text
    standing for a descriptive rule, and the analysis fields where the RC asks for one."""
    champs = set(CHAMPS_LIBRES) | {r.ident for r in regles_de(numero) if r.redigeable}
    if numero in PARTIES_AVEC_ANALYSE:
        champs |= {c for c, _l in CHAMPS_ANALYSE}
    return champs


def ecrire(session: Session, candidat, numero: int, champ: str, texte: str) -> PartieRedigee:
    """Autosave of one field: nothing typed is lost (the whole text is kept, even empty)."""
    if champ not in champs_ecrits(numero):
        raise ErreurMetier("Ce champ n'existe pas dans cette partie.", "champ")
    texte = (texte or "").replace("\r\n", "\n")
    if len(texte) > LONGUEUR_MAX:
        raise ErreurMetier(f"{LONGUEUR_MAX} caractères au plus ({len(texte)} saisis) : raccourcissez ce texte.",
                           "texte")
    p = partie(session, candidat, numero)
    p.textes = {**(p.textes or {}), champ: texte}
    session.flush()
    return p


def couper(session: Session, candidat, numero: int, cle: str, texte: str, cles: list[str]) -> PartieRedigee:
    """The candidat's shortened version of an assembled block (empty: back to the records)."""
    if cle not in cles:
        raise ErreurMetier("Ce bloc n'existe plus dans la partie.", "cle")
    if len(texte or "") > LONGUEUR_MAX:
        raise ErreurMetier(f"{LONGUEUR_MAX} caractères au plus.", "texte")
    p = partie(session, candidat, numero)
    textes = dict(p.textes or {})
    coupes = dict(textes.get("coupes") or {})
    if (texte or "").strip():
        coupes[cle] = texte.replace("\r\n", "\n")
    else:
        coupes.pop(cle, None)
    textes["coupes"] = coupes
    p.textes = textes
    session.flush()
    return p


def regler_bloc(session: Session, candidat, numero: int, cle: str, action: str, cles: list[str]) -> PartieRedigee:
    """Move a block up or down, hide it or show it again."""
    if cle not in cles:
        raise ErreurMetier("Ce bloc n'existe plus dans la partie.", "cle")
    p = partie(session, candidat, numero)
    reglages = dict(p.reglages or {})
    masques = [c for c in reglages.get("masques", []) if c in cles]
    if action in ("monter", "descendre"):
        reglages["ordre"] = deplacer(reglages.get("ordre", []), cles, cle, -1 if action == "monter" else 1)
    elif action == "masquer":
        masques = list(dict.fromkeys(masques + [cle]))
    elif action == "afficher":
        masques = [c for c in masques if c != cle]
    else:
        raise ErreurMetier("Action inconnue.", "action")
    reglages["masques"] = masques
    p.reglages = reglages
    session.flush()
    return p


def demander_relecture(session: Session, candidat, numero: int, relecteur, le) -> "RelectureDossier":
    """Ask the tutor, or a chef de service of the structure, to review part `numero`."""
    from cipdesk.dossier.models import RelectureDossier
    from cipdesk.security import policy

    if relecteur is None or not policy.peut_relire_dossier(relecteur, candidat):
        raise ErreurMetier("Choisissez votre tuteur·rice ou un·e chef·fe de service de la structure.", "relecteur")
    relecture = RelectureDossier(structure_id=candidat.structure_id, candidat_id=candidat.id,
                                 relecteur_id=relecteur.id, numero=numero, demandee_le=le)
    session.add(relecture)
    session.flush()
    return relecture


MESSAGE_CONFLIT_RELECTURE = ("Ce commentaire a été modifié entre-temps (dans un autre onglet ?). Votre texte est "
                             "conservé ci-dessous : rechargez la page pour voir la version enregistrée.")


def commenter(session: Session, relecture, *, par, commentaire: str, le, version: int | None = None) -> None:
    """The reviewer's comment on the part (kept with it, shown to the candidat). `version`: the
    one the form was read at; a comment saved meanwhile is never overwritten."""
    if relecture.relecteur_id != par.id:
        raise ErreurMetier("Cette relecture ne vous a pas été demandée.", "commentaire")
    if version is not None and version != relecture.version:
        raise ErreurMetier(MESSAGE_CONFLIT_RELECTURE, "commentaire")
    if not (commentaire or "").strip():
        raise ErreurMetier("Écrivez votre commentaire.", "commentaire")
    if len(commentaire) > LONGUEUR_MAX:
        raise ErreurMetier(f"{LONGUEUR_MAX} caractères au plus.", "commentaire")
    relecture.commentaire = commentaire.strip()
    relecture.commentee_le = le
    session.flush()


def corriger_substitution(session: Session, candidat, numero: int, *, original: str, action: str,
                          remplacement: str = "") -> PartieRedigee:
    """The candidat's decision on one substitution of the preview (D3): keep the text as
    written (a false positive), replace it with another wording, or undo their decision."""
    original = (original or "").strip()
    if not original:
        raise ErreurMetier("Substitution introuvable.", "original")
    p = partie(session, candidat, numero)
    textes = dict(p.textes or {})
    corrections = [c for c in textes.get("corrections", []) if c.get("original") != original]
    if action == "garder":
        corrections.append({"original": original, "refusee": True})
    elif action == "remplacer":
        if not (remplacement or "").strip():
            raise ErreurMetier("Indiquez par quoi remplacer cette valeur.", "remplacement")
        corrections.append({"original": original, "remplacement": remplacement.strip()[:200]})
    elif action != "annuler":
        raise ErreurMetier("Action inconnue.", "action")
    textes["corrections"] = corrections
    p.textes = textes
    session.flush()
    return p


def rattacher_accompagnateur(session: Session, *, par, accompagnateur, candidat, groupe: str = ""):
    """A chef de service (or the admin) attaches the accompagnateur of a collective VAE to a
    candidat of the structure (issue #16, point 9)."""
    from sqlalchemy import select

    from cipdesk.dossier.models import AccompagnementVAE
    from cipdesk.security import policy

    policy.exiger(policy.peut(par, "dossier.organiser_vae"))
    if accompagnateur is None or not policy.meme_structure(par, accompagnateur):
        raise ErreurMetier("Choisissez l'accompagnateur·rice parmi les comptes de la structure.", "accompagnateur")
    if candidat is None or not policy.meme_structure(par, candidat) or candidat.profil_candidat is None:
        raise ErreurMetier("Choisissez un·e candidat·e au titre de la structure.", "candidat")
    if accompagnateur.id == candidat.id:
        raise ErreurMetier("Un·e candidat·e ne peut pas s'accompagner lui-même ou elle-même.", "accompagnateur")
    if session.scalar(select(AccompagnementVAE.id).where(AccompagnementVAE.accompagnateur_id == accompagnateur.id,
                                                         AccompagnementVAE.candidat_id == candidat.id)):
        raise ErreurMetier("Cette personne accompagne déjà ce·tte candidat·e.", "candidat")
    lien = AccompagnementVAE(structure_id=par.structure_id, accompagnateur_id=accompagnateur.id,
                             candidat_id=candidat.id, groupe=(groupe or "").strip()[:120])
    session.add(lien)
    session.flush()
    return lien
