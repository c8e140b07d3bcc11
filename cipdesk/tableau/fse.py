"""Funders' reports (issue #17, point 6): the FSE+ participant data at entry, by sex, with a
completeness check per participant, and the exits in the PLIE and IAE categories.

Pure: the participants come in as plain rows (`Participant`), read by ONE query in
`queries.participants_fse`; nothing here touches the session. Sources: Reg. (EU) 2021/1057,
annexe I (common output indicators on participants) as summarised in DOMAIN.md — to be
checked against the managing authority's current guidance before a real claim.

What cipdesk holds and what it does not: sex, date of birth, education level (CITE bands)
and the « publics » codes (RQTH, third-country national, homeless or excluded from housing,
rural area, long-term unemployed…) are on the person's record, and so is the labour-market
situation at entry (`Personne.situation_marche_travail`, chosen in the person's form, nothing
pre-selected). When it was not recorded, the public « demandeur d'emploi de longue durée »
(`deld`) still says « chômeur·se de longue durée »; for everyone else it is reported as
missing, never guessed."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from cipdesk.tableau.rules import tranche_age_fse

SEXES = (("femme", "Femmes"), ("homme", "Hommes"), ("non_renseigne", "Sexe non renseigné"))


@dataclass(frozen=True)
class Participant:
    personne_id: object
    nom: str
    prenom: str
    sexe: str
    date_naissance: date | None
    niveau_formation: str
    publics: tuple[str, ...]
    entree: date              # start of the parcours (entry into the operation)
    dispositif: str
    sortie: date | None = None
    situation: str = "inconnu"   # SituationMarcheTravail code

    # Computed once per participant (the report tests each against every indicator).
    @cached_property
    def tranche_age(self) -> str:
        return tranche_age_fse(self.date_naissance, self.entree)

    @cached_property
    def situation_a_l_entree(self) -> str:
        return situation_entree(self)


def situation_entree(p: Participant) -> str:
    """The labour-market situation at entry: the recorded one, else « chômeur·se de longue
    durée » when the public `deld` was ticked, else « inconnu »."""
    if p.situation and p.situation != "inconnu":
        return p.situation
    return "chomeur_longue_duree" if "deld" in p.publics else "inconnu"


# (section, code, label, predicate(participant) -> bool)
def _age(code):
    return lambda p: p.tranche_age == code


INDICATEURS_ENTREE = (
    ("Situation sur le marché du travail à l'entrée", "chomeur", "Chômeur·ses, y compris de longue durée",
     lambda p: p.situation_a_l_entree in ("chomeur", "chomeur_longue_duree")),
    ("Situation sur le marché du travail à l'entrée", "chomeur_longue_duree", "dont chômeur·ses de longue durée",
     lambda p: p.situation_a_l_entree == "chomeur_longue_duree"),
    ("Situation sur le marché du travail à l'entrée", "inactif", "Inactif·ves",
     lambda p: p.situation_a_l_entree == "inactif"),
    ("Situation sur le marché du travail à l'entrée", "en_emploi", "En emploi, y compris indépendant·es",
     lambda p: p.situation_a_l_entree == "emploi"),
    ("Situation sur le marché du travail à l'entrée", "situation_inconnue", "Situation non renseignée",
     lambda p: p.situation_a_l_entree == "inconnu"),
    ("Âge à l'entrée", "moins_18", "Moins de 18 ans", _age("moins_18")),
    ("Âge à l'entrée", "18_29", "De 18 à 29 ans", _age("18_29")),
    ("Âge à l'entrée", "30_54", "De 30 à 54 ans", _age("30_54")),
    ("Âge à l'entrée", "55_plus", "55 ans et plus", _age("55_plus")),
    ("Âge à l'entrée", "age_inconnu", "Date de naissance non renseignée", _age("inconnu")),
    ("Niveau d'études", "cite_0_2", "CITE 0 à 2", lambda p: p.niveau_formation == "cite_0_2"),
    ("Niveau d'études", "cite_3_4", "CITE 3 et 4", lambda p: p.niveau_formation == "cite_3_4"),
    ("Niveau d'études", "cite_5_8", "CITE 5 à 8", lambda p: p.niveau_formation == "cite_5_8"),
    ("Niveau d'études", "niveau_inconnu", "Non renseigné", lambda p: p.niveau_formation not in
     ("cite_0_2", "cite_3_4", "cite_5_8")),
    ("Situations particulières", "handicap", "Personnes handicapées (RQTH ou situation de handicap)",
     lambda p: "rqth" in p.publics),
    ("Situations particulières", "pays_tiers", "Ressortissant·es de pays tiers", lambda p: "pays_tiers" in p.publics),
    ("Situations particulières", "sans_abri", "Sans-abri ou exclu·es du logement", lambda p: "sans_abri" in p.publics),
    ("Situations particulières", "zone_rurale", "Habitant en zone rurale", lambda p: "zrr" in p.publics),
)


def manquants(p: Participant) -> list[str]:
    """What a participant's record lacks for the FSE+ data at entry (checked before the exit)."""
    manque = []
    if p.sexe not in ("femme", "homme"):
        manque.append("sexe")
    if p.date_naissance is None:
        manque.append("date de naissance")
    if p.niveau_formation not in ("cite_0_2", "cite_3_4", "cite_5_8"):
        manque.append("niveau d'études")
    if p.situation_a_l_entree == "inconnu":
        manque.append("situation sur le marché du travail à l'entrée")
    return manque


