"""Benchmark lisette against raw LiteLLM, side by side, on the offline emulator (127.0.0.1).

    python bench/run.py            # full run (2-3 minutes on 2 cores); prints the results table
    python bench/run.py --quick    # tiny N: checks that every benchmark runs (about ten seconds)
    python bench/run.py --only 1,3 --json out.json

Each figure is a median over repeated runs, lisette and raw LiteLLM interleaved (ABBA) so that drift hits both alike.
The raw side replays the very arguments lisette sent (recorded through a chat's `router`), so both make the same
request. The emulator runs in a process of its own (`bench/server.py`), as a real provider would.
"""
import os
os.environ.setdefault('LITELLM_LOCAL_MODEL_COST_MAP', 'True')
import argparse, asyncio, gc, json, platform, subprocess, sys, time, warnings
from pathlib import Path
from statistics import median

here = Path(__file__).resolve().parent
models = dict(anthropic='claude-sonnet-4-20250514', openai='openai/gpt-4.1', gemini='gemini/gemini-2.5-flash')
columns = ['#', 'benchmark', 'lisette', 'raw', 'ratio', 'overhead', 'target', 'met']

# ---------------------------------------------------------------------------------------------------- harness

def start_server():
    "Start `bench/server.py`; point LiteLLM at it; return the process"
    p = subprocess.Popen([sys.executable, str(here/'server.py')], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    url = p.stdout.readline().strip()
    if not url.startswith('http'): raise RuntimeError(f'bench server did not start: {url!r}')
    os.environ.update(ANTHROPIC_API_BASE=url, OPENAI_API_BASE=url+'/v1', OPENAI_BASE_URL=url+'/v1', GEMINI_API_BASE=url+'/v1beta',
                      ANTHROPIC_API_KEY='bench', OPENAI_API_KEY='bench', GEMINI_API_KEY='bench')
    return p

def cpu_s(pid):
    "CPU seconds used so far by process `pid` (Linux), or None"
    try: f = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    except OSError: return None
    return (int(f[11])+int(f[12])) / os.sysconf('SC_CLK_TCK')

def quiet():
    "Collect garbage and freeze what survives, so the harness's own heap does not add GC pauses to the figures"
    gc.collect(); gc.freeze()

class Med(float):
    "A median of wall seconds, carrying the median of CPU seconds of this process as `cpu`"
    def __new__(cls, ts): o = super().__new__(cls, median(w for w,_ in ts)); o.cpu = median(c for _,c in ts); return o

def paired(fa, fb, n, warm=2):
    "Medians (`Med`) of `fa()` and of `fb()` over `n` interleaved runs each (after `warm` unmeasured runs)"
    for _ in range(warm): fa(); fb()
    quiet()
    ta,tb = [],[]
    for i in range(n):
        for f,ts in ([(fa,ta),(fb,tb)] if i%2 else [(fb,tb),(fa,ta)]):
            t0,c0 = time.perf_counter(),time.process_time()
            f()
            ts.append((time.perf_counter()-t0, time.process_time()-c0))
    return Med(ta),Med(tb)

def _logging_busy(me):
    "True while LiteLLM still has logging of earlier calls queued or running (besides its long-lived worker loop)"
    from litellm.litellm_core_utils import logging_worker
    q = getattr(getattr(logging_worker, 'GLOBAL_LOGGING_WORKER', None), '_queue', None)
    if q is not None and q.qsize(): return True
    return any(t is not me and not t.get_coro().__qualname__.endswith('_worker_loop') for t in asyncio.all_tasks())

async def settle(limit=3):
    "Wait (up to `limit` s) until LiteLLM's logging of earlier calls has drained"
    t0,me = time.perf_counter(),asyncio.current_task()
    while _logging_busy(me) and time.perf_counter()-t0 < limit: await asyncio.sleep(0.005)
    await asyncio.sleep(0.01)

async def apaired(fa, fb, n, warm=1):
    "`paired` for coroutine functions, returning medians of (wall, client CPU) seconds for each"
    for _ in range(warm): await fa(); await settle(); await fb(); await settle()
    quiet()
    ta,tb = [],[]
    for i in range(n):
        for f,ts in ([(fa,ta),(fb,tb)] if i%2 else [(fb,tb),(fa,ta)]):
            await settle()
            t0,c0 = time.perf_counter(),time.process_time()
            await f()
            ts.append((time.perf_counter()-t0, time.process_time()-c0))
    med = lambda ts: (median(t for t,_ in ts), median(c for _,c in ts))
    return med(ta),med(tb)

class Via:
    "Stands in for the `litellm` module as a chat's `router`: records each request's arguments and the time spent in LiteLLM"
    def __init__(self): self.kw,self.took,self.spent = None,0.,0.
    def _timed(self, t0):
        self.took = time.perf_counter()-t0
        self.spent += self.took
    def completion(self, **kw):
        self.kw,t0 = kw,time.perf_counter()
        try: res = litellm.completion(**kw)
        finally: self._timed(t0)
        return self._first_timed(res) if kw.get('stream') else res
    def _first_timed(self, stream):
        "`stream`, adding the time LiteLLM takes to produce its first chunk to `took` and `spent`"
        it,t0 = iter(stream),time.perf_counter()
        first = next(it, None)
        self._timed(t0)
        if first is not None: yield first
        yield from it
    async def acompletion(self, **kw):
        self.kw = kw
        return await litellm.acompletion(**kw)

def sent(call):
    "The arguments of the last request made by `call(router)`"
    via = Via()
    res = call(via)
    if hasattr(res, '__next__'): list(res)  # a stream: run it to the end
    return via.kw

ms = lambda s: f'{s*1e3:.2f} ms'
rows = []
def row(n, bench, lisette, raw, ratio=None, overhead=None, target='', met=None):
    r = dict(zip(columns, [n, bench, lisette, raw, '' if ratio is None else f'{ratio:.3f}', overhead or '', target,
                           '' if met is None else ('yes' if met else 'NO')]))
    rows.append(r)
    print(' | '.join(str(r[c]) for c in columns), flush=True)

# ---------------------------------------------------------------------------------------------------- the benchmarks

prompt = 'Hello there'

def add(a:int, # first number
        b:int=0 # second number
       ) -> int:
    "Add two numbers"
    return a + b

async def nap(i:int # which nap
             ) -> int:
    "Sleep 0.1 s, then return `i`"
    await asyncio.sleep(0.1)
    return i

def bench_call(q):
    "1. `Chat(model)(msg)` vs `litellm.completion` with the same arguments, per provider format"
    for prov,model in models.items():
        via,own = Via(),[]
        kw = sent(lambda r: Chat(model, router=r)(prompt))
        def lis():
            t0 = time.perf_counter(); Chat(model, router=via)(prompt); own.append(time.perf_counter()-t0-via.took)
        a,b = paired(lis, lambda: via.completion(**kw), q(200, 5))
        r = a/b
        row(1, f'call, {prov}', ms(a), ms(b), r, f'{(a-b)*1e3:+.3f} ms (own code {median(own)*1e3:.3f} ms); CPU ratio {a.cpu/b.cpu:.3f}', '≤ 1.05', r<=1.05)

def bench_stream(q):
    "2. Streaming: time to first chunk and in total, `Chat(stream=True)` vs `litellm.completion(stream=True)`"
    sprompt = 'bench:words=60'  # 30 chunks of text
    for prov,model in models.items():
        kw,first = sent(lambda r: Chat(model, router=r)(sprompt, stream=True)),dict(a=[], b=[])
        def consume(start, k):
            t0,t1 = time.perf_counter(),None
            for o in start():
                if t1 is None and isinstance(o, ModelResponseStream): t1 = time.perf_counter()
            first[k].append(t1-t0)
        lis = lambda: consume(lambda: Chat(model)(sprompt, stream=True), 'a')
        raw = lambda: consume(lambda: litellm.completion(**kw), 'b')
        a,b = paired(lis, raw, q(50, 3))
        fa,fb = median(first['a'][2:]),median(first['b'][2:])  # [2:]: not the warm-up runs
        via,own = Via(),[]
        for _ in range(q(30, 2)):  # lisette's own code before the first chunk: time to it, less LiteLLM's time to it
            via.spent = 0.
            t0,g = time.perf_counter(),Chat(model, router=via)(sprompt, stream=True)
            next(o for o in g if isinstance(o, ModelResponseStream))
            own.append(time.perf_counter()-t0-via.spent)
            for o in g: pass
        o = median(own)
        row(2, f'stream first chunk, {prov}', ms(fa), ms(fb), fa/fb, f'own code {o*1e3:.3f} ms; side by side {(fa-fb)*1e3:+.3f} ms',
            'overhead < 2 ms', o < 2e-3)
        row(2, f'stream total, {prov}', ms(a), ms(b), a/b, f'{(a-b)*1e3:+.3f} ms', '(reported)')

def hand_loop(msgs, kw, llm=None):
    "The requests of a tool loop, issued by hand: call, run the tools, append, repeat until the model answers"
    while True:
        res = (llm or litellm).completion(messages=msgs, **kw)
        m = res.choices[0].message
        msgs.append(m)
        if not m.tool_calls: return res
        for tc in m.tool_calls:
            out = add(**json.loads(tc.function.arguments))
            msgs.append({'tool_call_id':tc.id, 'role':'tool', 'name':tc.function.name, 'content':str(out)})

def bench_toolloop(q):
    "3. A 5-step tool loop (5 tool rounds and the answer: 6 requests) through `Chat` vs the same requests by hand"
    tprompt = 'bench:tools=5 Count up with the tool.'
    for prov,model in models.items():
        c = Chat(model, tools=[add], max_steps=6)
        res = c(tprompt)
        assert len(c.h)==6 and res.choices[0].message.content=='Done after 5 tool rounds.', (len(c.h), res)
        kw = {k:v for k,v in sent(lambda r: Chat(model, tools=[add], max_steps=6, router=r)(tprompt)).items() if k!='messages'}
        msgs = [{'role':'user', 'content':tprompt}]
        assert hand_loop(msgs, kw).choices[0].message.content==res.choices[0].message.content and len(msgs)==len(c.hist)
        via,own = Via(),[]
        def lis():
            via.spent,t0 = 0.,time.perf_counter()
            Chat(model, tools=[add], max_steps=6, router=via)(tprompt)
            own.append(time.perf_counter()-t0-via.spent)
        a,b = paired(lis, lambda: hand_loop([{'role':'user', 'content':tprompt}], kw, via), q(30, 2), warm=1)
        row(3, f'tool loop 5 rounds, {prov}', ms(a), ms(b), a/b,
            f'{(a-b)*1e3:+.2f} ms (own code {median(own)*1e3:.2f} ms); CPU ratio {a.cpu/b.cpu:.3f}', '≤ 1.05', a/b<=1.05)

def bench_concurrency(q, srv):
    "4. N concurrent `AsyncChat` conversations vs N concurrent `acompletion` calls (Anthropic format)"
    model,kw = models['anthropic'],None
    async def lis(n): await asyncio.gather(*(AsyncChat(model)(prompt) for _ in range(n)))
    async def raw(n): await asyncio.gather(*(litellm.acompletion(**kw) for _ in range(n)))
    async def main():
        nonlocal kw
        via,over = Via(),{}
        await AsyncChat(model, router=via)(prompt)
        kw = via.kw
        for n,reps in q(((1,30), (10,20), (100,15), (500,7)), ((1,2), (10,2))):
            e0,t0 = cpu_s(srv.pid),time.perf_counter()
            (a,ca),(b,cb) = await apaired(lambda: lis(n), lambda: raw(n), reps)
            emu = (cpu_s(srv.pid)-e0)/(time.perf_counter()-t0) if e0 is not None else float('nan')
            r,over[n] = b/a,(ca-cb)/n  # throughput ratio: (n/a)/(n/b)
            row(4, f'concurrency N={n}', f'{n/a:.0f} calls/s', f'{n/b:.0f} calls/s', r,
                f'{(a-b)/n*1e3:+.3f} ms/call wall, {(ca-cb)/n*1e3:+.3f} ms/call CPU (raw {cb/n*1e3:.2f}); emulator CPU {emu:.0%}',
                'throughput ≥ 0.95', r>=0.95)
        row(4, 'concurrency: lisette CPU per call vs N', '', '', None, ', '.join(f'N={n}: {o*1e3:+.3f} ms' for n,o in over.items()),
            'no growth (each ≤ 0.25 ms)', all(o<=0.25e-3 for o in over.values()))
    asyncio.run(main())

def bench_tools_parallel(q):
    "5. One round of 8 async tool calls each sleeping 100 ms, timed from the response asking for them to the last result"
    async def lis():
        t = {}
        async for o in await AsyncChat(models['openai'], tools=[nap])('bench:par=8', return_all=True):
            if isinstance(o, ModelResponse) and o.choices[0].message.tool_calls: t['ask'] = time.perf_counter()
            elif isinstance(o, dict): t['done'] = time.perf_counter()
        return t['done']-t['ask']
    async def main():
        ts,bs = [],[]
        for _ in range(q(7, 2)):
            ts.append(await lis())
            t0 = time.perf_counter(); await asyncio.gather(*(nap(i) for i in range(8))); bs.append(time.perf_counter()-t0)
        return median(ts),median(bs)
    a,b = asyncio.run(main())
    row(5, '8 parallel async tools (100 ms each), tool round', ms(a), f'{ms(b)} (bare gather)', a/b, f'{(a-b)*1e3:+.2f} ms', '< 150 ms', a<0.150)

def mk_hist(n):
    "A stored history of `n` messages (n a multiple of 10): one tool round and three plain exchanges per 10"
    h = []
    for i in range(n//10):
        tc = dict(id=f'toolu_h{i:05d}', type='function', function=dict(name='add', arguments=json.dumps(dict(a=i, b=1))))
        h += [dict(role='user', content=f'Question {i}: what is {i}+1? Use the tool.'),
              Message(role='assistant', content='Let me add.', tool_calls=[tc]),
              dict(tool_call_id=tc['id'], role='tool', name='add', content=str(i+1)),
              Message(role='assistant', content=f'{i}+1 = {i+1}.')]
        for j in range(3): h += [dict(role='user', content=f'Remark {i}.{j}: tell me something short.'),
                                 Message(role='assistant', content=f'Something short, number {i}.{j}, as asked.')]
    return h

def bench_history(q):
    "6. A call on a chat with n messages of history: lisette's own code, and the whole call vs raw LiteLLM"
    model,hprompt = models['anthropic'],'And one more question.'
    canned = litellm.completion(model=model, messages=[{'role':'user', 'content':prompt}], temperature=0, max_retries=0)
    class Canned:  # a router answering at once: what remains of a call is lisette's own work
        def completion(self, **kw): Canned.kw = kw; return canned
    per = {}
    for n,reps,ereps in q(((10,300,40), (100,300,30), (1000,60,16), (5000,15,8)), ((10,5,2), (100,5,2))):
        base = mk_hist(n)
        stub,own = Chat(model, tools=[add], router=Canned()),[]
        quiet()
        for i in range(reps+2):  # CPU time of this thread: lisette's own work, whatever else runs on the machine
            stub.hist,stub.h = list(base),[]
            t0 = time.thread_time(); stub(hprompt); own.append(time.thread_time()-t0)
        o = median(own[2:]); per[n] = o/n
        c = Chat(model, tools=[add])
        def lis(): c.hist,c.h = list(base),[]; c(hprompt)
        raw_kw = dict(Canned.kw)  # the request lisette made, sent as is
        a,b = paired(lis, lambda: litellm.completion(**raw_kw), ereps, warm=1)
        lin = per[n] <= 1.5*min(per.values())  # the cost per message does not grow with n
        ok = lin and (n!=1000 or o<5e-3)
        row(6, f'history n={n}, own code / whole call', f'{ms(o)} / {ms(a)}', ms(b), a/b,
            f'own {o/n*1e6:.2f} µs/message', '< 5 ms at 1000, linear' if n==1000 else 'linear', ok)

_imports = dict(litellm="import litellm; print({took}, 0)",  # lisette: its whole import, and the part after LiteLLM's
                lisette="import litellm; c1=time.process_time(); import lisette; print({took}, time.process_time()-c1)")

def spawn_import(k):
    "A fresh process timing the import of `k` ('lisette' or 'litellm'), wall and CPU"
    code = "import time; w,c = time.perf_counter(),time.process_time(); " + _imports[k].format(took="time.perf_counter()-w, time.process_time()-c")
    return subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, text=True, cwd=here.parent,
                            env=os.environ | dict(LITELLM_LOCAL_MODEL_COST_MAP='True'))

def import_times(p):
    out = p.communicate()[0].split()
    if p.returncode: raise RuntimeError(f'import failed: {p.args}')
    return [float(o) for o in out]

early = {}  # quick runs start their import processes first, alongside everything else

def bench_import(q):
    """7. `import lisette` vs `import litellm` in fresh processes (LITELLM_LOCAL_MODEL_COST_MAP=True), in CPU seconds.
    Each lisette process times its `import litellm` and then `import lisette`: the ratio pairs the two within one process,
    which cancels the few per cent by which processes differ; LiteLLM-only processes are the cross-check."""
    res = dict(lisette=[], litellm=[])
    if early: res['lisette'] = [import_times(early['lisette'])]  # quick: one process, started first
    else:
        for i in range(q(7, 1)):
            for k in (['lisette','litellm'] if i%2 else ['litellm','lisette']): res[k].append(import_times(spawn_import(k)))
    c,x = [median(o[j] for o in res['lisette']) for j in (1,2)]
    alone = f'LiteLLM-only processes: {median(o[1] for o in res["litellm"]):.2f} s CPU, {median(o[0] for o in res["litellm"]):.2f} s wall' \
            if res['litellm'] else 'no LiteLLM-only process (quick)'
    row(7, 'import (fresh process, CPU)', f'{c:.2f} s', f'{c-x:.2f} s', c/(c-x), f'{x*1e3:+.0f} ms importing lisette after LiteLLM; {alone}',
        '≤ 1.05', c/(c-x)<=1.05)

benches = [bench_call, bench_stream, bench_toolloop, bench_concurrency, bench_tools_parallel, bench_history, bench_import]

# ---------------------------------------------------------------------------------------------------- main

def meta():
    cpu = platform.processor()
    if Path('/proc/cpuinfo').exists():
        cpu = next((l.split(':',1)[1].strip() for l in Path('/proc/cpuinfo').read_text().splitlines() if l.startswith('model name')), cpu)
    from importlib.metadata import version
    return dict(date=time.strftime('%Y-%m-%d'), machine=f'{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}',
                python=platform.python_version(), lisette=version('lisette'), litellm=version('litellm'),
                fastcore=version('fastcore'), httpx=version('httpx'), aiohttp=version('aiohttp'),
                load=' '.join(f'{o:.1f}' for o in os.getloadavg()))

def md_table(rows):
    "The results as a markdown table"
    esc = lambda s: str(s).replace('|', '\\|')
    return '\n'.join(['| ' + ' | '.join(columns) + ' |', '|' + '---|'*len(columns)] +
                     ['| ' + ' | '.join(esc(r[c]) for c in columns) + ' |' for r in rows])

def main(argv=None):
    global litellm, Chat, AsyncChat, ModelResponse, ModelResponseStream, Message
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quick', action='store_true', help='tiny N: a smoke run')
    ap.add_argument('--only', default='1,2,3,4,5,6,7', help='comma-separated benchmark numbers')
    ap.add_argument('--json', help='also write the results as JSON to this file')
    args = ap.parse_args(argv)
    q = lambda full, quick: quick if args.quick else full
    only = {int(o) for o in args.only.split(',')}
    # LiteLLM 1.106 warns from its logging thread when it serialises its own Gemini responses (tool calls kept as dicts)
    warnings.filterwarnings('ignore', message='Pydantic serializer warnings')
    if args.quick and 7 in only: early['lisette'] = spawn_import('lisette')
    srv = start_server()
    try:
        import litellm
        from litellm.types.utils import ModelResponse, ModelResponseStream, Message
        from lisette import Chat, AsyncChat
        m = meta()
        for k,v in m.items(): print(f'{k}: {v}')
        print(' | '.join(columns), flush=True)
        t0 = time.perf_counter()
        for i,f in enumerate(benches, 1):
            if i in only: f(q, srv) if f is bench_concurrency else f(q)
        m['seconds'],m['load after'] = round(time.perf_counter()-t0, 1),' '.join(f'{o:.1f}' for o in os.getloadavg())
    finally:
        srv.stdin.close(); srv.wait(5)
    print(f"\n({m['seconds']} s; load average before {m['load']}, after {m['load after']}{'; quick run: figures not meaningful' if args.quick else ''})\n")
    print(md_table(rows))
    if args.json: Path(args.json).write_text(json.dumps(dict(meta=m, quick=args.quick, rows=rows), indent=1, ensure_ascii=False))
    return rows

if __name__ == '__main__': main()
