"""Make README.md from nbs/index.ipynb (Quarto is not available here). `--check` fails if README.md is stale;
`--main-job` prints the README's main-job command, `--python` its python blocks, in order, as one script."""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def _src(c): return ''.join(c['source'])

def _hidden(c): return any(l.strip() in ('#| hide', '#|hide') for l in _src(c).splitlines()[:3])

def _out(o):
    "Markdown for one cell output"
    if o['output_type']=='stream': return f"```\n{''.join(o['text']).rstrip()}\n```"
    d = o.get('data', {})
    if 'text/markdown' in d: return ''.join(d['text/markdown']).strip()
    if 'text/plain' in d: return f"```\n{''.join(d['text/plain']).rstrip()}\n```"
    return ''

def _cell(c):
    if c['cell_type']=='markdown': return _src(c).strip()
    if c['cell_type']!='code' or _hidden(c): return ''
    code = '\n'.join(l for l in _src(c).splitlines() if not l.startswith('#|')).strip()
    parts = [f"```python\n{code}\n```"] if code else []
    return '\n\n'.join(parts + [s for s in map(_out, c.get('outputs', [])) if s])

def readme():
    nb = json.loads((root/'nbs'/'index.ipynb').read_text())
    return '\n\n'.join(s for s in map(_cell, nb['cells']) if s) + '\n'

def blocks(md, lang='python'):
    "The code blocks of language `lang` in the markdown `md`, in order"
    return re.findall(rf'^```{lang}\n(.*?)^```', md, re.M|re.S)

def main_job(md):
    "The README's main-job command: the shell line that runs `lisette --demo`"
    return next(l for b in blocks(md, 'sh') for l in b.splitlines() if 'lisette --demo' in l)

if __name__=='__main__':
    new, f = readme(), root/'README.md'
    if '--main-job' in sys.argv: print(main_job(f.read_text()))
    elif '--python' in sys.argv: print('\n\n'.join(blocks(f.read_text())))
    elif '--check' in sys.argv:
        if not f.exists() or f.read_text()!=new: sys.exit('README.md is stale: run `python scripts/readme.py` (it is made from nbs/index.ipynb)')
    else: f.write_text(new)
