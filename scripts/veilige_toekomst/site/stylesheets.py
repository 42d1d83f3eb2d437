"""The project's own stylesheets served as one file: one request on every page instead of eight.

They stay separate files in overrides/ (one per component) and are listed in mkdocs.yml's extra_css
as usual; the build swaps them for the bundle. Generated stylesheets (the organisation's colours) are
not in overrides/ and stay as they are, after the bundle.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from ..core.assets import FONTS

BUNDLE_URI = "assets/stylesheets/veilige-toekomst.css"
FONTS_URI = "assets/fonts"
"""Where the bundled font is served (site.css's @font-face rules point here)."""
_bundled: dict[str, list[str]] = {}
"""Per config file: the stylesheets that went into the bundle, in order."""


def configure(config) -> None:
    """on_config: replace the project's own entries in extra_css by the bundle, where the first stood."""
    custom_dir = Path(config.theme.custom_dir or ".")
    own = [uri for uri in config.extra_css if (custom_dir / uri).is_file()]
    if not own:  # a later language build: already swapped
        return
    _bundled[config.config_file_path] = own
    first = config.extra_css.index(own[0])
    rest = [uri for uri in config.extra_css if uri not in own]
    config.extra_css[:] = rest[:first] + [BUNDLE_URI] + rest[first:]


def add_bundle(files: Files, config) -> None:
    """on_files: the bundle, concatenated in the order mkdocs.yml gives (later rules win, as before)."""
    own = _bundled.get(config.config_file_path)
    if not own or files.get_file_from_path(BUNDLE_URI):
        return
    custom_dir = Path(config.theme.custom_dir)
    text = "\n".join(f"/* {uri} */\n{(custom_dir / uri).read_text(encoding='utf-8')}" for uri in own)
    files.append(File.generated(config, BUNDLE_URI, content=text))


def add_fonts(files: Files, config) -> None:
    """on_files: the bundled font, from the package (print/pdf.py embeds the same files in every PDF)."""
    for font in sorted(FONTS.iterdir()):
        uri = f"{FONTS_URI}/{font.name}"
        if font.is_file() and not files.get_file_from_path(uri):
            files.append(File.generated(config, uri, abs_src_path=str(font)))
