"""Open the built site (`_site/`) in a real browser: headless Chromium from the distribution's packages, driven over the
DevTools protocol, the pages served from a local HTTP server. Fails if a page is blank, logs a console error (or an
uncaught exception, or a resource that fails to load), or lacks its API entries: the index must show its text, the
pages of `lisette.chat` and `lisette.tools` an entry (with a signature) for every public name their module defines."""
import http.server, importlib, json, shutil, socketserver, subprocess, sys, tempfile, threading, time
from functools import partial
from pathlib import Path
from websockets.sync.client import connect

root = Path(__file__).resolve().parent.parent
site = root/'_site'
flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--remote-debugging-port=0']

def api_names(mod):
    "The public functions and classes the module `lisette.<mod>` defines itself (not those it re-exports; data has no API entry)"
    m = importlib.import_module(f'lisette.{mod}')
    return [n for n in m.__all__ if callable(o := getattr(m, n)) and getattr(o, '__module__', None)==m.__name__]

# page, API names it must show, a phrase its text must contain
checks = [('index.html', [], 'lisette'), ('chat.html', api_names('chat'), 'tool loop'), ('tools.html', api_names('tools'), 'tool')]

class _CDP:
    "A minimal DevTools client: send a command and wait for its result, keeping the events that arrive meanwhile"
    def __init__(self, url): self.ws,self.n,self.events = connect(url, max_size=None, open_timeout=30),0,[]
    def __call__(self, method, session=None, **params):
        self.n += 1
        msg = dict(id=self.n, method=method, params=params) | ({'sessionId':session} if session else {})
        self.ws.send(json.dumps(msg))
        while True:
            r = json.loads(self.ws.recv(timeout=60))
            if r.get('id')==self.n:
                if 'error' in r: raise RuntimeError(f"{method}: {r['error']}")
                return r.get('result', {})
            self.events.append(r)
    def wait(self, method, session, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            for e in self.events:
                if e.get('method')==method and e.get('sessionId')==session: return e
            try: self.events.append(json.loads(self.ws.recv(timeout=max(0.1, end-time.time()))))
            except TimeoutError: break
        raise TimeoutError(f"no {method} within {timeout} s")

def serve():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    h = partial(Quiet, directory=str(site))
    srv = socketserver.ThreadingTCPServer(('127.0.0.1', 0), h)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv

def browser():
    exe = shutil.which('chromium') or shutil.which('chromium-browser')
    if not exe: sys.exit("chromium not found: install it (apt-get install chromium)")
    prof = tempfile.mkdtemp(prefix='lisette-chromium-')
    p = subprocess.Popen([exe, *flags, f'--user-data-dir={prof}', 'about:blank'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = Path(prof)/'DevToolsActivePort'
    for _ in range(600):
        if port_file.exists() and len(port_file.read_text().split())>=2: break
        if p.poll() is not None: sys.exit(f"chromium exited with {p.returncode}")
        time.sleep(0.1)
    port,path = port_file.read_text().split()[:2]
    return p, prof, f'ws://127.0.0.1:{port}{path}'

_probe = """(() => {
  const names = %s, text = document.body ? document.body.innerText.trim() : '';
  const heads = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')];
  const missing = names.filter(n => {
    const h = heads.find(h => h.textContent.replace('\u00b6', '').trim().split(' ')[0] === n);
    return !(h && document.getElementById(n.toLowerCase()) && h.parentElement.querySelector('pre'));
  });
  return {chars: text.length, title: document.title, missing, text: text.slice(0, 20000)};
})()"""

def check_page(cdp, base, page, names, phrase):
    t = cdp('Target.createTarget', url='about:blank')['targetId']
    s = cdp('Target.attachToTarget', targetId=t, flatten=True)['sessionId']
    for d in ('Page', 'Runtime', 'Log'): cdp(f'{d}.enable', s)
    cdp.events.clear()
    cdp('Page.navigate', s, url=f'{base}/{page}')
    cdp.wait('Page.loadEventFired', s)
    time.sleep(1)  # late console messages, if any
    r = cdp('Runtime.evaluate', s, expression=_probe % json.dumps(names), returnByValue=True)['result']['value']
    cdp('Runtime.evaluate', s, expression='1')  # collect the events that came meanwhile
    errs = []
    for e in cdp.events:
        if e.get('sessionId')!=s: continue
        m,p = e.get('method'),e.get('params', {})
        if m=='Runtime.consoleAPICalled' and p.get('type') in ('error', 'assert'):
            errs.append('console.error: ' + ' '.join(str(a.get('value', a.get('description', ''))) for a in p.get('args', [])))
        elif m=='Runtime.exceptionThrown': errs.append('exception: ' + p['exceptionDetails'].get('text', '') + ' ' + str(p['exceptionDetails'].get('exception', {}).get('description', '')))
        elif m=='Log.entryAdded' and p['entry'].get('level')=='error': errs.append(f"log: {p['entry'].get('text')} {p['entry'].get('url', '')}")
    cdp('Target.closeTarget', targetId=t)
    problems = errs + ([f"blank page ({r['chars']} characters of text)"] if r['chars']<200 else [])
    problems += [f"no API entry for {n}" for n in r['missing']]
    if phrase.lower() not in r['text'].lower(): problems.append(f"the text does not mention {phrase!r}")
    return r, problems

def main():
    if not (site/'index.html').exists(): sys.exit("no _site/index.html: build the site first (scripts/docs.sh)")
    srv = serve()
    base = f'http://127.0.0.1:{srv.server_address[1]}'
    p, prof, ws = browser()
    failed = 0
    try:
        cdp = _CDP(ws)
        for page,names,phrase in checks:
            r,problems = check_page(cdp, base, page, names, phrase)
            failed += bool(problems)
            print(f"{page}: {'ok' if not problems else 'FAILED'} ({r['title']!r}, {r['chars']} characters, {len(names)} API entries checked)")
            for x in problems: print('   ', x)
    finally:
        p.terminate()
        try: p.wait(10)
        except subprocess.TimeoutExpired: p.kill()
        shutil.rmtree(prof, ignore_errors=True); srv.shutdown()
    print(f"{len(checks)-failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

if __name__=='__main__': main()
