"""Replay the original lisette's own notebooks against a lisette, cell by cell, with their recorded answers served by cachy.

`python scripts/replay_original.py ORIG PYTHON[@DIR] [PYTHON2[@DIR]] [--nb NAME ...] [--json OUT] [--timeout S]`

ORIG is a folder holding the original's notebooks (`index.ipynb`, `00_core.ipynb`, `01_usage.ipynb`, `test_cache.ipynb`), its
`samples/` and its recorded answers `cachy.jsonl` (a checkout of AnswerDotAI/lisette works too: then they are looked for in
`nbs/` and at the root). Each PYTHON is an interpreter with ipykernel, pycachy and a lisette; with two of them (the original's
venv, then ours) the table puts them side by side; `@DIR` puts DIR alone on that interpreter's `PYTHONPATH` (a
worktree of this project, say), and without it the inherited `PYTHONPATH` is dropped. Nothing here needs the network: a
request cachy has no answer for fails, and the cell that sent it counts as not run. Dummy API keys are set so LiteLLM
builds each request.

How a notebook is run, the same way for every PYTHON:
- in a fresh IPython kernel whose working folder is a scratch copy of the notebook's folder (its `samples/` beside it) under a
  scratch root holding a `pyproject.toml` and a copy of `cachy.jsonl`, which is where the notebooks' own `enable_cachy()`
  finds it; the copy means a run never changes the recorded answers;
- a module notebook (one with `#| default_exp M`) defines the original library in its `#| export` cells: those cells are not
  run, but for their import statements (absolute ones, each on its own, a failing one ignored); then every name of
  `lisette.M` (private ones too, as the notebook's own cells see them) is put in the kernel's namespace, so the
  notebook's examples and tests run against whichever lisette the PYTHON imports;
- cells marked `#| eval: false`, and the `nbdev_export()` cell, are skipped as nbdev's test runner skips them;
- cachy is told to look each request up under the keys its earlier versions gave it too (the body as sent, the body with
  sorted keys, with and without cachy's normalisation, the stream flag as given and as a bool), besides its own key: the
  recorded answers were made over many months and cachy's key changed during them, so an answer stays findable for the
  request it answered; a request is still answered only when its URL and body are those of a recorded one;
- every other code cell runs in order, whatever happened to the cells before it; one that runs past `--timeout` is
  interrupted and counts as not run.

A cell *runs* when the kernel reports no error for it. It *gives the stored output* when its outputs, reduced as below, equal
the outputs saved in the notebook, reduced the same way; a cell with no saved output matches when it runs and shows nothing:
- each output is reduced to one text: a result or display to its `text/markdown` if it has one, else its `text/plain`, else
  the name of its image type; printed `stdout` text to itself; an error to its exception name. Text on `stderr` (warnings,
  progress bars) is left out, and consecutive printed texts are joined, as a notebook shows them;
- in each text, what differs between any two runs of the same code is replaced by a placeholder: memory addresses (`0x...`),
  ids of responses, messages and tool calls (`chatcmpl-...`, `toolu_...`, `call_...`, `msg_...`, `resp_...`, ...), temporary
  paths, and trailing spaces.

Prints one row per notebook: its code cells that are run (skipped ones left out), then for each PYTHON how many ran and how
many gave the stored output. `--json OUT` also writes each cell's result (source head, ran, matched, error) for a closer look.
"""
import argparse, ast, json, os, queue, re, shutil, sys, tempfile, time
from pathlib import Path

NBS = ['index', '00_core', '01_usage', 'test_cache']
KEYS = dict(ANTHROPIC_API_KEY='x', OPENAI_API_KEY='x', GEMINI_API_KEY='x', GOOGLE_API_KEY='x', DEEPSEEK_API_KEY='x',
            FIREWORKS_AI_API_KEY='x', FIREWORKS_API_KEY='x', OPENROUTER_API_KEY='x', GROQ_API_KEY='x', TOGETHERAI_API_KEY='x',
            MISTRAL_API_KEY='x', XAI_API_KEY='x', MOONSHOT_API_KEY='x', LITELLM_LOCAL_MODEL_COST_MAP='True')

_variable = [
    (re.compile(r'0x[0-9a-fA-F]{4,}'), '0xADDR'),
    (re.compile(r'\b(chatcmpl|toolu|srvtoolu|call|msg|resp|fc|rs|gen|req|batch|ws)([-_])[\w-]{6,}'), r'\1\2ID'),
    (re.compile(r'/tmp/[\w./-]+'), '/tmp/PATH'),
    (re.compile(r'[ \t]+$', re.M), ''),
]

def norm(s):
    "`s` with memory addresses, ids and temporary paths replaced by placeholders, trailing spaces dropped"
    for pat,repl in _variable: s = pat.sub(repl, s)
    return s.strip()

def _txt(v): return ''.join(v) if isinstance(v, list) else v

