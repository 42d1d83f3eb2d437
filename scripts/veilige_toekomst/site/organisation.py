"""The organisation file on the site, applied by the MkDocs hooks: the logo on a light chip in the
header, the colours as a stylesheet, the name in the footer and on the about page, local pages in the menu, optional
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
LOGO_CSS = """\
/* The organisation's logo on a light chip: readable on any header colour, and in the header on phones
   too (the theme hides it there and shows it only in the menu drawer). */
.md-header__button.md-logo {
  display: inline-flex;
  align-items: center;
  margin: 0.2rem 0.4rem 0.2rem 0.2rem;
  padding: 0.15rem 0.3rem;
  background-color: #ffffff;
  border-radius: 0.2rem;
  box-shadow: 0 0 0 0.05rem rgb(0 0 0 / 20%);
}
.md-header__button.md-logo img {
  display: block;
  width: auto;
  height: 1.6rem;
  max-width: 7rem;
  object-fit: contain;
}
/* On phones it gives way first: it shrinks so the quick-exit button always stays on screen, and under
   360 px, where nothing is left over, it stays in the menu drawer only. */
@media screen and (max-width: 76.234375em) {
  .md-header__button.md-logo { display: inline-flex; flex-shrink: 1; min-width: 0; margin-right: 0; }
  .md-header__button.md-logo img { height: 1.2rem; max-width: 100%; object-position: left center; }
}
@media screen and (max-width: 29.984375em) {
  .md-header__title { visibility: hidden; }  /* a sliver of the site's name beside the logo reads as noise */
}
@media screen and (max-width: 22.4375em) {
  .md-header__button.md-logo { display: none; }
  .md-header__title { visibility: visible; }
}
"""


def _logo_uri(org: Organisation) -> str | None:
    return LOGO_URI + org.logo.suffix.lower() if org.logo else None


def _has_stylesheet(org: Organisation) -> bool:
    return bool(org.colours.primary or org.colours.accent or org.logo)


def configure(config, content: Content) -> None:
    """on_config, once per language build: the same changes each time, so they are made only once."""
    org = content.project.organisation
    if org.logo:
        config.theme["logo"] = _logo_uri(org)
    if _has_stylesheet(org) and STYLESHEET_URI not in config.extra_css:
        config.extra_css.append(STYLESHEET_URI)  # last, so it overrides site.css
    if config.nav:
        local_pages.add_to_nav(config.nav, content)


def add_files(files: Files, config, content: Content) -> None:
    """on_files: the logo and the stylesheet, copied into the site at the addresses configure() gave."""
    org = content.project.organisation
    logo_uri = _logo_uri(org)
    if org.logo and logo_uri:
        files.append(File.generated(config, logo_uri, abs_src_path=str(org.logo)))
    if _has_stylesheet(org):
        css = colours.stylesheet(org.colours.primary, org.colours.accent) + (LOGO_CSS if org.logo else "")
        files.append(File.generated(config, STYLESHEET_URI, content=css))


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
