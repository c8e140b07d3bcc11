"""Pure rules of matching offer ↔ person (REAC CP13, savoir-faire « Rapprocher l'offre et
la demande »; critère « Les candidats potentiels sont identifiés »): every rank comes with
its reasons (issue #13 point 6: « never a score without an explanation »). The criteria:
the métier of the projet, availability, mobility and licence, distance, and the open
freins of the diagnostic that matter for this job. No session, no Flask."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cipdesk.core.libelles import EnumLibelle
from cipdesk.employeurs.offres.rules import Horaire, Permis  # noqa: F401  (what a job may ask)


class ZoneMobilite(EnumLibelle):
    COMMUNE = "commune"
    DEPARTEMENT = "departement"
    REGION = "region"


ZoneMobilite.LIBELLES = {"commune": "Dans sa commune seulement", "departement": "Dans le département",
                         "region": "Au-delà du département"}

# The diagnostic's dimensions (DOMAIN.md « freins périphériques ») whose open frein matters
# for taking a job, and when: always, or only when the job has atypical hours.
FREINS_DETERMINANTS = {"mobilite": "toujours", "disponibilite": "toujours", "famille": "horaires",
                       "sante": "toujours", "savoirs_base": "toujours", "logement": "toujours"}
NIVEAUX_FREIN = {2: "important", 3: "bloquant"}


@dataclass(frozen=True)
class Exigences:
    """What the job asks (fiche de poste)."""
    rome_code: str
    permis: frozenset[str] = frozenset()
    horaires: frozenset[str] = frozenset()
    code_postal: str = ""
    commune: str = ""


@dataclass(frozen=True)
class Situation:
    """What is known of the person (projet, profile for employment, diagnostic)."""
    metiers: tuple[tuple[str, str, bool, str], ...]   # (rome, libellé, projet validé, faisabilité)
    code_postal: str = ""
    commune: str = ""
    disponible_le: date | None = None
    permis: frozenset[str] | None = None       # None: not recorded
    vehicule: bool | None = None
    zone: str | None = None
    contraintes: frozenset[str] = frozenset()  # hours the person cannot work
    freins: tuple[tuple[str, str, int], ...] = ()  # (dimension code, libellé, niveau 2–3)


@dataclass
class Resultat:
    retenu: bool
    rang: tuple = ()
    raisons: list[str] = field(default_factory=list)      # why this person / offer fits
    vigilances: list[str] = field(default_factory=list)   # what to check or to work on first


def distance(cp_a: str, commune_a: str, cp_b: str, commune_b: str) -> int | None:
    """0 same commune, 1 same département, 2 further; None when an address is missing.
    (From the postcode: no geocoding in cipdesk; the département is its first 2 digits,
    3 for the overseas ones.)"""
    if not (cp_a and cp_b):
        return None
    if cp_a == cp_b and (commune_a or "").strip().lower() == (commune_b or "").strip().lower():
        return 0
    dep = (lambda cp: cp[:3] if cp.startswith("97") else cp[:2])
    return 1 if dep(cp_a) == dep(cp_b) else 2


def evaluer(exigences: Exigences, situation: Situation, aujourd_hui: date) -> Resultat:
    """Does this person's projet aim at the job's métier (same ROME code or professional
    domain)? If so: the rank and every reason behind it, and the points to check."""
    rome = (exigences.rome_code or "").upper()
    if not rome:
        return Resultat(False)
    proches = [m for m in situation.metiers if m[0] and m[0].upper()[:3] == rome[:3] and m[3] != "non_retenue"]
    if not proches:
        return Resultat(False)
    proches.sort(key=lambda m: (m[0].upper() != rome, not m[2], m[3] != "realiste"))
    code, libelle, valide, faisabilite = proches[0]
    r = Resultat(True)
    meme = code.upper() == rome
    r.raisons.append(f"Le projet vise ce métier : {libelle} ({code})." if meme else
                     f"Le projet vise un métier du même domaine professionnel ROME ({rome[:3]}) : {libelle} ({code}).")
    r.raisons.append("Projet professionnel validé." if valide else "Projet professionnel en cours d'élaboration.")
    if faisabilite in ("realiste", "sous_conditions"):
        r.raisons.append("Faisabilité jugée réaliste." if faisabilite == "realiste" else
                         "Faisabilité jugée réaliste sous conditions.")
    ecarts = 0
    # Availability.
    if situation.disponible_le is None:
        r.vigilances.append("Disponibilité non renseignée : à vérifier avec la personne.")
    elif situation.disponible_le <= aujourd_hui:
        r.raisons.append("Disponible dès maintenant.")
    else:
        r.vigilances.append(f"Disponible à partir du {situation.disponible_le:%d/%m/%Y}.")
        ecarts += 1
    # Licences.
    for code_permis in sorted(exigences.permis):
        libelle_permis = Permis.LIBELLES.get(code_permis, code_permis)
        if situation.permis is None:
            r.vigilances.append(f"{libelle_permis} demandé : permis de la personne non renseignés.")
        elif code_permis in situation.permis:
            r.raisons.append(f"{libelle_permis} demandé : la personne l'a.")
        else:
            r.vigilances.append(f"{libelle_permis} demandé : la personne ne l'a pas.")
            ecarts += 2
    # Hours.
    for h in sorted(exigences.horaires):
        if h in situation.contraintes:
            r.vigilances.append(f"{Horaire.LIBELLES.get(h, h)} : la personne a dit ne pas pouvoir.")
            ecarts += 2
    # Distance and mobility.
    d = distance(situation.code_postal, situation.commune, exigences.code_postal, exigences.commune)
    if d is None:
        r.vigilances.append("Distance inconnue (adresse de la personne ou du lieu de travail manquante).")
    else:
        r.raisons.append(("Travail dans sa commune.", "Travail dans son département.",
                          "Travail hors de son département.")[d])
        portee = {"commune": 0, "departement": 1, "region": 2}.get(situation.zone or "")
        if portee is not None and d > portee:
            r.vigilances.append(f"Au-delà de la mobilité déclarée ({ZoneMobilite.LIBELLES[situation.zone].lower()}).")
            ecarts += 2
        elif d >= 1 and situation.vehicule is False and "b" not in (situation.permis or frozenset()):
            r.vigilances.append("Sans véhicule : vérifier le trajet en transports en commun.")
            ecarts += 1
    # Open freins that matter for this job (diagnostic).
    for dimension, libelle_dim, niveau in situation.freins:
        quand = FREINS_DETERMINANTS.get(dimension)
        if quand == "toujours" or (quand == "horaires" and exigences.horaires):
            r.vigilances.append(f"Frein {NIVEAUX_FREIN.get(niveau, 'ouvert')} au diagnostic : {libelle_dim}.")
            ecarts += 1 if niveau < 3 else 2
    r.rang = (0 if meme else 1, ecarts, 0 if valide else 1, 0 if faisabilite == "realiste" else 1)
    return r
