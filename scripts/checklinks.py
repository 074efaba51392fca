"""Offline check of a built site (default `_site/`): every relative link, image, script and stylesheet of every page points
to a file that exists, and every `#anchor` to an id (or name) on the page it points to. External links are not fetched.
Prints each broken one and fails if there is any."""
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids,self.refs = set(),[]
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ('id', 'name' if tag=='a' else None):
            if k and a.get(k): self.ids.add(a[k])
        for k in ('href', 'src'):
            if a.get(k) and not (tag=='link' and a.get('rel') in ('preconnect', 'dns-prefetch')): self.refs.append((tag, a[k]))

def parse(p):
    pg = _Page(); pg.feed(p.read_text(errors='replace')); return pg

def broken(site):
    site = Path(site).resolve()
    pages = {p:parse(p) for p in site.rglob('*.html')}
    for p,pg in pages.items():
        for tag,ref in pg.refs:
            u = urlsplit(ref)
            if u.scheme or ref.startswith('//') or ref.startswith('data:'): continue
            target = (p.parent/unquote(u.path)).resolve() if u.path else p
            if u.path.endswith('/') or target.is_dir(): target = target/'index.html'
            if not target.is_relative_to(site) or not target.exists():
                yield f"{p.relative_to(site)}: <{tag}> {ref}: no such file"; continue
            if u.fragment and target.suffix=='.html':
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(u.fragment) not in ids: yield f"{p.relative_to(site)}: <{tag}> {ref}: no id {unquote(u.fragment)!r} on {target.relative_to(site)}"

if __name__=='__main__':
    site = sys.argv[1] if len(sys.argv)>1 else 'site'
    site = site if Path(site).exists() else Path(__file__).resolve().parent.parent/'_site'
    bad = list(broken(site))
    for b in bad: print('broken:', b)
    n = len(list(Path(site).rglob('*.html')))
    print(f"{n} pages checked: {len(bad)} broken internal link(s) or anchor(s)")
    sys.exit(1 if bad or not n else 0)
