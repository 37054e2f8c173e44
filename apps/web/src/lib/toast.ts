/** Tiny toast store; rendered by <Toaster/> (components/form/toaster.tsx). */
export type ToastVariant = 'default' | 'success' | 'error';
export type ToastItem = { id: number; title: string; description?: string; variant: ToastVariant };

type Listener = (items: ToastItem[]) => void;

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit() {
  for (const l of listeners) l(items);
}

export function subscribeToasts(l: Listener): () => void {
  listeners.add(l);
  l(items);
  return () => listeners.delete(l);
}

export function dismissToast(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

function push(variant: ToastVariant, title: string, description?: string) {
  const id = nextId++;
  // Keep at most 4 toasts on screen; identical consecutive toasts are collapsed.
  const last = items[items.length - 1];
  if (last && last.title === title && last.description === description) return last.id;
  items = [...items.slice(-3), { id, title, description, variant }];
  emit();
  return id;
}

export const toast = {
  show: (title: string, description?: string) => push('default', title, description),
  success: (title: string, description?: string) => push('success', title, description),
  error: (title: string, description?: string) => push('error', title, description),
  clear: () => {
    items = [];
    emit();
  },
};
