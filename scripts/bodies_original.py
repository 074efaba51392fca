"""Send the same chats through the original lisette and through this one, to one emulator, and compare the request bodies.

`python scripts/bodies_original.py ORIG_PYTHON [--models M,M,...] [--show N]`

ORIG_PYTHON is an interpreter with the original lisette (0.1.37) installed; this project's own interpreter runs this
script and the second side. Both sides run the calls below, in order, against one `lisette.testing.Emulator` started
here, which answers every request the same way whichever library sent it: with a call of the chat's first tool while
the conversation asks for one (`USE` in a user turn) and has no tool result yet, else with `ok`; with a thought when
a user turn says `THINK`. Each side prints a timestamped line before each call, so the requests the emulator logged
are grouped by call, and the bodies of one call are compared request by request, as JSON text (key order counts, as it
does for cachy's key).

The calls, for each model: a plain turn; two turns with a system prompt; a tool round (the tool returns an `int`,
then one returning a `dict`); two turns thinking; a thinking tool round; a search; two cached turns; a prefill; a
stream; a streamed tool round; an async tool round; a tool round with `tool_reminder` and `tc_refs`.

Prints each call whose bodies differ, where they first differ, then `N of M bodies the same`. Nothing here needs the
network. Differences kept on purpose are listed in `nbs/14_migration.ipynb` and `nbs/14a_bodies.ipynb`.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODELS = 'claude-sonnet-4-5,openai/gpt-4.1,openai/responses/gpt-5.4,gemini/gemini-2.5-flash,gemini/gemini-3-flash-preview'

# Run on each side, in a folder of its own (so that `import lisette` finds the installed one, not this checkout)
CALLS = r'''
import sys, time, asyncio, warnings
warnings.simplefilter('ignore')
from lisette.core import *
def add(a:int, # first
        b:int=2 # second
       )->int:
    "Add a and b"
    return a+b
def info(name:str)->dict:
    "Facts about `name`"
    return {'name': name, 'ok': True}
def call(label, f):
    print('CALL', repr(time.time()), label, flush=True)
    try: f()
    except Exception as e: print('ERROR', label, type(e).__name__, str(e)[:200].replace(chr(10), ' '), flush=True)
def chat(m, *turns, **kw):
    c = Chat(m, **{k:v for k,v in kw.items() if k in ('sp', 'tools', 'cache', 'tool_reminder', 'tc_refs')})
    opts = {k:v for k,v in kw.items() if k in ('think', 'search', 'prefill', 'max_steps')}
    for t in turns: c(t, **opts)
def streamed(m, tools=None):
    for _ in Chat(m, tools=tools)('USE it' if tools else 'hi', stream=True, max_steps=3): pass
async def tools_async(m): await AsyncChat(m, tools=[add])('USE add on 1', max_steps=3)
for m in sys.argv[1].split(','):
    call(f'{m} plain', lambda: chat(m, 'hi'))
    call(f'{m} two turns', lambda: chat(m, 'hi', 'again', sp='Be brief.'))
    call(f'{m} tools', lambda: chat(m, 'USE add on 1', tools=[add], max_steps=3))
    call(f'{m} dict tool', lambda: chat(m, 'USE info on x', tools=[info], max_steps=3))
    call(f'{m} think', lambda: chat(m, 'THINK hi', 'again', think='l'))
    call(f'{m} think tools', lambda: chat(m, 'THINK USE add on 1', tools=[add], think='l', max_steps=3))
    call(f'{m} search', lambda: chat(m, 'hi', search='l'))
    call(f'{m} cache', lambda: chat(m, 'hi', 'again', sp='Be brief.', cache=True))
    call(f'{m} prefill', lambda: chat(m, 'hi', prefill='Sure,'))
    call(f'{m} stream', lambda: streamed(m))
    call(f'{m} stream tools', lambda: streamed(m, [add]))
    call(f'{m} async tools', lambda: asyncio.run(tools_async(m)))
    call(f'{m} reminder refs', lambda: chat(m, 'USE add on 1', tools=[add], tool_reminder='Keep it short.', tc_refs=True, max_steps=3))
print('CALL', repr(time.time()), 'end', flush=True)
'''

def answer(req):
    "The emulator's answer to `req`, the same whichever library sent it"
    from lisette.testing import Reply, ToolCall
    body,tools = json.dumps(req.body),req.tools_declared
    done = any(k in body for k in ('tool_result', '"role": "tool"', 'function_call_output', 'function_response'))
    thought = 'Hmm.' if 'THINK' in body else None
    if tools and 'USE' in body and not done:
        args = {'a': 1} if tools[0]=='add' else {'name': 'x'}
        return Reply('Let me call it.', [ToolCall(tools[0], args, id='toolu_01AbC')], thinking=thought)
    return Reply('ok', thinking=thought)

def run_side(python, models, emu, log, pythonpath=None):
    "{call label: [(path, body), ...]} of the requests `python` sent running `CALLS`, and its error lines"
    env = {k:v for k,v in os.environ.items() if k!='PYTHONPATH'} | {'LITELLM_LOCAL_MODEL_COST_MAP': 'True'}
    if pythonpath: env['PYTHONPATH'] = pythonpath
    log.clear()
    with tempfile.TemporaryDirectory() as d:
        (Path(d)/'calls.py').write_text(CALLS)
        out = subprocess.run([python, 'calls.py', models], env=env, cwd=d, capture_output=True, text=True, timeout=1800)
    marks = [(float(l.split()[1]), l.split(' ', 2)[2]) for l in out.stdout.splitlines() if l.startswith('CALL ')]
    if not marks or marks[-1][1]!='end': sys.exit(f'{python} did not finish the calls:\n{out.stderr[-3000:]}')
    by = {}
    for t,path,body in log:
        label = [lab for tm,lab in marks if tm<=t][-1]
        by.setdefault(label, []).append((path, body))
    return by, [l for l in out.stdout.splitlines() if l.startswith('ERROR')]

def first_difference(a, b, width=200):
    "The two texts `a` and `b` around where they first differ"
    k = next((i for i,(x,y) in enumerate(zip(a, b)) if x!=y), min(len(a), len(b)))
    return a[max(0, k-width):k+width], b[max(0, k-width):k+width]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('orig_python', help="an interpreter with the original lisette installed")
    p.add_argument('--models', default=DEFAULT_MODELS, help='comma-separated models (default: %(default)s)')
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from lisette.testing import Emulator
    log = []
    emu = Emulator().start().set_env()
    emu.responder = lambda req: (log.append((time.time(), req.path, req.body)), answer(req))[1]
    try:
        orig, orig_err = run_side(a.orig_python, a.models, emu, log)
        ours, ours_err = run_side(sys.executable, a.models, emu, log, pythonpath=str(ROOT))
    finally: emu.stop()
    for side,errs in (('original', orig_err), ('lisette', ours_err)):
        for e in errs: print(f'{side}: {e}')
    same = total = 0
    for label in dict.fromkeys([*orig, *ours]):
        x,y = orig.get(label, []),ours.get(label, [])
        if len(x)!=len(y): print(f'{label}: {len(x)} requests on the original, {len(y)} on lisette')
        for i,(r,s) in enumerate(zip(x, y)):
            total += 1
            jr,js = json.dumps(r),json.dumps(s)
            if jr==js: same += 1; continue
            dr,ds = first_difference(jr, js)
            print(f'{label}, request {i+1}:\n  original: ...{dr}...\n  lisette:  ...{ds}...')
    print(f'{same} of {total} bodies the same')

if __name__ == '__main__': main()
