// The dashboard's figures from the server, with the index's scanning state; both the panel and the
// export ask through here.
import type { LanguageClient } from 'vscode-languageclient/node';
import { INDEX_STATS_METHOD, type IncidentStats } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';
import type { IndexStore } from '../incidents/indexStore';

export interface Figures {
  stats: IncidentStats;
  scanning: boolean;
}

const NONE: IncidentStats = { months: [], undated: 0, severities: [], longest: [], owners: [], totals: { incidents: 0, openItems: 0, overdueItems: 0 } };

/** The statistics (none when the server cannot answer: the reason goes to the output channel). */
export async function requestFigures(client: LanguageClient, store: IndexStore): Promise<Figures> {
  try {
    return { stats: await sendCustomRequest(client, INDEX_STATS_METHOD, {}), scanning: store.value.scanning };
  } catch (error) {
    client.outputChannel.appendLine(`postmortem: the incident statistics could not be read: ${String(error)}`);
    return { stats: NONE, scanning: false };
  }
}

/** "2026-11-27 09:40 UTC". */
export function takenAt(now = new Date()): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
