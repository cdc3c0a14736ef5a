<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>BackendStatus</name>
    <message>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Use FILE as the configuration (default: $XDG_CONFIG_HOME/stackscope/config.yaml).</source>
        <translation>FILE als Konfiguration verwenden (Vorgabe: $XDG_CONFIG_HOME/stackscope/config.yaml).</translation>
    </message>
    <message>
        <source>Check FILE and exit: 0 when valid, otherwise 1 with every problem as FILE:LINE:COLUMN: message on stderr. The file is never changed.</source>
        <translation>FILE prüfen und beenden: 0, wenn gültig, sonst 1 und jedes Problem als FILE:LINE:COLUMN: Meldung auf stderr. Die Datei wird nie verändert.</translation>
    </message>
    <message>
        <source>Print the stack's services with state and health and each backend's reachability, without opening a window. Exit 0 when everything runs and is healthy, else 1.</source>
        <translation>Dienste des Stacks mit Zustand und Gesundheit sowie die Erreichbarkeit jedes Backends ausgeben, ohne ein Fenster zu öffnen. Exit 0, wenn alles läuft und gesund ist, sonst 1.</translation>
    </message>
    <message>
        <source>With --status: print JSON.</source>
        <translation>Mit --status: JSON ausgeben.</translation>
    </message>
    <message>
        <source>Import a Grafana dashboard JSON FILE next to the configuration and exit.</source>
        <translation>Ein Grafana-Dashboard (JSON-Datei FILE) neben die Konfiguration importieren und beenden.</translation>
    </message>
    <message>
        <source>Open a Jaeger trace JSON FILE in the Traces page.</source>
        <translation>Einen Jaeger-Trace (JSON-Datei FILE) auf der Seite „Traces“ öffnen.</translation>
    </message>
    <message>
        <source>Start minimised to the tray (as at login).</source>
        <translation>Minimiert im Systembereich starten (wie bei der Anmeldung).</translation>
    </message>
    <message>
        <source>Stackscope: a desktop console for the observability stack on this machine (docker compose, Prometheus, Alertmanager, Grafana, Jaeger).</source>
        <translation>Stackscope: eine Desktop-Konsole für den Observability-Stack auf diesem Rechner (docker compose, Prometheus, Alertmanager, Grafana, Jaeger).</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Prometheus API</source>
        <translation>Prometheus-API</translation>
    </message>
    <message>
        <source>answered JSON, but not the %1</source>
        <translation>antwortet mit JSON, aber nicht als %1</translation>
    </message>
    <message>
        <source>Alertmanager API</source>
        <translation>Alertmanager-API</translation>
    </message>
    <message>
        <source>Jaeger query API</source>
        <translation>Jaeger-Abfrage-API</translation>
    </message>
    <message>
        <source>answered, but not as the Docker Engine API</source>
        <translation>antwortet, aber nicht als Docker-Engine-API</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no Docker socket at %1</source>
        <translation>kein Docker-Socket unter %1</translation>
    </message>
    <message>
        <source>Is Docker installed and running?</source>
        <translation>Ist Docker installiert und gestartet?</translation>
    </message>
    <message>
        <source>connection refused at %1</source>
        <translation>Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The Docker daemon is not running.</source>
        <translation>Der Docker-Daemon läuft nicht.</translation>
    </message>
    <message>
        <source>permission denied on %1</source>
        <translation>keine Berechtigung für %1</translation>
    </message>
    <message>
        <source>Add your user to the 'docker' group (sudo usermod -aG docker $USER) and log in again.</source>
        <translation>Fügen Sie Ihren Benutzer der Gruppe „docker“ hinzu (sudo usermod -aG docker $USER) und melden Sie sich neu an.</translation>
    </message>
    <message>
        <source>no answer from the Docker daemon at %1</source>
        <translation>keine Antwort vom Docker-Daemon unter %1</translation>
    </message>
    <message>
        <source>Docker socket %1: %2</source>
        <translation>Docker-Socket %1: %2</translation>
    </message>
    <message>
        <source>bad answer from the Docker daemon at %1: %2</source>
        <translation>fehlerhafte Antwort vom Docker-Daemon unter %1: %2</translation>
    </message>
    <message>
        <source>answered HTML, not the %1</source>
        <translation>antwortet mit HTML, nicht als %1</translation>
    </message>
    <message>
        <source>the answer of the %1 stops in the middle (%2 bytes)</source>
        <translation>die Antwort der %1 bricht mittendrin ab (%2 Bytes)</translation>
    </message>
    <message>
        <source>answered with an empty body, not the %1</source>
        <translation>antwortet ohne Inhalt, nicht als %1</translation>
    </message>
    <message>
        <source>answered something that is not JSON, not the %1 (%2 at byte %3)</source>
        <translation>antwortet nicht mit JSON, nicht als %1 (%2 bei Byte %3)</translation>
    </message>
