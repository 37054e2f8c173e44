import * as React from 'react';
import { Toast } from 'radix-ui';
import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { dismissToast, subscribeToasts, toast, type ToastItem } from '@/lib/toast';
import { cn } from '@/lib/utils';

export { toast };

export function Toaster() {
  const { t } = useTranslation();
  const [items, setItems] = React.useState<ToastItem[]>([]);
  React.useEffect(() => subscribeToasts(setItems), []);
  return (
    <Toast.Provider swipeDirection="right" duration={6000} label={t('common.notification')}>
      {items.map((item) => (
        <Toast.Root
          key={item.id}
          duration={item.variant === 'error' ? 9000 : 5000}
          onOpenChange={(open) => !open && dismissToast(item.id)}
          className={cn(
            'relative flex w-full items-start gap-3 rounded-lg border bg-background p-4 pr-8 shadow-lg',
            item.variant === 'error' && 'border-destructive/40',
            item.variant === 'success' && 'border-success/40',
          )}
        >
          {item.variant === 'error' ? <CircleAlert className="mt-0.5 size-4 shrink-0 text-destructive" /> : null}
          {item.variant === 'success' ? <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" /> : null}
          <div className="grid gap-1">
            <Toast.Title className="text-sm font-semibold">{item.title}</Toast.Title>
            {item.description ? <Toast.Description className="text-sm text-muted-foreground">{item.description}</Toast.Description> : null}
          </div>
          <Toast.Close className="absolute right-2 top-2 rounded p-1 opacity-60 hover:opacity-100 cursor-pointer" aria-label={t('common.close')}>
            <X className="size-4" />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport label={t('common.notificationsRegion')} className="fixed bottom-0 right-0 z-[100] flex max-h-screen w-full flex-col gap-2 p-4 sm:max-w-sm" />
    </Toast.Provider>
  );
}
