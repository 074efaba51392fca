"""pyflakes over lisette/, less what fastcore's star import and `@patch` cause; prints what is left and fails if anything is.
A name pyflakes cannot resolve because of a star import passes only if one of the star-imported modules really has it;
a redefinition passes only when one of the two definitions is `@patch`ed onto a class (binding its name at module level); the star imports of `__init__.py` are
its re-exports."""
import importlib, re, subprocess, sys
from pathlib import Path

def star_has(name, mods, pkg='lisette'):
    "True if one of the modules `mods` (as pyflakes names them: '.chat', 'fastcore.utils') has the public name `name`"
    for m in mods:
        mod = importlib.import_module(m, pkg) if m.startswith('.') else importlib.import_module(m)
        if name in getattr(mod, '__all__', [n for n in dir(mod) if not n.startswith('_')]): return True
    return False

def patched(path, line):
    "True if the definition at `line` of `path` is decorated with `@patch`"
    lines = Path(path).read_text().splitlines()
    i = line-2
    while i>=0 and lines[i].lstrip().startswith('@'):
        if lines[i].lstrip().startswith('@patch'): return True
        i -= 1
    return False

def problems(pkg='lisette'):
    out = subprocess.run([sys.executable, '-m', 'pyflakes', pkg], capture_output=True, text=True).stdout.splitlines()
    for l in out:
        m = re.match(r'(.+?):(\d+):\d+:? (.*)', l)
        if not m: yield l; continue
        path,line,msg = m[1],int(m[2]),m[3]
        if "import *' used; unable to detect undefined names" in msg: continue
        if path.endswith('__init__.py') and re.fullmatch(r"'\.\w+\.\*' imported but unused", msg): continue
        if (u := re.fullmatch(r"'(\w+)' may be undefined, or defined from star imports: (.+)", msg)) and star_has(u[1], u[2].split(', ')): continue
        if (r := re.match(r"redefinition of unused '\w+' from line (\d+)", msg)) and (patched(path, line) or patched(path, int(r[1]))): continue
        yield l

if __name__=='__main__':
    bad = list(problems())
    print('FAIL: pyflakes (no unused imports, no undefined names):\n' + '\n'.join(bad) if bad else 'ok: pyflakes finds no unused import or undefined name in lisette/')
    sys.exit(1 if bad else 0)
