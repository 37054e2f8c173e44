export * from './messages.js';
export * from './identity-numbers.js';
export * from './permissions.js';
export * from './contracts/common.js';
export * from './contracts/org.js';
export * from './contracts/auth.js';
export * from './contracts/access.js';
export * from './contracts/audit.js';
