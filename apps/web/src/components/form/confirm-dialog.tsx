/**
 * Confirmation before destructive actions (requirement A6).
 * - <ConfirmDialog> is a controlled Radix AlertDialog.
 * - useConfirm() returns `confirm(options): Promise<boolean>` rendered by <ConfirmProvider>.
 */
import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Loader2 } from 'lucide-react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';

export type ConfirmOptions = {
  title?: React.ReactNode;
  description?: React.ReactNode;
  confirmLabel?: React.ReactNode;
  cancelLabel?: React.ReactNode;
  /** Red confirm button; default true. */
  destructive?: boolean;
};

export function ConfirmDialog({
  open,
  onOpenChange,
  onConfirm,
  pending,
  title,
  description,
  confirmLabel,
  cancelLabel,
  destructive = true,
}: ConfirmOptions & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void | Promise<unknown>;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = React.useState(false);
  const running = pending || busy;
  return (
    <AlertDialog open={open} onOpenChange={(o) => !running && onOpenChange(o)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title ?? t('confirm.title')}</AlertDialogTitle>
          <AlertDialogDescription>{description ?? t('confirm.description')}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={running}>{cancelLabel ?? t('common.cancel')}</AlertDialogCancel>
          <Button
            variant={destructive ? 'destructive' : 'default'}
            disabled={running}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
                onOpenChange(false);
              } catch {
                /* errors are shown as toasts; keep the dialog open for a retry or cancel */
              } finally {
                setBusy(false);
              }
            }}
          >
            {running ? <Loader2 className="animate-spin" /> : null}
            {confirmLabel ?? (destructive ? t('confirm.yesDelete') : t('confirm.yes'))}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

type Pending = ConfirmOptions & { resolve: (ok: boolean) => void };
const ConfirmContext = React.createContext<((o?: ConfirmOptions) => Promise<boolean>) | null>(null);

export function ConfirmProvider({ children }: { children: React.ReactNode }) {
  const [pending, setPending] = React.useState<Pending | null>(null);
  const confirm = React.useCallback(
    (o: ConfirmOptions = {}) => new Promise<boolean>((resolve) => setPending({ ...o, resolve })),
    [],
  );
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <ConfirmDialog
        {...(pending ?? {})}
        open={!!pending}
        onOpenChange={(o) => {
          if (!o && pending) {
            pending.resolve(false);
            setPending(null);
          }
        }}
        onConfirm={() => {
          pending?.resolve(true);
          setPending(null);
        }}
      />
    </ConfirmContext.Provider>
  );
}

/** `const confirm = useConfirm(); if (await confirm({...})) doIt();` */
export function useConfirm() {
  const ctx = React.useContext(ConfirmContext);
  if (!ctx) throw new Error('useConfirm must be used inside <ConfirmProvider>');
  return ctx;
}
