__version__ = "0.1.0"
from .messages import *
from .streaming import *
from .display import *
from .tools import *
from .sending import *
from .chat import *
from .asyncchat import *
from .usage import *
from .structured import *
from .persist import *
from litellm import completion, acompletion, stream_chunk_builder
from litellm.types.utils import ModelResponse, ModelResponseStream, Message
