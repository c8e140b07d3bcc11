#!/usr/bin/env bash
# Installe tout ce qu'il faut pour lancer la suite de tests (idempotent) :
#   - Chromium et poppler-utils (paquets Debian) pour les parcours navigateur et les PDF ;
#   - un environnement virtuel .venv avec cipdesk et ses extras de test ;
#   - axe-core (npm) dans node_modules/ pour les contrôles d'accessibilité.
# Usage : bash scripts/install-test-deps.sh
set -euo pipefail

RACINE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$RACINE"

AXE_VERSION="4.14.1"
PYTHON="${PYTHON:-python3}"

etape() { printf '\n==> %s\n' "$*"; }

# --- Paquets système ----------------------------------------------------------------
if [ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null 2>&1; then
    etape "Chromium et poppler-utils déjà installés"
else
    etape "Installation de chromium et poppler-utils (apt-get)"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "Il faut être root (ou disposer de sudo) pour installer chromium et poppler-utils." >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends chromium poppler-utils
fi

# --- Environnement Python -----------------------------------------------------------
if [ ! -x .venv/bin/python ]; then
    etape "Création de l'environnement virtuel .venv"
    "$PYTHON" -m venv .venv
fi
etape "Installation de cipdesk et des dépendances de test dans .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

# --- axe-core -----------------------------------------------------------------------
if [ -f node_modules/axe-core/axe.min.js ] && \
   grep -q "\"version\": \"$AXE_VERSION\"" node_modules/axe-core/package.json 2>/dev/null; then
    etape "axe-core $AXE_VERSION déjà installé"
else
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm est introuvable : installez Node.js (paquet Debian « npm ») pour obtenir axe-core." >&2
        exit 1
    fi
    etape "Installation d'axe-core $AXE_VERSION (npm)"
    npm install --no-save --no-audit --no-fund --no-package-lock "axe-core@$AXE_VERSION"
fi

etape "Dépendances de test prêtes"
