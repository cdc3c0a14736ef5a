// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

/// `.env` files and compose's `${VAR}` interpolation, read as docker compose v2 (compose-go) reads
/// them, for the fallback parser and for whoever needs COMPOSE_PROJECT_NAME and friends.
namespace Stackscope::DotEnv {

/// A variable's value, or nothing when it is not set (set but empty is not the same).
using Lookup = std::function<std::optional<QString>(const QString &name)>;

/// Compose's interpolation of one value: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?message}`, `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`, nested
/// (`${A:-${B:-x}}`), and `$$` for a literal `$`; a `$` followed by anything else stays.
/// Returns false with `error` set ("required variable X is missing a value: message", or
/// "invalid interpolation format ...") when compose would refuse the value. Variables used but
/// not set are added to `unset` (compose warns and uses an empty string).
bool interpolate(const QString &text, const Lookup &lookup, QString *out, QString *error,
                 QStringList *unset = nullptr, QString *failedVariable = nullptr);

/// Every assignment of a `.env` text in file order (a key may repeat: the last one wins, as in
/// compose). Rules: `#` comment lines, an optional `export ` prefix, `KEY=value` or `KEY: value`,
/// unquoted values end at the line's end or at ` #`, single quotes are literal, double quotes
/// take `\n`, `\r`, `\$` and `\<char>` escapes and may span lines, unquoted and double-quoted
/// values interpolate `${VAR}` from `environment` first and then from earlier lines, and a bare
/// `KEY` takes the environment's value (or is skipped). On a syntax error parsing stops (compose
/// refuses the whole file) and `errors` gets "line N: message".
QList<std::pair<QString, QString>> parse(const QByteArray &text,
                                         const QProcessEnvironment &environment,
                                         QStringList *errors = nullptr);
/// As above, with the process environment.
QList<std::pair<QString, QString>> parse(const QByteArray &text, QStringList *errors = nullptr);

/// The variables of the `.env` file at `path`; empty with `error` set ("PATH:LINE: message",
/// or "PATH: reason" when it cannot be read) on failure.
QHash<QString, QString> load(const QString &path, const QProcessEnvironment &environment,
                             QString *error = nullptr);
/// As above, with the process environment.
QHash<QString, QString> load(const QString &path, QString *error = nullptr);

} // namespace Stackscope::DotEnv
