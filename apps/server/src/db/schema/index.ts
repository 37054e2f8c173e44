export * from './org.js';
export * from './access.js';
export * from './platform.js';
