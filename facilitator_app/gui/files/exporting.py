"""Writing the open workshop elsewhere: a copy of its file, its JSON, its minutes.

Functions of the window (File menu). Their texts keep the window's translation context
("MainWindow"), where the Czech translation has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from facilitator_app.gui.files.choose import JSON_FILTER, WORKSHOP_FILTER, chosen_to_save

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow


def save_copy_as(window: MainWindow) -> None:
    """File ▸ Save a copy as…: the file as it is now, elsewhere; the workshop stays here."""
    session = window.session
    if session is None:
        return
    if window.safety.has_fault():  # the file misses edits: write them all elsewhere, go on there
        window.safety.save_copy_and_continue()
        return
    target = chosen_to_save(
        window,
        QCoreApplication.translate("MainWindow", "Save a copy as"),
        session.path.with_name(f"{session.path.stem} copy.workshop"),
        WORKSHOP_FILTER,
    )
    if target is None:
        return
    session.flush()
    try:
        session.document.storage.backup_to(target)
    except Exception as error:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot save the copy"), f"{target}: {error}"
        )
        return
    window.statusbar.showMessage(
        QCoreApplication.translate("MainWindow", "Saved a copy as %s") % target, 6000
    )


def export_json(window: MainWindow) -> None:
    """File ▸ Export JSON…: the workshop in the interchange format."""
    session = window.session
    if session is None:
        return
    target = chosen_to_save(
        window,
        QCoreApplication.translate("MainWindow", "Export JSON"),
        session.path.with_suffix(".json"),
        JSON_FILTER,
    )
    if target is None:
        return
    from facilitator_app.atomic import write_text_atomically
    from facilitator_app.workshop.interchange import dumps

    try:
        write_text_atomically(target, dumps(session.document.data))
    except OSError as error:
        window.show_error(
            QCoreApplication.translate("MainWindow", "Cannot export"),
            f"{target}: {error.strerror}",
        )
        return
    window.export_notice.show_exported(target)


def export_minutes(window: MainWindow) -> None:
    """File ▸ Export minutes…: the export dialog, then where the file went."""
    if window.session is None:
        return
    from facilitator_app.gui.dialogs.export import ExportDialog

    dialog = ExportDialog(window.session, window)
    if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.exported is not None:
        window.export_notice.show_exported(dialog.exported)
