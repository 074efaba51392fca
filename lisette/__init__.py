__version__ = "0.1.0"
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
from litellm import completion, acompletion, stream_chunk_builder
from litellm.types.utils import ModelResponse, ModelResponseStream, Message

# explicit, so that `from lisette import *` never rebinds names such as IPython's `display` to our submodules
_mods = 'messages streaming display tools sending chat notebook asyncchat usage structured persist'.split()
__all__ = [n for m in _mods for n in _il.import_module(f'{__name__}.{m}').__all__]
__all__ += ['completion', 'acompletion', 'stream_chunk_builder', 'ModelResponse', 'ModelResponseStream', 'Message']
