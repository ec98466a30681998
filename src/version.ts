/** The cmrdx version (the same as package.json's; a test checks). Predictions, exports and doctor's cache carry it. */
export const VERSION = '0.1.0';
