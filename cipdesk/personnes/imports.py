"""People brought in from a spreadsheet (issue #19, points 1–3 and 5): the fields an import fills,
the dry run (each row matched against the structure's people: same id — the round trip —, same
e-mail or phone, or same birth date and a close name, with rapidfuzz: accents, case and one typo
tolerated), then writing through the services of this module, and undoing it."""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from rapidfuzz.distance import Levenshtein
from sqlalchemy import select

from cipdesk.comptes.models import Role, Utilisateur
from cipdesk.core.contrat import ChampImportable as C
from cipdesk.core.contrat import LigneAnalysee
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes import rules, services
from cipdesk.personnes.models import PUBLICS, NiveauFormation, Personne, Sexe
from cipdesk.personnes.queries import file_partagee, restreindre

CHAMPS = (
    C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant", synonymes=("identifiant",)),
    C("nom", "Nom", obligatoire=True, synonymes=("nom de famille", "nom de naissance", "patronyme")),
    C("prenom", "Prénom", obligatoire=True, synonymes=("prénoms",)),
    C("nom_usage", "Nom d'usage", synonymes=("nom marital",)),
    C("date_naissance", "Date de naissance", "date", synonymes=("né le", "née le", "naissance", "ddn")),
    C("sexe", "Sexe", synonymes=("genre", "civilité")),
    C("niveau_formation", "Niveau de formation", synonymes=("niveau", "niveau d'études", "diplôme")),
    C("publics", "Publics", synonymes=("public", "caractéristiques du public", "publics prioritaires")),
    C("telephone", "Téléphone", "telephone", synonymes=("tél", "tel", "portable", "mobile", "numéro de téléphone")),
    C("email", "Courriel", "email", synonymes=("e-mail", "mail", "adresse mail", "adresse électronique")),
    C("adresse", "Adresse", synonymes=("rue",)),
    C("code_postal", "Code postal", "code_postal", synonymes=("cp",)),
    C("commune", "Commune", synonymes=("ville", "localité")),
    C("prescripteur", "Prescripteur", synonymes=("orienté par", "orientée par")),
    C("referent", "Référent·e", synonymes=("référent", "référente", "conseiller", "conseillère",
                                                    "courriel du référent")),
)
COMPARES = ("nom", "prenom", "nom_usage", "date_naissance", "sexe", "telephone", "email", "adresse", "code_postal",
            "commune", "prescripteur", "niveau_formation", "publics")
LIBELLES = {c.code: c.libelle for c in CHAMPS}
SEXES = {"f": "femme", "femme": "femme", "mme": "femme", "madame": "femme", "h": "homme", "m": "homme",
         "homme": "homme", "monsieur": "homme", "non renseigne": "non_renseigne", "nr": "non_renseigne"}


def _sexe(texte: str) -> str:
    if not texte:
        return ""
    code = SEXES.get(rules.normaliser_nom(texte))
    if code is None:
        raise ValueError(f"sexe « {texte} » non reconnu (Femme, Homme ou Non renseigné)")
    return code


def lire_niveau(texte: str) -> str:
    """The level of education from its label as cipdesk exports it (or its code): « CAP, BEP,
    baccalauréat (CITE 3 et 4) » → « cite_3_4 »; « Non renseigné » → « inconnu »; empty stays empty
    (nothing is chosen for the person: the level feeds the FSE+ figures)."""
    if not (texte or "").strip():
        return ""
    cle = rules.normaliser_nom(texte)
    for n in NiveauFormation:
        if cle in (rules.normaliser_nom(n.libelle), rules.normaliser_nom(n.value)):
            return n.value
    raise ValueError(f"niveau de formation « {texte} » non reconnu (" + " ; ".join(n.libelle for n in NiveauFormation)
                     + ")")


