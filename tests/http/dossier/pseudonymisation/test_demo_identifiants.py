"""The proof asked by issue #16 (point 5): every identifying value of the demo database, written in
texts the way a candidat would write it, is either removed by `pseudonymiser` or named by `restes`
— and, the table being complete, it is removed. The values are gathered here independently of
`queries.table_des_identifiants`, by walking the models, so that a value the query forgets fails."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import event, select

from cipdesk.comptes.models import Structure
from cipdesk.core.dates import aujourdhui
from cipdesk.core.telephone import telephone_affiche
from cipdesk.dossier.pseudonymisation.queries import table_des_identifiants
from cipdesk.dossier.pseudonymisation.rules import (MOIS, Nature, normaliser, pseudonymiser,
                                                     ressemble_a_une_personne, restes, telephone_normalise)
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.entreprises.models import ContactEntreprise
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.projet.models import Confrontation, Projet
from cipdesk.personnes.models import Personne
from cipdesk.territoire.partenaires.models import ContactPartenaire, Partenaire


@pytest.fixture
def demo(base_demo, ctx):
    """The database `cipdesk demo` fills (the command itself: tests/http/test_demo_refus.py)."""
    return list(ctx.scalars(select(Structure).order_by(Structure.nom)))


def _ecritures_date(d: date) -> list[str]:
    return [f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{d:%d.%m.%y}", d.isoformat(),
            f"{'1er' if d.day == 1 else d.day} {MOIS[d.month - 1]} {d.year}", f"{d:%d-%m-%Y}"]


def _ecritures_telephone(tel: str) -> list[str]:
    national = telephone_normalise(tel)
    ecritures = [tel, telephone_affiche(tel) if tel.startswith("+") else tel]
    if len(national) == 10 and national.startswith("0"):
        paires = [national[k:k + 2] for k in range(0, 10, 2)]
        ecritures += [".".join(paires), national, "+33 " + national[1] + " " + " ".join(paires[1:])]
    return list(dict.fromkeys(ecritures))


def _valeurs_de_la_structure(ctx, structure_id) -> list[tuple[Nature, str]]:
    """Every identifying value held for the people of the structure, walked through the models."""
    valeurs: list[tuple[Nature, str]] = []
    dans = Personne.structure_id == structure_id
    for p in ctx.scalars(select(Personne).where(dans)):
        valeurs += [(Nature.NOM, p.nom), (Nature.PRENOM, p.prenom), (Nature.NOM, f"{p.prenom} {p.nom}"),
                    (Nature.NOM, f"{p.nom.upper()} {p.prenom}"), (Nature.NOM, f"Madame {p.nom}"),
                    (Nature.NOM, f"M. {p.nom}")]
        if p.nom_usage:
            valeurs += [(Nature.NOM, p.nom_usage), (Nature.NOM, f"{p.prenom} {p.nom_usage}")]
        if p.date_naissance:
            valeurs += [(Nature.DATE_NAISSANCE, e) for e in _ecritures_date(p.date_naissance)]
        if p.telephone:
            valeurs += [(Nature.TELEPHONE, e) for e in _ecritures_telephone(p.telephone)]
        if p.email:
            valeurs += [(Nature.EMAIL, p.email), (Nature.EMAIL, p.email.upper())]
        if p.adresse:
            valeurs.append((Nature.ADRESSE, p.adresse))
        if p.code_postal and p.commune:
            valeurs += [(Nature.CODE_POSTAL_COMMUNE, f"{p.code_postal} {p.commune}"),
                        (Nature.CODE_POSTAL_COMMUNE, f"{p.commune} ({p.code_postal})")]
    # Employers that identify a person, through each kind of link.
    entreprises = set()
    entreprises |= {c.offre.entreprise for c in ctx.scalars(select(Candidature).where(
        Candidature.structure_id == structure_id))}
    entreprises |= {i.entreprise for i in ctx.scalars(select(Immersion).where(Immersion.structure_id == structure_id))}
    entreprises |= {i.entreprise for i in ctx.scalars(select(Interaction).where(
        Interaction.structure_id == structure_id, Interaction.personne_id.is_not(None)))}
    for s in ctx.scalars(select(SuiviIntegration).where(SuiviIntegration.structure_id == structure_id)):
        valeurs.append((Nature.EMPLOYEUR, s.employeur))
        if s.entreprise:
            entreprises.add(s.entreprise)
        if s.lieu_travail:
            valeurs.append((Nature.ADRESSE, s.lieu_travail))
    for c in ctx.scalars(select(Confrontation).join(Projet).join(Parcours).where(
            Confrontation.structure_id == structure_id, Confrontation.employeur != "")):
        valeurs.append((Nature.EMPLOYEUR, c.employeur))
    for e in entreprises:
        valeurs += [(Nature.EMPLOYEUR, e.raison_sociale), (Nature.EMPLOYEUR, e.raison_sociale.lower())]
        if e.enseigne:
            valeurs.append((Nature.EMPLOYEUR, e.enseigne))
        if e.adresse:
            valeurs.append((Nature.ADRESSE, e.adresse))
        if e.telephone:
            valeurs += [(Nature.TELEPHONE, x) for x in _ecritures_telephone(e.telephone)]
        if e.email:
            valeurs.append((Nature.EMAIL, e.email))
    # Named contacts of employers and partners: those whose name looks like a person's (a contact
    # named by a function, « Permanence », « Accueil », identifies no one: the pure rule, tested apart).
    for c in ctx.scalars(select(ContactEntreprise).where(ContactEntreprise.structure_id == structure_id)):
        if ressemble_a_une_personne(f"{c.prenom or ''} {c.nom}"):
            valeurs += [(Nature.CONTACT, c.nom), (Nature.CONTACT, f"{c.prenom} {c.nom}".strip())]
        if c.telephone:
            valeurs += [(Nature.TELEPHONE, x) for x in _ecritures_telephone(c.telephone)]
        if c.email:
            valeurs.append((Nature.EMAIL, c.email))
    for p in ctx.scalars(select(Partenaire).where(Partenaire.structure_id == structure_id)):
        if p.contact_nom and ressemble_a_une_personne(p.contact_nom):
            valeurs.append((Nature.CONTACT, p.contact_nom))
        if p.telephone:
            valeurs += [(Nature.TELEPHONE, x) for x in _ecritures_telephone(p.telephone)]
        if p.email:
            valeurs.append((Nature.EMAIL, p.email))
    for c in ctx.scalars(select(ContactPartenaire).where(ContactPartenaire.structure_id == structure_id)):
        if ressemble_a_une_personne(c.nom):
            valeurs.append((Nature.CONTACT, c.nom))
        if c.telephone:
            valeurs += [(Nature.TELEPHONE, x) for x in _ecritures_telephone(c.telephone)]
        if c.email:
            valeurs.append((Nature.EMAIL, c.email))
    return [(n, v) for n, v in dict.fromkeys(valeurs) if v and v.strip()]


PHRASES = ("Lors du deuxième entretien, {} a évoqué ses freins.",
           "Suite à notre échange ({}), nous avons convenu d'une étape.",
           "{}",
           "J'ai contacté {}. Elle a confirmé.")


def _encore_la(valeur: str, nature: Nature, texte: str) -> bool:
    """Is the value still readable in the text? Names as whole words once folded; phones by their
    nine significant digits; anything else as written or folded."""
    if nature == Nature.TELEPHONE:
        chiffres = re.sub(r"\D", "", texte)
        return telephone_normalise(valeur)[-9:] in chiffres
    cle = normaliser(valeur)
    return re.search(rf"(?<![a-z0-9]){re.escape(cle)}(?![a-z0-9])", normaliser(texte)) is not None \
        or valeur in texte


def test_chaque_valeur_identifiante_de_la_demo_est_retiree_ou_nommee(demo, ctx):
    assert len(demo) == 2
    vues: dict[Nature, int] = {}
    for structure in demo:
        table = table_des_identifiants(ctx, structure.id, le=aujourdhui())
        valeurs = _valeurs_de_la_structure(ctx, structure.id)
        echecs = []
        for k, (nature, valeur) in enumerate(valeurs):
            vues[nature] = vues.get(nature, 0) + 1
            texte = PHRASES[k % len(PHRASES)].format(valeur)
            # Either removed…
            resultat = pseudonymiser(texte, table)
            if not _encore_la(valeur, nature, resultat.texte):
                continue
            # …or named, where it is, without being shown.
            nommes = [r for r in restes(resultat.texte, table)]
            if not nommes:
                echecs.append((nature, valeur, resultat.texte))
            for r in nommes:
                assert valeur not in r.extrait and valeur not in r.message
        assert not echecs, echecs[:10]
        # Every person's texts together, as one long draft: nothing left at all.
        tout = "\n".join(PHRASES[k % len(PHRASES)].format(v) for k, (_, v) in enumerate(valeurs))
        assert restes(pseudonymiser(tout, table).texte, table) == []
    # The demo holds values of every nature the engine knows (else this test proves little).
    manquantes = {n for n in Nature if not vues.get(n)} - {Nature.NOM_NAISSANCE, Nature.DATE}
    assert not manquantes, manquantes


def test_la_table_d_une_structure_ne_contient_rien_d_une_autre(demo, ctx):
    a, b = demo
    table_a = table_des_identifiants(ctx, a.id)
    autres = {p.id for p in ctx.scalars(select(Personne).where(Personne.structure_id == b.id))}
    assert autres and not {v.personne_id for v in table_a} & autres
    noms_b = {normaliser(p.nom) for p in ctx.scalars(select(Personne).where(Personne.structure_id == b.id))}
    noms_a = {normaliser(p.nom) for p in ctx.scalars(select(Personne).where(Personne.structure_id == a.id))}
    seulement_b = noms_b - noms_a
    assert seulement_b
    assert not seulement_b & {normaliser(v.valeur) for v in table_a if v.nature in (Nature.NOM,
                                                                                     Nature.NOM_NAISSANCE)}


def test_nombre_constant_de_requetes_et_jamais_une_colonne_chiffree(demo, ctx):
    requetes: list[str] = []

    def compter(conn, curseur, sql, *args):
        requetes.append(sql)

    moteur = ctx.get_bind()
    event.listen(moteur, "before_cursor_execute", compter)
    try:
        for structure in demo:
            avant = len(requetes)
            table = table_des_identifiants(ctx, structure.id)
            assert len(requetes) - avant == 6   # people, employers, writings, contacts, partners, directory
            assert len(table) > 50
    finally:
        event.remove(moteur, "before_cursor_execute", compter)
    assert not [sql for sql in requetes if "_chiffre" in sql or "note" in sql.lower().split()]


def test_alias_dans_l_ordre_des_cas_choisis_puis_stables(demo, ctx):
    structure = demo[0]
    personnes = list(ctx.scalars(select(Personne).where(Personne.structure_id == structure.id)
                                 .order_by(Personne.created_at, Personne.id)))
    choisies = [personnes[-1].id, personnes[3].id]
    table = table_des_identifiants(ctx, structure.id, personnes_en_premier=choisies)
    alias = {v.personne_id: v.alias for v in table if v.alias}
    assert alias[choisies[0]].endswith(" A.") or alias[choisies[0]] == "A."
    assert alias[choisies[1]].endswith(" B.") or alias[choisies[1]] == "B."
    # The same call gives the same aliases; a woman is « Mme », a man « M. ».
    assert {v.personne_id: v.alias for v in table_des_identifiants(
        ctx, structure.id, personnes_en_premier=choisies) if v.alias} == alias
    for p in personnes:
        attendu = {"femme": "Mme ", "homme": "M. "}.get(p.sexe.value, "")
        assert alias[p.id].startswith(attendu)
    assert len(set(alias.values())) == len(personnes)
