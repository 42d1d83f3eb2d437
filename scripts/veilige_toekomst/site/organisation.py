"""The organisation file on the site, applied by the MkDocs hooks: the logo in the header, the colours
as a stylesheet, the name in the footer and on the about page, local pages in the menu, optional
parts out of it. Without an organisation file the site keeps the project's own look."""

from __future__ import annotations

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from ..core import colours, local_pages
from ..core.content import Content
from ..core.organisation import Organisation

LOGO_URI = "assets/organisation/logo"
STYLESHEET_URI = "assets/stylesheets/organisation.css"
"""A file, not a style attribute: the Content-Security-Policy allows no inline style."""


def _logo_uri(org: Organisation) -> str | None:
    return LOGO_URI + org.logo.suffix.lower() if org.logo else None


def configure(config, content: Content) -> None:
    """on_config, once per language build: the same changes each time, so they are made only once."""
    org = content.project.organisation
    if org.logo:
        config.theme["logo"] = _logo_uri(org)
    if (org.colours.primary or org.colours.accent) and STYLESHEET_URI not in config.extra_css:
        config.extra_css.append(STYLESHEET_URI)  # last, so it overrides site.css
    if config.nav:
        local_pages.add_to_nav(config.nav, content)


def add_files(files: Files, config, content: Content) -> None:
    """on_files: the logo and the stylesheet, copied into the site at the addresses configure() gave."""
    org = content.project.organisation
    if org.logo:
        files.append(File.generated(config, _logo_uri(org), abs_src_path=str(org.logo)))
    if org.colours.primary or org.colours.accent:
        files.append(
            File.generated(config, STYLESHEET_URI, content=colours.stylesheet(org.colours.primary, org.colours.accent))
        )


def hide_sections(nav: Navigation, content: Content) -> Navigation:
    """on_nav: the parts the organisation switched off leave the menu and the previous/next links."""
    folders = tuple(content.project.organisation.hidden_folders())
    if not folders:
        return nav

    def keep(item) -> bool:
        if isinstance(item, MkDocsPage):
            return not item.file.src_uri.startswith(folders)
        if item.children is not None:
            item.children = [child for child in item.children if keep(child)]
            return bool(item.children)
        return True

    nav.items = [item for item in nav.items if keep(item)]
    nav.pages = [page for page in nav.pages if keep(page)]
    _link_neighbours(nav.pages)
    return nav


def _link_neighbours(pages: list[MkDocsPage]) -> None:
    """Each page's previous and next page in the menu, which the theme's footer links read."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def footer_name(content: Content) -> str | None:
    """The organisation's name for the footer, only when an organisation file is in use."""
    return content.project.organisation.name if content.project.organisation_file else None