def reduce_outputs(outs):
    "The list of texts a cell's outputs (notebook format) show, as the module docstring describes"
    res = []
    for o in outs:
        t = o.get('output_type')
        if t == 'stream':
            if o.get('name') != 'stdout': continue
            txt = _txt(o.get('text', ''))
            if res and res[-1][0] == 'stdout': res[-1] = ('stdout', res[-1][1]+txt)
            else: res.append(('stdout', txt))
        elif t in ('execute_result', 'display_data'):
            d = o.get('data', {})
            if 'text/markdown' in d: res.append(('md', _txt(d['text/markdown'])))
            elif 'text/plain' in d: res.append(('plain', _txt(d['text/plain'])))
            else: res.append(('other', next((k for k in d if k.startswith('image/')), ','.join(sorted(d)))))
        elif t == 'error': res.append(('error', o.get('ename', '')))
    return [(k, norm(v)) for k,v in res if not (k == 'stdout' and not norm(v))]

def _flags(src):
    "nbdev's `#| ` directives at the head of cell source `src`, as {name: rest}"
    fl = {}
    for l in src.splitlines():
        m = re.match(r'\s*#\s*\|\s*([\w-]+):?\s*(.*)', l)
        if m: fl[m.group(1)] = m.group(2).strip()
        elif l.strip(): break
    return fl

def _imports(src):
    "Top-level absolute import statements of cell source `src`, each as its own source line"
    try: tree = ast.parse(src)
    except SyntaxError: return []
    return [ast.unparse(n) for n in tree.body if isinstance(n, ast.Import) or (isinstance(n, ast.ImportFrom) and not n.level)]

def plan(nb):
    "The module a notebook exports (or None), its export cells' imports, and its code cells to run as (index, source, outputs)"
    mod, imps, cells = None, [], []
    for i,c in enumerate(nb['cells']):
        if c['cell_type'] != 'code': continue
        src = _txt(c['source'])
        fl = _flags(src)
        if 'default_exp' in fl: mod = fl['default_exp']; continue
        if {'export', 'exports', 'exporti'} & set(fl):
            imps += _imports(src)
            continue
        if fl.get('eval') == 'false' or 'nbdev_export(' in src or not src.strip(): continue
        cells.append((i, src, c.get('outputs', [])))
    return mod, imps, cells

# Run in each kernel first: cachy finds a recorded answer under any key its versions gave the same request
_lookup = r"""
import cachy.core as _cc, hashlib as _hl, json as _js
def _replay_keys(r, is_stream):
    raw = _cc._content(r)
    try: srt = _js.dumps(_js.loads(raw), sort_keys=True).encode()
    except Exception: srt = raw
    url = str(r.url.copy_remove_param('key'))
    bodies = [raw, srt, _cc._normalize(srt.decode('utf-8', errors='surrogateescape')).encode('utf-8', errors='surrogateescape')]
    return [_hl.sha256(f"{u}{s}".encode()+b).hexdigest()[:8]
            for u in (url, r.url.host) for s in {str(is_stream), str(bool(is_stream)), *(['None'] if not is_stream else [])}
            for b in bodies]
_replay_state, _replay_idx, _replay_key0 = {}, {}, _cc._key
def _replay_key(r, is_stream=False):
    _replay_state['alts'] = _replay_keys(r, is_stream)
    return _replay_key0(r, is_stream)
def _replay_cache(key, cfp):
    if str(cfp) not in _replay_idx:
        try: recs = [_js.loads(l) for l in open(cfp) if l.strip()]
        except FileNotFoundError: recs = []
        _replay_idx[str(cfp)] = {d['key']:d for d in recs}
    idx = _replay_idx[str(cfp)]
    return next((idx[k] for k in [key, *_replay_state.pop('alts', [])] if k in idx), None)
_cc._key, _cc._cache = _replay_key, _replay_cache
"""

def _kernel(python, cwd, env):
    "A started kernel on interpreter `python` in folder `cwd` and its client"
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    kd = Path(cwd).parent/'kernels'/'replay'
    kd.mkdir(parents=True, exist_ok=True)
    (kd/'kernel.json').write_text(json.dumps(dict(argv=[python, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
                                                  display_name='replay', language='python')))
    km = KernelManager(kernel_name='replay', kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kd.parent)]))
    km.start_kernel(cwd=str(cwd), env=env)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc

