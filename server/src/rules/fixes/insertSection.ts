// A missing section, inserted where the profile's order wants it, in the document's heading style.
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';
import type { SectionMissingData } from '../sectionMissing';
import { sectionInsertion } from './sectionTemplates';

export function sectionEdit(model: PostmortemModel, data: SectionMissingData): TextEdit {
  const at = sectionInsertion(model, data.sectionId, data.title, data.insertAfterLine, data.headingOnly === true);
  const position = { line: at.line, character: at.character };
  return { range: { start: position, end: position }, newText: at.text };
}
