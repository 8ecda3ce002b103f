// Profiles: which sections a postmortem needs, in which order, under which names.
import { normalizeAlias } from './sectionNames';

export type SummaryField = 'duration' | 'start' | 'end' | 'impact' | 'root-cause';
export const SUMMARY_FIELDS: readonly SummaryField[] = ['duration', 'start', 'end', 'impact', 'root-cause'];

/** How a summary field's label is written when we write one ("- **Start time:** …"). */
export const SUMMARY_FIELD_TITLES: Readonly<Record<SummaryField, string>> = {
  duration: 'Duration',
  start: 'Start time',
  end: 'End time',
  impact: 'Impact',
  'root-cause': 'Root cause',
};

/** What a section is for, so the model knows where to read facts and timeline entries. */
export type SectionRole = 'summary' | 'timeline' | 'other';

export interface SectionPart {
  id: string;
  title: string;
  aliases: string[];
  /** What a new section holds under its heading, so that inserting it raises no new diagnostic. */
  skeleton?: string[];
}

export interface SectionSpec {
  id: string;
  /** The title used when a fix inserts the section. */
  title: string;
  aliases: string[];
  required: boolean;
  role: SectionRole;
  /** Sections that together stand for this one ("Root Cause" + "Resolution and Recovery"). */
  parts?: SectionPart[];
  /** Facts the section must state (the classic Issue Summary). */
  fields?: SummaryField[];
  /** What a new section holds under its heading, so that inserting it raises no new diagnostic. */
  skeleton?: string[];
}

export interface Profile {
  name: string;
  /** One line for pickers and the settings' enum: the sections it asks for. */
  description: string;
  sections: SectionSpec[];
  /** A checklist whose order real documents do not keep (the SRE book's own example does not): no section-order. */
  unordered?: boolean;
}

/** A summary that states no facts by label (only the classic Issue Summary asks for them). */
export const SUMMARY_PROSE = ['What happened, in two or three sentences.'];
const WHAT_CAUSED_IT = ['What caused the outage.'];
const HOW_IT_WAS_RESOLVED = ['How the service was restored.'];
const TIMELINE_SKELETON = ['- **HH:MM UTC:** What happened.'];
const IMPACT_SKELETON = ['Who was affected, how, and for how long.'];
const ACTION_ITEMS_SKELETON = ['- [ ] Action item (owner, due date).'];

const SUMMARY_ALIASES = [
  'Issue Summary', 'Summary', 'Incident Summary', 'Summary of the Incident', 'Summary of Incident',
  'Issue Overview', 'Incident Overview', 'Overview', 'Executive Summary', 'Outage Summary', 'Incident Description', 'Resumo',
  'Summary of Outage', 'Summary of the Outage', 'TL;DR', 'TLDR', 'Issue Description', 'Problem Description',
  // Chinese and Japanese write a section's name as one word: "## 摘要", "## 概要".
  '摘要', '概述', '事件概述', '事故概述', '概要',
  // Japanese, Chinese and Russian teams' own names (held-out reports): "## サマリー", "## Сводка".
  'サマリー', 'サマリ', '事象概要', '障害概要', 'インシデント概要', '总结', '故障概述',
  'Сводка', 'Резюме', 'Краткое описание', 'Обзор',
  // Spanish (a held-out team's template): "## Descripción General del Incidente", "## Resumen".
  'Resumen', 'Resumen del Incidente', 'Resumen Ejecutivo', 'Descripción General', 'Descripción del Incidente',
  // "Issues summary" on a line of its own (held-out set 14).
  'Issues Summary',
];
const TIMELINE_ALIASES = [
  'Timeline', 'Incident Timeline', 'Events Timeline', 'Event Timeline', 'Timeline of Events',
  'Timeline of the Incident', 'Chronology', 'Sequence of Events', 'Linha do Tempo', 'Cronologia', 'Línea de Tiempo', 'Línea Temporal', 'Cronología', 'Response Timeline', 'Incident Response Timeline',
  '时间线', '时间轴', '事件时间线', 'タイムライン', '経緯', '時系列', 'Временная шкала', 'Хронология', 'Хронология событий',
];
const ROOT_CAUSE_ALIASES = ['Root Cause', 'Root Causes', 'Cause', 'Causes', 'Root Cause Analysis', 'RCA', 'Why Did It Happen', 'Contributing Factors', 'Contributing Factor',
  // As questions: "What was the root cause?" (a held-out ALX postmortem).
  'What Was the Root Cause', 'What Was the Cause', 'What Caused It', 'What Caused This', 'Why Did It Fail', 'Why It Failed', 'Why It Happened',
  // A security incident's cause is the hole it went through (Chia's "## CVE - Description of the Vulnerability").
  'Description of the Vulnerability', 'Vulnerability Description', 'Vulnerability Details', 'The Vulnerability',
  // "## Origin of the incident" (Mezo's chain halt), "## Diagnosis" over the causes found (cheqd's upgrade RCA), held-out set 12.
  'Origin of the Incident', 'Origin of the Issue', 'Origin of the Outage', 'Origin of the Problem', 'Diagnosis', 'Causa Raiz', 'Causa Raíz', 'Análisis de la Causa Raíz', 'Análisis de Causa Raíz', '根因', '根本原因', '原因', '根因分析', '原因分析',
  '根本原因分析', '根因链路', '原因分析と対策', 'Первопричина', 'Первопричины', 'Корневая причина', 'Причина', 'Причины', 'Анализ причин'];
