"""The app installs like any Python application: the sdist holds what a build needs and no
generated file, the wheel built from it holds the compiled forms, the .qm, the icon and the
demo, and that wheel installed into a fresh venv runs from a folder outside the source tree.

Offline and quick (some 20 s): the build runs without isolation, with the setuptools and
PySide6 of the test's own environment (`build` checks they meet [build-system] requires). The
wheel is really installed, by pip, into a new venv that holds nothing else; only its
dependencies (PySide6, python-docx, …) are lent by the test's environment, through a .pth
file listed after the venv's own site-packages, which therefore comes first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from repo_paths import REPO

NAME = "facilitator-app"
VERSION = metadata.version(NAME)
FORMS = sorted(p.stem for p in (REPO / "forms").glob("*.ui"))
TRANSLATIONS = sorted(p.stem for p in (REPO / "resources" / "translations").glob("*.ts"))
RUNTIME = [
    "facilitator_app/resources/demo/liberec-2026-05-19.json",
    "facilitator_app/resources/icons/facilitator-app.svg",
    *(f"facilitator_app/resources/room/{name}" for name in ("index.html", "phone.js", "phone.css")),
]
GENERATED = [
    *(f"facilitator_app/gui/forms/ui_{form}.py" for form in FORMS),
    *(f"facilitator_app/resources/translations/{ts}.qm" for ts in TRANSLATIONS),
]

pytestmark = pytest.mark.slow


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, **kwargs
    )
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel): `python -m build` makes the sdist, then the wheel from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)])
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def installed(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no pip, no system site-packages) with the wheel installed by pip."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    _, wheel = built
    run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install"),
            *("--no-deps", "--no-index", "--no-cache-dir", "--disable-pip-version-check"),
            str(wheel),
        ]
    )
    site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    lent = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(site.stdout.strip()) / "lent-dependencies.pth").write_text("\n".join(sorted(lent)))
    return venv


def app_env(venv: Path, scratch: Path, language: str) -> dict[str, str]:
    config = scratch / f"config-{language}"
    settings = config / NAME / f"{NAME}.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[ui]\nlanguage={language}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {
        **env,
        "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_APP_DATA": str(scratch / f"data-{language}"),
        "XDG_CONFIG_HOME": str(config),
    }


def test_the_sdist_holds_what_a_build_needs_and_nothing_generated(
    built: tuple[Path, Path],
) -> None:
    sdist, _ = built
    with tarfile.open(sdist) as archive:
        top = f"facilitator_app-{VERSION}/"
        names = {name.removeprefix(top) for name in archive.getnames()}
    needed = {
        "pyproject.toml",
        "setup.py",
        "packaging/build_resources.py",
        *(f"forms/{form}.ui" for form in FORMS),
        *(f"resources/translations/{ts}.ts" for ts in TRANSLATIONS),
        *RUNTIME,
    }
    assert needed <= names, sorted(needed - names)
    assert not names & set(GENERATED), sorted(names & set(GENERATED))
    assert not [n for n in names if n.endswith((".qm", ".pyc")) or n.startswith("tests/")]


def test_the_wheel_holds_the_compiled_forms_translations_icon_and_demo(
    built: tuple[Path, Path],
) -> None:
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        main_form = archive.read("facilitator_app/gui/forms/ui_main_window.py").decode()
    assert {*RUNTIME, *GENERATED} <= names, sorted({*RUNTIME, *GENERATED} - names)
    assert "class Ui_MainWindow" in main_form
    assert "QGradient" not in main_form  # trimmed to the Qt names the form uses
    assert {name.split("/")[0] for name in names} == {
        "facilitator_app",
        f"facilitator_app-{VERSION}.dist-info",
    }


def test_the_installed_wheel_runs_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = app_env(installed, tmp_path, "en")
    app = str(installed / "bin" / NAME)

    where = run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "from facilitator_app import paths\nprint(paths.resources_dir())",
        ],
        cwd=outside,
        env=env,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed), f"the app reads {where}"

    assert run([app, "--version"], cwd=outside, env=env).stdout == f"{NAME} {VERSION}\n"

    for language, translations in (
        ("en", "facilitator_app_en.qm"),
        ("cs", "facilitator_app_cs.qm, qtbase_cs.qm"),
    ):
        smoke = run(
            [app, "--smoke", "--demo"], cwd=outside, env=app_env(installed, tmp_path, language)
        )
        assert f"facilitator-app: translations {translations}" in smoke.stderr.splitlines()
        windows = [json.loads(line)["window"] for line in smoke.stdout.splitlines()]
        assert windows == ["facilitatorWindow"], smoke.stdout

    demo = Path(where) / "demo" / "liberec-2026-05-19.json"
    run([app, "convert", str(demo), "minutes.docx"], cwd=outside, env=env)
    with zipfile.ZipFile(outside / "minutes.docx") as minutes:
        assert "Liberec" in minutes.read("word/document.xml").decode()
