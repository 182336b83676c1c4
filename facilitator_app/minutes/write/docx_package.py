"""The base .docx (fresh or a template's, made current for Word): its page, body and properties."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from facilitator_app.minutes.content import Minutes
from facilitator_app.minutes.options import MinutesError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEXT_WIDTH_FALLBACK = 9360  # twips, used when a template's page has no usable size
# Word 2013 and later (Word 365 too) write 15; a lower mode, or none (taken as 12), opens
# the document in "[Compatibility Mode]".
COMPATIBILITY_MODE = 15
_WORD_URI = "http://schemas.microsoft.com/office/word"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def fresh_document() -> Document:
    document = docx.Document()
    # python-docx's template is a 2013 Mac Word document: its extended properties name that
    # application and its thumbnail shows a blank page. Neither describes the minutes.
    _drop_package_parts(document, RT.EXTENDED_PROPERTIES, RT.THUMBNAIL)
    return document


def _drop_package_parts(document: Document, *reltypes: str) -> None:
    """Leave out the package's parts of these relationship types when saving."""
    _drop_relationships(document.part.package.rels, reltypes)


def _drop_relationships(rels: Any, reltypes: tuple[str, ...]) -> None:
    # python-docx saves only the parts it reaches through relationships, and lists in
    # [Content_Types].xml only the parts it saves: without its relationship a part is gone.
    for r_id, rel in list(rels.items()):
        if rel.reltype in reltypes:
            del rels[r_id]


def make_current(document: Document) -> None:
    """Make the settings those of a current Word document, whatever the base was written by.

    python-docx's template, and a template from Word 2007 or 2010, would open in Word 365 as
    "[Compatibility Mode]", with the features of newer Word turned off.
    """
    # Word 2010 reads its styles from stylesWithEffects.xml when there is one; the styles
    # this export adds or changes go only to styles.xml, so the copy would be stale. Word 2013
    # and later neither need nor write it.
    _drop_relationships(document.part.rels, (_STYLES_WITH_EFFECTS,))
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = parse_xml(f'<w:compat xmlns:w="{W_NS}"/>')
        after = next((c for c in settings if _follows_compat(c)), None)
        if after is not None:
            after.addprevious(compat)
        else:
            settings.append(compat)
    modes = [
        setting
        for setting in compat.findall(qn("w:compatSetting"))
        if setting.get(qn("w:name")) == "compatibilityMode"
        and setting.get(qn("w:uri")) == _WORD_URI
    ]
    if not modes:  # without it Word takes the document for a Word 2007 one (mode 12)
        modes.append(
            parse_xml(
                f'<w:compatSetting xmlns:w="{W_NS}" w:name="compatibilityMode" '
                f'w:uri="{_WORD_URI}" w:val="{COMPATIBILITY_MODE}"/>'
            )
        )
        compat.append(modes[0])  # the compatSetting list ends w:compat
    for mode in modes:
        mode.set(qn("w:val"), str(COMPATIBILITY_MODE))
    # The schema requires the percentage; python-docx's template has only w:val="bestFit".
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


# The children of w:settings that come after w:compat in the schema's sequence; elements of
# Word's extension namespaces (w14:docId, w15:…) come after all of these.
_SETTINGS_AFTER_COMPAT = frozenset(
    qn(tag)
    for tag in (
        "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
        "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
        "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
        "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
        "w:listSeparator",
    )
)  # fmt: skip


def _follows_compat(element: Any) -> bool:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return False
    return tag in _SETTINGS_AFTER_COMPAT or not tag.startswith(f"{{{W_NS}}}")


def open_template(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MinutesError(f"{path}: no such template file") from None
    except IsADirectoryError:
        raise MinutesError(f"{path}: is a folder, not a template file") from None
    except OSError as error:
        raise MinutesError(f"{path}: the template cannot be read ({error.strerror})") from None
    try:
        document = docx.Document(io.BytesIO(_as_document_package(data)))
    # A broken file can fail anywhere inside python-docx or lxml; whatever it is, the user
    # needs to hear which file is wrong, not a traceback.
    except Exception:
        raise MinutesError(
            f"{path}: not a Word document (.docx or .dotx); choose another template"
        ) from None
    _drop_package_parts(document, RT.THUMBNAIL)  # it would show the template's own page
    return document


def _as_document_package(data: bytes) -> bytes:
    """A Word template (.dotx) differs from a document only in its main part's content type."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content_types = archive.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in content_types:
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                payload = archive.read(item)
                if item.filename == "[Content_Types].xml":
                    payload = content_types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                copy.writestr(item, payload)
    return output.getvalue()


def set_up_page(document: Document) -> None:
    """A4 portrait with 2.5 cm margins, as Czech offices print."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)


def text_width(document: Document) -> int:
    """The width between the margins, in twips (table grids are given in twips)."""
    section = document.sections[-1] if len(document.sections) else None
    if section is None:
        return _TEXT_WIDTH_FALLBACK
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None or width - left - right <= 0:
        return _TEXT_WIDTH_FALLBACK
    return int((width - left - right) / 635)  # EMU to twips


def clear_body(document: Document) -> None:
    """Remove a template's content but keep its final section (page setup, header, footer)."""
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final:
            body.remove(child)
    if final is None:
        body.append(parse_xml(f'<w:sectPr xmlns:w="{W_NS}"/>'))
        set_up_page(document)


def insert_body(document: Document, body_xml: str) -> None:
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{body_xml}</w:body>')
    body.remove(section)
    body.extend(list(fragment))
    body.append(section)


def set_properties(document: Document, minutes: Minutes) -> None:
    """Title, author and dates of these minutes; nothing left over from a template."""
    properties = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)  # python-docx writes the time as UTC
    properties.title = minutes.title[:255]  # the limit of a core property
    properties.author = properties.last_modified_by = minutes.author[:255]
    properties.created = properties.modified = now
    properties.language = minutes.phrases.docx_language
    properties.revision = 1
    for name in ("comments", "keywords", "subject", "category", "content_status",
                 "identifier", "version"):  # fmt: skip
        setattr(properties, name, "")
    settings = document.settings.element
    proof_state = settings.find(qn("w:proofState"))
    if proof_state is not None:  # "spelling checked and clean": not true of the new text
        settings.remove(proof_state)
    # python-docx cannot unset the date of the last printing; drop it from the XML.
    core = document.part.package.core_properties._element
    for element in core.findall(f"{{{_CORE_NS}}}lastPrinted"):
        core.remove(element)
