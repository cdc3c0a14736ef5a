<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<!-- English plural forms only: the sources are English, but a numerus tr("%n item(s)", nullptr, n)
     shows its "(s)" as written unless a translation gives the forms. main.cpp installs this file
     first, for every language; a language's own file (stackscope_de.ts) takes precedence.
     tst_translation checks that every numerus message of the sources is here. Written by hand
     (lupdate -pluralonly would add the same messages, unfinished). -->
<TS version="2.1" language="en">
<context>
    <name>Stackscope::AlertHistoryView</name>
    <message numerus="yes">
        <source>%n period(s)</source>
        <translation><numerusform>%n period</numerusform><numerusform>%n periods</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the kept history</source>
        <translation><numerusform>Fired once in the kept history</numerusform><numerusform>Fired %n times in the kept history</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::LogView</name>
    <message numerus="yes">
        <source>%n line(s) kept</source>
        <translation><numerusform>%n line kept</numerusform><numerusform>%n lines kept</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> · %n match(es)</source>
        <translation><numerusform> · %n match</numerusform><numerusform> · %n matches</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::MetricsController</name>
    <message numerus="yes">
        <source>%n native histogram sample(s) not drawn</source>
        <translation><numerusform>%n native histogram sample not drawn</numerusform><numerusform>%n native histogram samples not drawn</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::MetricsFeature</name>
    <message numerus="yes">
        <source>Imported &quot;%1&quot; (%n panel(s)) as %2</source>
        <translation><numerusform>Imported &quot;%1&quot; (%n panel) as %2</numerusform><numerusform>Imported &quot;%1&quot; (%n panels) as %2</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::MetricsPage</name>
    <message numerus="yes">
        <source>%n series</source>
        <translation><numerusform>%n series</numerusform><numerusform>%n series</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 targets up in %n job(s)</source>
        <translation><numerusform>%1 of %2 targets up in %n job</numerusform><numerusform>%1 of %2 targets up in %n jobs</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::SilenceDialog</name>
    <message numerus="yes">
        <source>Catches none of the %n alert(s) shown now</source>
        <translation><numerusform>Catches none of the %n alert shown now</numerusform><numerusform>Catches none of the %n alerts shown now</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Catches %1 of the %n alert(s) shown now:</source>
        <translation><numerusform>Catches %1 of the %n alert shown now:</numerusform><numerusform>Catches %1 of the %n alerts shown now:</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::SpanDetailsView</name>
    <message numerus="yes">
        <source>%1 of %2 (%3 %) in %n segment(s)</source>
        <translation><numerusform>%1 of %2 (%3 %) in %n segment</numerusform><numerusform>%1 of %2 (%3 %) in %n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation><numerusform>%n field</numerusform><numerusform>%n fields</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::StackPage</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation><numerusform>%n service</numerusform><numerusform>%n services</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::StacksModel</name>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation><numerusform>%n container</numerusform><numerusform>%n containers</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TargetsModel</name>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation><numerusform>%n target</numerusform><numerusform>%n targets</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::Trace</name>
    <message numerus="yes">
        <source>%n span(s) repeat an earlier span ID</source>
        <translation><numerusform>%n span repeats an earlier span ID</numerusform><numerusform>%n spans repeat an earlier span ID</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) name a parent that is not in the trace; shown as roots</source>
        <translation><numerusform>%n span names a parent that is not in the trace; shown as a root</numerusform><numerusform>%n spans name a parent that is not in the trace; shown as roots</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceParser</name>
    <message numerus="yes">
        <source>%n Zipkin server span(s) share the ID of their client span; shown as its child</source>
        <translation><numerusform>%n Zipkin server span shares the ID of its client span; shown as its child</numerusform><numerusform>%n Zipkin server spans share the ID of their client span; shown as its child</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) name a process that the trace does not list</source>
        <translation><numerusform>%n span names a process that the trace does not list</numerusform><numerusform>%n spans name a process that the trace does not list</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceSearchPage</name>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation><numerusform>%n trace</numerusform><numerusform>%n traces</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceView</name>
    <message numerus="yes">
        <source> · %n error(s)</source>
        <translation><numerusform> · %n error</numerusform><numerusform> · %n errors</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::FlameGraphView</name>
    <message numerus="yes">
        <source>%n span(s) below</source>
        <translation><numerusform>%n span below</numerusform><numerusform>%n spans below</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::SpanStatisticsView</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation><numerusform>%n group</numerusform><numerusform>%n groups</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation><numerusform>%n span</numerusform><numerusform>%n spans</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) marked</source>
        <translation><numerusform>%n span marked</numerusform><numerusform>%n spans marked</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceComparisonModel</name>
    <message numerus="yes">
        <source>A: %n span(s), %1</source>
        <translation><numerusform>A: %n span, %1</numerusform><numerusform>A: %n spans, %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>B: %n span(s), %1</source>
        <translation><numerusform>B: %n span, %1</numerusform><numerusform>B: %n spans, %1</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceTimeline</name>
    <message numerus="yes">
        <source> · %n hidden by filters</source>
        <translation><numerusform> · %n hidden by filters</numerusform><numerusform> · %n hidden by filters</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TracesPage</name>
    <message numerus="yes">
        <source>Choose exactly two trace files to compare (%n chosen).</source>
        <translation><numerusform>Choose exactly two trace files to compare (%n chosen).</numerusform><numerusform>Choose exactly two trace files to compare (%n chosen).</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TracesFeature</name>
    <message numerus="yes">
        <source>%1 holds %n trace(s): open one from the list</source>
        <translation><numerusform>%1 holds %n trace: open it from the list</numerusform><numerusform>%1 holds %n traces: open one from the list</numerusform></translation>
    </message>
</context>
</TS>
