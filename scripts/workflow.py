"""Check the GitHub workflows, which cannot run here: .github/workflows/ci.yml is valid YAML that runs `.ci/run`, then
builds the wheel and keeps it as an artifact; .github/workflows/docs.yml is valid YAML that builds the site with
`scripts/docs.sh` (browser check included) and publishes `_site/` on GitHub Pages."""
import sys, yaml
from pathlib import Path

wfs = Path(__file__).resolve().parent.parent/'.github'/'workflows'

def check(name, rules):
    wf = yaml.safe_load((wfs/name).read_text())
    jobs = wf.get('jobs') or {}
    steps = lambda job: jobs.get(job, {}).get('steps', [])
    runs = lambda job: ' && '.join(s.get('run', '') for s in steps(job))
    uses = lambda job: [s.get('uses', '') for s in steps(job)]
    on = wf.get(True, wf.get('on'))  # YAML 1.1 reads a bare `on` key as True
    return [f'{name}: {msg}' for ok,msg in rules(wf, on, jobs, steps, runs, uses) if not ok]

ci = lambda wf, on, jobs, steps, runs, uses: [
    (on is not None, 'no `on:` triggers'),
    ('bash .ci/run' in runs('test'), 'the test job does not run `bash .ci/run`'),
    (jobs.get('build', {}).get('needs')=='test', 'the build job does not wait for the tests'),
    ('python -m build' in runs('build'), 'the build job does not run `python -m build`'),
    (any(u.startswith('actions/upload-artifact') for u in uses('build')), 'the build job keeps no artifact')]

docs = lambda wf, on, jobs, steps, runs, uses: [
    (isinstance(on, dict) and 'main' in ((on.get('push') or {}).get('branches') or []), 'not run on a push to main'),
    ((wf.get('permissions') or {}).get('pages')=='write' and (wf.get('permissions') or {}).get('id-token')=='write',
     'no `pages: write` and `id-token: write` permissions, which Pages deployment needs'),
    ('scripts/docs.sh --browser' in runs('build'), 'the build job does not run `scripts/docs.sh --browser`'),
    ('chromium' in runs('build'), 'the build job installs no chromium for the browser check'),
    (any(u.startswith('actions/upload-pages-artifact') and (s.get('with') or {}).get('path')=='_site'
         for s,u in zip(steps('build'), uses('build'))), 'the build job does not upload _site/ as the Pages artifact'),
    (jobs.get('deploy', {}).get('needs')=='build', 'the deploy job does not wait for the build'),
    (any(u.startswith('actions/deploy-pages') for u in uses('deploy')), 'the deploy job does not run actions/deploy-pages')]

problems = check('ci.yml', ci) + check('docs.yml', docs)
if problems: sys.exit('FAIL: ' + '; '.join(problems))