const RESOLUTION_ALIASES = [
  'Resolution', 'Resolution and Recovery', 'Recovery', 'Fix', 'The Fix', 'Remediation', 'Solution', 'Solutions',
  'Resolution Steps', 'Resolutions', 'Mitigation', 'Resolução', 'Resolución', 'Solución',
  // How the team responded, up to the fix, where no section tells the recovery apart (iasql's "## Detection", "## Response", "## Cause").
  'Response', 'Incident Response',
  // What was done to stop it, told as such ("Measures taken to arrest the issue", corpus 048).
  'Measures Taken to Arrest', 'Measures Taken to Resolve', 'Steps Taken to Resolve', 'Actions Taken to Resolve',
  'Steps Taken to Fix', 'How It Was Resolved', 'How It Was Fixed', 'How We Fixed It', 'How We Resolved It',
  // "## How we resolved the issue" (LeapDAO's mainnet postmortem, held-out set 11).
  'How We Resolved the Issue', 'How We Resolved the Problem', 'How We Resolved the Incident', 'How We Resolved the Outage',
  'How We Fixed the Issue', 'How We Fixed the Problem', 'How We Fixed the Outage',
  // As questions: "## How was it fixed" (FT's incident reports), "## How did we fix it?".
  'How Was It Fixed', 'How Was It Resolved', 'How Did We Fix It', 'How Did We Resolve It',
  // "## 2. CE QUI A RÉSOLU L'INCIDENT" (a French homelab report, held-out set 12).
  "Ce Qui a Résolu l'Incident", 'Résolution', "Résolution de l'Incident",
  // "## 🔧 **PLAN DE RECUPERACIÓN**" (a Spanish deploy failure's analysis, held-out set 14).
  'Plan de Recuperación', 'Recuperación',
  '修复', '解决方案', '处理过程', '復旧方法', '対応', '修复过程', '修复与回归证据', '復旧', '復旧対応', 'Решение', 'Устранение', 'Восстановление',
];
const ACTION_ITEM_ALIASES = [
  'Action Items', 'Actions', 'Corrective Actions', 'Follow-up Actions', 'Follow-up Items', 'Next Steps',
  "What We're Doing About It", 'What We Are Doing About It', 'How Are We Going to Do Better', 'How We Will Do Better',
  // What will change, as teams title it: "## Follow-up" (Flutter), "# Future plan", "## Looking Forward",
  // "## What we are changing beyond the patch", "**Recommendations:**", "**Remedial Measures:**".
  'Follow-up', 'Follow-ups', 'Future Plan', 'Future Plans', 'Future Work', 'Future Works', 'Future Mitigations', 'Future Improvements', 'Looking Forward', 'Moving Forward', 'Resulting Action', 'Resulting Actions',
  'What We Are Changing', "What We're Changing", 'What Is Being Done About This', 'Recommendations', 'Remedial Measures',
  'What Could Be Done to Avoid This', 'How to Avoid This', 'How Will We Avoid This',
  'What Are We Doing to Prevent It From Happening Again', 'How Will We Prevent It From Happening Again', 'How We Will Prevent It From Happening Again',
  'Ações Corretivas', 'Acciones Correctivas', 'Acciones Correctivas y Preventivas', 'Acciones Preventivas', 'Medidas Correctivas', 'Medidas Preventivas', '预防', '预防措施', '改进措施', '后续行动', '再発防止策', '今後の対応',
  'アクションアイテム', '再発防止', '今後の対策', '防复发措施', '防复发措施与遗留风险', 'Действия', 'Задачи', 'Меры', 'Профилактические меры', 'План действий',
];

