"""Render the app icon's raster forms from facilitator_app/resources/icons/facilitator-app.svg.

- PNGs for the freedesktop icon theme: build/icons/hicolor/<N>x<N>/apps/facilitator-app.png
- build/icons/facilitator-app.ico (Windows) and build/icons/facilitator-app.icns (macOS)

The SVG is the only source; everything written here is generated (and ignored by git). Qt's
QtSvg draws the PNGs, so any machine with the app's own dependencies can run this. The .ico and
.icns need Pillow, a build-only dependency: without it they are skipped with a note.

Run with the project's Python: ``python packaging/render_icons.py`` (the spec does it).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "facilitator_app" / "resources" / "icons" / "facilitator-app.svg"
BUILD = ROOT / "build" / "icons"
HICOLOR = BUILD / "hicolor"
NAME = "facilitator-app"

THEME_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """The SVG drawn at each size, as PNG bytes with a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    pngs = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"could not encode the {size} px icon as PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_theme_pngs(pngs: dict[int, bytes], hicolor: Path) -> list[Path]:
    written = []
    for size in THEME_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png"
        if write_if_changed(target, pngs[size]):
            written.append(target)
    return written


def write_ico_icns(pngs: dict[int, bytes], build: Path) -> list[Path]:
    """The Windows .ico and macOS .icns, each holding every size drawn from the SVG."""
    try:
        from PIL import Image
    except ImportError:
        print("render_icons: Pillow is not installed; skipping .ico and .icns", file=sys.stderr)
        return []
    written = []
    for suffix, sizes in ((".ico", ICO_SIZES), (".icns", ICNS_SIZES)):
        images = [Image.open(io.BytesIO(pngs[size])).convert("RGBA") for size in sizes]
        largest, *others = images[::-1]
        out = io.BytesIO()
        fmt = "ICO" if suffix == ".ico" else "ICNS"
        extra = {"sizes": [(s, s) for s in sizes]} if fmt == "ICO" else {}
        largest.save(out, fmt, append_images=others, **extra)
        target = build / f"{NAME}{suffix}"
        if write_if_changed(target, out.getvalue()):
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--hicolor", type=Path, default=HICOLOR, help="the PNG theme folder")
    parser.add_argument("--build", type=Path, default=BUILD, help="where .ico and .icns go")
    parser.add_argument("--no-ico-icns", action="store_true", help="only the PNGs")
    options = parser.parse_args(argv)
    sizes = set(THEME_SIZES)
    if not options.no_ico_icns:
        sizes |= set(ICO_SIZES) | set(ICNS_SIZES)
    pngs = render(options.svg, tuple(sorted(sizes)))
    written = write_theme_pngs(pngs, options.hicolor)
    if not options.no_ico_icns:
        written += write_ico_icns(pngs, options.build)
    for path in written:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"render_icons: wrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
