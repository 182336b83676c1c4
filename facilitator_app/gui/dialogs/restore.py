"""File ▸ Restore from backup…: the backups of a workshop, newest first, to restore one from.

With a workshop open, the list shows its backups. Without one (say its file is damaged and
will not open), a box above the list chooses among every workshop that has backups. Each row
says when the copy was made (local time), its size and what it holds. The main window then asks
for a new file name: a backup is never restored over the open workshop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.text import arg
from facilitator_app.gui.files.storage_warning import local_time
from facilitator_app.workshop.store import backups
from facilitator_app.workshop.store.backups import BackupInfo


class RestoreDialog(QDialog):
    """Lists backups; ``chosen()`` is the one to restore after ``exec()`` returns Accepted."""

    def __init__(self, workshop: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setAccessibleName(self.tr("Restore from backup"))
        self.resize(640, 420)
        self.workshop = workshop
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)

        self.sets = QComboBox(self)
        self.sets.setObjectName("backupSets")
        self.sets.setAccessibleName(self.tr("Workshop"))
        layout.addWidget(self.sets)

        self.list = QTreeWidget(self)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("Holds")])
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self._accept_if_chosen())
        layout.addWidget(self.list, 1)

        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore into a new file…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setAccessibleName(self.tr("Restore into a new file"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if workshop is not None:
            self.sets.hide()
            self.intro.setText(
                arg(
                    self.tr(
                        "Backups of “%1”, made when it was opened and every five minutes while "
                        "it changed. The one you choose is restored into a new file; the "
                        "workshop itself is not changed."
                    ),
                    workshop.name,
                )
            )
            self.show_backups(backups.list_backups(workshop))
        else:
            self.intro.setText(
                self.tr(
                    "Choose a workshop, then the backup to restore into a new file. Backups "
                    "are made when a workshop is opened and every five minutes while it changes."
                )
            )
            for backup_set in backups.list_backup_sets():
                label = str(backup_set.workshop) if backup_set.workshop else backup_set.folder.name
                self.sets.addItem(label, str(backup_set.folder))
            self.sets.currentIndexChanged.connect(self._set_chosen)
            self._set_chosen()
        self._update_buttons()

    def _set_chosen(self) -> None:
        folder = self.sets.currentData()
        self.show_backups(backups.list_folder(Path(folder)) if folder else [])

    def show_backups(self, found: list[BackupInfo]) -> None:
        self.list.clear()
        locale = QLocale()
        for info in found:
            if info.problem:
                holds = arg(self.tr("cannot be read: %1"), info.problem)
            else:
                holds = arg(
                    self.tr("attendees: %1, themes: %2, activities: %3"),
                    info.attendees,
                    info.themes,
                    info.activities,
                )
            item = QTreeWidgetItem(
                self.list,
                [
                    local_time(info.made_at),
                    locale.formattedDataSize(info.size),
                    holds,
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            item.setToolTip(0, str(info.path))
            if info.problem:
                item.setDisabled(True)
        first = self.list.topLevelItem(0)
        if found and first is not None:
            self.list.setCurrentItem(first)
        else:
            placeholder = QTreeWidgetItem(self.list, [self.tr("No backups yet."), "", ""])
            placeholder.setDisabled(True)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self._update_buttons()

    def chosen(self) -> BackupInfo | None:
        item = self.list.currentItem()
        if item is None or item.isDisabled():
            return None
        info = item.data(0, Qt.ItemDataRole.UserRole)
        return info if isinstance(info, BackupInfo) else None

    def backup_folder(self) -> Path | None:
        """The folder of the backups shown (the chosen workshop's)."""
        info = self.chosen()
        return info.path.parent if info is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _accept_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()
