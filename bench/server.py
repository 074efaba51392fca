"""The benchmark's provider: lisette's offline emulator in a process of its own, answering by rule instead of by script.

Run by `bench/run.py`; prints its base URL on stdout and serves until stdin closes. The prompt (the last message
holding `bench:`) picks the answer:

- `bench:tools=K` -> a call of the tool `add` for each of the first K model turns after the prompt, then text
- `bench:par=K`   -> K calls of the tool `nap` at once, then text
- `bench:words=K` -> a text of K words (streamed as K/2 chunks)
- anything else   -> a short fixed text
"""
import re, sys, threading
from lisette.testing import Emulator, Reply, ToolCall

reply_text = 'Hello! This is the benchmark reply, the same for lisette and for raw LiteLLM.'

def _texts(o):
    "All text strings in a provider-native message (Anthropic, OpenAI or Gemini)"
    if isinstance(o, str): return [o]
    if isinstance(o, list): return [t for x in o for t in _texts(x)]
    if isinstance(o, dict):
        if isinstance(o.get('text'), str): return [o['text']]
        return _texts(o.get('parts', o.get('content')))
    return []

def answer(msgs):
    "The `Reply` to the provider-native message list `msgs`"
    i = next((i for i in range(len(msgs)-1, -1, -1) if 'bench:' in ' '.join(_texts(msgs[i]))), None)
    if i is None: return Reply(reply_text)
    m = re.search(r'bench:(\w+)=(\d+)', ' '.join(_texts(msgs[i])))
    if not m: return Reply(reply_text)
    kind,k = m[1],int(m[2])
    turns = sum(o.get('role') in ('assistant','model') for o in msgs[i+1:])  # model turns since the prompt
    if kind=='tools' and turns<k: return Reply('', tool_calls=[ToolCall('add', {'a':turns, 'b':1})])
    if kind=='par' and turns==0: return Reply('', tool_calls=[ToolCall('nap', {'i':j}) for j in range(k)])
    if kind=='words': return Reply(' '.join(f'w{j}' for j in range(k)))
    return Reply(f'Done after {turns} tool rounds.')

inflight = dict(now=0, peak=0, lock=threading.Lock())  # requests being answered: the concurrency the server sees

def counted(h):
    "Answer the request in `h`, counting it as in flight meanwhile"
    with inflight['lock']: inflight['now'] += 1; inflight['peak'] = max(inflight['peak'], inflight['now'])
    try: return h.server.emu._serve(h)
    except (BrokenPipeError, ConnectionResetError): h.close_connection = True
    finally:
        with inflight['lock']: inflight['now'] -= 1

def main():
    emu = Emulator().start()
    # Two settings of the emulator's socketserver that would measure the emulator rather than the client:
    # its default listen backlog (5) drops SYNs under hundreds of concurrent connections (retried after 1 s), and
    # with Nagle's algorithm on, a response written as headers then body waits for the client's delayed ACK (40 ms).
    emu._srv.socket.listen(2048)
    emu._srv.RequestHandlerClass = type('Handler', (emu._srv.RequestHandlerClass,), dict(disable_nagle_algorithm=True, do_POST=counted))
    def responder(req):
        if len(emu.requests) > 200: del emu.requests[:100]  # the log is for tests; keep memory flat
        return answer(req.messages)
    emu.responder = responder
    print(emu.url, flush=True)
    for line in sys.stdin:  # serve until the parent closes our stdin (or exits); `peak` prints the most requests in flight at once since the last `peak`
        if line.strip()=='peak':
            with inflight['lock']: print(inflight['peak'], flush=True); inflight['peak'] = 0
    emu.stop()

if __name__ == '__main__': main()
