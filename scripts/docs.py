"""Make the documentation site's pages from nbdev's processed notebooks (`_proc/`, written by `scripts/proc_nbs.py`) and build
them with Sphinx (myst-nb reads the notebooks, furo lays them out) into `_site/`, failing on any warning.

What nbdev's processing leaves is kept (hidden and export cells taken out, an API entry after every exported public
name); on top of that, for a page that reads as a tutorial:
- each `show_doc` becomes an API entry written here: signature, docstring, a table of the parameters from their docments
  comments (`fastcore.docments`), a link to the source line, and the anchor nbdev's links point to (`#chat.undo`);
- cells whose only job is to assert are left out, and assertion lines (and imports of `fastcore.test`) are taken out of
  example cells;
- links between notebooks point to the pages they became, and are checked afterwards by `scripts/checklinks.py`;
- a response's `<details>` gets a `<summary>` saying what it holds, and its `Usage(...)` line is shown field by field."""
import ast, html, importlib, inspect, json, re, shutil, subprocess, sys, yaml
from pathlib import Path
from fastcore.docments import docments

root = Path(__file__).resolve().parent.parent
src_dir, out_dir = root/'_docsrc', root/'_site'

def page_name(nb):
    "The page a notebook becomes, as nbdev names it: `04_chat` -> `chat`"
    return 'index' if nb.stem=='index' else re.sub(r'^\d+[a-z]?_', '', nb.stem)

def _src(c): return ''.join(c['source']) if isinstance(c['source'], list) else c['source']
def _md(s): return {'cell_type':'markdown', 'metadata':{}, 'source':s}

# ---- API entries

def _anno(a):
    if a is inspect.Parameter.empty: return ''
    return a if isinstance(a, str) else getattr(a, '__name__', None) or str(a).replace('typing.', '')

def _sig(name, f):
    "The call signature of `f` as `name(...)`, one parameter a line when it is long"
    try: sig = inspect.signature(f)
    except (TypeError, ValueError): return name
    ps = [str(p) for p in sig.parameters.values() if p.name not in ('self', 'cls')]
    ret = f' -> {_anno(sig.return_annotation)}' if sig.return_annotation is not inspect.Signature.empty else ''
    one = f"{name}({', '.join(ps)}){ret}"
    return one if len(one)<=88 else f"{name}(\n" + ''.join(f"    {p},\n" for p in ps) + f"){ret}"

def _cell_text(s): return html.escape(str(s)).replace('|', '&#124;').replace('\n', ' ')

def _params(f):
    "A markdown table of `f`'s parameters from its docments, or '' if it has none worth a table"
    try: d = docments(f, full=True)
    except Exception: return ''
    rows = []
    for k,v in d.items():
        if k in ('self', 'cls') or (k=='return' and not v.get('docment')): continue
        dflt = v.get('default', inspect.Parameter.empty)
        dflt = '' if dflt is inspect.Parameter.empty else f"`{dflt!r}`"
        rows.append(f"| `{k}` | {_cell_text(_anno(v.get('anno', inspect.Parameter.empty)))} | {dflt.replace('|', '&#124;')} | {_cell_text(v.get('docment') or '')} |")
    if not rows: return ''
    return "| Parameter | Type | Default | Details |\n| --- | --- | --- | --- |\n" + '\n'.join(rows)

def _source_link(f):
    "A link to the line of the library's source on GitHub where `f` is defined"
    from lisette._modidx import d
    s = d['settings']
    try:
        path = Path(inspect.getsourcefile(inspect.unwrap(f))).resolve().relative_to(root)
        line = inspect.getsourcelines(inspect.unwrap(f))[1]
    except (TypeError, OSError, ValueError): return ''
    return f'<a class="api-source" href="{s["git_url"]}/blob/{s["branch"]}/{path}#L{line}">source</a>'

def entry_id(expr, title=''):
    """The anchor of `expr`'s API entry: nbdev's (`chat.undo`), unless the page's title has that id (the class `Chat` on the
    page `Chat`), where the entry gets `chat-api` and links to `#chat` are pointed at it (see `fix_links`)"""
    return expr.lower() + ('-api' if expr.lower()==title.lower() else '')

def api_entry(expr, ns, level, title=''):
    "Markdown for the API entry of the object `expr` names in `ns`, with the anchor nbdev's links use (unless the page title has it)"
    obj = eval(expr, ns)
    f = obj.fget if isinstance(obj, property) else obj
    name = expr if '.' in expr else getattr(obj, '__name__', expr)
    sig_of = f.__init__ if inspect.isclass(f) else f
    kind = 'class' if inspect.isclass(f) else 'property' if isinstance(obj, property) else ''
    sig = name if kind=='property' else _sig(name, f)
    doc = inspect.getdoc(f) or ''
    if inspect.isclass(f) and doc==inspect.getdoc(object): doc = ''
    anchor = f'<span id="{entry_id(expr, title)}"></span>\n\n'
    parts = [f'{anchor}{"#"*level} `{name}`' + (f' ({kind})' if kind else ''),
             f'{_source_link(f)}\n\n```python\n{sig}\n```'.strip(), doc, '' if kind=='property' else _params(sig_of)]
    return '\n\n'.join(p for p in parts if p)