def lire_publics(texte: str) -> list[str] | str:
    """The publics at entry from their labels as cipdesk exports them (« Bénéficiaire du RSA ou d'un
    autre minimum social, Résident en zone rurale ») or their codes (« rsa, zrr »), in any order
    and separated by commas, semicolons or line breaks; sorted codes. An empty cell stays empty
    (nothing changed); a word left over is refused, never dropped."""
    if not (texte or "").strip():
        return ""
    reste = f" {rules.normaliser_nom(texte)} "
    codes = set()
    # The longest labels first (one contains a comma: « Ressortissant de pays tiers, réfugié ou BPI »).
    for code, libelle in sorted(PUBLICS.items(), key=lambda kv: -len(kv[1])):
        for cle in (rules.normaliser_nom(libelle), rules.normaliser_nom(code)):
            if f" {cle} " in reste:
                codes.add(code)
                reste = reste.replace(f" {cle} ", " ")
    if reste.strip():
        raise ValueError(f"public « {reste.strip()} » non reconnu dans « {texte.strip()} » (" +
                         " ; ".join(PUBLICS.values()) + ")")
    return sorted(codes)


def _actuelles(p: Personne) -> dict:
    return {"nom": p.nom, "prenom": p.prenom, "nom_usage": p.nom_usage, "date_naissance": p.date_naissance,
            "sexe": p.sexe.value, "telephone": p.telephone, "email": p.email, "adresse": p.adresse,
            "code_postal": p.code_postal, "commune": p.commune, "prescripteur": p.prescripteur,
            "niveau_formation": p.niveau_formation.value, "publics": sorted(p.publics or [])}


def _affiche(code, v) -> str:
    if isinstance(v, date):
        return f"{v:%d/%m/%Y}"
    if code == "sexe" and v:
        return Sexe(v).libelle
    if code == "niveau_formation" and v:
        return NiveauFormation(v).libelle
    if code == "publics":
        return ", ".join(PUBLICS.get(c, c) for c in (v or []))
    return str(v or "")


def _differences(personne: Personne, valeurs: dict) -> tuple:
    avant = _actuelles(personne)
    return tuple((LIBELLES[c], _affiche(c, avant[c]), _affiche(c, valeurs[c])) for c in COMPARES
                 if rules.ecrase(c, avant[c], valeurs.get(c)))


def _proche(a: str, b: str) -> bool:
    """Close names: the same once accents, case, hyphens and order are put aside, or one typo apart."""
    return a == b or Levenshtein.distance(a, b) <= 1


