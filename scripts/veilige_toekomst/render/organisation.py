"""The organisation that runs this copy of the site, on the about page: its name and local contacts."""

from __future__ import annotations

import html
import re

from ..core.organisation import Contact
from ..core.texts import text_in
from .context import Context, no_args, shortcode


@shortcode("organisation")
def _organisation(ctx: Context, args: list[str]) -> str:
    """On the about page: who runs this copy of the site and its local contacts; nothing without a file."""
    no_args(args, "organisation")
    project = ctx.content.project
    if project.organisation_file is None:
        return ""
    org = project.organisation
    parts = [
        f'<div class="vt-organisation">\n<p><strong>{html.escape(ctx.ui("provided_by", name=org.name))}</strong></p>'
    ]
    if org.contacts:
        parts.append(f"<p>{html.escape(ctx.ui('local_contacts', name=org.name))}</p>\n<ul>")
        parts += [f"<li>{_contact(contact, ctx.lang, project.default_language)}</li>" for contact in org.contacts]
        parts.append("</ul>")
    return "\n".join(parts) + "\n</div>"


@shortcode("quick-exit-history")
def _quick_exit_history(ctx: Context, args: list[str]) -> str:
    """On the quick-exit page: what Back does after the exit, for the setting this site was built with."""
    no_args(args, "quick-exit-history")
    key = "quick_exit_back_single" if ctx.content.project.single_entry_visit else "quick_exit_back_default"
    return f'<p class="vt-quick-exit-history">{ctx.ui(key)}</p>'


def _contact(contact: Contact, lang: str, default: str) -> str:
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
