"""The organisation file on the site, applied by the MkDocs hooks: the logo in the header, the colours
as a stylesheet, the name in the footer and on the about page, local pages in the menu, optional
parts out of it. Without an organisation file the site keeps the project's own look."""

from __future__ import annotations

import html
import re

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, _add_previous_and_next_links
from mkdocs.structure.pages import Page as MkDocsPage

from . import colours, local_pages
from .content import Content
from .organisation import Organisation, text_in
from .shortcodes import Context, no_args, shortcode

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
        files.append(File.generated(config, STYLESHEET_URI,
                                    content=colours.stylesheet(org.colours.primary, org.colours.accent)))


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
    _add_previous_and_next_links(nav.pages)  # mkdocs' own helper; the theme's footer links read these
    return nav


def footer_name(content: Content) -> str | None:
    """The organisation's name for the footer, only when an organisation file is in use."""
    return content.project.organisation.name if content.project.organisation_file else None


@shortcode("organisation")
def _organisation(ctx: Context, args: list[str]) -> str:
    """On the about page: who runs this copy of the site and its local contacts; nothing without a file."""
    no_args(args, "organisation")
    project = ctx.content.project
    if project.organisation_file is None:
        return ""
    org = project.organisation
    parts = [f'<div class="vt-organisation">\n<p><strong>{html.escape(ctx.ui("provided_by", name=org.name))}</strong></p>']
    if org.contacts:
        parts.append(f"<p>{html.escape(ctx.ui('local_contacts', name=org.name))}</p>\n<ul>")
        parts += [f"<li>{_contact(contact, ctx.lang, project.default_language)}</li>" for contact in org.contacts]
        parts.append("</ul>")
    return "\n".join(parts) + "\n</div>"


def _contact(contact, lang: str, default: str) -> str:
    ways = []
    if contact.phone:
        phone = html.escape(contact.phone)
        ways.append(f'<a href="tel:{re.sub(r"[^0-9+]", "", contact.phone)}">{phone}</a>' if contact.dialable else phone)
    if contact.email:
        ways.append(f'<a href="mailto:{html.escape(contact.email)}">{html.escape(contact.email)}</a>')
    if contact.url:
        ways.append(f'<a href="{html.escape(contact.url)}">{html.escape(contact.url)}</a>')
    line = f"<strong>{html.escape(text_in(contact.label, lang, default))}</strong>"
    if ways:
        line += ": " + " · ".join(ways)
    note = text_in(contact.note, lang, default)
    return line + (f"<br>{html.escape(note)}" if note else "")