</context>
<context>
    <name>Stackscope</name>
    <message>
        <source>Firing and pending alerts from Alertmanager (Prometheus as the fallback), grouped by severity, with silences, and desktop notifications you can act on.</source>
        <translation>Aktive und anstehende Alarme aus Alertmanager (ersatzweise aus Prometheus), nach Schweregrad gruppiert, mit Stummschaltungen und Desktop-Benachrichtigungen, auf die Sie reagieren können.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alertmanager: %1</source>
        <translation>Alertmanager: %1</translation>
    </message>
    <message>
        <source>none (Prometheus alerts are used)</source>
        <translation>keiner (Alarme aus Prometheus werden verwendet)</translation>
    </message>
    <message>
        <source>Notifications: %1, from severity %2</source>
        <translation>Benachrichtigungen: %1, ab Schweregrad %2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Live charts of Prometheus queries: dashboards defined in the configuration or imported from Grafana dashboard JSON, an Explore box for ad-hoc PromQL, and the health of every scrape target.</source>
        <translation>Live-Diagramme von Prometheus-Abfragen: Dashboards aus der Konfiguration oder aus importiertem Grafana-JSON, ein Eingabefeld für PromQL und der Zustand jedes Scrape-Ziels.</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus: %1</translation>
    </message>
    <message>
        <source>Start, stop and restart the whole compose project or one service by button, with every service's state, health, uptime, restarts, ports, CPU and memory live, and the logs of each container.</source>
        <translation>Das ganze Compose-Projekt oder einen Dienst per Knopfdruck starten, stoppen und neu starten, mit Zustand, Gesundheit, Laufzeit, Neustarts, Ports, CPU und Speicher jedes Dienstes live und den Logs jedes Containers.</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Compose project: %1</source>
        <translation>Compose-Projekt: %1</translation>
    </message>
    <message>
        <source>Compose files: %1</source>
        <translation>Compose-Dateien: %1</translation>
    </message>
    <message>
        <source>Docker: %1 (%2)</source>
        <translation>Docker: %1 (%2)</translation>
    </message>
    <message>
        <source>Search Jaeger for traces and open them as a timeline: span tree, zoom, span details, and traces far larger than the Jaeger UI can open.</source>
        <translation>Traces in Jaeger suchen und als Zeitleiste öffnen: Span-Baum, Zoom, Span-Details und Traces, die weit größer sind, als die Jaeger-Oberfläche öffnen kann.</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Jaeger: %1</source>
        <translation>Jaeger: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::Application</name>
    <message>
        <source>start at login: %1</source>
        <translation>Start bei Anmeldung: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::BackendMonitor</name>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
</context>
<context>
    <name>Stackscope::BackendStatusBar</name>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Ask every backend again now</source>
        <translation>Alle Backends jetzt erneut fragen</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Since: %1</source>
        <translation>Seit: %1</translation>
    </message>
    <message>
        <source>Last check took %1 ms</source>
        <translation>Letzte Prüfung dauerte %1 ms</translation>
    </message>
</context>
<context>
    <name>Stackscope::ConfigManager</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the file's layout cannot be changed safely (%1); edit it by hand</source>
        <translation>der Aufbau der Datei lässt sich nicht sicher ändern (%1); bitte von Hand bearbeiten</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::ConfigProblemBanner</name>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>The configuration file has 1 problem.</source>
        <translation>Die Konfigurationsdatei hat 1 Problem.</translation>
    </message>
    <message>
        <source>The configuration file has %1 problems.</source>
        <translation>Die Konfigurationsdatei hat %1 Probleme.</translation>
    </message>
    <message>
        <source> Stackscope keeps running with the last good configuration and has not changed the file.</source>
        <translation> Stackscope läuft mit der letzten gültigen Konfiguration weiter und hat die Datei nicht verändert.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>Stackscope::HttpClient</name>
    <message>
        <source>the environment variable %1 that holds the %2 secret is not set</source>
        <translation>die Umgebungsvariable %1 mit dem Geheimnis für %2 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>no certificate could be read from the CA file %1</source>
        <translation>aus der CA-Datei %1 ließ sich kein Zertifikat lesen</translation>
    </message>
    <message>
        <source>the answer from %1 is larger than the %2 limit (http.max_body)</source>
        <translation>die Antwort von %1 ist größer als die Grenze von %2 (http.max_body)</translation>
    </message>
    <message>
        <source>no answer within %1 from %2</source>
        <translation>keine Antwort innerhalb von %1 von %2</translation>
    </message>
    <message>
        <source>request cancelled</source>
        <translation>Anfrage abgebrochen</translation>
    </message>
    <message>
        <source>connection refused at %1</source>
        <translation>Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>host not found: %1</source>
        <translation>Rechner nicht gefunden: %1</translation>
    </message>
    <message>
        <source>TLS error at %1: %2</source>
        <translation>TLS-Fehler bei %1: %2</translation>
    </message>
    <message>
        <source>the answer from %1 was cut off after %2</source>
        <translation>die Antwort von %1 brach nach %2 ab</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>network error at %1: %2</source>
        <translation>Netzwerkfehler bei %1: %2</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>the answer from %1 was cut off after %2 of %3</source>
        <translation>die Antwort von %1 brach nach %2 von %3 ab</translation>
    </message>
