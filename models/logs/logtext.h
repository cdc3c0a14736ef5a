// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logentry.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace Stackscope {

/// What a log line says beyond its text, in one place for every log source (Docker, Loki): its
/// level, its fields, and the text as it may be shown.
namespace LogText {

/// The line without terminal escapes: ANSI CSI sequences (colours, cursor moves: `ESC [ … final`
/// and the 8-bit CSI), OSC sequences (`ESC ] … BEL` or `ESC ] … ESC \`: titles, hyperlinks) and
/// other two-character `ESC x` sequences are removed; nothing else changes (other control
/// characters are made visible when painted, Format::visible). Returns `text` itself, without a
/// copy, when it holds no escape.
QString stripEscapes(const QString &text);

/// The level a line states, Unknown when it states none. In this order: a logfmt `level=` or
/// `lvl=` (also `severity=`; keys in lower case, as loggers write them), a JSON `"level"` /
/// `"severity"` / `"lvl"` (a word in any case, or pino's number),
/// a glog prefix (`E1207 14:02:01.123456 …`), Go's `panic:`, then a level word near the start:
/// in brackets in any case (`[error]`, `[WARN]`), or in capitals followed by a colon, space or
/// bracket (`ERROR:`, `WARN `, `FATAL:`). Only the first 512 characters are read.
LogLevel detectLevel(QStringView text);
/// The level a word names (`warn`, `WARNING`, `err`, `crit`, `dpanic`...), Unknown when none.
LogLevel levelFromWord(QStringView word);
/// "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"; empty for Unknown.
QString levelName(LogLevel level);

/// The fields of a JSON object line (`{"level":"info","msg":"…"}`: top-level members, nested
/// values as compact JSON) or a logfmt line (`level=info msg="a b" n=3`: at least two key=value
/// pairs, quoted values unescaped), in the line's order; empty when the line is neither.
QList<std::pair<QString, QString>> fields(const QString &text);

} // namespace LogText

} // namespace Stackscope
