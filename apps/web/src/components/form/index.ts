export * from './field';
export * from './confirm-dialog';
export { Toaster, toast } from './toaster';
