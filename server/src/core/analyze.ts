// One entry point for the LSP shell and the CLI: settings + text -> model.
import { namedProfile, type Settings } from './config';
import { buildModel, type PostmortemModel } from './model';
import type { AnalysisCache } from './incremental';

export function analyzeDocument(text: string, settings: Settings, path: string | null, forcePostmortem = false, cache?: AnalysisCache): PostmortemModel {
  return buildModel(text, { settings, profile: namedProfile(settings), path, forcePostmortem, cache });
}
