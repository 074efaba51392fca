"Check that .github/workflows/ci.yml is valid YAML that runs `.ci/run`, then builds the wheel and keeps it as an artifact."
import sys, yaml
from pathlib import Path

wf = yaml.safe_load((Path(__file__).resolve().parent.parent/'.github'/'workflows'/'ci.yml').read_text())
jobs = wf.get('jobs') or {}
runs = lambda job: ' && '.join(s.get('run', '') for s in jobs.get(job, {}).get('steps', []))
uses = lambda job: [s.get('uses', '') for s in jobs.get(job, {}).get('steps', [])]
problems = [msg for ok,msg in [
    (True in wf or 'on' in wf, 'no `on:` triggers'),  # YAML 1.1 reads a bare `on` key as True
    ('bash .ci/run' in runs('test'), 'the test job does not run `bash .ci/run`'),
    (jobs.get('build', {}).get('needs')=='test', 'the build job does not wait for the tests'),
    ('python -m build' in runs('build'), 'the build job does not run `python -m build`'),
    (any(u.startswith('actions/upload-artifact') for u in uses('build')), 'the build job keeps no artifact')] if not ok]
if problems: sys.exit('FAIL: .github/workflows/ci.yml: ' + '; '.join(problems))
