"""The printable documents of the person's rights, on the one document base (documents/base.py):
the information notice and the access export."""
from __future__ import annotations

from datetime import date

from cipdesk.documents.base import Document, jour


def notice_pdf(*, structure_nom: str, paragraphes: list[tuple[str, str]], personne_nom: str, le: date) -> bytes:
    doc = Document("Notice d'information", entete=f"{structure_nom} — notice d'information", confidentiel=False)
    doc.titre("Vos informations personnelles : ce que nous en faisons")
    doc.mention(f"Remise à {personne_nom} le {jour(le)}. Règlement général sur la protection des données "
                "(RGPD), articles 13 et 14.")
    doc.ln(2)
    for titre, texte in paragraphes:
        doc.rubrique(titre, texte)
    doc.signatures("Le ou la professionnel·le", "La personne (facultatif)")
    return doc.en_octets()


def _libelle(champ: str) -> str:
    return champ.replace("_", " ").capitalize()


def _valeur(v) -> str:
    if isinstance(v, bool):
        return "oui" if v else "non"
    if isinstance(v, dict):
        return " ; ".join(f"{_libelle(k)} : {_valeur(x)}" for k, x in v.items() if x not in (None, "", [], {}))
    if isinstance(v, list):
        return ", ".join(_valeur(x) for x in v)
    if isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-":
        try:
            return jour(date.fromisoformat(v[:10])) + (f" {v[11:16]}" if len(v) > 10 else "")
        except ValueError:
            return v
    return str(v)


_TECHNIQUES = {"id", "version", "created_at", "updated_at", "personne_id"}


def export_pdf(donnees: dict, *, structure_nom: str) -> bytes:
    doc = Document("Droit d'accès", entete=f"{structure_nom} — données détenues sur {donnees['personne']}")
    doc.titre(f"Données détenues sur {donnees['personne']}")
    doc.mention(f"Demande du {_valeur(donnees['demande_du'])} ; document établi le {_valeur(donnees['genere_le'])}. "
                "RGPD article 15 : toutes les informations enregistrées, module par module, puis la liste des "
                "personnes qui ont consulté le dossier. Le même contenu existe en JSON.")
    for part in donnees["modules"]:
        presentes = [s for s in part["sections"] if s["enregistrements"]]
        if not presentes:
            continue
        doc.intertitre(part["module"])
        for section in presentes:
            doc.set_font("DejaVu", "B", 10)
            doc.multi_cell(0, 6, f"{section['titre'].capitalize()} ({section['nombre']})",
                           new_x="LMARGIN", new_y="NEXT")
            for n, ligne in enumerate(section["enregistrements"], start=1):
                lignes = []
                for k, v in ligne.items():
                    if k in _TECHNIQUES:
                        continue
                    if k.endswith("_id") and isinstance(v, str):
                        if v in donnees.get("professionnels", {}):  # a professional: their name
                            lignes.append((_libelle(k[:-3]), donnees["professionnels"][v]))
                        continue  # a link between records: meaningless on paper (kept in the JSON)
                    lignes.append((_libelle(k), _valeur(v)))
                doc.mention(f"{section['titre']} n° {n}")
                doc.champs(lignes or [("—", "—")], largeur_libelle=60)
    doc.intertitre("Qui a consulté le dossier")
    if not donnees["journal_des_acces"]:
        doc.paragraphe("Aucune consultation enregistrée.")
    for j in donnees["journal_des_acces"]:
        texte = f"{_valeur(j['le'])} — {j['qui']} ({j['role'] or '—'}) — {j['action']} : {j['enregistrement']}"
        doc.paragraphe(texte + (f" — motif : {j['motif']}" if j["motif"] else ""), taille=9, hauteur=4.8)
    return doc.en_octets()