# ---- cells

_test = re.compile(r'^test_\w*$')
def _is_assert(t):
    "True if the statement `t` only asserts: `assert ...` or a call of fastcore.test's `test_*`"
    if isinstance(t, ast.Assert): return True
    return isinstance(t, ast.Expr) and isinstance(t.value, ast.Call) and isinstance(t.value.func, ast.Name) and bool(_test.match(t.value.func.id))

def _test_import(t): return isinstance(t, ast.ImportFrom) and t.module=='fastcore.test'

def _parse(s):
    try: return compile(s, '<cell>', 'exec', flags=ast.PyCF_ONLY_AST|ast.PyCF_ALLOW_TOP_LEVEL_AWAIT).body
    except SyntaxError: return None

def _asserts(trees): return any(isinstance(n, ast.Assert) or (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and _test.match(n.func.id))
                                for t in trees for n in ast.walk(t))

def code_cell(c):
    "The cell as the page shows it, or None if it only asserts"
    s = _src(c)
    dirs = {m[1]:m[2].strip() for m in re.finditer(r'^#\|\s*([\w-]+):?(.*)$', s, re.M)}
    body = '\n'.join(l for l in s.split('\n') if not l.startswith('#|')).strip()
    if dirs.get('include')=='false' or not body and not c.get('outputs'): return None
    trees = _parse(body)
    if trees is not None and any(map(_test_import, trees)):  # the page runs no tests: it needs no test imports
        lines = body.split('\n')
        drop = {i for t in trees if _test_import(t) for i in range(t.lineno-1, t.end_lineno)}
        body = '\n'.join(l for i,l in enumerate(lines) if i not in drop).strip()
        trees = _parse(body)
        if not body and not c.get('outputs'): return None
    outs = c.get('outputs', [])
    if trees is not None and _asserts(trees):
        if not outs or all(map(_is_assert, trees)): return None  # a cell whose only job is to assert
        lines = body.split('\n')
        drop = {i for t in trees if _is_assert(t) for i in range(t.lineno-1, t.end_lineno)}
        body = '\n'.join(l for i,l in enumerate(lines) if i not in drop).strip()
    tags = ['remove-input'] if dirs.get('echo')=='false' or not body else []
    if dirs.get('output')=='false': tags.append('remove-output')
    return {'cell_type':'code', 'execution_count':None, 'metadata':{'tags':tags} if tags else {}, 'source':body,
            'outputs':[tidy_output(o) for o in outs]}

def _usage(s):
    "The fields of a `Usage(...)` repr that say something, as `name: value`, nested wrappers flattened"
    out, depth, cur, key = [], 0, '', None
    def fields(txt, prefix=''):
        res, depth, start = [], 0, 0
        for i,ch in enumerate(txt + ','):
            if ch in '([{': depth += 1
            elif ch in ')]}': depth -= 1
            elif ch==',' and depth==0:
                item = txt[start:i].strip(); start = i+1
                if '=' not in item: continue
                k,v = item.split('=', 1)
                m = re.match(r'^\w+\((.*)\)$', v, re.S)
                if m: res += fields(m[1], f'{prefix}{k}.')
                elif v not in ('None', '0', '{}', '[]'): res.append(f'{prefix}{k}: {v}')
        return res
    m = re.match(r'^Usage\((.*)\)$', s, re.S)
    return fields(m[1]) if m else [s]

def tidy_markdown(s):
    "A displayed response's details with a summary, and its usage shown field by field"
    def summ(m):
        keys = re.findall(r'^- (\w+):', m[2], re.M)
        what = ', '.join(keys) if keys else 'more'
        return f"<details>\n<summary>Details: {what}</summary>\n{m[2]}</details>"
    s = re.sub(r'<details>(?!\s*<summary>)(\n)(.*?)</details>', summ, s, flags=re.S)
    def usage(m): return '- usage:\n' + ''.join(f'  - `{f}`\n' for f in _usage(m[1]))
    return re.sub(r'^- usage: `(Usage\(.*?\))`\n', usage, s, flags=re.M)

def tidy_output(o):
    o = dict(o)
    o.pop('execution_count', None) if o.get('output_type')!='execute_result' else None
    if 'data' in o and 'text/markdown' in o['data']:
        md = o['data']['text/markdown']
        o['data'] = dict(o['data'], **{'text/markdown': tidy_markdown(md if isinstance(md, str) else ''.join(md))})
    if o.get('output_type')=='execute_result': o['execution_count'] = None
    o.setdefault('metadata', {}) if o.get('output_type') in ('execute_result', 'display_data') else None
    return o

entries = set()  # 'page.html#anchor' of every API entry written
renamed = {}  # 'page.html#anchor' -> the anchor of an API entry whose name is also the page title's id

