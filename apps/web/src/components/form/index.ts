export * from './field';
export * from './confirm-dialog';
export { Toaster, toast } from './toaster';
export { FormDialogFooter } from './form-dialog-footer';
