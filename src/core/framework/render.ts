// The renderings of a ladder live in render/; these are the names the adapters import.
export { renderMarkdown } from './render/markdown.js';
export { formatRange } from './render/reading.js';
