"""Check the built app in dist/facilitator-app/: what `make package-check` runs after the build.

Every check runs the frozen executable, never the source, with Qt offscreen and the app's data
and settings in a temporary folder:

- ``--version`` prints the installed package's version (so the dist-info was bundled);
- ``--demo --smoke --room-link 127.0.0.1`` opens the room link on loopback (aiohttp and the
  phone page bundled) and closes it;
- ``--demo --smoke`` paints the window, in English and in Czech, and (when ``xvfb-run`` is
  installed) once more on a real X server through the bundled xcb plugin;
- ``convert`` turns the bundled demo JSON into .workshop, .json, .md, .docx and .pdf; each is
  compared with what the source tree writes from the same input (the .docx part by part, the
  .pdf by its text when poppler's ``pdftotext`` is installed), and the .workshop must carry the
  marks the MIME type matches (the SQLite header at 0, the application_id at 68);
- ``summary`` merges the two bundled demos into .xlsx and .docx (openpyxl and python-docx
  frozen), each the same part by part as the source tree's;
- the .workshop it wrote opens with ``FILE --smoke``, as a double click does;
- on Linux, the folder's own linux/install.sh installs it into a scratch prefix, where it runs
  and its desktop entry validates, and uninstalls it;
- the unpacked folder is below the size limit.

Usage: python packaging/check_package.py [DIST_FOLDER] [--max-mb 200]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "facilitator-app"
# The package's data as the wheel holds it (facilitator_app/paths.py reads it from there).
RESOURCES = Path("facilitator_app") / "resources"
DEMO = RESOURCES / "demo" / "liberec-2026-05-19.json"
FIRST_MEETING_DEMO = RESOURCES / "demo" / "liberec-2026-04-21.json"  # --demo first-meeting
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID_OFFSET = 68
TIMEOUT = 180


class CheckError(Exception):
    pass


def application_id() -> int:
    sys.path.insert(0, str(ROOT))
    from facilitator_app.workshop.store.schema import APPLICATION_ID

    return APPLICATION_ID


class Checker:
    def __init__(self, dist: Path, scratch: Path) -> None:
        self.dist = dist
        self.scratch = scratch
        suffix = ".exe" if sys.platform == "win32" else ""
        cli = dist / f"{NAME}-cli{suffix}"  # Windows: the console twin prints; the GUI exe cannot
        self.executable = cli if cli.exists() else dist / f"{NAME}{suffix}"
        self.internal = dist / "_internal"
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "FACILITATOR_APP_DATA": str(scratch / "data"),
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "LC_ALL": "C.UTF-8",
            "LANG": "C.UTF-8",
            "LANGUAGE": "",
        }

    def run(self, *arguments: str, env: dict[str, str] | None = None, wrap: tuple[str, ...] = ()):
        command = [*wrap, str(self.executable), *arguments]
        started = time.monotonic()
        try:
            result = subprocess.run(
                command,
                env=env or self.env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise CheckError(f"{' '.join(command)}: no exit within {TIMEOUT} s") from None
        if result.returncode != 0:
            raise CheckError(
                f"{' '.join(command)}: exit status {result.returncode}\n{result.stderr.strip()}"
            )
        return result.stdout, time.monotonic() - started

    def source(self, *arguments: str) -> None:
        """The same command run from the source tree, for comparison."""
        subprocess.run(
            [sys.executable, "-m", "facilitator_app", *arguments],
            cwd=ROOT,
            env={**self.env, "PYTHONPATH": str(ROOT)},
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )

    # -- the checks ----------------------------------------------------------------------------

    def version(self) -> str:
        expected = metadata.version(NAME)
        out, _ = self.run("--version")
        if out.strip() != f"{NAME} {expected}":
            raise CheckError(f"--version printed {out.strip()!r}, expected '{NAME} {expected}'")
        return out.strip()

    def bundled_files(self) -> str:
        for demo in (self.internal / DEMO, self.internal / FIRST_MEETING_DEMO):
            if not demo.is_file():
                raise CheckError(f"the demo workshop is not bundled: {demo}")
        bundled = self.internal / RESOURCES / "translations"
        missing = [
            f"translations/{ts.stem}.qm"
            for ts in sorted((ROOT / "resources" / "translations").glob("*.ts"))
            if not (bundled / f"{ts.stem}.qm").is_file()
        ]
        qt_translations = self.internal / "PySide6" / "Qt" / "translations"
        if sys.platform == "win32":
            qt_translations = self.internal / "PySide6" / "translations"
        for name in ("qtbase_cs.qm", "qtbase_en.qm"):
            if not (qt_translations / name).is_file():
                missing.append(f"Qt's {name}")
        if not (self.internal / RESOURCES / "icons" / f"{NAME}.svg").is_file():
            missing.append("the SVG icon")
        for name in ("index.html", "phone.js", "phone.css"):
            if not (self.internal / RESOURCES / "room" / name).is_file():
                missing.append(f"the room link's {name}")
        if missing:
            raise CheckError("not bundled: " + ", ".join(missing))
        kept = sorted(p.name for p in qt_translations.glob("*.qm"))
        return (
            f"the demos, the app's and Qt's translations ({', '.join(kept)}), the icon, "
            "the room link's page"
        )

    def smoke(self, *arguments: str, language: str = "", wrap: tuple[str, ...] = ()) -> str:
        env = dict(self.env)
        if language:
            config = self.scratch / f"config-{language}"
            settings = config / NAME / f"{NAME}.conf"
            settings.parent.mkdir(parents=True, exist_ok=True)
            settings.write_text(f"[ui]\nlanguage={language}\n", encoding="utf-8")
            env["XDG_CONFIG_HOME"] = str(config)
        if wrap:
            env["QT_QPA_PLATFORM"] = "xcb"
        out, seconds = self.run(*arguments, "--smoke", env=env, wrap=wrap)
        records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if not records or not all("window" in record for record in records):
            raise CheckError(f"--smoke printed no window: {out!r}")
        windows = ", ".join(str(record["window"]) for record in records)
        return f"{windows} painted in {seconds:.1f} s"

    def convert_all(self) -> list[str]:
        demo = self.internal / DEMO
        reports = []
        for suffix in (".workshop", ".json", ".md", ".docx", ".pdf"):
            frozen = self.scratch / f"frozen{suffix}"
            source = self.scratch / f"source{suffix}"
            _, seconds = self.run("convert", str(demo), str(frozen))
            if not frozen.is_file() or frozen.stat().st_size == 0:
                raise CheckError(f"convert wrote no {suffix}")
            self.source("convert", str(demo), str(source))
            detail = getattr(self, f"compare_{suffix[1:]}")(frozen, source)
            reports.append(f"convert demo → {suffix} in {seconds:.1f} s: {detail}")
        return reports

    def summary_of_demos(self) -> list[str]:
        demos = [str(self.internal / FIRST_MEETING_DEMO), str(self.internal / DEMO)]
        reports = []
        for suffix in (".xlsx", ".docx"):
            frozen = self.scratch / f"summary-frozen{suffix}"
            source = self.scratch / f"summary-source{suffix}"
            _, seconds = self.run("summary", *demos, "-o", str(frozen))
            self.source("summary", *demos, "-o", str(source))
            detail = self.compare_docx(frozen, source)  # both are zip packages of XML parts
            reports.append(f"summary of the demos → {suffix} in {seconds:.1f} s: {detail}")
        return reports

    def compare_workshop(self, frozen: Path, source: Path) -> str:
        head = frozen.read_bytes()[:100]
        if head[:16] != SQLITE_HEADER:
            raise CheckError(f"{frozen.name}: no SQLite header at offset 0")
        found = int.from_bytes(head[APPLICATION_ID_OFFSET : APPLICATION_ID_OFFSET + 4], "big")
        if found != application_id():
            raise CheckError(f"{frozen.name}: application_id {found:#x} at offset 68")
        # Same content as the source tree's: compare both as JSON, written by the source tree.
        for made in (frozen, source):
            self.source("convert", str(made), str(made.with_suffix(".workshop.json")))
        if (
            frozen.with_suffix(".workshop.json").read_bytes()
            != source.with_suffix(".workshop.json").read_bytes()
        ):
            raise CheckError(f"{frozen.name}: differs from the source tree's")
        return f"SQLite header and application_id {application_id():#x}, same content"

    @staticmethod
    def compare_bytes(frozen: Path, source: Path) -> str:
        if frozen.read_bytes() != source.read_bytes():
            raise CheckError(f"{frozen.name}: differs from the source tree's {source.name}")
        return f"{frozen.stat().st_size} bytes, same as the source tree's"

    compare_json = compare_bytes
    compare_md = compare_bytes

    @staticmethod
    def compare_docx(frozen: Path, source: Path) -> str:
        with zipfile.ZipFile(frozen) as a, zipfile.ZipFile(source) as b:
            if sorted(a.namelist()) != sorted(b.namelist()):
                raise CheckError(f"{frozen.name}: other parts than the source tree's")
            for part in a.namelist():
                if part == "docProps/core.xml":  # holds the time it was written
                    continue
                if a.read(part) != b.read(part):
                    raise CheckError(f"{frozen.name}: {part} differs from the source tree's")
            parts = len(a.namelist())
        return f"{parts} parts, the same as the source tree's (but the time stamps)"

    @staticmethod
    def compare_pdf(frozen: Path, source: Path) -> str:
        if not frozen.read_bytes().startswith(b"%PDF-"):
            raise CheckError(f"{frozen.name}: not a PDF")
        pdftotext = shutil.which("pdftotext")
        if pdftotext is None:
            return "a PDF (pdftotext not installed: text not compared)"
        texts = [
            subprocess.run(
                [pdftotext, "-enc", "UTF-8", str(path), "-"],
                capture_output=True,
                check=True,
                timeout=TIMEOUT,
            ).stdout
            for path in (frozen, source)
        ]
        if texts[0] != texts[1] or not texts[0].strip():
            raise CheckError(f"{frozen.name}: its text differs from the source tree's PDF")
        pages = texts[0].count(b"\f")
        return f"{pages} pages, the same text as the source tree's"

    def install(self) -> str:
        """The folder's own linux/install.sh into a scratch prefix (with a space), run, remove."""
        script = self.dist / "linux" / "install.sh"
        if not script.is_file():
            raise CheckError(f"{script} is not in the built folder")
        prefix = self.scratch / "install prefix"
        env = {**self.env, "XDG_DATA_HOME": str(prefix / "share")}
        arguments = ["--prefix", str(prefix)]
        for extra in ([], ["--uninstall"]):
            subprocess.run(
                ["sh", str(script), *arguments, *extra],
                env=env,
                check=True,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
            if extra:
                break
            installed = prefix / "bin" / NAME
            out = subprocess.run(
                [str(installed), "--version"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            ).stdout
            desktop = prefix / "share" / "applications" / f"{NAME}.desktop"
            validator = shutil.which("desktop-file-validate")
            if validator:
                found = subprocess.run(
                    [validator, str(desktop)], capture_output=True, text=True, check=False
                )
                if found.returncode != 0 or found.stdout.strip():
                    raise CheckError(f"the installed {desktop.name}: {found.stdout.strip()}")
        left = [p for p in (prefix / "lib" / NAME, prefix / "bin" / NAME) if os.path.lexists(p)]
        if left:
            raise CheckError(f"--uninstall left {', '.join(map(str, left))}")
        validated = ", the installed .desktop validates" if validator else ""
        return f"installed, runs ({out.strip()}){validated}, uninstalled"

    def size(self, limit_mb: float) -> str:
        total = files = 0
        for path in self.dist.rglob("*"):
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
                files += 1
        megabytes = total / 1_000_000
        if megabytes > limit_mb:
            raise CheckError(f"unpacked size {megabytes:.1f} MB is above {limit_mb:g} MB")
        return f"{megabytes:.1f} MB in {files} files (limit {limit_mb:g} MB)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--max-mb", type=float, default=200.0, help="the unpacked size limit")
    options = parser.parse_args(argv)
    if not options.dist.is_dir():
        print(f"check_package: {options.dist}: no such folder; run `make package`", file=sys.stderr)
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="facilitator-app-check-") as scratch:
        checker = Checker(options.dist.resolve(), Path(scratch))
        xvfb = shutil.which("xvfb-run") if sys.platform.startswith("linux") else None
        checks = [
            ("--version", checker.version),
            ("bundled", checker.bundled_files),
            ("--demo --smoke", lambda: checker.smoke("--demo")),
            ("--demo --smoke in Czech", lambda: checker.smoke("--demo", language="cs")),
            (
                "--demo --smoke on X (xvfb-run)",
                (lambda: checker.smoke("--demo", wrap=(xvfb, "-a"))) if xvfb else None,
            ),
            (
                "--demo --smoke --room-link 127.0.0.1 (the server starts, the page is served)",
                lambda: checker.smoke("--demo", "--room-link", "127.0.0.1"),
            ),
            ("convert", checker.convert_all),
            ("summary", checker.summary_of_demos),
            (
                "FILE.workshop --smoke",
                lambda: checker.smoke(str(Path(scratch) / "frozen.workshop")),
            ),
            (
                "linux/install.sh",
                checker.install if sys.platform.startswith("linux") else None,
            ),
            ("unpacked size", lambda: checker.size(options.max_mb)),
        ]
        for title, check in checks:
            if check is None:
                print(f"skip  {title}: not on this machine")
                continue
            try:
                result = check()
            except (CheckError, subprocess.CalledProcessError) as error:
                failures += 1
                detail = error.stderr if isinstance(error, subprocess.CalledProcessError) else ""
                print(f"FAIL  {title}: {error} {detail or ''}".rstrip())
                continue
            for line in result if isinstance(result, list) else [result]:
                print(
                    f"ok    {line}" if title in ("convert", "summary") else f"ok    {title}: {line}"
                )
    if failures:
        print(f"check_package: {failures} check(s) failed", file=sys.stderr)
        return 1
    print("check_package: the packaged app works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
