/** Loaded before every test file by the vitest configs (`setupFiles`). */
import { afterAll } from 'vitest';
import { removeLeftOverTempDirs } from './temp.js';

afterAll(removeLeftOverTempDirs);
