__version__ = "0.2.0"
# `import lisette` does not import LiteLLM: its modules reach it through `lisette.lite`, which imports it on first use.
import importlib as _il
from .messages import *
from .streaming import *
from .display import *
from .tools import *
from .sending import *
from .chat import *
from .notebook import *
from .asyncchat import *
from .usage import *
from .structured import *
from .persist import *
from .batch import *
from .budget import *
from .export import *
from .compat import *

# LiteLLM's own objects, handed out as the seed did: `from lisette import *` imports LiteLLM to give them
_lite_names = dict(completion='litellm', acompletion='litellm', stream_chunk_builder='litellm', ModelResponse='litellm.types.utils',
                   ModelResponseStream='litellm.types.utils', Message='litellm.types.utils')

def __getattr__(name):
    "LiteLLM's names in `_lite_names`, imported when first asked for (stand-ins while LiteLLM loads in the background)"
    if name not in _lite_names:
        from .compat import _refused
        if name in _refused: return _il.import_module(f'{__name__}.compat').__getattr__(name)  # refused, saying what to use
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .lite import lite_name
    return lite_name(_lite_names[name], name)

# public because several of lisette's modules use them, but not what a user calls
_plumbing = {'ChatBase', 'to_plain', 'run_coro', 'max_ckpts', 'watchers'}
# settings are read from their module (`lisette.sending.chunk_logging = True`): a star-imported copy would change nothing
_settings = {'chunk_logging'}
# explicit, so that `from lisette import *` never rebinds names such as IPython's `display` to our submodules
_mods = 'messages streaming display tools sending chat notebook asyncchat usage structured persist budget export batch compat'.split()
__all__ = [n for m in _mods for n in _il.import_module(f'{__name__}.{m}').__all__ if n not in _plumbing|_settings] + list(_lite_names)

# where a person is typing (IPython, Jupyter, the REPL), LiteLLM's slow import runs meanwhile, in a background thread
# (`lisette.lite.background_import`; LISETTE_BACKGROUND_IMPORT=0 turns it off)
from .lite import background_import as _background_import
_background_import()