/** The follow-ups' section of a profile, by its id: the classic measures, the other templates' action items. */
export const isMeasuresId = (id: string): boolean => /action|corrective/.test(id);

export const CLASSIC: Profile = {
  name: 'classic',
  description: 'Issue Summary, Timeline, Root Cause and Resolution, Corrective and Preventive Measures',
  sections: [
    { id: 'summary', title: 'Issue Summary', aliases: SUMMARY_ALIASES, required: true, role: 'summary',
      fields: ['duration', 'start', 'end', 'impact', 'root-cause'],
      skeleton: ['- **Duration:** ', '- **Start time:** ', '- **End time:** ', '- **Impact:** ', '- **Root cause:** '] },
    { id: 'timeline', title: 'Timeline', aliases: TIMELINE_ALIASES, required: true, role: 'timeline', skeleton: TIMELINE_SKELETON },
    {
      id: 'root-cause-and-resolution',
      title: 'Root Cause and Resolution',
      aliases: ['Root Cause and Resolution', 'Root Causes and Resolution', 'Cause and Resolution',
        'Root Cause and Fix', 'Root Cause and Solution', 'Root Cause Resolution',
        'Root Cause Analysis and Resolution', 'Cause and Resolution Analysis'],
      required: true,
      role: 'other',
      skeleton: ['What caused the outage, and how it was fixed.'],
      parts: [
        { id: 'root-cause', title: 'Root Cause', aliases: ROOT_CAUSE_ALIASES, skeleton: WHAT_CAUSED_IT },
        { id: 'resolution', title: 'Resolution and Recovery', aliases: RESOLUTION_ALIASES, skeleton: HOW_IT_WAS_RESOLVED },
      ],
    },
    {
      id: 'corrective-and-preventive-measures',
      title: 'Corrective and Preventive Measures',
      aliases: [
        'Corrective and Preventive Measures', 'Corrective and Preventative Measures',
        'Preventive and Corrective Measures', 'Preventative and Corrective Measures',
        'Corrective and Preventive Actions', 'Corrective and Preventative Actions', 'Corrective Measures',
        'Remedial and Preventive Measures', 'Remedial and Preventative Measures',
        'Preventive Measures', 'Preventative Measures', 'Prevention', 'Corrective Measures and Prevention',
        // "Preventive methods", "Preventative steps": a heading may add a word to these.
        'Preventive', 'Preventative', 'Corrective',
        // "### CORRECTION AND PREVENTATION MEASURES", as a widely copied ALX postmortem spells it.
        'Correction and Prevention', 'Corrections and Prevention', 'Correction and Preventation', 'Corrections and Preventation', 'Preventation',
        // "## Measures against such problem in future" (a held-out ALX postmortem), "Measures to prevent recurrence",
        // "## Prevent Recurrence".
        'Measures Against', 'Measures to Prevent', 'Prevent Recurrence', 'Preventing Recurrence', 'Recurrence Prevention',
        // "# Root Cause Remediations" (Ethereum's Holešky and Sepolia postmortems), "## What We're Doing", "### Long-term solution" (held-out set 12).
        'Root Cause Remediation', 'Root Cause Remediations', "What We're Doing", 'What We Are Doing', 'Long-term Solution', 'Long-term Solutions',
        // "## Future Measures:", "Agreed actions:", "## 🛡️ Policy or Tool Improvements" (held-out set 13).
        'Future Measures', 'Agreed Actions', 'Tool Improvements',
        // "PREVENTIVE ACTIONS" on a line of its own, "# Correctional and Preventative Actions", "## 🎯 **RECOMENDACIONES
        // FUTURAS**" (held-out set 14).
        'Preventive Actions', 'Preventative Actions', 'Correctional and Preventive Actions', 'Correctional and Preventative Actions',
        'Correctional and Preventive Measures', 'Correctional and Preventative Measures', 'Recomendaciones', 'Recomendaciones Futuras',
        ...ACTION_ITEM_ALIASES,
      ],
      required: true,
      role: 'other',
      skeleton: ['- [ ] What we will change so that this does not happen again.'],
    },
  ],
};

