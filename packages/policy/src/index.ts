export * from './eligibility.js';
export * from './exclusions.js';
export * from './household.js';
export * from './income.js';
export * from './money.js';
export * from './policy.js';
export * from './policy-resolve.js';
export * from './resident-id.js';
