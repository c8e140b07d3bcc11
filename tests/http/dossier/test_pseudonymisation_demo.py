"""DOSSIER.md D3 on the whole demo database: every identifying value held for the people of
the structure is written into the candidat's texts and into a record of her chosen case; the
export either removes each one, or refuses and says where."""
from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from cipdesk.comptes.models import Utilisateur
from cipdesk.dossier import queries
from cipdesk.dossier.pseudonymisation import queries as pq
from cipdesk.dossier.pseudonymisation.rules import Nature
from cipdesk.parcours.contrat.models import Parcours

pytestmark = pytest.mark.slow

# Natures that name or reach a person (a postcode and town may also be the structure's own).
NATURES = {Nature.NOM, Nature.NOM_NAISSANCE, Nature.PRENOM, Nature.TELEPHONE, Nature.EMAIL, Nature.ADRESSE,
           Nature.EMPLOYEUR, Nature.CONTACT}


def test_chaque_valeur_identifiante_est_retiree_ou_refusee(base_demo, nav, ctx, tmp_path):
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    camille = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "candidat@demo.cipdesk.fr"))
    table = pq.table_des_identifiants(ctx, camille.structure_id)
    valeurs = sorted({v.valeur for v in table.valeurs if v.nature in NATURES and len(v.valeur) >= 4})
    assert len(valeurs) > 50
    nav.connexion(camille.email, MOT_DE_PASSE_DEMO)
    texte = "Personnes citées : " + " ; ".join(valeurs) + "."
    assert nav.post("/dossier/parties/2/textes", {"champ": "faits", "texte": texte},
                    depuis="/dossier/parties/2").status_code == 303
    cas = queries.partie_redigee(ctx, camille, 2).cas[0]
    parcours = ctx.get(Parcours, queries._uuid(cas))
    parcours.entretiens[0].synthese = texte  # and in a record of the chosen case
    ctx.commit()
    reponse = nav.get("/dossier/titre.pdf")
    if reponse.status_code == 422:  # refused: it says where
        assert "Export refusé" in reponse.get_data(as_text=True)
        return
    assert reponse.status_code == 200
    chemin = tmp_path / "d.pdf"
    chemin.write_bytes(reponse.data)
    pdf = subprocess.run(["pdftotext", str(chemin), "-"], capture_output=True, text=True, check=True).stdout
    corps = " ".join(pdf.split("\f")[2:])  # the parts and annexes (the cover names the candidat)
    restantes = [v for v in valeurs if v in corps]
    assert not restantes, f"{len(restantes)} valeurs restent dans le PDF, dont {restantes[:5]}"
