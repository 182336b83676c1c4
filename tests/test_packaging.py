"""The packaging files: desktop entry, AppStream metainfo, MIME type, icon, spec and installer.

No PyInstaller build here (`make package-check` runs the built app). The validators run when
they are installed (Debian: desktop-file-utils, appstream, shared-mime-info) and skip otherwise.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest
from repo_paths import REPO
from workshop_state import with_sql

from facilitator_app.cli import main as cli_main
from facilitator_app.paths import demo_json, icon_svg
from facilitator_app.workshop.store.schema import APPLICATION_ID

PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "facilitator-app.desktop"
METAINFO = LINUX / "io.github.facilitator_app.metainfo.xml"
MIME_XML = LINUX / "facilitator-app-workshop.xml"
SPEC = PACKAGING / "facilitator-app.spec"
ISS = PACKAGING / "windows" / "facilitator-app.iss"
SVG = icon_svg()
DEMO_JSON = demo_json()
MIME_TYPE = "application/x-facilitator-workshop"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def workshop_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .workshop, written by `facilitator-app convert` from the demo."""
    target = tmp_path_factory.mktemp("workshop") / "demo.workshop"
    assert cli_main(["convert", str(DEMO_JSON), str(target)]) == 0
    return target


@pytest.fixture
def plain_sqlite(tmp_path: Path) -> Path:
    """An SQLite file that is not a workshop (another application_id)."""
    return with_sql(tmp_path / "other.workshop", "PRAGMA application_id = 1", "CREATE TABLE t (x)")


# -- the desktop entry ---------------------------------------------------------------------------


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # no warnings or hints either


