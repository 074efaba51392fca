"""nbdev's own processing of the notebooks, the pass `nbdev-docs` runs before Quarto (`nbdev.quarto._pre_docs`): refresh
`nbs/_quarto.yml` and `nbs/sidebar.yml`, rebuild the doc links, then run `FilterDefaults` (which executes the export, import
and `show_doc` cells) on every notebook into `_proc/`. Quarto itself is not needed, so `_pre_docs`' install of it is the one
step left out. Each notebook runs in its own process (as nbdev's spawned workers do), two at a time, from the project root.
A notebook fails on an error and also on nbdev's warning about a cell mixing imports with other code (that cell is run whole
by the import-only pass). Prints one line per notebook, then "N passed, N failed". `python scripts/proc_nbs.py [NAME...]`."""
import os, subprocess, sys, time, warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def one(name):
    "Process `nbs/NAME.ipynb` into `_proc/` as `nbdev.serve_drv` does; exit 1 on an error or a mixed-imports warning"
    import nbdev.serve_drv
    from nbdev.processors import FilterDefaults
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter('always')
        nbdev.serve_drv.main((root/'nbs'/f'{name}.ipynb', root/'_proc'/f'{name}.ipynb', FilterDefaults))
    mixed = [w for w in ws if 'containing imports and other code' in str(w.message)]
    for w in mixed: print(f"nbdev: {w.message}".strip())
    sys.exit(bool(mixed))

def _run(name):
    t = time.time()
    r = subprocess.run([sys.executable, __file__, '--one', name], cwd=root, capture_output=True, text=True)
    out = (r.stdout + r.stderr).strip()
    err = '\n'.join(l for l in out.splitlines() if 'Location' not in l)  # pip's index notices, if any
    return name, r.returncode, time.time()-t, err

def main(names=()):
    os.chdir(root)  # `_pre_docs` anchors the cwd at the project root too
    from nbdev.config import get_config
    from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar
    import nbdev.doclinks
    cfg = get_config()
    refresh_quarto_yml()
    nbdev.doclinks._build_modidx()
    nbdev_sidebar.__wrapped__(path=cfg.nbs_path)
    (root/'_proc').mkdir(exist_ok=True)
    nbs = sorted(p.stem for p in cfg.nbs_path.glob('*.ipynb') if not names or p.stem in names)
    failed = 0
    with ThreadPoolExecutor(2) as ex:
        for name,rc,secs,err in ex.map(_run, nbs):
            failed += rc!=0
            print(f"{name}: {'ok' if rc==0 else 'FAILED'} ({secs:.0f} s)", flush=True)
            if rc: print('    ' + err[-3000:].replace('\n', '\n    '))
    print(f"{len(nbs)-failed} passed, {failed} failed")
    return failed

if __name__=='__main__':
    if sys.argv[1:2]==['--one']: one(sys.argv[2])
    sys.exit(bool(main(sys.argv[1:])))
