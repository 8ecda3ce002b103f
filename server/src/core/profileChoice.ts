// Which template a document follows. A profile named in the front matter or the settings always wins;
// with `auto` (the default) the document's own section titles choose among the built-in profiles.
import type { LineReadings, MarkdownLines } from './markdown';
import { BUILT_IN_PROFILES, CLASSIC, PROFILES, compileProfile, type CompiledProfile, type Profile } from './profiles';
import { buildSections, findHeaders, readTitleLines, type Header, type Section, type TitleReading } from './sections';

/** Where the profile in use came from, for the hover, the card and the status bar. */
export type ProfileSource = 'front-matter' | 'settings' | 'document' | 'default';

export interface ProfileChoice {
  profile: CompiledProfile;
  source: ProfileSource;
  headers: Header[];
  /** The sections the headers make in that profile, when the choice built them (buildSections' result). */
  sections?: Section[];
}

/** The distinct sections (and parts) of a profile that the document's titles name. */
function namedSections(headers: Header[]): Set<string> {
  return new Set(headers.flatMap((header) => (header.id === null ? [] : [header.id])));
}

/**
 * The headers that are the profile's sections as the document reads them: not a label that is one of a
 * known section's facts ("- **Trigger**: Adoption of the patched runtime" under "## Impact", a held-out
 * Decentraland report), which would make a profile look as if it named one more section.
 */
function sectionHeaders(headers: Header[], sections: Section[]): Header[] {
  const kept = new Set(sections.map((section) => section.line));
  return headers.filter((header) => header.id !== null && kept.has(header.line));
}

/**
 * A document must name this many more sections the classic profile has no place for than sections only
 * the classic profile knows, before another profile is chosen.
 */
const DISTINCTIVE_SECTIONS = 3;

/**
 * The built-in profile that names the most of the document's sections. The classic profile is the
 * fallback: another one is chosen only when it explains strictly more of the document's titles (an SRE
 * document has Impact, Trigger, Detection, Lessons Learned that the classic template has no place for).
 */
export function chooseProfile(
  lines: MarkdownLines,
  named: Profile | null,
  source: Exclude<ProfileSource, 'document' | 'default'>,
  memo?: LineReadings<TitleReading | null>,
): ProfileChoice {
  // Every candidate profile recognizes the same titles: each line is read as a title once.
  const titled = readTitleLines(lines, memo);
  if (named) {
    const profile = compileProfile(named);
    return { profile, source, headers: findHeaders(lines, titled, profile) };
  }
  const fallback = compileProfile(BUILT_IN_PROFILES[CLASSIC.name]);
  const classicHeaders = findHeaders(lines, titled, fallback);
  let best: ProfileChoice = { profile: fallback, source: 'default', headers: classicHeaders, sections: buildSections(lines, classicHeaders, fallback) };
  const classicSections = sectionHeaders(best.headers, best.sections ?? []);
  let bestCount = namedSections(classicSections).size;
  const classicCount = bestCount;
  const classicLines = new Set(classicSections.map((header) => header.line));
  for (const candidate of PROFILES) {
    if (candidate === CLASSIC) continue;
    const profile = compileProfile(candidate);
    const headers = findHeaders(lines, titled, profile);
    const sections = buildSections(lines, headers, profile);
    const own = sectionHeaders(headers, sections);
    const named = namedSections(own);
    const ownLines = new Set(own.map((header) => header.line));
    // A section it names again on a line of its own ("## What Happened?" after "## Incident Summary",
    // both its summary) tells nothing more.
    const shared = namedSections(own.filter((header) => classicLines.has(header.line)));
    const distinctive = [...namedSections(own.filter((header) => !classicLines.has(header.line)))].filter((id) => !shared.has(id)).length
      - namedSections(classicSections.filter((header) => !ownLines.has(header.line))).size;
    const count = named.size;
    if (count > bestCount && count > classicCount && distinctive >= DISTINCTIVE_SECTIONS) {
      best = { profile, source: 'document', headers, sections };
      bestCount = count;
    }
  }
  // Even the classic profile is the document's choice when its titles name some of its sections.
  return bestCount > 0 && best.source === 'default' ? { ...best, source: 'document' } : best;
}
