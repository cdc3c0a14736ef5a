// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/configedit.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace Stackscope {

/// Applies edits to the text of a YAML configuration file the way a person would: a value that
/// is there is replaced where it stands, a key that is missing is added under its parent, and
/// everything else (comments, order, blank lines, quoting of other values) stays as it was.
/// yaml-cpp would drop every comment if it wrote the file itself.
class ConfigEditor
{
public:
    explicit ConfigEditor(QByteArray text);

    /// False with errorString() when the text is not YAML this editor understands (it never
    /// guesses: the caller then leaves the file alone).
    bool apply(const ConfigEdit &edit);
    bool apply(const QList<ConfigEdit> &edits);

    const QByteArray &text() const { return m_text; }
    QString errorString() const { return m_error; }

    /// How a value is written in YAML: plain when that is unambiguous, else double-quoted.
    static QByteArray renderScalar(const QVariant &value);

private:
    QByteArray m_text;
    QString m_error;
};

} // namespace Stackscope