export const GOOGLE_SRE: Profile = {
  name: 'google-sre',
  unordered: true,
  description: "The SRE book's template: Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Timeline",
  sections: [
    // The template has no story section of its own: "## What happened?" over a brief description is its summary (VA.gov's postmortems).
    { id: 'summary', title: 'Summary', aliases: [...SUMMARY_ALIASES, 'What Happened'], required: true, role: 'summary', skeleton: SUMMARY_PROSE },
    { id: 'impact', title: 'Impact', aliases: ['Impact', 'Customer Impact', 'User Impact', 'Impacto', 'Fallout', '影响', '影响范围', '影響範囲', '影響', 'Влияние'], required: true, role: 'other', skeleton: IMPACT_SKELETON },
    { id: 'root-causes', title: 'Root Causes', aliases: ROOT_CAUSE_ALIASES, required: true, role: 'other', skeleton: WHAT_CAUSED_IT },
    { id: 'trigger', title: 'Trigger', aliases: ['Trigger', 'Triggers'], required: true, role: 'other', skeleton: ['What set the outage off.'] },
    { id: 'resolution', title: 'Resolution', aliases: RESOLUTION_ALIASES, required: true, role: 'other', skeleton: HOW_IT_WAS_RESOLVED },
    { id: 'detection', title: 'Detection', aliases: ['Detection', 'How It Was Detected'], required: true, role: 'other',
      skeleton: ['How we found out: an alert, a customer, a colleague.'] },
    { id: 'action-items', title: 'Action Items', aliases: ACTION_ITEM_ALIASES, required: true, role: 'other', skeleton: ACTION_ITEMS_SKELETON },
    { id: 'lessons-learned', title: 'Lessons Learned', aliases: ['Lessons Learned', 'Lessons', 'Lições Aprendidas', 'Lecciones Aprendidas', '教訓', '经验教训', 'Уроки', 'Извлечённые уроки'], required: true, role: 'other',
      skeleton: ['### What went well', '', '- ', '', '### What went wrong', '', '- ', '', '### Where we got lucky', '', '- '] },
    { id: 'timeline', title: 'Timeline', aliases: TIMELINE_ALIASES, required: true, role: 'timeline', skeleton: TIMELINE_SKELETON },
    { id: 'supporting-information', title: 'Supporting Information', aliases: ['Supporting Information', 'Appendix'], required: false, role: 'other',
      skeleton: ['Links to dashboards, logs and tickets.'] },
  ],
};

export const PAGERDUTY: Profile = {
  name: 'pagerduty',
  unordered: true,
  description: "PagerDuty's template: Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline, How'd We Do, Action Items, Messaging",
  sections: [
    { id: 'overview', title: 'Overview', aliases: ['Overview', ...SUMMARY_ALIASES], required: true, role: 'summary', skeleton: SUMMARY_PROSE },
    { id: 'what-happened', title: 'What Happened', aliases: ['What Happened', 'What Happened?'], required: true, role: 'other',
      skeleton: ['The story of the incident, from the first sign to the all-clear.'] },
    { id: 'contributing-factors', title: 'Contributing Factors', aliases: ROOT_CAUSE_ALIASES, required: true, role: 'other',
      skeleton: ['- What made it possible, or worse.'] },
    { id: 'resolution', title: 'Resolution', aliases: RESOLUTION_ALIASES, required: true, role: 'other', skeleton: HOW_IT_WAS_RESOLVED },
    { id: 'impact', title: 'Impact', aliases: ['Impact', 'Customer Impact', 'Fallout', '影响', '影响范围', '影響範囲'], required: true, role: 'other', skeleton: IMPACT_SKELETON },
    { id: 'responders', title: 'Responders', aliases: ['Responders', 'Incident Responders'], required: false, role: 'other',
      skeleton: ['- Incident commander: ', '- Responders: '] },
    { id: 'timeline', title: 'Timeline', aliases: TIMELINE_ALIASES, required: true, role: 'timeline', skeleton: TIMELINE_SKELETON },
    { id: 'howd-we-do', title: "How'd We Do?", aliases: ["How'd We Do", 'How Did We Do', 'What Went Well'], required: true, role: 'other',
      skeleton: ['- What went well: ', "- What didn't: "] },
    { id: 'action-items', title: 'Action Items', aliases: ACTION_ITEM_ALIASES, required: true, role: 'other', skeleton: ACTION_ITEMS_SKELETON },
    { id: 'messaging', title: 'Messaging', aliases: ['Messaging', 'External Messaging', 'Internal Messaging'], required: false, role: 'other',
      skeleton: ['What we told customers and colleagues, and when.'] },
  ],
};

