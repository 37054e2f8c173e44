import * as React from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Ban, Download, FileKey2, RefreshCw, ShieldPlus } from 'lucide-react';
import { PKI_PROFILES, type TPkiCertificate, type TPkiStatus } from '@persada/shared';
import { DataTable, FilterSelect, useUrlListState, type ColumnDef } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { toast } from '@/components/form';
import { listQuery, type ListSearch } from '@/lib/list-search';
import { useLatest } from '@/lib/use-latest';
import { formatDate, formatDateTime } from '@/lib/utils';
import { certificateDownloadUrl, pkiApi } from '../api';
import { RevokeDialog } from './revoke-dialog';

type Search = ListSearch & { profile?: (typeof PKI_PROFILES)[number]; status?: 'good' | 'revoked' | 'expired' };

const statusVariant = { good: 'success', revoked: 'destructive', expired: 'warning' } as const;

function CaStatusCard({ status }: { status: TPkiStatus }) {
  const { t, i18n } = useTranslation();
  const links: { href: string; label: string }[] = [
    { href: status.urls.caCert, label: t('pki.links.rootDer') },
    { href: status.urls.rootPem, label: t('pki.links.rootPem') },
    { href: status.urls.issuingCert, label: t('pki.links.issuingDer') },
    { href: status.urls.issuingPem, label: t('pki.links.issuingPem') },
    { href: status.urls.crl, label: t('pki.links.crlDer') },
    { href: status.urls.crlPem, label: t('pki.links.crlPem') },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>{t('pki.hierarchy')}</CardTitle>
          <CardDescription>{t('pki.hierarchyDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="flex flex-col gap-3 text-sm">
            {status.cas.map((c) => (
              <li key={c.kind} className="flex flex-col gap-0.5">
                <span className="font-medium">{t(`pki.caKinds.${c.kind}`)}</span>
                <span className="break-all text-muted-foreground">{c.subjectDn}</span>
                <span className="text-xs text-muted-foreground">
                  {t('pki.validUntil', { date: formatDate(c.notAfter, i18n.language) })} · {c.keyAlgorithm} · {t('pki.keyStore', { store: c.keyStore })}
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('pki.publication')}</CardTitle>
          <CardDescription>{t('pki.publicationDescription')}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm">
          <div className="flex flex-wrap gap-2">
            {links.map((l) => (
              <Button key={l.href} variant="outline" size="sm" asChild>
                <a href={l.href} download>
                  <Download />
                  {l.label}
                </a>
              </Button>
            ))}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-muted-foreground">OCSP</dt>
            <dd className="break-all font-mono text-xs">{status.urls.ocsp}</dd>
            <dt className="text-muted-foreground">TSA</dt>
            <dd className="break-all font-mono text-xs">{status.urls.tsa}</dd>
            <dt className="text-muted-foreground">{t('pki.crlLabel')}</dt>
            <dd>
              {status.crl
                ? t('pki.crlInfo', { number: status.crl.crlNumber, entries: status.crl.entries, date: formatDateTime(status.crl.thisUpdate, i18n.language) })
                : t('pki.crlNone')}
            </dd>
            <dt className="text-muted-foreground">{t('pki.counts')}</dt>
            <dd>{t('pki.countsInfo', { good: status.counts.good, revoked: status.counts.revoked })}</dd>
            <dt className="text-muted-foreground">{t('pki.issuer')}</dt>
            <dd>{t(`pki.issuers.${status.issuer}`)}</dd>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

export function PkiPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [search, setSearch] = useUrlListState<Search>();
  const [revoking, setRevoking] = React.useState<TPkiCertificate | null>(null);
  const status = useQuery({ queryKey: ['pki', 'status'], queryFn: pkiApi.status });
  const filters = { profile: search.profile, status: search.status };
  const list = useQuery({
    queryKey: ['pki', 'certificates', search],
    queryFn: () => pkiApi.certificates({ ...listQuery(search), ...filters }),
    placeholderData: keepPreviousData,
    enabled: !!status.data?.initialised,
  });
  const init = useMutation({
    mutationFn: pkiApi.initialise,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pki'] });
      toast.success(t('pki.created'));
    },
  });
  const crl = useMutation({
    mutationFn: pkiApi.regenerateCrl,
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['pki', 'status'] });
      toast.success(t('pki.crlDone', { number: r.crlNumber, entries: r.entries }));
    },
  });
  const h = useLatest({ revoke: (c: TPkiCertificate) => setRevoking(c) });

  const columns = React.useMemo<ColumnDef<TPkiCertificate>[]>(
    () => [
      {
        id: 'commonName',
        header: t('pki.subject'),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span className="font-medium">{row.original.commonName}</span>
            <span className="text-xs text-muted-foreground">{row.original.email ?? row.original.subjectDn}</span>
          </div>
        ),
      },
      { id: 'profile', header: t('pki.profile'), enableSorting: false, cell: ({ row }) => t(`pki.profiles.${row.original.profile}`, { defaultValue: row.original.profile }) },
      { id: 'serial', header: t('pki.serial'), enableSorting: false, cell: ({ row }) => <span className="font-mono text-xs">{row.original.serialHex}</span> },
      { id: 'notAfter', header: t('pki.validTo'), enableSorting: false, cell: ({ row }) => formatDate(row.original.notAfter, i18n.language) },
      {
        id: 'status',
        header: t('pki.status'),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="flex flex-col gap-0.5">
            <Badge variant={statusVariant[row.original.status]}>{t(`pki.statuses.${row.original.status}`)}</Badge>
            {row.original.revocationReason ? <span className="text-xs text-muted-foreground">{t(`pki.reasons.${row.original.revocationReason}`, { defaultValue: row.original.revocationReason })}</span> : null}
          </div>
        ),
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('pki.actions')}</span>,
        cell: ({ row }) => (
          <div className="flex justify-end gap-1">
            <Button size="icon" variant="ghost" asChild aria-label={t('pki.downloadNamed', { name: row.original.commonName })}>
              <a href={certificateDownloadUrl(row.original.id)} download>
                <FileKey2 />
              </a>
            </Button>
            {row.original.status === 'good' ? (
              <Button size="icon" variant="ghost" aria-label={t('pki.revokeNamed', { name: row.original.commonName })} onClick={() => h.current.revoke(row.original)}>
                <Ban className="text-destructive" />
              </Button>
            ) : null}
          </div>
        ),
      },
    ],
    [t, i18n.language, h],
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('pki.title')}
        description={t('pki.description')}
        actions={
          status.data?.initialised ? (
            <Button variant="outline" disabled={crl.isPending} onClick={() => crl.mutate()}>
              <RefreshCw />
              {t('pki.regenerateCrl')}
            </Button>
          ) : null
        }
      />
      {status.data && !status.data.initialised ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('pki.notInitialised')}</CardTitle>
            <CardDescription>{t('pki.notInitialisedDescription')}</CardDescription>
          </CardHeader>
          <CardContent>
            <Button disabled={init.isPending} onClick={() => init.mutate()}>
              <ShieldPlus />
              {t('pki.create')}
            </Button>
          </CardContent>
        </Card>
      ) : null}
      {status.data?.initialised ? <CaStatusCard status={status.data} /> : null}
      {status.data?.initialised ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{t('pki.issued')}</h2>
          <DataTable
            columns={columns}
            page={list.data}
            isLoading={list.isLoading}
            search={search}
            onSearchChange={setSearch}
            searchPlaceholder={t('pki.searchPlaceholder')}
            getRowId={(c) => c.id}
            exportEndpoint="/api/pki/certificates"
            exportParams={filters}
            emptyText={t('pki.empty')}
            caption={t('pki.issued')}
            filters={
              <>
                <FilterSelect
                  label={t('pki.profile')}
                  value={search.profile}
                  onChange={(v) => setSearch({ profile: v as Search['profile'], page: undefined })}
                  options={PKI_PROFILES.map((p) => ({ value: p, label: t(`pki.profiles.${p}`) }))}
                  allLabel={t('pki.allProfiles')}
                />
                <FilterSelect
                  label={t('pki.status')}
                  value={search.status}
                  onChange={(v) => setSearch({ status: v as Search['status'], page: undefined })}
                  options={(['good', 'revoked', 'expired'] as const).map((s) => ({ value: s, label: t(`pki.statuses.${s}`) }))}
                  allLabel={t('pki.allStatuses')}
                />
              </>
            }
          />
        </section>
      ) : null}
      <RevokeDialog cert={revoking} onOpenChange={(o) => !o && setRevoking(null)} />
    </div>
  );
}
