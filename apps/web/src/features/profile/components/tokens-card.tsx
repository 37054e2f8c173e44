import * as React from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KeyRound, Loader2, Plus, Trash2 } from 'lucide-react';
import { permissionCatalog, ZApiTokenInput } from '@persada/shared';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Form, TextField, toast, useConfirm } from '@/components/form';
import { OneTimeSecret } from '@/components/layout/one-time-secret';
import { useMe } from '@/lib/auth';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDate, formatDateTime } from '@/lib/utils';
import { zr } from '@/lib/zod-i18n';
import { profileApi, type ApiToken } from '../api';

function CreateTokenDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [token, setToken] = React.useState<string | null>(null);
  const form = useForm({ resolver: zr(ZApiTokenInput), defaultValues: { name: '', scopes: [] as string[], expiresInDays: 90 } });
  React.useEffect(() => {
    if (open) {
      form.reset({ name: '', scopes: [], expiresInDays: 90 });
      setToken(null);
    }
  }, [open, form]);
  const scopes = (me?.permissions ?? []).map((code) => {
    const p = permissionCatalog.find((x) => x.code === code);
    return { code, label: p ? (i18n.language === 'en' ? p.en : p.id) : code };
  });
  const save = useMutation({
    mutationFn: profileApi.createToken,
    onSuccess: (r) => {
      setToken(r.token);
      void qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    },
    onError: (e) => applyServerErrors(e, form.setError),
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{token ? t('profile.tokenCreatedTitle') : t('profile.tokenCreateTitle')}</DialogTitle>
          <DialogDescription>{t('profile.tokenCreateHelp')}</DialogDescription>
        </DialogHeader>
        {token ? (
          <>
            <OneTimeSecret label={t('profile.token')} value={token} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t('common.done')}</Button>
            </DialogFooter>
          </>
        ) : (
          <Form form={form} onSubmit={(v) => save.mutate(v)}>
            <TextField name="name" label={t('profile.tokenName')} required autoFocus />
            <TextField name="expiresInDays" label={t('profile.tokenDays')} type="number" min={1} max={365} required />
            <Controller
              control={form.control}
              name="scopes"
              render={({ field, fieldState }) => (
                <fieldset className="flex flex-col gap-2">
                  <legend className="mb-1 text-sm font-medium">{t('profile.tokenScopes')}</legend>
                  <div className="grid max-h-56 gap-2 overflow-y-auto rounded-md border p-3 sm:grid-cols-2">
                    {scopes.map((s) => {
                      const id = `scope-${s.code}`;
                      const value = field.value as string[];
                      return (
                        <div key={s.code} className="flex items-center gap-2">
                          <Checkbox
                            id={id}
                            checked={value.includes(s.code)}
                            onCheckedChange={(c) => field.onChange(c === true ? [...value, s.code] : value.filter((x) => x !== s.code))}
                          />
                          <Label htmlFor={id} className="font-normal">
                            {s.label}
                          </Label>
                        </div>
                      );
                    })}
                  </div>
                  {fieldState.error ? (
                    <p role="alert" className="text-xs font-medium text-destructive">
                      {fieldState.error.message}
                    </p>
                  ) : null}
                </fieldset>
              )}
            />
            <DialogFooter>
              <Button variant="outline" onClick={() => onOpenChange(false)} disabled={save.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? <Loader2 className="animate-spin" /> : null}
                {t('profile.tokenCreate')}
              </Button>
            </DialogFooter>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}

export function TokensCard() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const [open, setOpen] = React.useState(false);
  const tokens = useQuery({ queryKey: ['me', 'tokens'], queryFn: profileApi.tokens });
  const revoke = useMutation({
    mutationFn: (tk: ApiToken) => profileApi.revokeToken(tk.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
      toast.success(t('profile.tokenRevoked'));
    },
  });
  const ask = async (tk: ApiToken) => {
    if (await confirm({ title: t('profile.revokeTokenTitle', { name: tk.name }), description: t('profile.revokeTokenDescription'), confirmLabel: t('profile.revoke') }))
      revoke.mutate(tk);
  };
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div>
          <CardTitle>{t('profile.tokensTitle')}</CardTitle>
          <CardDescription>{t('profile.tokensHelp')}</CardDescription>
        </div>
        <Button size="sm" onClick={() => setOpen(true)}>
          <Plus />
          {t('profile.tokenCreate')}
        </Button>
      </CardHeader>
      <CardContent>
        {tokens.isLoading ? (
          <Skeleton className="h-20 w-full" />
        ) : !tokens.data?.length ? (
          <p className="py-6 text-center text-sm text-muted-foreground">{t('profile.tokensEmpty')}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('profile.tokenName')}</TableHead>
                <TableHead>{t('profile.tokenScopes')}</TableHead>
                <TableHead>{t('profile.expires')}</TableHead>
                <TableHead>{t('profile.lastUsed')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.data.map((tk) => (
                <TableRow key={tk.id}>
                  <TableCell>
                    <span className="flex items-center gap-2 font-medium">
                      <KeyRound className="size-4 text-muted-foreground" />
                      {tk.name}
                    </span>
                  </TableCell>
                  <TableCell className="max-w-xs text-xs">{tk.scopes.join(', ')}</TableCell>
                  <TableCell className="text-xs">{formatDate(tk.expiresAt, i18n.language)}</TableCell>
                  <TableCell className="text-xs">{formatDateTime(tk.lastUsedAt, i18n.language)}</TableCell>
                  <TableCell className="text-right">
                    <Button size="sm" variant="ghost" onClick={() => void ask(tk)}>
                      <Trash2 className="text-destructive" />
                      {t('profile.revoke')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <CreateTokenDialog open={open} onOpenChange={setOpen} />
    </Card>
  );
}
