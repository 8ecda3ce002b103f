// --format sarif: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers. The tool's rules
// come from the rule index; locations are relative to a base folder (SRCROOT), regions in 1-based
// lines and UTF-16 columns, as the reports count them.
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SeverityName } from '../../core/config';
import type { FileReport } from '../../protocol';
import { RULE_CATALOGUE } from '../../service/catalogue';
import { packageInfo } from '../packageInfo';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<SeverityName, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

/** A path relative to the base as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string, base: string): string {
  return relative(base, resolve(file)).split(sep).map(encodeURIComponent).join('/');
}

/** A one-line description as a SARIF message: a sentence, starting with a capital, ending with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The rule's own row in the README's table of diagnostic codes (each row carries `<a id="rule-CODE">`). */
export function ruleHelpUri(readmeUrl: string, code: string): string {
  return `${readmeUrl}#rule-${code}`;
}

/** The SARIF log of the reports; `base` is the folder locations are relative to. */
export function sarifLog(reports: readonly FileReport[], base: string): object {
  const { version, readmeUrl } = packageInfo();
  const ruleIndex = new Map(RULE_CATALOGUE.map((rule, index) => [rule.code, index]));
  const baseUri = pathToFileURL(resolve(base)).href.replace(/\/?$/, '/');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'postmortem-lint',
          version,
          semanticVersion: version,
          informationUri: readmeUrl,
          rules: RULE_CATALOGUE.map((rule) => ({
            id: rule.code,
            name: rule.code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toUpperCase()),
            shortDescription: { text: sentence(rule.description) },
            fullDescription: { text: sentence(rule.description) },
            helpUri: ruleHelpUri(readmeUrl, rule.code),
            help: { text: `See ${rule.code} in the README's table of diagnostic codes: ${ruleHelpUri(readmeUrl, rule.code)}` },
            defaultConfiguration: rule.defaultSeverity === 'off' ? { level: 'none', enabled: false } : { level: LEVEL[rule.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: baseUri } },
      columnKind: 'utf16CodeUnits',
      results: reports.flatMap((report) => report.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: sentence(d.message) },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: relativeUri(report.file, base), uriBaseId: 'SRCROOT' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      }))),
    }],
  };
}
