"A LiteLLM Proxy callback writing one JSON line per successful call (tokens and cost as the proxy billed them) to $SPEND_LOG"
import json, os
from litellm.integrations.custom_logger import CustomLogger

class SpendLog(CustomLogger):
    async def async_log_success_event(self, kwargs, response_obj, start_time, end_time):
        o = kwargs.get('standard_logging_object') or {}
        rec = dict(model_group=o.get('model_group'), api_base=o.get('api_base'), stream=bool(o.get('stream')),
                   prompt_tokens=o.get('prompt_tokens'), completion_tokens=o.get('completion_tokens'), cost=o.get('response_cost'))
        with open(os.environ['SPEND_LOG'], 'a') as f: f.write(json.dumps(rec)+'\n')

spend_log = SpendLog()
