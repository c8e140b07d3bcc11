"""Partners brought in from a spreadsheet (issue #19, point 1): the répertoire opérationnel of
the structure (REAC CP4), written through `enregistrer_partenaire`. Each row is matched by its id
(the round trip), the same e-mail, or the same name (accents, case and punctuation ignored) in
the same commune; the same name in another commune is refused (the répertoire keeps one fiche
per name: the row asks for a distinct name)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from cipdesk.core.contrat import ChampImportable as C
from cipdesk.core.contrat import LigneAnalysee
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.telephone import telephone_affiche
from cipdesk.territoire.partenaires import rules, services
from cipdesk.territoire.partenaires.models import Partenaire

CHAMPS = (
    C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant", synonymes=("identifiant",)),
    C("nom", "Nom du partenaire", obligatoire=True, synonymes=("nom", "partenaire", "structure", "organisme",
                                                               "raison sociale")),
    C("type_partenaire", "Type de partenaire", synonymes=("type", "type de structure", "catégorie")),
    C("adresse", "Adresse", synonymes=("rue",)),
    C("code_postal", "Code postal", "code_postal", synonymes=("cp",)),
    C("commune", "Commune", synonymes=("ville", "localité")),
    C("contact_nom", "Personne à contacter", synonymes=("contact", "interlocuteur", "interlocutrice",
                                                         "nom du contact", "référent")),
    C("telephone", "Téléphone", "telephone", synonymes=("tél", "tel", "standard")),
    C("email", "Courriel", "email", synonymes=("mail", "e-mail", "adresse mail")),
    C("publics", "Publics accueillis", synonymes=("publics", "public")),
    C("conditions_acces", "Conditions d'accès", synonymes=("conditions",)),
    C("modalites_orientation", "Modalités d'orientation", synonymes=("orientation", "comment orienter")),
    C("site_web", "Site web", synonymes=("site", "site internet", "url")),
)
COMPARES = ("nom", "type_partenaire", "adresse", "contact_nom", "telephone", "email", "publics",
            "conditions_acces", "modalites_orientation", "site_web")
LIBELLES = {c.code: c.libelle for c in CHAMPS}


def _actuelles(p: Partenaire) -> dict:
    return {c: (getattr(p, c) or "") for c in COMPARES}


def _affiche(code: str, valeur: str) -> str:
    return telephone_affiche(valeur) if code == "telephone" else valeur


def _differences(p: Partenaire, valeurs: dict) -> tuple:
    avant = _actuelles(p)
    return tuple((LIBELLES[c], _affiche(c, avant[c]), _affiche(c, valeurs[c])) for c in COMPARES
                 if valeurs.get(c) and valeurs[c] != avant[c]
                 and not (c == "nom" and rules.nom_normalise(valeurs[c]) == rules.nom_normalise(avant[c])))


def analyser(session, utilisateur, lignes: list[tuple[int, dict]], aujourd_hui: date) -> list[LigneAnalysee]:  # noqa: ARG001
    """The dry run: one query for the structure's répertoire, nothing written."""
    partenaires = {p.id: p for p in session.scalars(select(Partenaire).where(
        Partenaire.structure_id == utilisateur.structure_id))}
    par_email = {p.email.lower(): p for p in partenaires.values() if p.email}
    par_nom: dict[str, Partenaire] = {}
    for p in partenaires.values():
        par_nom.setdefault(rules.nom_normalise(p.nom), p)
    vus: dict[tuple, int] = {}
    resultat = []
    for numero, brutes in lignes:
        valeurs = dict(brutes)
        libelle = valeurs.get("nom", "")

        def erreur(message, valeurs=valeurs, numero=numero, libelle=libelle):
            return LigneAnalysee(numero, "erreur", valeurs, libelle, message=message)

        if not (valeurs.get("nom") or "").strip():
            resultat.append(erreur("Le nom du partenaire est obligatoire."))
            continue
        try:
            valeurs["site_web"] = rules.valider_url(valeurs.get("site_web", ""))
        except ValueError as exc:
            resultat.append(erreur(str(exc)))
            continue
        commune = valeurs.pop("commune", "") or ""
        code_postal = valeurs.pop("code_postal", "") or ""
        rue = valeurs.get("adresse") or ""
        if rue or commune or code_postal:
            valeurs["adresse"] = rules.adresse_complete(valeurs.get("adresse", ""), code_postal, commune)
        cle_nom = rules.nom_normalise(valeurs["nom"])
        cles = [("nom", cle_nom), ("email", (valeurs.get("email") or "").lower())]
        doublon = next((vus[c] for c in cles if c[1] and c in vus), None)
        if doublon is not None:
            resultat.append(erreur(f"Même partenaire que la ligne {doublon} du fichier (même nom ou même courriel)."))
            continue
        for c in cles:
            if c[1]:
                vus[c] = numero
        trouve, par_id = None, False
        if valeurs.get("id"):
            try:
                trouve = partenaires.get(uuid.UUID(valeurs["id"]))
            except ValueError:
                trouve = None
            if trouve is None:
                resultat.append(erreur("Identifiant cipdesk inconnu dans votre répertoire : ne modifiez pas la "
                                       "colonne d'identifiant d'un export (laissez-la vide pour un partenaire "
                                       "nouveau)."))
                continue
            par_id = True
        else:
            trouve = par_email.get((valeurs.get("email") or "").lower() or None)
            homonyme = par_nom.get(cle_nom)
            if trouve is None and homonyme is not None:
                if commune and homonyme.adresse and not rules.dans_la_commune(homonyme.adresse, commune):
                    resultat.append(erreur(f"« {homonyme.nom} » est déjà dans le répertoire, dans une autre commune "
                                           f"({homonyme.adresse}) : donnez à ce partenaire un nom distinct (par "
                                           f"exemple « {valeurs['nom']} — {commune} »)."))
                    continue
                trouve = homonyme
        if trouve is not None:
            # Another fiche already carries this name: renaming onto it would make two.
            autre = par_nom.get(cle_nom)
            if autre is not None and autre.id != trouve.id:
                resultat.append(erreur(f"« {autre.nom} » est déjà une autre fiche du répertoire : ce nom ne peut "
                                       "pas être donné à une seconde fiche."))
                continue
        valeurs.pop("id", None)
        if trouve is not None and not rue:
            valeurs.pop("adresse", None)   # a commune alone does not replace a fiche's full address
        if trouve is None:
            resultat.append(LigneAnalysee(numero, "nouveau", valeurs, libelle))
            continue
        differences = _differences(trouve, valeurs)
        etat = "deja_la" if not differences else ("a_mettre_a_jour" if par_id else "conflit")
        resultat.append(LigneAnalysee(numero, etat, valeurs, libelle, objet_id=str(trouve.id), differences=differences,
                                      message="" if par_id or etat == "deja_la" else
                                      "Même courriel, ou même nom dans la même commune."))
    return resultat


