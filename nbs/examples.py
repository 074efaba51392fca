"""Tools and helpers shared by the notebooks' examples and tests (not part of the package).

The notebooks run with `nbs/` as their working directory, so they import this as `from examples import simple_add`.
"""
import inspect
from litellm.types.utils import ModelResponse

def simple_add(
    a: int,   # first operand
    b: int=0  # second operand
) -> int:
    "Add two numbers together"
    return a + b

async def call(chat, *args, **kw):
    "Call `chat` (a `Chat` or an `AsyncChat`) and collect what it returns: a list when streaming or `return_all`"
    res = chat(*args, **kw)
    if inspect.isawaitable(res): res = await res
    if hasattr(res, '__aiter__'): return [o async for o in res]
    if inspect.isgenerator(res): return list(res)
    return res

def final(res):
    "The last response in what `call` returned"
    return [o for o in res if isinstance(o, ModelResponse)][-1] if isinstance(res, list) else res
