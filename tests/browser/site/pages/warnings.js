/* global window, console */
// Records console.warn calls of the page in window.recordedWarnings (a classic script: it runs
// before the page's module scripts).
window.recordedWarnings = [];
const originalWarn = console.warn.bind(console);
console.warn = (...args) => {
  window.recordedWarnings.push(args.map(String).join(' '));
  originalWarn(...args);
};
