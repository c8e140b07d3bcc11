"""The tests hash with light argon2 parameters (tests/conftest.py); the application itself, in a
process that does not load the test configuration, keeps the production ones: argon2id, RFC 9106
low-memory profile (t=3, m=64 MiB, p=4), for real accounts and for the decoy hash alike."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argon2.profiles import RFC_9106_LOW_MEMORY

RACINE = Path(__file__).resolve().parents[2]

SCRIPT = """
from cipdesk.security import passwords
h = passwords.hacher("girafe tambour cerise hiver")
print(h)
print(passwords.HASH_LEURRE)
print(passwords.verifier(h, "girafe tambour cerise hiver"), passwords.doit_rehacher(h))
"""


def test_l_application_hache_avec_les_parametres_de_production():
    sortie = subprocess.run([sys.executable, "-c", SCRIPT], cwd=RACINE, capture_output=True, text=True,
                            check=True).stdout.split()
    p = RFC_9106_LOW_MEMORY
    attendu = f"$argon2id$v=19$m={p.memory_cost},t={p.time_cost},p={p.parallelism}$"
    assert sortie[0].startswith(attendu), sortie[0]
    assert sortie[1].startswith(attendu), sortie[1]  # the decoy costs as much as a real account
    assert sortie[2:] == ["True", "False"]

