#!/usr/bin/env bash
# Build the documentation site into _site/, without Quarto: nbdev's own processing of the notebooks (scripts/proc_nbs.py,
# into _proc/), then the pages built with Sphinx + myst-nb + furo (scripts/docs.py, warnings are errors), then an offline
# check of every internal link and anchor (scripts/checklinks.py), and a check that every public exported name has an
# example before its tests (scripts/examples_check.py --strict; the names still waiting are in scripts/examples_todo.txt).
# `--browser` also opens the index, the chat page and the tools page in headless Chromium (scripts/browser_check.py).
# Works from a fresh clone: it makes .venv and installs the dev and docs extras first.
set -euo pipefail
cd "$(dirname "$0")/.."
export LITELLM_LOCAL_MODEL_COST_MAP=True
start=$(date +%s)
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[dev,docs]"
.venv/bin/python scripts/proc_nbs.py
.venv/bin/python scripts/docs.py
.venv/bin/python scripts/checklinks.py _site
.venv/bin/python scripts/examples_check.py --strict  # a public name with no example before its tests fails, but those listed in scripts/examples_todo.txt
if [ "${1:-}" = "--browser" ]; then .venv/bin/python scripts/browser_check.py; fi
echo "site built in _site/ ($(( $(date +%s)-start )) s): open _site/index.html, or serve it with python3 -m http.server -d _site"
