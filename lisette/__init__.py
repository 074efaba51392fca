__version__ = "0.1.0"
from .messages import *
from .streaming import *
from .display import *
from .tools import *
from .chat import *
from .asyncchat import *
