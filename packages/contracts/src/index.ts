export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './errors.js';
export * from './orgs.js';
export * from './roles.js';
export * from './users.js';