def test_desktop_file_opens_workshops_and_matches_the_app() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split() == ["facilitator-app", "%f"]
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Icon"] == "facilitator-app" == SVG.stem
    # Wayland matches the window to this entry by the name the app sets.
    app_source = (REPO / "facilitator_app" / "gui" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{DESKTOP.stem}")' in app_source
    assert entry["StartupWMClass"] == DESKTOP.stem


# -- the AppStream metainfo ----------------------------------------------------------------------


def test_metainfo_validates() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", "--strict", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_the_desktop_entry_the_mime_type_and_this_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("provides/mediatype") == MIME_TYPE
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == metadata.version("facilitator-app"), (
        "add a <release> for this version to the metainfo"
    )


# -- the MIME type -------------------------------------------------------------------------------


def mime_type_element() -> ET.Element:
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (element,) = root.findall(f"{MIME_NS}mime-type")
    assert element.get("type") == MIME_TYPE
    return element


def unescape(value: str) -> bytes:
    """A shared-mime-info string value: C escapes, octal (\\000) and hex (\\x00)."""
    out = bytearray()
    index = 0
    while index < len(value):
        char = value[index]
        if char != "\\":
            out += char.encode("utf-8")
            index += 1
            continue
        following = value[index + 1]
        octal = re.match(r"[0-7]{1,3}", value[index + 1 :])
        if octal:
            out.append(int(octal.group(), 8))
            index += 1 + len(octal.group())
        elif following == "x":
            digits = re.match(r"[0-9a-fA-F]{1,2}", value[index + 2 :])
            assert digits, value
            out.append(int(digits.group(), 16))
            index += 2 + len(digits.group())
        else:
            out += {"n": b"\n", "t": b"\t", "r": b"\r", "\\": b"\\"}.get(
                following, following.encode()
            )
            index += 2
    return bytes(out)


def match_bytes(match: ET.Element) -> tuple[int, bytes]:
    offset = int(match.get("offset", "0"))
    kind, value = match.get("type"), match.get("value", "")
    if kind == "string":
        return offset, unescape(value)
    sizes = {"byte": 1, "big16": 2, "big32": 4}
    assert kind in sizes, f"the test reads {', '.join(sizes)} and string matches, not {kind}"
    return offset, int(value, 0).to_bytes(sizes[kind], "big")


def matches(match: ET.Element, data: bytes) -> bool:
    """A <match> holds when its bytes are there and, if it has children, one of them holds."""
    offset, expected = match_bytes(match)
    if data[offset : offset + len(expected)] != expected:
        return False
    children = match.findall(f"{MIME_NS}match")
    return not children or any(matches(child, data) for child in children)


def xml_magic_matches(data: bytes) -> bool:
    magic = mime_type_element().find(f"{MIME_NS}magic")
    assert magic is not None
    return any(matches(match, data) for match in magic.findall(f"{MIME_NS}match"))


def test_mime_type_has_the_glob_and_is_an_sqlite_file() -> None:
    element = mime_type_element()
    assert [glob.get("pattern") for glob in element.findall(f"{MIME_NS}glob")] == ["*.workshop"]
    assert element.find(f"{MIME_NS}sub-class-of").get("type") == "application/vnd.sqlite3"  # type: ignore[union-attr]
    magic = element.find(f"{MIME_NS}magic")
    assert magic is not None
    assert int(magic.get("priority", "50")) > 50  # above plain SQLite's magic


def test_mime_magic_checks_the_sqlite_header_and_the_application_id() -> None:
    (outer,) = mime_type_element().findall(f"{MIME_NS}magic/{MIME_NS}match")
    assert match_bytes(outer) == (0, b"SQLite format 3\x00")
    (inner,) = outer.findall(f"{MIME_NS}match")
    assert match_bytes(inner) == (68, APPLICATION_ID.to_bytes(4, "big"))


def test_mime_magic_matches_a_real_workshop_and_not_other_sqlite(
    workshop_file: Path, plain_sqlite: Path
) -> None:
    data = workshop_file.read_bytes()
    assert data[:16] == b"SQLite format 3\x00"
    assert int.from_bytes(data[68:72], "big") == APPLICATION_ID
    assert xml_magic_matches(data)
    assert not xml_magic_matches(plain_sqlite.read_bytes())
    assert not xml_magic_matches(data[:68] + b"\x00\x00\x00\x00" + data[72:])


def compiled_magic(mime_dir: Path) -> list[tuple[int, int, bytes]]:
    """Our type's rules in update-mime-database's `magic` file: (indent, offset, bytes)."""
    data = (mime_dir / "magic").read_bytes()
    section = data.split(f":{MIME_TYPE}]\n".encode(), 1)[1].split(b"\n[", 1)[0]
    rules = []
    position = 0
    while position < len(section):
        header = re.match(rb"(\d*)>(\d+)=", section[position:])
        assert header, section[position:]
        position += header.end()
        length = int.from_bytes(section[position : position + 2], "big")
        value = section[position + 2 : position + 2 + length]
        position += 2 + length
        assert section[position : position + 1] == b"\n", "no mask, word size or range expected"
        position += 1
        rules.append((int(header.group(1) or 0), int(header.group(2)), value))
    return rules


def test_update_mime_database_compiles_the_same_magic(
    tmp_path: Path, workshop_file: Path, plain_sqlite: Path
) -> None:
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database (shared-mime-info) is not installed")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages)
    result = subprocess.run(
        ["update-mime-database", str(tmp_path / "mime")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},  # else it notes the odd folder
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    rules = compiled_magic(tmp_path / "mime")
    assert rules == [
        (0, 0, b"SQLite format 3\x00"),
        (1, 68, APPLICATION_ID.to_bytes(4, "big")),
    ]

    def holds(path: Path) -> bool:
        data = path.read_bytes()
        return all(data[offset : offset + len(value)] == value for _, offset, value in rules)

    assert holds(workshop_file)
    assert not holds(plain_sqlite)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f":{MIME_TYPE}:*.workshop" in globs


# -- the icon ------------------------------------------------------------------------------------


def test_svg_icon_is_square_svg_with_a_view_box() -> None:
    root = ET.parse(SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, width, height = (float(part) for part in root.get("viewBox", "").split())
    assert (x, y) == (0, 0)
    assert width == height > 0


def test_svg_icon_draws_at_16_px_and_as_the_window_icon(qapp: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    assert renderer.isValid()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(16) for y in range(16))
    assert opaque > 16 * 16 // 3  # a bold shape, not a hairline
    assert not QIcon(str(SVG)).pixmap(32, 32).isNull()  # the app's window icon (SVG plugin)


def test_render_icons_writes_every_theme_size(qapp: object, tmp_path: Path) -> None:
    from packaging_scripts import load

    render_icons = load("render_icons")
    assert render_icons.main(["--hicolor", str(tmp_path), "--no-ico-icns"]) == 0
    from PySide6.QtGui import QImage

    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(str(tmp_path / f"{size}x{size}" / "apps" / "facilitator-app.png"))
        assert (image.width(), image.height()) == (size, size)


# -- the PyInstaller spec and the Windows installer ------------------------------------------------


def test_spec_is_python_and_bundles_what_the_app_needs() -> None:
    source = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(SPEC))
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE", "copy_metadata"} <= called
    assert 'NAME = "facilitator-app"' in source  # copy_metadata(NAME): --version when frozen
    assert "launcher.py" in source
    assert (PACKAGING / "launcher.py").is_file()
    assert {"qtbase_cs.qm", "qtbase_en.qm"} <= set(re.findall(r"qtbase_\w+\.qm", source))
    for key in ("CFBundleDocumentTypes", "UTExportedTypeDeclarations", '"workshop"', MIME_TYPE):
        assert key in source or f'"{key}"' in source, key


def test_inno_setup_script_installs_the_build_and_associates_workshops() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for the Czech texts"
    text = raw.decode("utf-8-sig")
    sections = set(re.findall(r"^\[(\w+)\]", text, flags=re.MULTILINE))
    assert {"Setup", "Files", "Icons", "Registry", "Languages"} <= sections
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, flags=re.MULTILINE)
    assert '#define Dist "..\\..\\dist\\facilitator-app"' in text
    assert r"Software\Classes\.workshop" in text
    assert '"""{app}\\{#AppExe}"" ""%1"""' in text  # the file is passed to the app
    assert "{autoprograms}" in text  # the Start menu entry
    assert "ChangesAssociations=yes" in text