def analyser(session, utilisateur, lignes: list[tuple[int, dict]], aujourd_hui: date) -> list[LigneAnalysee]:
    """The dry run: nothing is written. One query for the structure's people, one for its
    conseillers, one for the reader's perimeter, whatever the number of rows."""
    structure_id = utilisateur.structure_id
    personnes = {p.id: p for p in session.scalars(select(Personne).where(Personne.structure_id == structure_id))}
    visibles = set(session.scalars(restreindre(select(Personne.id), utilisateur,
                                               file_active_partagee=file_partagee(utilisateur))))
    conseillers, noms = {}, {}
    for u in session.scalars(select(Utilisateur).where(Utilisateur.structure_id == structure_id,
                                                       Utilisateur.role == Role.CONSEILLER,
                                                       Utilisateur.actif.is_(True))):
        # by e-mail, or by « Prénom Nom » as the export writes the referent
        conseillers[u.email.lower()] = conseillers[rules.normaliser_nom(u.prenom, u.nom)] = u.id
        noms[u.id] = f"{u.prenom} {u.nom}"
    par_email, par_tel, par_naissance = {}, {}, {}
    for p in personnes.values():
        if p.email:
            par_email.setdefault(p.email.lower(), p)
        if p.telephone:
            par_tel.setdefault(p.telephone, p)
        if p.date_naissance:
            par_naissance.setdefault(p.date_naissance, []).append(p)
    vus_dans_le_fichier: dict[tuple, int] = {}
    resultat = []
    for numero, brutes in lignes:
        valeurs = dict(brutes)
        libelle = f"{valeurs.get('prenom', '')} {valeurs.get('nom', '')}".strip()

        def erreur(message, valeurs=valeurs, numero=numero, libelle=libelle):
            return LigneAnalysee(numero, "erreur", _serialisables(valeurs), libelle, message=message)

        try:
            valeurs["sexe"] = _sexe(valeurs.get("sexe", ""))
            valeurs["niveau_formation"] = lire_niveau(valeurs.get("niveau_formation", ""))
            valeurs["publics"] = lire_publics(valeurs.get("publics", ""))
        except ValueError as exc:
            resultat.append(erreur(str(exc)[:1].upper() + str(exc)[1:] + "."))
            continue
        if not valeurs.get("nom") or not valeurs.get("prenom"):
            resultat.append(erreur("Le nom et le prénom sont obligatoires."))
            continue
        message = rules.erreur_date_naissance(valeurs.get("date_naissance"), aujourd_hui)
        if message:
            resultat.append(erreur(message))
            continue
        referent = valeurs.pop("referent", "") or ""
        if referent:
            cle_referent = referent.lower() if "@" in referent else rules.normaliser_nom(referent)
            if cle_referent not in conseillers:
                resultat.append(erreur(f"Le ou la référent·e « {referent} » n'est pas un·e conseiller·ère de votre "
                                       "structure : corrigez la colonne ou laissez-la vide (vous serez le ou la "
                                       "référent·e)."))
                continue
            valeurs["referent_id"] = str(conseillers[cle_referent])
        cles = [("email", valeurs.get("email")), ("telephone", valeurs.get("telephone")),
                ("identite", rules.cle_doublon(valeurs["nom"], valeurs["prenom"], valeurs.get("date_naissance")))
                if valeurs.get("date_naissance") else ("", None)]
        doublon = next((vus_dans_le_fichier[c] for c in cles if c[1] and c in vus_dans_le_fichier), None)
        if doublon is not None:
            resultat.append(erreur(f"Même personne que la ligne {doublon} du fichier."))
            continue
        for c in cles:
            if c[1]:
                vus_dans_le_fichier[c] = numero
        trouvee, par_id = None, False
        if valeurs.get("id"):
            try:
                trouvee = personnes.get(uuid.UUID(valeurs["id"]))
            except ValueError:
                trouvee = None
            if trouvee is None:
                resultat.append(erreur("Identifiant cipdesk inconnu dans votre structure : ne modifiez pas la "
                                       "colonne d'identifiant d'un export (laissez-la vide pour une personne nouvelle)."))
                continue
            par_id = True
        else:
            trouvee = (par_email.get((valeurs.get("email") or "").lower() or None)
                       or par_tel.get(valeurs.get("telephone") or None))
            if trouvee is None and valeurs.get("date_naissance"):
                nom = " ".join(sorted(rules.normaliser_nom(valeurs["nom"], valeurs["prenom"]).split()))
                trouvee = next((p for p in par_naissance.get(valeurs["date_naissance"], [])
                                if _proche(nom, " ".join(sorted(rules.normaliser_nom(p.nom, p.prenom).split())))),
                               None)
        valeurs.pop("id", None)
        serial = _serialisables(valeurs)
        if trouvee is None:
            resultat.append(LigneAnalysee(numero, "nouveau", serial, libelle))
        elif trouvee.id not in visibles:
            # Nothing of a colleague's person is shown: only that it exists.
            resultat.append(LigneAnalysee(numero, "erreur" if par_id else "conflit", serial, libelle,
                                          objet_id=str(trouvee.id) if not par_id else "",
                                          message="Une personne semblable est suivie par un·e collègue, hors de votre "
                                                  "file active : elle ne sera pas modifiée."))
        else:
            differences = _differences(trouvee, valeurs)
            if valeurs.get("referent_id") and valeurs["referent_id"] != str(trouvee.referent_id):
                differences += (("Référent·e", noms.get(trouvee.referent_id, ""),
                                 noms.get(uuid.UUID(valeurs["referent_id"]), "")),)
            if not differences:
                etat = "deja_la"
            else:
                etat = "a_mettre_a_jour" if par_id else "conflit"
            message = "" if par_id else "Même courriel, même téléphone, ou même date de naissance et nom proche."
            resultat.append(LigneAnalysee(numero, etat, serial, libelle, objet_id=str(trouvee.id),
                                          differences=differences, message=message if etat != "deja_la" else ""))
    return resultat


