"""Where the client's CPU goes under concurrency: cProfile over N concurrent `AsyncChat` calls, and over N concurrent
`litellm.acompletion` calls sent the same arguments (Anthropic format, against `bench/server.py`), grouped by whose code
it is (lisette, LiteLLM, the HTTP stack, asyncio, pydantic, ...), per call.

    python bench/profile_async.py              # N=500, 3 rounds each, interleaved
    python bench/profile_async.py --n 100 --top 30
"""
import os
os.environ.setdefault('LITELLM_LOCAL_MODEL_COST_MAP', 'True')
import argparse, asyncio, cProfile, pstats, sys, time
from collections import defaultdict
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # the benchmark's harness: server, `Via`, `settle`

groups = [('lisette', '/lisette/'), ('litellm', '/litellm/'), ('http', ('/httpx/', '/httpcore/', '/aiohttp/', '/h11/', '/anyio/', '/yarl/', '/multidict/')),
          ('asyncio', ('/asyncio/', 'selectors', 'socket')), ('pydantic', '/pydantic'), ('openai/anthropic sdk', ('/openai/', '/anthropic/'))]

def group(fn):
    "Whose code the file `fn` is"
    for g,pats in groups:
        if any(p in fn for p in ((pats,) if isinstance(pats, str) else pats)): return g
    return 'builtins' if fn=='~' else 'other'

def by_group(st, n):
    "Own CPU (tottime) per call, in ms, by group"
    res = defaultdict(float)
    for (fn,_,_),(_,_,tt,_,_) in st.stats.items(): res[group(fn)] += tt
    return {g:v/n*1e3 for g,v in res.items()}

async def _main(n, rounds):
    import litellm
    from lisette import AsyncChat
    run.litellm = litellm  # the harness's `Via` calls the module it was given in `run.main`
    model,via = run.models['anthropic'],run.Via()
    await AsyncChat(model, router=via)(run.prompt)
    kw = via.kw
    sides = dict(lisette=lambda: asyncio.gather(*(AsyncChat(model)(run.prompt) for _ in range(n))),
                 raw=lambda: asyncio.gather(*(litellm.acompletion(**kw) for _ in range(n))))
    for f in sides.values(): await f(); await run.settle()  # warm up
    profs,cpu = {k:cProfile.Profile() for k in sides},defaultdict(float)
    for i in range(rounds):
        for k in (['lisette','raw'] if i%2 else ['raw','lisette']):
            await run.settle()
            c0 = time.process_time()
            profs[k].enable()
            await sides[k]()
            await run.settle()  # LiteLLM's logging of these calls runs after them: count it too
            profs[k].disable()
            cpu[k] += time.process_time()-c0
    return {k:pstats.Stats(p) for k,p in profs.items()},{k:v/(n*rounds)*1e3 for k,v in cpu.items()}

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=500, help='concurrent calls')
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--top', type=int, default=20, help='functions to list')
    args = ap.parse_args(argv)
    srv = run.start_server()
    try: st,cpu = asyncio.run(_main(args.n, args.rounds))
    finally: srv.stdin.close(); srv.wait(5)
    calls = args.n*args.rounds
    print(f'N={args.n}, {args.rounds} rounds each; CPU per call (profiled, so inflated): lisette {cpu["lisette"]:.3f} ms, raw {cpu["raw"]:.3f} ms\n')
    gl,gr = by_group(st['lisette'], calls),by_group(st['raw'], calls)
    print('| code | lisette ms/call | raw ms/call | difference |\n|---|---|---|---|')
    for g in sorted(set(gl)|set(gr), key=lambda g: -(gl.get(g, 0)-gr.get(g, 0))):
        print(f'| {g} | {gl.get(g, 0):.3f} | {gr.get(g, 0):.3f} | {gl.get(g, 0)-gr.get(g, 0):+.3f} |')
    # the functions whose own time grew most, lisette's side against raw's
    own = lambda s: {k:v[2]/calls*1e3 for k,v in s.stats.items()}
    ol,orw = own(st['lisette']),own(st['raw'])
    diff = sorted(((ol.get(k, 0)-orw.get(k, 0), k) for k in set(ol)|set(orw)), reverse=True)[:args.top]
    print('\nfunctions whose own time per call grew most (ms/call, lisette minus raw):')
    for d,(fn,ln,name) in diff: print(f'{d:+.4f}  {name}  ({fn.split("site-packages/")[-1]}:{ln})')
    print('\nlisette\'s own functions, by cumulative time per call (ms/call; own time in brackets):')
    mine = sorted(((v[3], v[2], k) for k,v in st['lisette'].stats.items() if group(k[0])=='lisette'), reverse=True)[:args.top]
    for ct,tt,(fn,ln,name) in mine: print(f'{ct/calls*1e3:8.4f} ({tt/calls*1e3:.4f})  {name}  ({fn.split("/lisette/")[-1]}:{ln})')

if __name__ == '__main__': main()
