// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <vector>

namespace Stackscope {

/// A YAML text read with yaml-cpp 0.7, and the problems found in it, positioned the way an editor
/// shows them (1-based lines, columns counted in characters, not bytes).
///
/// parse() works around what yaml-cpp 0.7 gets wrong: LoadAll() looping forever on a token no
/// document can start with, a quoted string whose closing quote is missing running on to the end
/// of the file (reported as unterminated: none of our formats has a quoted value that spans
/// lines), and syntax errors reported far from their cause (a tab in the indentation, a
/// bracket left open).
class YamlDocument
{
    // The messages were written for the configuration file and keep its context.
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    explicit YamlDocument(const QByteArray &yaml);

    /// Reads every document of the text. False when the text is not YAML (a syntax error, an
    /// unterminated string): problems() then says where and why, and documents() is empty.
    bool parse();

    /// The documents parse() read, empty ones left out.
    const std::vector<YAML::Node> &documents() const { return m_documents; }

    /// Records a problem at `mark` (yaml-cpp's 0-based line and byte column); without a
    /// position when the mark is null.
    void addProblem(const YAML::Mark &mark, const QString &message);

    /// Every problem recorded so far, in file order (by line, then column; in the order they
    /// were recorded for the same position).
    QList<ConfigProblem> problems() const;

private:
    ConfigProblem positioned(int line, int byteColumn, const QString &message) const;
    void reportSyntaxError(const YAML::Exception &e);
    std::optional<YAML::Mark> unclosedBracket(char bracket) const;
    bool checkQuotes(const std::vector<YAML::Node> &documents);
    void checkQuote(const YAML::Mark &mark);

    QByteArray m_yaml;
    QList<QByteArray> m_lines; ///< without the byte-order mark and line ends
    std::vector<YAML::Node> m_documents;
    QList<ConfigProblem> m_problems;
};

} // namespace Stackscope