def _serialisables(valeurs: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in valeurs.items()}


def _donnees(valeurs: dict, base: services.DonneesPersonne | None = None) -> services.DonneesPersonne:
    d = base or services.DonneesPersonne(nom="", prenom="")
    champs = {c: valeurs[c] for c in COMPARES if valeurs.get(c) not in (None, "")}
    if "date_naissance" in champs:
        champs["date_naissance"] = date.fromisoformat(champs["date_naissance"])
    if valeurs.get("referent_id"):
        champs["referent_id"] = uuid.UUID(valeurs["referent_id"])
    return replace(d, **champs)


LOT = 500


def appliquer(session, utilisateur, lignes: list[LigneAnalysee], aujourd_hui: date, progression=None) -> dict:
    """Creates the « nouveau » rows, updates the « a_mettre_a_jour » ones (the others were decided
    away by the engine). An ErreurMetier names its row: the engine then rolls the whole import back."""
    trace = {"crees": [], "modifies": {}}
    nouvelles = [l for l in lignes if l.etat == "nouveau"]
    for debut in range(0, len(nouvelles), LOT):
        lot = nouvelles[debut:debut + LOT]
        try:
            crees = services.creer_personnes(session, par=utilisateur, lot=[_donnees(l.valeurs) for l in lot],
                                             aujourd_hui=aujourd_hui)
        except ErreurMetier as exc:
            raise ErreurMetier(f"Ligne {lot[exc.rang].numero} : {exc}", exc.champ) from exc
        trace["crees"] += [str(p.id) for p in crees]
        if progression:
            progression(debut + len(lot))
    for ligne in lignes:
        try:
            if ligne.etat == "a_mettre_a_jour":
                p = session.get(Personne, uuid.UUID(ligne.objet_id))
                avant = _actuelles(p)
                base = services.DonneesPersonne(**{**avant, "niveau_formation": p.niveau_formation.value,
                                                   "publics": list(p.publics or []),
                                                   "commande_prescripteur": p.commande_prescripteur or "",
                                                   "referent_id": None})
                # « elodie » over « Élodie »: the fiche keeps its spelling (rules.ecrase)
                valeurs = {c: v for c, v in ligne.valeurs.items()
                           if c not in rules.CHAMPS_DE_NOM or rules.ecrase(c, avant[c], v)}
                services.modifier_personne(session, par=utilisateur, personne=p, aujourd_hui=aujourd_hui,
                                           donnees=_donnees(valeurs, base), version=p.version)
                trace["modifies"][str(p.id)] = _serialisables(avant)
        except ErreurMetier as exc:
            raise ErreurMetier(f"Ligne {ligne.numero} : {exc}", exc.champ) from exc
    return trace


def remettre(session, utilisateur, p: Personne, avant: dict, aujourd_hui: date) -> None:
    """Puts back the fields an import changed on this person (undo, run by the tableur engine)."""
    base = services.DonneesPersonne(**{**_actuelles(p), "niveau_formation": p.niveau_formation.value,
                                       "publics": list(p.publics or []),
                                       "commande_prescripteur": p.commande_prescripteur or ""})
    exactes = {c: avant[c] for c in COMPARES if c in avant}   # (a trace of before the levels were read)
    exactes["date_naissance"] = date.fromisoformat(avant["date_naissance"]) if avant["date_naissance"] else None
    services.modifier_personne(session, par=utilisateur, personne=p, aujourd_hui=aujourd_hui,
                               donnees=replace(base, **exactes), version=p.version)
