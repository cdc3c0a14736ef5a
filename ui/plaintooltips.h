// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemView;

namespace Stackscope {

/// Tooltips (and QMessageBox, tray tooltips) show rich text whenever the text looks like it
/// (Qt::mightBeRichText): an alert annotation `<img src="file:///etc/passwd">` would be rendered.
/// Every tooltip that holds someone else's text goes through plainToolTip(): escaped and
/// wrapped, so it is shown literally. Empty stays empty (no tooltip).
QString plainToolTip(const QString &text);

/// For places that guess the format and where a plain text must stay plain for other readers
/// (a tray balloon's title and message): `text` as it is when Qt would show it as plain text
/// anyway, else escaped (as plainToolTip()) so that it is shown literally.
QString plainForAutoText(const QString &text);

/// Shows the ToolTipRole of `view`'s items as plain text (item views hand ToolTipRole to
/// QToolTip as it is, which guesses the format). Installs an event filter on the viewport.
void showItemToolTipsAsPlainText(QAbstractItemView *view);

} // namespace Stackscope
