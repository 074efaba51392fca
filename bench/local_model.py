"""Time to first token and tokens per second from the local model: `Chat(stream=True)` vs direct HTTP, side by side.

    python bench/local_model.py                # 12 runs of each, 128 tokens per answer
    python bench/local_model.py --runs 4 --threads 1

One server (`lisette.local`, in this process), one prompt, the same request body and `Connection: close` header
(as `local_model` sets) for every client. Each run
streams one answer; the three clients take turns (rotating order), so drift hits them alike. Figures are medians.

- direct:  httpx, reading the server-sent events itself (the floor: no LiteLLM, no lisette)
- litellm: `litellm.completion(stream=True)` with the arguments `Chat` sends (to show where the time goes)
- lisette: `Chat(stream=True)`, counting only `ModelResponseStream` chunks with text

Time to first token: from the call to the first chunk with text. Tokens per second: chunks with text after
the first, divided by the time from the first to the last of them (llama.cpp sends one token per chunk).
"""
import os
os.environ.setdefault('LITELLM_LOCAL_MODEL_COST_MAP', 'True')
import argparse, gc, json, platform, time
from importlib.metadata import version
from statistics import median
import httpx, litellm
from litellm.types.utils import ModelResponseStream
from lisette.chat import Chat
from lisette.local import local_server

prompt = 'Count from 1 to 200, separated by commas.'

def timed(chunks):
    "(seconds to the first text chunk, text chunks per second after it, number of text chunks) for an iterable of texts"
    t0 = time.perf_counter()
    ts = [time.perf_counter() for s in chunks if s]
    return ts[0]-t0, (len(ts)-1)/(ts[-1]-ts[0]), len(ts)

def direct(client, url, key, body):
    "Texts of the streamed answer to `body`, read straight from the server's events"
    with client.stream('POST', f'{url}/v1/chat/completions', json=body, headers={'Authorization': f'Bearer {key}', 'Connection': 'close'}) as r:
        for line in r.iter_lines():
            if not line.startswith('data: ') or line == 'data: [DONE]': continue
            for ch in json.loads(line[6:]).get('choices') or []: yield ch['delta'].get('content')

def via_litellm(kw, n):
    for o in litellm.completion(**kw, messages=[{'role':'user','content':prompt}], temperature=0, max_tokens=n,
                                stream=True, stream_options={'include_usage': True}, max_retries=0):
        if o.choices: yield o.choices[0].delta.content

def via_chat(kw, n):
    for o in Chat(**kw)(prompt, stream=True, max_tokens=n):
        if isinstance(o, ModelResponseStream) and o.choices: yield o.choices[0].delta.content

def main(runs=12, tokens=128, threads=None):
    t0 = time.perf_counter()
    srv = local_server(threads=threads)
    start = time.perf_counter()-t0
    kw = srv.kw
    body = dict(model=srv.alias, messages=[{'role':'user','content':prompt}], temperature=0, max_tokens=tokens,
                stream=True, stream_options={'include_usage': True})
    client = httpx.Client(timeout=60)
    clients = dict(direct=lambda: direct(client, srv.url, srv.key, body), litellm=lambda: via_litellm(kw, tokens),
                   lisette=lambda: via_chat(kw, tokens))
    for f in clients.values(): timed(f()); timed(f())  # warm up: imports, connections, the server's prompt cache
    gc.collect(); gc.freeze()
    res = {k: [] for k in clients}
    names = list(clients)
    for i in range(runs):
        for k in names[i%3:]+names[:i%3]: res[k].append(timed(clients[k]()))
    ttft = {k: median(r[0] for r in v)*1e3 for k,v in res.items()}
    tps = {k: median(r[1] for r in v) for k,v in res.items()}
    n = {k: median(r[2] for r in v) for k,v in res.items()}
    print(f'{srv.model}, {srv.threads} threads, {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, '
          f'litellm {version("litellm")}, xllamacpp {version("xllamacpp")}')
    print(f'server ready in {srv.start_time:.2f} s (local_server call {start:.2f} s); {runs} runs of {tokens} tokens each, medians\n')
    print('| client | first token (ms) | tokens/s | text chunks | first-token overhead vs direct | throughput vs direct |')
    print('|---|---|---|---|---|---|')
    for k in clients:
        print(f'| {k} | {ttft[k]:.1f} | {tps[k]:.1f} | {n[k]:.0f} | {ttft[k]-ttft["direct"]:+.1f} ms | {tps[k]/tps["direct"]:.3f} |')
    ok_tps,ok_ttft = tps['lisette']/tps['direct'] >= 0.95, ttft['lisette']-ttft['direct'] < 5
    print(f'\ntargets: throughput ratio >= 0.95: {"met" if ok_tps else "NOT met"}; '
          f'first-token overhead < 5 ms: {"met" if ok_ttft else "NOT met"} '
          f'(of which LiteLLM {ttft["litellm"]-ttft["direct"]:+.1f} ms, lisette itself {ttft["lisette"]-ttft["litellm"]:+.1f} ms)')

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--runs', type=int, default=12)
    p.add_argument('--tokens', type=int, default=128)
    p.add_argument('--threads', type=int, default=None)
    main(**vars(p.parse_args()))