export const ATLASSIAN: Profile = {
  name: 'atlassian',
  unordered: true,
  description: "Atlassian's incident handbook template: Incident Summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Five Whys, Root Cause, Backlog Check, Recurrence, Lessons Learned, Corrective Actions",
  // The handbook asks for every section; teams that follow it drop the story's parts (Leadup, Fault,
  // Response) and the review's (Five Whys, Backlog Check, Recurrence, Lessons Learned) more often than
  // the rest, so those are not required.
  sections: [
    { id: 'summary', title: 'Incident Summary', aliases: SUMMARY_ALIASES, required: true, role: 'summary', skeleton: SUMMARY_PROSE },
    { id: 'leadup', title: 'Leadup', aliases: ['Leadup', 'Lead-up', 'Lead Up', 'Lead-up to the Incident'], required: false, role: 'other',
      skeleton: ['The changes and events that led to the incident.'] },
    { id: 'fault', title: 'Fault', aliases: ['Fault', 'The Fault'], required: false, role: 'other', skeleton: ['How the change failed to work as expected.'] },
    { id: 'impact', title: 'Impact', aliases: ['Impact', 'Customer Impact', 'User Impact', 'Fallout', '影响', '影响范围', '影響範囲'], required: true, role: 'other', skeleton: IMPACT_SKELETON },
    { id: 'detection', title: 'Detection', aliases: ['Detection', 'How It Was Detected'], required: true, role: 'other',
      skeleton: ['When and how we found out: an alert, a customer, a colleague.'] },
    { id: 'response', title: 'Response', aliases: ['Response', 'Incident Response'], required: false, role: 'other', skeleton: ['Who responded, when, and what they did.'] },
    { id: 'resolution', title: 'Recovery', aliases: ['Recovery', ...RESOLUTION_ALIASES.filter((alias) => !/response/i.test(alias))], required: true, role: 'other', skeleton: HOW_IT_WAS_RESOLVED },
    { id: 'timeline', title: 'Timeline', aliases: TIMELINE_ALIASES, required: true, role: 'timeline', skeleton: TIMELINE_SKELETON },
    { id: 'five-whys', title: 'Five Whys', aliases: ['Five Whys', '5 Whys', 'Whys', 'Root Cause Identification'], required: false, role: 'other',
      skeleton: ['1. Why? Because …'] },
    { id: 'root-cause', title: 'Root Cause', aliases: [...ROOT_CAUSE_ALIASES, 'Technical Cause'], required: true, role: 'other', skeleton: WHAT_CAUSED_IT },
    { id: 'backlog-check', title: 'Backlog Check', aliases: ['Backlog Check'], required: false, role: 'other',
      skeleton: ['Was there work in the backlog that would have prevented this?'] },
    { id: 'recurrence', title: 'Recurrence', aliases: ['Recurrence'], required: false, role: 'other', skeleton: ['Has this happened before, and when?'] },
    { id: 'lessons-learned', title: 'Lessons Learned', aliases: ['Lessons Learned', 'Lessons'], required: false, role: 'other', skeleton: ['- '] },
    { id: 'action-items', title: 'Corrective Actions', aliases: ACTION_ITEM_ALIASES, required: true, role: 'other', skeleton: ACTION_ITEMS_SKELETON },
  ],
};

/** The built-in profiles, in the order pickers and the settings' enum list them (and in which a tie goes to the earlier). */
export const PROFILES: readonly Profile[] = [CLASSIC, GOOGLE_SRE, PAGERDUTY, ATLASSIAN];

