"""Pure rules of the territory profile (REAC CP3, critères « Les caractéristiques
majeures sociales, économiques et environnementales du territoire sont identifiées »
et « La méthode de recueil et de traitement des données est pertinente »): a figure
is never kept without its source and its date; a new version says what changed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

THEMES = {"social": "Social", "economique": "Économique", "environnemental": "Environnemental"}

CHAMPS_TEXTE = (("territoire", "Territoire"), ("forces", "Forces"), ("faiblesses", "Faiblesses"),
                ("ressources", "Ressources"))


@dataclass(frozen=True)
class Chiffre:
    theme: str
    libelle: str
    valeur: str          # a decimal number, stored with a dot (« 8.9 »)
    unite: str
    source: str
    date_source: date
    demo: bool = False

    def en_json(self) -> dict:
        return {"theme": self.theme, "libelle": self.libelle, "valeur": self.valeur, "unite": self.unite,
                "source": self.source, "date_source": self.date_source.isoformat(), "demo": self.demo}

    @classmethod
    def du_json(cls, d: dict) -> Chiffre:
        return cls(d["theme"], d["libelle"], d["valeur"], d.get("unite", ""), d["source"],
                   date.fromisoformat(d["date_source"]), bool(d.get("demo")))


def valeur_affichee(valeur: str) -> str:
    """« 8.9 » → « 8,9 » ; « 1234567 » → « 1 234 567 » (French format)."""
    entier, _, decimales = valeur.partition(".")
    signe = "-" if entier.startswith("-") else ""
    entier = entier.lstrip("-")
    groupes = []
    while len(entier) > 3:
        groupes.insert(0, entier[-3:])
        entier = entier[:-3]
    groupes.insert(0, entier)
    return signe + "\u202f".join(groupes) + ("," + decimales if decimales else "")


def lire_valeur(saisie: str) -> str:
    """A typed figure (« 8,9 », « 1 234 », « 12.5 ») as a normalised decimal, or ValueError."""
    texte = (saisie or "").replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        nombre = Decimal(texte)
    except InvalidOperation:
        raise ValueError("Saisissez un nombre (exemple : 8,9 ou 12 500).") from None
    if not nombre.is_finite():
        raise ValueError("Saisissez un nombre (exemple : 8,9 ou 12 500).")
    return format(nombre.normalize(), "f") if nombre != nombre.to_integral() else str(int(nombre))


def erreurs_de_ligne(theme: str, libelle: str, valeur: str, source: str, date_source: date | None,
                     aujourd_hui: date) -> dict[str, str]:
    """{field: message} for one row of figures; a blank row is no error (it is ignored)."""
    if not any((theme, libelle.strip(), valeur.strip(), source.strip(), date_source)):
        return {}
    erreurs = {}
    if theme not in THEMES:
        erreurs["theme"] = "Choisissez la dimension du chiffre (sociale, économique, environnementale)."
    if not libelle.strip():
        erreurs["libelle"] = "Dites ce que mesure ce chiffre (exemple : taux de chômage)."
    if not valeur.strip():
        erreurs["valeur"] = "Saisissez la valeur du chiffre."
    else:
        try:
            lire_valeur(valeur)
        except ValueError as exc:
            erreurs["valeur"] = str(exc)
    if not source.strip():
        erreurs["source"] = ("Un chiffre sans source ne peut pas être gardé : indiquez d'où il vient "
                             "(organisme, publication).")
    if date_source is None:
        erreurs["date_source"] = "Indiquez la date de la donnée (date de publication ou millésime)."
    elif date_source > aujourd_hui:
        erreurs["date_source"] = "La date de la donnée ne peut pas être dans le futur."
    return erreurs


@dataclass(frozen=True)
class Changement:
    quoi: str       # « Taux de chômage », « Forces »…
    nature: str     # « ajouté », « retiré », « modifié »
    avant: str = ""
    apres: str = ""


def _resume(c: dict) -> str:
    ch = Chiffre.du_json(c)
    return (f"{valeur_affichee(ch.valeur)}{' ' + ch.unite if ch.unite else ''} "
            f"(source : {ch.source}, {ch.date_source:%d/%m/%Y})")


def changements(avant: dict | None, apres: dict) -> list[Changement]:
    """What a version changed compared with the previous one. Versions are dicts with
    the text fields of CHAMPS_TEXTE and `chiffres` (a list of figure dicts, keyed by label)."""
    if avant is None:
        return [Changement("Profil du territoire", "créé")]
    resultat = []
    for champ, libelle in CHAMPS_TEXTE:
        if (avant.get(champ) or "").strip() != (apres.get(champ) or "").strip():
            resultat.append(Changement(libelle, "modifié", avant.get(champ) or "", apres.get(champ) or ""))
    anciens = {c["libelle"].strip().lower(): c for c in avant.get("chiffres") or []}
    nouveaux = {c["libelle"].strip().lower(): c for c in apres.get("chiffres") or []}
    for cle, c in nouveaux.items():
        if cle not in anciens:
            resultat.append(Changement(c["libelle"], "ajouté", "", _resume(c)))
        elif _resume(anciens[cle]) != _resume(c):
            resultat.append(Changement(c["libelle"], "modifié", _resume(anciens[cle]), _resume(c)))
    for cle, c in anciens.items():
        if cle not in nouveaux:
            resultat.append(Changement(c["libelle"], "retiré", _resume(c), ""))
    return resultat
