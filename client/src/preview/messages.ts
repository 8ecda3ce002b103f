// Every message between the extension and the preview page, typed once and checked on arrival in
// both directions. Imported by the extension (client/src/preview) and by the page (preview-src).
// No vscode and no DOM here: plain data and plain checks.

/** Every message names the document it is about; a message for another document is ignored. */
interface BaseMessage {
  readonly source: string;
}

export namespace ToWebview {
  /** New content: the incident card, the timeline and the rendered document, to replace in place. */
  export interface Update extends BaseMessage {
    readonly type: 'update';
    readonly version: number;
    readonly body: string;
  }
  /** The editor's cursor is on this line (0-based): highlight its timeline entry and block. */
  export interface Cursor extends BaseMessage {
    readonly type: 'cursor';
    readonly line: number;
  }
  export type Message = Update | Cursor;
}

export namespace FromWebview {
  /** The page has loaded and listens. */
  export interface Ready extends BaseMessage {
    readonly type: 'ready';
  }
  /** Show this line (0-based) in the editor: a click on a timeline entry or a rendered block. */
  export interface RevealLine extends BaseMessage {
    readonly type: 'revealLine';
    readonly line: number;
  }
  /** A link was clicked; the extension decides what may be opened. */
  export interface OpenLink extends BaseMessage {
    readonly type: 'openLink';
    readonly href: string;
  }
  /** The page's Content Security Policy blocked something. */
  export interface CspViolation extends BaseMessage {
    readonly type: 'cspViolation';
    readonly directive: string;
    readonly blocked: string;
  }
  export type Message = Ready | RevealLine | OpenLink | CspViolation;
}

/** A message type's own fields' check (its `type` and `source` are checked before). */
export type Check = (value: Record<string, unknown>) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLine = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000;
export const isText = (max: number) => (value: unknown): value is string => typeof value === 'string' && value.length <= max;

const TO_WEBVIEW: Record<ToWebview.Message['type'], Check> = {
  update: (m) => Number.isInteger(m.version) && isText(50_000_000)(m.body),
  cursor: (m) => isLine(m.line),
};

const FROM_WEBVIEW: Record<FromWebview.Message['type'], Check> = {
  ready: () => true,
  revealLine: (m) => isLine(m.line),
  openLink: (m) => isText(8192)(m.href),
  cspViolation: (m) => isText(256)(m.directive) && isText(8192)(m.blocked),
};

/** `value` is a message of one of `checks`' types about `source`, with well-formed fields. */
export function checkMessage<T>(checks: Record<string, Check>, value: unknown, source: string): value is T {
  if (!isRecord(value) || typeof value.type !== 'string' || value.source !== source) return false;
  const valid = Object.prototype.hasOwnProperty.call(checks, value.type) ? checks[value.type] : undefined;
  return valid !== undefined && valid(value);
}

/** A well-formed message to the page about `source`, else false. */
export function isToWebviewMessage(value: unknown, source: string): value is ToWebview.Message {
  return checkMessage<ToWebview.Message>(TO_WEBVIEW, value, source);
}

/** A well-formed message from the page about `source`, else false. */
export function isFromWebviewMessage(value: unknown, source: string): value is FromWebview.Message {
  return checkMessage<FromWebview.Message>(FROM_WEBVIEW, value, source);
}
