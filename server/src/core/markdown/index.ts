// Markdown reading: the kind of every line of a document, from micromark's events, read in chunks that
// a cache keeps between versions. The rest of the core reaches it only through these exports.
export { analyzeLines } from './analyzeLines';
export { ChunkCache } from './chunkCache';
export { frontMatterFence } from './chunks';
export { frontMatterOf } from './frontMatter';
export { plainLines, type LineInfo, type LineKind, type ListItemSpan, type MarkdownLines } from './lineKinds';
export { readingsIn, type LineReadings, type ReadingArgument } from './lineReadings';