def run_cell(km, kc, src, timeout):
    "Run `src`; return (ran, outputs in notebook format, error text)"
    outs = []
    def hook(msg):
        t, c = msg['msg_type'], msg['content']
        if t == 'stream': outs.append(dict(output_type='stream', name=c['name'], text=c['text']))
        elif t in ('execute_result', 'display_data'): outs.append(dict(output_type=t, data=c['data']))
        elif t == 'error': outs.append(dict(output_type='error', ename=c['ename'], evalue=c['evalue']))
        elif t == 'clear_output': outs.clear()
    try: reply = kc.execute_interactive(src, timeout=timeout, output_hook=hook, allow_stdin=False, stop_on_error=False)
    except (TimeoutError, queue.Empty):
        km.interrupt_kernel()
        try: kc.get_shell_msg(timeout=30)
        except queue.Empty: pass
        while True:
            try: kc.get_iopub_msg(timeout=2)
            except queue.Empty: break
        return False, outs, f'timeout after {timeout}s'
    c = reply['content']
    if c['status'] == 'ok': return True, outs, ''
    return False, outs, f"{c.get('ename')}: {c.get('evalue')}"[:300]

def _layout(orig, name):
    "Paths of notebook `name`, its samples folder and cachy.jsonl in `orig` (a flat folder or a checkout)"
    orig = Path(orig)
    nbdir = orig/'nbs' if (orig/'nbs'/f'{name}.ipynb').exists() else orig
    cache = orig/'cachy.jsonl' if (orig/'cachy.jsonl').exists() else nbdir.parent/'cachy.jsonl'
    return nbdir/f'{name}.ipynb', nbdir/'samples', cache

def run_nb(orig, name, python, timeout, extra_env=None):
    "Per-cell results of notebook `name` on interpreter `python`: list of dicts (idx, src, ran, matched, err)"
    nbp, samples, cache = _layout(orig, name)
    nb = json.loads(nbp.read_text())
    mod, imps, cells = plan(nb)
    with tempfile.TemporaryDirectory(prefix='replay_') as td:
        root = Path(td)/'root'
        cwd = root/'nbs'
        cwd.mkdir(parents=True)
        (root/'pyproject.toml').write_text('[project]\nname = "replay"\n')
        if cache.exists(): shutil.copy(cache, root/'cachy.jsonl')
        if samples.exists(): shutil.copytree(samples, cwd/'samples')
        python, _, path = python.partition('@')
        env = {k:v for k,v in os.environ.items() if k not in ('PYTHONPATH', 'PYTHONSTARTUP')}
        env.update(KEYS, **(extra_env or {}))
        if path: env['PYTHONPATH'] = path
        km, kc = _kernel(python, cwd, env)
        try:
            ok, _, err = run_cell(km, kc, _lookup, timeout)
            if not ok: print(f'  {name}: setting up the cache lookup failed: {err}', file=sys.stderr)
            if mod:
                for imp in imps: run_cell(km, kc, f'try: {imp}\nexcept Exception: pass', timeout)
                pre = (f"import importlib as _il; _m = _il.import_module('lisette.{mod}')\n"
                       "globals().update({k:v for k,v in vars(_m).items() if not k.startswith('__')})")
                ok, _, err = run_cell(km, kc, pre, timeout)
                if not ok: print(f'  {name}: importing lisette.{mod} failed: {err}', file=sys.stderr)
            res = []
            for i,src,stored in cells:
                ran, outs, err = run_cell(km, kc, src, timeout)
                want, got = reduce_outputs(stored), reduce_outputs(outs)
                matched = want == got and (ran or any(k == 'error' for k,_ in want))
                res.append(dict(idx=i, src=src[:120], ran=ran, matched=matched, err=err,
                                want=want if not matched else None, got=got if not matched else None))
            return res
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('orig', help="folder with the original's notebooks, samples and cachy.jsonl (or a checkout of it)")
    p.add_argument('pythons', nargs='+', help='interpreters to run them on (e.g. the original\'s venv, then ours)')
    p.add_argument('--nb', nargs='*', default=NBS, help='notebooks to run (default: %(default)s)')
    p.add_argument('--json', help='write per-cell results here')
    p.add_argument('--timeout', type=float, default=90, help='seconds a cell may run')
    a = p.parse_args()
    allres = {}
    for name in a.nb:
        for py in a.pythons:
            t = time.time()
            allres.setdefault(name, {})[py] = r = run_nb(a.orig, name, py, a.timeout)
            print(f'  {name} on {py}: {sum(c["ran"] for c in r)}/{len(r)} ran, {sum(c["matched"] for c in r)} matched '
                  f'({time.time()-t:.0f}s)', file=sys.stderr)
    if a.json: Path(a.json).write_text(json.dumps(allres, indent=1))
    hdr = ['notebook', 'cells'] + [f'{k} ({j+1})' for j in range(len(a.pythons)) for k in ('ran', 'matched')]
    rows = [[name, str(len(next(iter(allres[name].values()))))] +
            [str(sum(c[k] for c in allres[name][py])) for py in a.pythons for k in ('ran', 'matched')] for name in a.nb]
    w = [max(len(x) for x in col) for col in zip(hdr, *rows)]
    for j,py in enumerate(a.pythons): print(f'({j+1}) {py}')
    for r in [hdr, ['-'*n for n in w], *rows]: print(' | '.join(x.ljust(n) for x,n in zip(r, w)))

if __name__ == '__main__': main()