def _donnees(valeurs: dict, avant: Partenaire | None = None) -> services.DonneesPartenaire:
    """What the service writes: the row's filled fields over the fiche's current ones (an empty
    cell changes nothing); domains, « actif » and the date of the last check kept."""
    champs = {c: valeurs[c] for c in COMPARES if valeurs.get(c)}
    if avant is None:
        return services.DonneesPartenaire(**champs, complet=True)
    champs = {**_actuelles(avant), **champs}
    if rules.nom_normalise(champs["nom"]) == rules.nom_normalise(avant.nom):
        champs["nom"] = avant.nom   # « ccas d'arles » does not overwrite « CCAS d'Arles »
    return services.DonneesPartenaire(**champs, domaines=list(avant.domaines or []), actif=avant.actif,
                                      verifie_le=avant.verifie_le, complet=True)


def appliquer(session, utilisateur, lignes: list[LigneAnalysee], aujourd_hui: date, progression=None) -> dict:
    """Creates the « nouveau » rows, updates the « a_mettre_a_jour » ones; an ErreurMetier names
    its row (the engine then rolls the whole import back)."""
    trace = {"crees": [], "modifies": {}}
    for n, ligne in enumerate(lignes, start=1):
        try:
            if ligne.etat == "nouveau":
                p = services.enregistrer_partenaire(session, par=utilisateur, donnees=_donnees(ligne.valeurs),
                                                    le=aujourd_hui)
                trace["crees"].append(str(p.id))
            elif ligne.etat == "a_mettre_a_jour":
                p = session.get(Partenaire, uuid.UUID(ligne.objet_id))
                avant = _actuelles(p)
                services.enregistrer_partenaire(session, par=utilisateur, donnees=_donnees(ligne.valeurs, p),
                                                partenaire=p, version=p.version, le=aujourd_hui)
                trace["modifies"][str(p.id)] = avant
        except ErreurMetier as exc:
            raise ErreurMetier(f"Ligne {ligne.numero} : {exc.message}", exc.champ) from exc
        if progression and n % 200 == 0:
            progression(n)
    return trace


def remettre(session, utilisateur, p: Partenaire, avant: dict, aujourd_hui: date) -> None:  # noqa: ARG001
    """Puts back the fields an import changed on this partner (undo, run by the tableur engine)."""
    donnees = services.DonneesPartenaire(**{c: avant.get(c, "") for c in COMPARES},
                                         domaines=list(p.domaines or []), actif=p.actif,
                                         verifie_le=p.verifie_le, complet=True)
    services.enregistrer_partenaire(session, par=utilisateur, donnees=donnees, partenaire=p, version=p.version)
