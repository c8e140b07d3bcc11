"""Use cases of the employer base. They flush, never commit, never read the clock."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.entreprises import rules
from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise


class SiretEnDouble(ErreurMetier):
    """The SIRET is already in the structure's base: the form links to that record."""

    def __init__(self, existante: Entreprise):
        super().__init__(f"Ce SIRET est déjà enregistré pour « {existante.nom} ».", "siret")
        self.existante = existante


def entreprise_du_siret(session: Session, structure_id, siret: str) -> Entreprise | None:
    return session.scalar(select(Entreprise).where(Entreprise.structure_id == structure_id,
                                                   Entreprise.siret == siret))


def _appliquer(entreprise: Entreprise, donnees: dict) -> None:
    """Checked fields: SIRET (python-stdnum), NAF (the shipped nomenclature)."""
    siret_saisi = (donnees.get("siret") or "").strip()
    siren_saisi = (donnees.get("siren") or "").strip()
    if siret_saisi:
        try:
            entreprise.siret = rules.valider_siret(siret_saisi)
        except ValueError as exc:
            raise ErreurMetier(str(exc), "siret") from None
        entreprise.siren = entreprise.siret[:9]
    elif siren_saisi:
        # an employer known by its SIREN only (establishment not yet identified)
        try:
            entreprise.siren = rules.valider_siren(siren_saisi)
        except ValueError as exc:
            raise ErreurMetier(str(exc), "siren") from None
        entreprise.siret = None
    else:
        raise ErreurMetier("Indiquez le SIRET de l'établissement (ou au moins le SIREN de l'entreprise).", "siret")
    naf = (donnees.get("naf_code") or "").strip()
    if naf:
        try:
            entreprise.naf_code = rules.valider_naf(naf)
        except ValueError as exc:
            raise ErreurMetier(str(exc), "naf_code") from None
    else:
        entreprise.naf_code = ""
    for champ in ("raison_sociale", "enseigne", "secteur", "adresse", "code_postal", "commune", "telephone",
                  "email", "site", "observations"):
        if champ in donnees:
            setattr(entreprise, champ, (donnees[champ] or "").strip())
    tranche = donnees.get("tranche_effectif")
    entreprise.tranche_effectif = rules.TrancheEffectif(tranche) if tranche else None
    if not entreprise.secteur and entreprise.naf_code:
        entreprise.secteur = rules.section_naf(entreprise.naf_code)
    entreprise.nom_recherche = rules.cle_recherche(entreprise.raison_sociale, entreprise.enseigne)
    entreprise.commune_recherche = rules.normaliser_texte(entreprise.commune)


def creer_entreprise(session: Session, *, par, donnees: dict, le) -> Entreprise:
    """CP12 « Créer et mettre à jour une base de données des entreprises »: one record
    per establishment (SIRET) in a structure; a duplicate is refused with a link."""
    entreprise = Entreprise(structure_id=par.structure_id, cree_par_id=par.id)
    _appliquer(entreprise, donnees)
    if entreprise.siret:
        existante = entreprise_du_siret(session, par.structure_id, entreprise.siret)
        if existante is not None:
            raise SiretEnDouble(existante)
    session.add(entreprise)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="entreprise",
                                      objet_id=entreprise.id, le=le)
    return entreprise


def modifier_entreprise(session: Session, entreprise: Entreprise, *, par, donnees: dict, version: int | None
                        ) -> Entreprise:
    if version is not None and version != entreprise.version:
        raise ErreurMetier("Un·e collègue a modifié cette fiche entre-temps : rechargez la page.", "version")
    ancien = entreprise.siret
    with session.no_autoflush:
        _appliquer(entreprise, donnees)
        if entreprise.siret and entreprise.siret != ancien:
            existante = entreprise_du_siret(session, par.structure_id, entreprise.siret)
            if existante is not None and existante.id != entreprise.id:
                raise SiretEnDouble(existante)
    session.flush()
    return entreprise


def ajouter_contact(session: Session, entreprise: Entreprise, *, par, donnees: dict) -> ContactEntreprise:
    if not (donnees.get("telephone") or donnees.get("email")):
        raise ErreurMetier("Indiquez au moins un téléphone ou un courriel pour joindre ce contact.", "telephone")
    mode = donnees["mode_prefere"]
    if mode in ("telephone", "sms") and not donnees.get("telephone"):
        raise ErreurMetier("Le mode de contact préféré est le téléphone : indiquez le numéro.", "telephone")
    if mode == "email" and not donnees.get("email"):
        raise ErreurMetier("Le mode de contact préféré est le courriel : indiquez l'adresse.", "email")
    valeurs = {k: (v.strip() if isinstance(v, str) else v) for k, v in donnees.items()}
    valeurs["role"], valeurs["mode_prefere"] = rules.RoleContact(valeurs["role"]), rules.ModeContact(mode)
    contact = ContactEntreprise(structure_id=entreprise.structure_id, entreprise=entreprise, **valeurs)
    session.add(contact)
    session.flush()
    return contact
