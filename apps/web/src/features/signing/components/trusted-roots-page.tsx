import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ShieldPlus, Trash2 } from 'lucide-react';
import type { TTrustedRoot } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ConfirmDialog, toast } from '@/components/form';
import { isApiError } from '@/lib/api';
import { trustApi } from '../api';

/** A certificate file as the API takes it: PEM text as is, DER as base64. */
async function certificateText(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text;
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const day = (iso: string, lang: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric' });

/** Trusted roots of the verifier for this Pemda (K15): add, enable/disable, remove with confirmation. */
export function TrustedRootsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['signing', 'trusted-roots'], queryFn: trustApi.list });
  const [file, setFile] = React.useState<File | null>(null);
  const [removing, setRemoving] = React.useState<TTrustedRoot | null>(null);
  const fail = (e: unknown) => toast.error(isApiError(e) ? e.localizedTitle(i18n.language) : String(e));
  const refresh = () => qc.invalidateQueries({ queryKey: ['signing', 'trusted-roots'] });
  const add = useMutation({
    mutationFn: async (f: File) => trustApi.add(await certificateText(f)),
    onSuccess: () => {
      toast.success(t('signing.roots.added'));
      setFile(null);
      refresh();
    },
    onError: fail,
  });
  const toggle = useMutation({
    mutationFn: (r: TTrustedRoot) => trustApi.setEnabled(r.id, !r.enabled),
    onSuccess: () => {
      toast.success(t('signing.roots.changed'));
      refresh();
    },
    onError: fail,
  });

  return (
    <div className="grid gap-4">
      <PageHeader title={t('signing.roots.title')} description={t('signing.roots.description')} />
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><ShieldPlus className="size-5" />{t('signing.roots.add')}</CardTitle>
        </CardHeader>
        <CardContent className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-end">
          <div className="grid flex-1 gap-1">
            <Label htmlFor="root-file">{t('signing.roots.file')}</Label>
            <Input id="root-file" type="file" accept=".crt,.cer,.pem,.der" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <Button disabled={!file || add.isPending} onClick={() => file && add.mutate(file)}>
            {t('signing.roots.addButton')}
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="overflow-x-auto pt-6">
          {list.isLoading ? (
            <p className="text-sm text-muted-foreground">{t('signing.roots.loading')}</p>
          ) : !list.data?.length ? (
            <p className="text-sm text-muted-foreground">{t('signing.roots.none')}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('signing.roots.subject')}</TableHead>
                  <TableHead>{t('signing.roots.issuer')}</TableHead>
                  <TableHead>{t('signing.roots.validity')}</TableHead>
                  <TableHead>{t('signing.roots.fingerprint')}</TableHead>
                  <TableHead>{t('signing.roots.addedBy')}</TableHead>
                  <TableHead>{t('signing.roots.status')}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="max-w-64 break-words font-medium">{r.subject}</TableCell>
                    <TableCell className="max-w-64 break-words text-sm">
                      {r.issuer}
                      <div className="text-xs text-muted-foreground">{r.selfSigned ? t('signing.roots.selfSigned') : t('signing.roots.intermediate')}</div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-sm">{day(r.notBefore, i18n.language)} – {day(r.notAfter, i18n.language)}</TableCell>
                    <TableCell className="max-w-48 break-all font-mono text-xs">{r.fingerprintSha256.match(/.{2}/g)?.join(':').toUpperCase()}</TableCell>
                    <TableCell className="text-sm">
                      {r.createdByName ?? '—'}
                      <div className="text-xs text-muted-foreground">{day(r.createdAt, i18n.language)}</div>
                    </TableCell>
                    <TableCell>
                      {r.expired ? <Badge variant="destructive">{t('signing.roots.expired')}</Badge> : r.enabled ? <Badge variant="success">{t('signing.roots.active')}</Badge> : <Badge variant="secondary">{t('signing.roots.disabled')}</Badge>}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-right">
                      <Button variant="outline" size="sm" disabled={toggle.isPending} onClick={() => toggle.mutate(r)}>
                        {r.enabled ? t('signing.roots.disable') : t('signing.roots.enable')}
                      </Button>{' '}
                      <Button variant="ghost" size="sm" aria-label={`${t('signing.roots.remove')} ${r.subject}`} onClick={() => setRemoving(r)}>
                        <Trash2 />
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={t('signing.roots.removeTitle')}
        description={t('signing.roots.removeDescription', { subject: removing?.subject ?? '' })}
        confirmLabel={t('signing.roots.remove')}
        onConfirm={async () => {
          try {
            await trustApi.remove(removing!.id);
            toast.success(t('signing.roots.removed'));
            refresh();
          } catch (e) {
            fail(e);
            throw e;
          }
        }}
      />
    </div>
  );
}