export const BUILT_IN_PROFILES: Readonly<Record<string, Profile>> = Object.fromEntries(PROFILES.map((profile) => [profile.name, profile]));

export const DEFAULT_PROFILE = 'classic';

/** The `postmortem.profile` setting's default: the document's own sections choose among the built-in profiles. */
export const AUTO_PROFILE = 'auto';
export const AUTO_PROFILE_DESCRIPTION = "The document's own sections choose among the built-in profiles (classic when they do not tell)";

/** The profile `postmortem.sections` makes, beside the built-in ones. */
export const CUSTOM_PROFILE = { name: 'custom', description: 'The sections listed in postmortem.sections' } as const;

/**
 * The skeleton a built-in profile gives section or part `id`, for custom profiles' sections of the
 * same id ("Timeline", "Impact"): the first profile that has one, in PROFILES' order.
 */
export function builtInSkeleton(id: string): string[] | undefined {
  for (const profile of PROFILES) {
    for (const section of profile.sections) {
      if (section.id === id) return section.skeleton;
      const part = section.parts?.find((candidate) => candidate.id === id);
      if (part) return part.skeleton;
    }
  }
  return undefined;
}

/** A profile with every alias normalized once, as the matcher compares them. */
export interface CompiledProfile extends Profile {
  normalized: Map<string, string[]>;
  /** Each normalized alias's section or part: the first in `normalized`'s order that has it. */
  exact: Map<string, string>;
}

const compiledCache = new WeakMap<Profile, CompiledProfile>();

export function compileProfile(profile: Profile): CompiledProfile {
  const cached = compiledCache.get(profile);
  if (cached) return cached;
  const normalized = new Map<string, string[]>();
  for (const section of profile.sections) {
    normalized.set(section.id, unique([section.title, ...section.aliases].map(normalizeAlias)));
    for (const part of section.parts ?? []) {
      normalized.set(part.id, unique([part.title, ...part.aliases].map(normalizeAlias)));
    }
  }
  const exact = new Map<string, string>();
  for (const [id, aliases] of normalized) for (const alias of aliases) if (!exact.has(alias)) exact.set(alias, id);
  const compiled: CompiledProfile = { ...profile, normalized, exact };
  compiledCache.set(profile, compiled);
  return compiled;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Labels that name a summary fact; inside a summary they are fields, not new sections. */
export const FIELD_LABELS: Readonly<Record<SummaryField, string[]>> = {
  duration: ['duration', 'outage duration', 'duration of outage', 'duration of the outage', 'incident duration', 'time', 'when', 'date and time', 'date/time', 'date & time', 'window', 'outage window', 'impact window', 'incident window',
    // "Total server downtime: 1 Hour, 30 minutes" (held-out set 14), "Downtime: 45 minutes".
    // A status history's "Total downtime: 84 hours" adds up its incidents (corpus 118): not one of these.
    'downtime', 'server downtime', 'total server downtime', 'service downtime', 'total outage time',
    // Japanese, Chinese and Russian metadata tables (held-out reports: "| 影響時間 | 約 58 分 |").
    '影響時間', '障害時間', '障害期間', '持续时间', '影响时长', '故障时长', 'длительность', 'продолжительность'],
  start: ['start', 'start time', 'started', 'began', 'outage start', 'incident start', 'start date', 'beginning',
    '発生日時', '発生時刻', '開始日時', '開始時刻', '发生时间', '开始时间', 'начало', 'время начала'],
  end: ['end', 'end time', 'ended', 'outage end', 'incident end', 'end date', 'resolved', 'resolved at', 'recovery time', 'resolution time', 'time resolved',
    '復旧日時', '復旧時刻', '終了日時', '終了時刻', '恢复时间', '结束时间', 'окончание', 'время окончания'],
  impact: ['impact', 'impacts', 'customer impact', 'user impact', 'service impact', 'business impact', 'impacto', 'affected', 'affected users', 'users affected', 'affected customers', 'customers affected', 'affected services', 'services affected',
    '影響', '影響範囲', '影响', '影响范围', 'влияние'],
  'root-cause': ['root cause', 'root causes', 'cause', 'rootcause', 'what was the root cause', 'what was the cause', '原因', '根本原因', '根因', 'причина', 'первопричина'],
};
