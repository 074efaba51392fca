"""lisette on the newest and the oldest LiteLLM it allows, side by side in one run, each beside the raw OpenAI SDK.

    python bench/versions.py              # .venv (newest LiteLLM) and .venv-oldest (oldest), 3 runs, ~5 minutes on 2 cores
    python bench/versions.py --quick      # tiny N, one run: checks that everything runs
    python bench/versions.py --only start # only the background-import rows

Every figure is the median of N timed calls against `bench/server.py` (lisette's emulator in a process of its own,
OpenAI's dialect), the four clients interleaved call by call so that drift hits them alike. Each venv is measured
in a child process of its own (`--measure`), the venvs alternating run by run; a row reports the run whose ratio is
the median of the runs, and the spread of that ratio over the runs.

Rows:
- plain call, tool round (a tool call, its result, the answer), a 200-chunk stream: the raw SDK, raw LiteLLM, and a
  lisette chat, in ms, with the ratios to the SDK;
- where a stream's time goes: the SDK's own parsing, what LiteLLM adds per chunk with its per-chunk logging and
  without (`litellm.disable_streaming_logging`), and lisette's own work (mostly building the complete response);
- first answer after `from lisette import *` when the first call comes 0, 1 or 3 s after the import, in a fresh
  interactive process (`python -i`, where the background import runs), beside raw LiteLLM (`import litellm`, then
  the call) and lisette in a plain script (no background import).
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path
from statistics import median

here = Path(__file__).resolve().parent
root = here.parent
model, words = 'gpt-4.1', 400  # 400 words: 200 chunks

def start_server(python=sys.executable):
    p = subprocess.Popen([python, str(here/'server.py')], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    url = p.stdout.readline().strip()
    if not url.startswith('http'): raise RuntimeError(f'bench server did not start: {url!r}')
    return p, url

# ------------------------------------------------------------------------------------------ one venv, one run

def measure(n):
    "Median ms of each client and row in this venv, as a dict"
    os.environ.setdefault('LITELLM_LOCAL_MODEL_COST_MAP', 'True')
    srv,url = start_server()
    os.environ.update(OPENAI_API_KEY='bench', OPENAI_BASE_URL=url+'/v1', OPENAI_API_BASE=url+'/v1')
    import importlib.metadata as md, openai, litellm
    from lisette import Chat, close_stream, cite_footnotes
    from lisette.streaming import _complete
    litellm.suppress_debug_info = True
    sdk = openai.OpenAI(base_url=url+'/v1', api_key='bench', max_retries=0)
    msgs = lambda p: [{'role':'user', 'content':p}]
    def add(a:int, b:int) -> int:
        "Add a and b"
        return a+b
    tool = {'type':'function', 'function':{'name':'add', 'description':'Add a and b', 'parameters':{'type':'object',
            'properties':{'a':{'type':'integer'}, 'b':{'type':'integer'}}, 'required':['a','b']}}}

    def sdk_plain(): sdk.chat.completions.create(model=model, messages=msgs('Hi'))
    def lite_plain(): litellm.completion(model='openai/'+model, messages=msgs('Hi'))
    def lis_plain(): Chat('openai/'+model)('Hi')
    def tool_round(create):
        "A tool round by hand: ask, run the tool the answer calls, send its result, get the answer"
        ms = msgs('bench:tools=1')
        r = create(ms)
        m = r.choices[0].message
        tc = m.tool_calls[0]
        ms = ms + [{'role':'assistant', 'content':None, 'tool_calls':[{'id':tc.id, 'type':'function', 'function':{'name':tc.function.name, 'arguments':tc.function.arguments}}]},
                   {'role':'tool', 'tool_call_id':tc.id, 'content':str(add(**json.loads(tc.function.arguments)))}]
        return create(ms)
    def sdk_tools(): tool_round(lambda ms: sdk.chat.completions.create(model=model, messages=ms, tools=[tool]))
    def lite_tools(): tool_round(lambda ms: litellm.completion(model='openai/'+model, messages=ms, tools=[tool]))
    def lis_tools(): Chat('openai/'+model, tools=[add])('bench:tools=1')
    sp = f'bench:words={words}'
    def sdk_stream():
        s = sdk.chat.completions.create(model=model, messages=msgs(sp), stream=True, stream_options={'include_usage':True})
        for _ in s: pass
        s.close()
    def lite_stream(quiet=False):
        litellm.disable_streaming_logging = quiet
        try:
            s = litellm.completion(model='openai/'+model, messages=msgs(sp), stream=True, stream_options={'include_usage':True})
            chunks = list(s)
            close_stream(s)
        finally: litellm.disable_streaming_logging = False
        return chunks
    def lite_quiet(): lite_stream(True)
    def lis_stream():
        for _ in Chat('openai/'+model)(sp, stream=True): pass
    chunks = lite_stream(True)
    def lis_build(): _complete(list(chunks), cite_footnotes)  # lisette's own work at a stream's end

    fs = dict(sdk_plain=sdk_plain, lite_plain=lite_plain, lis_plain=lis_plain, sdk_tools=sdk_tools, lite_tools=lite_tools,
              lis_tools=lis_tools, sdk_stream=sdk_stream, lite_stream=lite_stream, lite_quiet=lite_quiet, lis_stream=lis_stream,
              lis_build=lis_build)
    for f in fs.values(): f(); f()  # warm
    ts = {k:[] for k in fs}
    ks = list(fs)
    for i in range(n):
        for k in (ks if i%2 else ks[::-1]):
            t0 = time.perf_counter(); fs[k](); ts[k].append(time.perf_counter()-t0)
    srv.stdin.close()
    out = {k:median(v)*1e3 for k,v in ts.items()}
    out['versions'] = {p: md.version(p) for p in ('litellm', 'openai', 'httpx', 'fastcore')}
    out['chunks'] = len(chunks)
    return out

# --------------------------------------------------------------------------- the first answer after the import

def first_answer(python, star, delay, interactive, url):
    "Seconds from the import to the answer, and from the call to the answer, in a fresh process"
    imp = 'from lisette import *' if star else 'import litellm'
    call = "Chat('openai/gpt-4.1')('Hi')" if star else "litellm.completion(model='openai/gpt-4.1', messages=[{'role':'user', 'content':'Hi'}])"
    code = f'''import time
t0 = time.perf_counter()
{imp}
time.sleep({delay})
t1 = time.perf_counter()
{call}
t2 = time.perf_counter()
print('TIMES', t2-t0, t2-t1)
'''
    env = os.environ | dict(OPENAI_API_KEY='bench', OPENAI_BASE_URL=url+'/v1', OPENAI_API_BASE=url+'/v1', LITELLM_LOCAL_MODEL_COST_MAP='True')
    args = [python, '-i', '-c', code] if interactive else [python, '-c', code]
    r = subprocess.run(args, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
    line = next((l for l in r.stdout.splitlines() if 'TIMES' in l), None)
    if line is None: raise RuntimeError(r.stderr[-2000:])
    _,total,after = line.split()
    return float(total), float(after)

def startup_rows(python, runs):
    srv,url = start_server(python)
    kinds = {'lisette, interactive (background import)': (True, True), 'lisette, script': (True, False), 'raw LiteLLM': (False, False)}
    rows = []
    try:
        for d in (0, 1, 3):
            res = {k:[] for k in kinds}
            for _ in range(runs):
                for k,(star,inter) in kinds.items(): res[k].append(first_answer(python, star, d, inter, url))
            for k,v in res.items(): rows.append((d, k, median(t for t,_ in v), median(a for _,a in v)))
    finally: srv.stdin.close()
    return rows

# ----------------------------------------------------------------------------------------------------- driver

def table(results):
    "Markdown rows for the per-call results of each venv (each a list of runs)"
    out = ['| LiteLLM | row | raw SDK | raw LiteLLM | lisette | LiteLLM / SDK | lisette / SDK | lisette / LiteLLM (spread) |',
           '|---|---|---|---|---|---|---|---|']
    for name,runs in results.items():
        v = runs[0]['versions']['litellm']
        for row,(s,l,c) in dict(plain=('sdk_plain','lite_plain','lis_plain'), tools=('sdk_tools','lite_tools','lis_tools'),
                                stream=('sdk_stream','lite_stream','lis_stream')).items():
            ratios = sorted(r[c]/r[l] for r in runs)
            mid = min(runs, key=lambda r: abs(r[c]/r[l]-median(ratios)))
            label = {'plain':'plain call', 'tools':'tool round', 'stream':f'stream, {mid["chunks"]} chunks'}[row]
            out.append(f'| {v} | {label} | {mid[s]:.1f} ms | {mid[l]:.1f} ms | {mid[c]:.1f} ms | {mid[l]/mid[s]:.2f}x | {mid[c]/mid[s]:.2f}x | '
                       f'{mid[c]/mid[l]:.3f} ({ratios[0]:.3f}-{ratios[-1]:.3f}) |')
    out += ['', '| LiteLLM | where a stream goes | ms |', '|---|---|---|']
    for name,runs in results.items():
        r = min(runs, key=lambda r: r['lis_stream'])
        r = sorted(runs, key=lambda r: r['lis_stream'])[len(runs)//2]
        v = r['versions']['litellm']
        out += [f'| {v} | the SDK: HTTP and parsing | {r["sdk_stream"]:.1f} |',
                f'| {v} | LiteLLM\'s translation per chunk (raw LiteLLM, per-chunk logging off, less the SDK) | {r["lite_quiet"]-r["sdk_stream"]:.1f} |',
                f'| {v} | LiteLLM\'s per-chunk logging (raw LiteLLM with it, less without) | {r["lite_stream"]-r["lite_quiet"]:.1f} |',
                f'| {v} | lisette\'s chat stream, less raw LiteLLM without per-chunk logging | {r["lis_stream"]-r["lite_quiet"]:.1f} |',
                f'| {v} | of which lisette builds the complete response | {r["lis_build"]:.1f} |']
    return out

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--measure', type=int, help=argparse.SUPPRESS)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--n', type=int, default=30, help='timed calls per client and row')
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('--only', choices=['calls', 'start'])
    ap.add_argument('--json')
    a = ap.parse_args(argv)
    if a.measure: print('RESULT', json.dumps(measure(a.measure))); return
    if a.quick: a.runs,a.n = 1,3
    venvs = {k:root/k/'bin'/'python' for k in ('.venv', '.venv-oldest') if (root/k/'bin'/'python').exists()}
    lines,data = [],{}
    if a.only!='start':
        results = {k:[] for k in venvs}
        for i in range(a.runs):
            for k,py in (venvs.items() if i%2==0 else list(venvs.items())[::-1]):
                r = subprocess.run([str(py), __file__, '--measure', str(a.n)], capture_output=True, text=True, cwd=root, timeout=1800)
                line = next((l for l in r.stdout.splitlines() if l.startswith('RESULT ')), None)
                if line is None: raise RuntimeError(f'{k}: {r.stderr[-3000:]}')
                results[k].append(json.loads(line[7:]))
        lines += table(results); data['calls'] = results
    if a.only!='calls':
        py = venvs['.venv']
        rows = startup_rows(str(py), 1 if a.quick else a.runs)
        lines += ['', '| first call after the import | client | import to answer | call to answer |', '|---|---|---|---|']
        lines += [f'| {d} s | {k} | {t:.2f} s | {af:.2f} s |' for d,k,t,af in rows]
        data['start'] = rows
    print('\n'.join(lines))
    if a.json: Path(a.json).write_text(json.dumps(data, indent=1))

if __name__ == '__main__': main()
