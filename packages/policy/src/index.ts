export * from './money.js';
export * from './resident-id.js';
