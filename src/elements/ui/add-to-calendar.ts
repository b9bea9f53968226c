/**
 * What the add-to-calendar controls need once a reader opens them: the engine's `.ics`, Google and
 * Outlook links, and the download of a file. Loaded on first use (a chunk of its own), so pages
 * whose readers never add an event to a calendar do not download it.
 */
export * from '../../calendar/export-links.js';
export { downloadText } from './download.js';