def fix_links(s, pages, here=''):
    """Links to other notebooks (`04_chat.ipynb#x`) and nbdev's (`/chat.html#x`) made relative links to the built pages.
    nbdev links every backticked name it knows, private helpers too: a link of its to a name with no API entry becomes
    plain code. The links the notebooks' authors wrote stay, and `checklinks.py` fails on any that leads nowhere."""
    def nb_link(m):
        text,target = m[1],m[2]
        if re.match(r'^[a-z]+:', target) or target.startswith('//'): return m[0]
        path,_,frag = target.partition('#')
        if path.endswith('.ipynb'): path = pages.get(Path(path).stem, Path(path).stem) + '.html'
        elif path.startswith('/'):
            path = path[1:]
            if f'{path}#{frag}' not in entries: return text
        href = path + (f'#{frag}' if frag else '')
        href = renamed.get(href, renamed.get(f'{here}{href}' if href.startswith('#') else None, href))
        inner = re.sub(r'`([^`]+)`', lambda c: f'<code>{html.escape(c[1])}</code>', text)
        return f'<a href="{html.escape(href)}">{inner}</a>'
    return re.sub(r'(?<!!)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)\)', nb_link, s)

def heading_level(s, cur):
    hs = re.findall(r'^(#{1,6}) ', s, re.M)
    return len(hs[-1][0]) if hs else cur

def page(nb, pages, order):
    "The page of the notebook `nb` (its processed copy in _proc/), as a notebook myst-nb reads"
    proc = json.loads((root/'_proc'/nb.name).read_text())
    m = re.search(r'^#\|\s*default_exp\s+(\S+)', '\n'.join(_src(c) for c in json.loads(nb.read_text())['cells'] if c['cell_type']=='code'), re.M)
    ns = {}
    import lisette
    ns.update(vars(lisette))
    if m: ns.update(vars(importlib.import_module(f'lisette.{m[1]}'.replace('.__init__', ''))))
    cells, level, ptitle = [], 1, ''

    for c in proc['cells']:
        s = _src(c)
        if c['cell_type']=='raw' and s.startswith('---'):
            fm = yaml.safe_load(s.strip().strip('-')) or {}
            title, desc = (str(fm.get(k) or '').strip() for k in ('title', 'description'))
            ptitle = title
            cells.append(_md(f"# {title or nb.stem}\n\n{desc}" if desc else f"# {title or nb.stem}")); continue
        if c['cell_type']=='markdown':
            if s.startswith('<!-- WARNING: THIS FILE WAS AUTOGENERATED'): continue
            level = heading_level(s, level)
            cells.append(_md(s)); continue
        if c['cell_type']!='code': continue
        sd = re.match(r'^(?:#\|.*\n)*show_doc\((.+)\)\s*$', s)
        if sd and any(part.startswith('_') for part in sd[1].split('.')): continue  # a method of a private class: no entry, as for private helpers
        if sd:
            entries.add(f'{pages[nb.stem]}.html#{sd[1].lower()}')
            if (eid := entry_id(sd[1], ptitle))!=sd[1].lower(): renamed[f'{pages[nb.stem]}.html#{sd[1].lower()}'] = f'{pages[nb.stem]}.html#{eid}'
            cells.append(_md(api_entry(sd[1], ns, min(level+1, 6), ptitle))); continue
        cc = code_cell(c)
        if cc: cells.append(cc)
    if nb.stem=='index':
        cells.append(_md("```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + '\n'.join(order) + "\n```"))
    for i,c in enumerate(cells): c['id'] = f'c{i}'
    return {'cells':cells, 'metadata':{'kernelspec':{'display_name':'Python 3', 'language':'python', 'name':'python3'},
                                       'language_info':{'name':'python'}}, 'nbformat':4, 'nbformat_minor':5}

def main():
    nbs = sorted((root/'nbs').glob('*.ipynb'))
    pages = {nb.stem:page_name(nb) for nb in nbs}
    order = [pages[nb.stem] for nb in nbs if nb.stem!='index']
    shutil.rmtree(src_dir, ignore_errors=True); src_dir.mkdir()
    made = {nb.stem:page(nb, pages, order) for nb in nbs}
    for stem,pg in made.items():
        for c in pg['cells']:
            if c['cell_type']=='markdown': c['source'] = fix_links(c['source'], pages, f'{pages[stem]}.html')
        (src_dir/f'{pages[stem]}.ipynb').write_text(json.dumps(pg, indent=1))
    shutil.rmtree(out_dir, ignore_errors=True)
    r = subprocess.run([sys.executable, '-m', 'sphinx', '-W', '--keep-going', '-q', '-b', 'html', '-c', str(root/'docs'),
                        str(src_dir), str(out_dir)])
    if r.returncode: sys.exit(f"sphinx-build failed (warnings are errors): exit {r.returncode}")
    shutil.rmtree(root/'jupyter_execute', ignore_errors=True)  # myst-nb's scratch folder (nothing is executed here)
    (out_dir/'.nojekyll').touch()  # GitHub Pages: serve _static/ and the like as they are

if __name__=='__main__': main()
