"""Which public exported names are not followed by an example whose output shows what they do, before their tests.

A notebook page should read: a name's API entry, then a small example with its output, then (hidden from the page) the
assertions that pin it. For every public name an export cell defines (as nbdev names it for its API entry: `Chat`,
`ChatHistory.undo`; private `_x` left out), this looks at the cells after it, up to the next export cell defining a
public name (export cells in a row, with no other code between them, share the cells that follow the last of them):
- an *example* is a code cell shown on the page (as `scripts/docs.py` shows it: not hidden, not assertions only) that
  has an output and mentions the name (its last part: `undo` for `ChatHistory.undo`);
- a *test* is a code cell that asserts (`assert`, `test_*`) and mentions the name.
A name is reported when no example follows it, or when its first test comes before its first example.

`python scripts/examples_check.py [NAME...]` lists them by notebook, then counts; `--summary` prints the counts only.

`--strict` is the gate `scripts/docs.sh` runs: it exits 1 if a name is reported that `scripts/examples_todo.txt` does
not list (`notebook: name` a line, as this script prints them: the names that were waiting for an example when the gate
came in). So a new public name needs its example; one that gets its example should leave the list, which says so."""
import re, sys
from pathlib import Path
from nbdev.process import NBProcessor
from nbdev.showdoc import showdoc_nm
from nbdev.processors import _def_types
sys.path.insert(0, str(Path(__file__).resolve().parent))
from docs import code_cell, _asserts, _parse

root = Path(__file__).resolve().parent.parent

def def_names(cell):
    "Public names the export cell `cell` defines, one list per definition (a patch on `A|B` names both)"
    if 'export' not in cell.directives_ and 'exports' not in cell.directives_: return []
    res = []
    for o in cell.parsed_() or []:
        if not isinstance(o, _def_types) or o.name.startswith('_'): continue
        nm = showdoc_nm(o)
        nms = [n for n in (nm if isinstance(nm, list) else [nm]) if not any(p.startswith('_') for p in n.split('.'))]  # private, or of a private class
        if nms: res.append(nms)
    return res

def _mentions(src, nms): return any(re.search(rf'\b{re.escape(n.split(".")[-1])}\b', src) for n in nms)

def shown(c):
    "The source of code cell `c` as its page shows it, or None if the page does not show it"
    if c.cell_type!='code' or 'hide' in c.directives_ or {'export', 'exports', 'exporti'} & set(c.directives_): return None
    cc = code_cell(dict(source=c.source, outputs=c.get('outputs', [])))
    return cc['source'] if cc else None

def check(nb):
    "[(names, reason)] for the public names of notebook `nb` with no example before their tests"
    cells = NBProcessor(nb).nb.cells
    defs = [(i, def_names(c)) for i,c in enumerate(cells)]
    defs = [(i, d) for i,d in defs if d]
    out = []
    for k,(i,group) in enumerate(defs):
        # the group: this export cell and the ones after it with no other code cell between
        j,names = k,list(group)
        while j+1<len(defs) and not any(c.cell_type=='code' and not {'export','exports','exporti'} & set(c.directives_)
                                         for c in cells[defs[j][0]+1:defs[j+1][0]]):
            j += 1
        end = defs[j+1][0] if j+1<len(defs) else len(cells)
        window = cells[defs[j][0]+1:end]
        for nms in group:
            first_ex = first_test = None
            for n,c in enumerate(window):
                if c.cell_type!='code' or not _mentions(c.source, nms): continue
                s = shown(c)
                if first_ex is None and s is not None and c.get('outputs') and _mentions(s, nms): first_ex = n
                trees = _parse(c.source)
                if first_test is None and trees is not None and _asserts(trees): first_test = n
            if first_ex is None: out.append((nms, 'no example'))
            elif first_test is not None and first_test<first_ex: out.append((nms, 'example only after its tests'))
    return out, sum(len(d) for _,d in defs)

todo_file = root/'scripts'/'examples_todo.txt'

def todo():
    "The names the gate lets wait for an example, as `notebook: name`"
    lines = todo_file.read_text().splitlines() if todo_file.exists() else []
    return {l.strip() for l in lines if l.strip() and not l.startswith('#')}

def main(args):
    summary,strict = '--summary' in args, '--strict' in args
    names = [a for a in args if not a.startswith('--')]
    nbs = sorted(p for p in (root/'nbs').glob('*.ipynb') if not names or p.stem in names)
    bad = total = 0
    reported = set()
    for nb in nbs:
        res,n = check(nb)
        bad += len(res); total += n
        reported |= {f"{nb.stem}: {' | '.join(nms)}" for nms,_ in res}
        if not n or strict: continue
        print(f"{nb.stem}: {len(res)} of {n} without an example" + ('' if summary or not res else ':'))
        if not summary:
            for nms,why in res: print(f"    {' | '.join(nms)}: {why}")
    print(f"{bad} of {total} public exported names have no example with output before their tests")
    if not strict: return 0
    waiting = {t for t in todo() if t.split(':')[0] in {nb.stem for nb in nbs}}
    new = sorted(reported-waiting)
    for t in sorted(waiting-reported): print(f"note: {t} has its example now (or is gone): remove it from {todo_file.relative_to(root)}")
    if new:
        print(f"FAIL: {len(new)} public name(s) with no example before their tests (see python scripts/examples_check.py NOTEBOOK):")
        for t in new: print(f"    {t}")
    else: print(f"ok: every public name has an example before its tests, but the {len(waiting & reported)} listed in {todo_file.relative_to(root)}")
    return len(new)

if __name__=='__main__': sys.exit(1 if main(sys.argv[1:]) else 0)
