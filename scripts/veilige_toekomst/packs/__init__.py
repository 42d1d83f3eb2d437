"""Training packs: printable modules for trainers and participants, built from the site's own content.

    texts.py    the packs' own texts (docs/training/packs.yml): model and checks
    modules.py  which modules exist and what goes into each
    render.py   one pack as HTML (Markdown of the pages + Jinja2 template)
    build.py    many packs as PDFs: cache, parallel workers, progress, summary
    site.py     the packs on the website: download links and the list on the training page
"""
