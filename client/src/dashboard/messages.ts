// Every message between the extension and the dashboard page, typed once and checked on arrival in
// both directions (the same rules as the preview's: client/src/preview/messages.ts). No vscode, no DOM.
import { checkMessage, isText, type Check } from '../preview/messages';

/** The one dashboard's name in its messages; the page and the extension ignore any other. */
export const DASHBOARD_SOURCE = 'postmortem-dashboard';

interface BaseMessage {
  readonly source: string;
}

export namespace ToDashboard {
  /** New figures: the body to replace in place. */
  export interface Update extends BaseMessage {
    readonly type: 'update';
    readonly body: string;
  }
  export type Message = Update;
}

export namespace FromDashboard {
  export interface Ready extends BaseMessage {
    readonly type: 'ready';
  }
  /** A click on one of the longest incidents: open it (only if the index holds that URI). */
  export interface OpenIncident extends BaseMessage {
    readonly type: 'openIncident';
    readonly uri: string;
  }
  /** The Export to HTML button. */
  export interface Export extends BaseMessage {
    readonly type: 'export';
  }
  export interface CspViolation extends BaseMessage {
    readonly type: 'cspViolation';
    readonly directive: string;
    readonly blocked: string;
  }
  export type Message = Ready | OpenIncident | Export | CspViolation;
}

const TO_DASHBOARD: Record<ToDashboard.Message['type'], Check> = {
  update: (m) => isText(50_000_000)(m.body),
};

const FROM_DASHBOARD: Record<FromDashboard.Message['type'], Check> = {
  ready: () => true,
  openIncident: (m) => isText(8192)(m.uri),
  export: () => true,
  cspViolation: (m) => isText(256)(m.directive) && isText(8192)(m.blocked),
};

export function isToDashboardMessage(value: unknown): value is ToDashboard.Message {
  return checkMessage<ToDashboard.Message>(TO_DASHBOARD, value, DASHBOARD_SOURCE);
}

export function isFromDashboardMessage(value: unknown): value is FromDashboard.Message {
  return checkMessage<FromDashboard.Message>(FROM_DASHBOARD, value, DASHBOARD_SOURCE);
}
