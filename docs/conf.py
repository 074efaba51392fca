# Sphinx configuration of lisette's documentation site, built by `scripts/docs.sh` from the pages `scripts/docs.py` writes
project = 'lisette'
author = 'lisette developers'
extensions = ['myst_nb']
html_theme = 'furo'
html_title = 'lisette'
html_static_path = ['_static']
html_css_files = ['lisette.css']
nb_execution_mode = 'off'            # the notebooks' stored outputs are the docs; nbdev-test runs them
nb_render_markdown_format = 'myst'   # responses display as markdown, with their <details> blocks
myst_enable_extensions = ['colon_fence']
exclude_patterns = ['_build', '**.ipynb_checkpoints']
html_copy_source = False
html_show_sourcelink = False
html_favicon = '_static/favicon.svg'  # so the browser does not ask for a missing /favicon.ico
