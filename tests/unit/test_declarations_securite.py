"""Issue #9: what a module declares to security (encrypted fields, clear columns, permissions)
is checked by the registry, and the policy decides from it."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from cipdesk import modules
from cipdesk.core.contrat import ChampsChiffres, Module, RegleDAcces, Registre, en_clair
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _installer(*mods):
    Registre().installer(mods)


def test_une_colonne_declaree_par_deux_modules_est_refusee():
    a = Module(code="a", titre="A", chiffres=(ChampsChiffres("X", "x", ("recit",), "récit"),))
    b = Module(code="b", titre="B", clairs=en_clair("raison", x=("recit",)))
    with pytest.raises(ValueError, match="colonne x.recit déclarée deux fois"):
        _installer(a, b)


def test_une_permission_declaree_deux_fois_est_refusee():
    regle = RegleDAcces("a.voir", (Role.CONSEILLER,), "voir")
    with pytest.raises(ValueError, match="permission a.voir"):
        _installer(Module(code="a", titre="A", acces=(regle,)), Module(code="b", titre="B", acces=(regle,)))


def test_json_hors_des_champs_chiffres_refuse():
    with pytest.raises(ValueError, match="json ou raisons"):
        _installer(Module(code="a", titre="A", chiffres=(ChampsChiffres("X", "x", ("a",), "r", json=("b",)),)))


def test_en_clair_developpe_table_et_colonnes():
    assert en_clair("r", t=("a", "b"), u=("c",)) == {"t.a": "r", "t.b": "r", "u.c": "r"}


def test_la_politique_decide_des_permissions_declarees():
    modules.installer()
    conseiller = SimpleNamespace(role=Role.CONSEILLER, actif=True, est_candidat=False, equipe_id=None)
    candidat = SimpleNamespace(role=Role.CONSEILLER, actif=True, est_candidat=True, equipe_id=None)
    chef = SimpleNamespace(role=Role.CHEF_DE_SERVICE, actif=True, est_candidat=False, equipe_id="e1")
    chef_sans_equipe = SimpleNamespace(role=Role.CHEF_DE_SERVICE, actif=True, est_candidat=False, equipe_id=None)
    assert policy.peut(candidat, "dossier.rediger") and not policy.peut(conseiller, "dossier.rediger")
    assert policy.peut(chef, "pratique.prevention_equipe") and not policy.peut(chef_sans_equipe,
                                                                                "pratique.prevention_equipe")
    assert policy.peut(chef, "employeurs.voir") and not policy.peut(chef, "employeurs.modifier")
    assert policy.permission("tableau.voir")(chef) and not policy.permission("tableau.voir")(conseiller)
    # the role-only functions of before issue #9 are gone: a permission is asked by its code
    with pytest.raises(AttributeError):
        policy.peut_voir_employeurs  # noqa: B018
