// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderfeature.h"

#include "placeholderpage.h"

namespace Stackscope {

PlaceholderFeature::PlaceholderFeature(const QString &id, const QString &title, const QIcon &icon,
                                       const QString &description, Details details, QObject *parent)
    : Feature(parent)
    , m_id(id)
    , m_title(title)
    , m_icon(icon)
    , m_description(description)
    , m_details(std::move(details))
{}

QWidget *PlaceholderFeature::createPage()
{
    m_page = new PlaceholderPage(m_title, m_description);
    return m_page;
}

void PlaceholderFeature::applyConfig(const Config &config)
{
    if (m_page)
        m_page->setDetails(m_details(config));
}

} // namespace Stackscope
