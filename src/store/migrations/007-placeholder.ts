/** Step 7 belongs to another branch; this placeholder keeps the list contiguous (the lead replaces it at merge). */
import type { Migration } from './step.js';

export const migration: Migration = { version: 7, name: 'placeholder (lead replaces at merge)', up: () => {} };
