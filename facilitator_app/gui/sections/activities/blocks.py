"""The dialog that chooses and orders the themes an activity block covers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class BlockThemesDialog(QDialog):
    """Choose and order the themes an activity block covers.

    The ticked themes stand first, in the order they were ticked (a theme ticked goes below
    the ticked ones, one unticked below them); Alt+Up / Alt+Down (or a drag) move the current
    theme, and the block names its themes in the list's order.
    """

    def __init__(
        self, themes: list[tuple[int, str]], chosen: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Themes of the block"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Tick the themes; Alt+Up / Alt+Down change their order."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Themes"))
        self.list.setAccessibleDescription(hint.text())
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        order = chosen + [i for i, _ in themes if i not in chosen]
        names = dict(themes)
        for theme_id in order:
            item = QListWidgetItem(names[theme_id], self.list)
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if theme_id in chosen else Qt.CheckState.Unchecked
            )
        self.list.setCurrentRow(0)
        self.list.itemChanged.connect(self._place_ticked)
        self.list.installEventFilter(self)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _ticked_count(self, skip: QListWidgetItem | None = None) -> int:
        return sum(
            1
            for row in range(self.list.count())
            if self.list.item(row) is not skip
            and self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _move_item(self, item: QListWidgetItem, row: int) -> None:
        self.list.blockSignals(True)  # no _place_ticked for the item taken out and put back
        self.list.takeItem(self.list.row(item))
        self.list.insertItem(row, item)
        self.list.blockSignals(False)
        self.list.setCurrentItem(item)

    def _place_ticked(self, item: QListWidgetItem) -> None:
        """A theme just ticked goes below the ticked ones; one unticked, just below them."""
        self._move_item(item, self._ticked_count(skip=item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def move_current(self, step: int) -> None:
        """Move the current theme one place up or down the list."""
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < self.list.count():
            return
        self._move_item(self.list.item(row), row + step)

    def chosen_ids(self) -> list[int]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
