export * from './field';
export * from './confirm-dialog';
export { Toaster, toast } from './toaster';
export { FormDialogFooter } from './form-dialog-footer';
export { FormErrors } from './form-errors';
