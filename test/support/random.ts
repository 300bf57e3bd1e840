export { seeded } from '../../src/demo/random.js';