</context>
<context>
    <name>Stackscope::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>&amp;Konfigurationsdatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>Konfiguration &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Check &amp;backends now</source>
        <translation>&amp;Backends jetzt prüfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Stackscope</source>
        <translation>&amp;Über Stackscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Stackscope</source>
        <translation>Über Stackscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stackscope %1&lt;/h3&gt;&lt;p&gt;A native desktop console for the observability stack on your machine.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later. Built with Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), prometheus-cpp (MIT) and simdjson (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stackscope %1&lt;/h3&gt;&lt;p&gt;Eine native Desktop-Konsole für den Observability-Stack auf Ihrem Rechner.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später. Erstellt mit Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), prometheus-cpp (MIT) und simdjson (Apache-2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
</context>
<context>
    <name>Stackscope::SelfMetrics</name>
    <message>
        <source>cannot serve self-metrics on %1: the address is in use or not local (%2)</source>
        <translation>eigene Metriken können nicht unter %1 bereitgestellt werden: Die Adresse ist belegt oder nicht lokal (%2)</translation>
    </message>
</context>
<context>
    <name>Stackscope::SettingsDialog</name>
    <message>
        <source>Stackscope Settings</source>
        <translation>Stackscope-Einstellungen</translation>
    </message>
    <message>
        <source>One URL per line; two for an HA pair</source>
        <translation>Eine URL pro Zeile; zwei für ein HA-Paar</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus-URL</translation>
    </message>
    <message>
        <source>Prometheus timeout</source>
        <translation>Prometheus-Zeitlimit</translation>
    </message>
    <message>
        <source>Alertmanagers</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Jaeger URL</source>
        <translation>Jaeger-URL</translation>
    </message>
    <message>
        <source>Grafana URL</source>
        <translation>Grafana-URL</translation>
    </message>
    <message>
        <source>Credentials and certificates are set in the file itself (auth, ca_file): secrets are read from environment variables, never stored.</source>
        <translation>Zugangsdaten und Zertifikate werden in der Datei selbst eingetragen (auth, ca_file): Geheimnisse werden aus Umgebungsvariablen gelesen, nie gespeichert.</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Backend status</source>
        <translation>Backend-Status</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Jaeger services</source>
        <translation>Jaeger-Dienste</translation>
    </message>
    <message>
        <source>Durations such as 500ms, 10s, 5m or 1h; at least 1s.</source>
        <translation>Dauern wie 500ms, 10s, 5m oder 1h; mindestens 1s.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Show desktop notifications for firing alerts</source>
        <translation>Desktop-Benachrichtigungen für aktive Alarme zeigen</translation>
    </message>
    <message>
        <source>Also when an alert resolves</source>
        <translation>Auch wenn ein Alarm endet</translation>
    </message>
    <message>
        <source>More new alerts than this in one poll become one summary notification</source>
        <translation>Mehr neue Alarme als diese in einer Abfrage werden zu einer zusammenfassenden Benachrichtigung</translation>
    </message>
    <message>
        <source>From severity</source>
        <translation>Ab Schweregrad</translation>
    </message>
    <message>
        <source>Summarise above</source>
        <translation>Zusammenfassen ab</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>detect (docker compose, else docker-compose)</source>
        <translation>erkennen (docker compose, sonst docker-compose)</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Compose-Projekt</translation>
    </message>
    <message>
        <source>Compose command</source>
        <translation>Compose-Befehl</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Serve Stackscope's own metrics</source>
        <translation>Eigene Metriken von Stackscope bereitstellen</translation>
    </message>
    <message>
        <source>Start Stackscope at login, minimised to the tray</source>
        <translation>Stackscope bei der Anmeldung starten, minimiert im Systembereich</translation>
    </message>
    <message>
        <source>Metrics address</source>
        <translation>Metrik-Adresse</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Nicht gespeichert:</translation>
    </message>
</context>
<context>
    <name>Stackscope::TrayIcon</name>
    <message>
        <source>Show or hide Stackscope</source>
        <translation>Stackscope zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
</TS>