@dataclass
class LigneFse:
    section: str
    code: str
    libelle: str
    par_sexe: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.par_sexe.values())


def tableau_fse(participants: list[Participant]) -> list[LigneFse]:
    """Participants entered, then each indicator, by sex (a participant counts once per indicator).
    One pass over the participants (each predicate once per participant, not once per sex)."""
    comptes = [{s: 0 for s, _l in SEXES} for _ in range(len(INDICATEURS_ENTREE) + 1)]
    predicats = [(i, predicat) for i, (_s, _c, _l, predicat) in enumerate(INDICATEURS_ENTREE, start=1)]
    for p in participants:
        sexe = _sexe(p)
        comptes[0][sexe] += 1
        for i, predicat in predicats:
            if predicat(p):
                comptes[i][sexe] += 1
    lignes = [LigneFse("Participants", "participants", "Participants entrés dans la période", comptes[0])]
    for i, (section, code, libelle, _predicat) in enumerate(INDICATEURS_ENTREE, start=1):
        lignes.append(LigneFse(section, code, libelle, comptes[i]))
    return lignes


def _sexe(p: Participant) -> str:
    return p.sexe if p.sexe in ("femme", "homme") else "non_renseigne"


def completude(participants: list[Participant]) -> list[tuple[Participant, list[str]]]:
    """The participants whose data is incomplete, those already out first (too late to ask
    at the exit), then by name."""
    incomplets = [(p, manque) for p in participants if (manque := manquants(p))]
    return sorted(incomplets, key=lambda x: (x[0].sortie is None, x[0].nom, x[0].prenom))


def _date(jour: date | None) -> str | None:
    return None if jour is None else f"{jour:%d/%m/%Y}"


def lignes_incompletes(incomplets: list[tuple[Participant, list[str]]]) -> list[tuple]:
    """What the completeness table shows of each incomplete participant, as text (person's id, name,
    entry, exit or None, what is missing): hundreds of rows at a federation's scale, which the page
    then only places (formatting each in the template cost more than the rest of the page)."""
    return [(p.personne_id, f"{p.nom} {p.prenom}", _date(p.entree) or "—", _date(p.sortie), ", ".join(manque))
            for p, manque in incomplets]


# -- exits in the funders' categories ------------------------------------------------------------
# PLIE: an employment exit is 6 months of continuous employment at least half-time, a training
# exit a validated qualification (DOMAIN.md). cipdesk records the exit's motive, not the six
# months nor the qualification: the motives below are the closest, to be confirmed by the PLIE.
PLIE = (
    ("emploi", "Sortie positive emploi (CDI, CDD ou intérim de 6 mois et plus, création d'entreprise, "
               "titularisation)", ("cdi", "cdd_6_mois_plus", "titularisation", "creation_entreprise")),
    ("formation", "Sortie positive formation (formation qualifiante)", ("formation",)),
    ("autres", "Autres sorties", ("cdd_moins_6_mois", "contrat_aide", "autre_siae", "autre_positive", "chomage",
                                  "inactivite", "sans_nouvelles")),
    ("neutralisees", "Sorties neutralisées (retraite, congé longue durée, décès, décision administrative, "
                     "rupture, transfert)", ("retraite", "conge_longue_duree", "deces", "decision_administrative",
                                            "rupture", "transfert")),
)


def sorties_plie(motifs: dict[str, int]) -> list[tuple[str, str, int]]:
    """(code, label, count) of the exits by PLIE category, from the count of each exit motive."""
    connus = {m for _c, _l, ms in PLIE for m in ms}
    lignes = [(c, l, sum(motifs.get(m, 0) for m in ms)) for c, l, ms in PLIE]
    inconnus = sum(n for m, n in motifs.items() if m not in connus)
    if inconnus:
        lignes.append(("autres_motifs", "Autres motifs", inconnus))
    return lignes
