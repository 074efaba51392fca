"""A small MCP server for lisette's MCP notebook (nbs/08_mcp.ipynb): text, an image, an error, a slow tool, a huge result, and a way to die.

stdio:            python samples/mcp_demo.py
streamable HTTP:  python samples/mcp_demo.py --http PORT     (serves http://127.0.0.1:PORT/mcp)
"""
import os, sys, asyncio
from pathlib import Path
from mcp.server.mcpserver import MCPServer, Image, Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp import MCPError

server = MCPServer('garden', log_level='WARNING')

@server.tool()
def weather(city: str) -> str:
    "Today's weather in `city`"
    return f'Sunny in {city}, 21 °C'

@server.tool(name='garden.count')
def garden_count(kind: str, rows: int = 1) -> str:
    "How many plants of `kind` grow in the garden, in `rows` rows"
    return f'{3*rows} {kind} plants'

@server.tool()
def snapshot() -> Image:
    "A picture from the garden camera"
    return Image(path=Path(__file__).parent/'puppy.jpg')

@server.tool()
def water(bed: str) -> str:
    "Water the bed named `bed`"
    raise ToolError(f'the tap for bed {bed!r} is frozen')

@server.tool()
def harvest() -> str:
    "Harvest what is ripe (this one fails at the protocol level, as a broken server would)"
    raise MCPError(-32603, 'harvest service unavailable')

@server.tool()
async def slow(seconds: float) -> str:
    "Wait `seconds` seconds, then say so"
    await asyncio.sleep(seconds)
    return f'waited {seconds} s'

@server.tool()
def pid() -> int:
    "The process id of this server"
    return os.getpid()

@server.tool()
def visitor(ctx: Context) -> str:
    "Who is visiting: the X-Garden-Visitor header over HTTP, the GARDEN_VISITOR environment variable over stdio"
    req = ctx.request_context.request
    if req is not None: return req.headers.get('x-garden-visitor', 'nobody')
    return os.environ.get('GARDEN_VISITOR', 'nobody')

@server.tool()
def big(mb: float) -> str:
    "A text of `mb` megabytes (to try the client's limit on result sizes)"
    return 'x'*int(mb*1_000_000)

@server.tool()
def crash() -> str:
    "End this server process at once, as a crash would"
    print('garden server: crashing on request', file=sys.stderr, flush=True)
    os._exit(3)

if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--http':
        server.run(transport='streamable-http', host='127.0.0.1', port=int(sys.argv[2]))
    else: server.run()
