/**
 * The docs pages' live examples: registers all three elements. (The playground and the demo page
 * have their own entries; Rollup shares the chunks between them.)
 */
import '../src/elements/event-list/define.js';
import '../src/elements/discussion-card/define.js';
import '../src/elements/chatham-notice/define.js';
