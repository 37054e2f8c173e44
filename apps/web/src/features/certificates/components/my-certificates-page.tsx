import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { certApi, formatDate } from '../api';
import { ApplyDialog } from './apply-dialog';
import { StatusBadge } from './shared';

/** /sertifikat — my applications and my certificates. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = React.useState(false);
  const apps = useQuery({
    queryKey: ['certificates', 'applications', 'mine'],
    queryFn: () =>
      certApi.applications({
        scope: 'mine',
        pageSize: 100,
        sort: 'updatedAt',
        dir: 'desc',
      }),
  });
  const certs = useQuery({
    queryKey: ['certificates', 'certs', 'mine'],
    queryFn: () => certApi.certs({ scope: 'mine', pageSize: 100, dir: 'desc' }),
  });
  return (
    <div className="grid gap-5">
      <PageHeader
        title={t('certificates.my.title')}
        description={t('certificates.my.description')}
        actions={
          <Button onClick={() => setOpen(true)}>
            <Plus />
            {t('certificates.my.apply')}
          </Button>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.my.applications')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table aria-label={t('certificates.my.applications')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.number')}</TableHead>
                <TableHead>{t('certificates.kindLabel')}</TableHead>
                <TableHead>{t('certificates.field.commonName')}</TableHead>
                <TableHead>{t('certificates.field.status')}</TableHead>
                <TableHead>{t('certificates.field.updatedAt')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(apps.data?.items ?? []).map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link to="/sertifikat/permohonan/$id" params={{ id: a.id }} className="font-medium underline-offset-2 hover:underline">
                      {a.number}
                    </Link>
                  </TableCell>
                  <TableCell>{t(`certificates.kind.${a.kind}`)}</TableCell>
                  <TableCell>{a.commonName}</TableCell>
                  <TableCell>
                    <StatusBadge status={a.status} />
                  </TableCell>
                  <TableCell>{formatDate(a.updatedAt)}</TableCell>
                </TableRow>
              ))}
              {apps.data && !apps.data.items.length ? (
                <TableRow>
                  <TableCell colSpan={5} className="text-center text-muted-foreground">
                    {t('certificates.my.noApplications')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.my.certificates')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table aria-label={t('certificates.my.certificates')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.subject')}</TableHead>
                <TableHead>{t('certificates.field.serial')}</TableHead>
                <TableHead>{t('certificates.field.validUntil')}</TableHead>
                <TableHead>{t('certificates.field.status')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(certs.data?.items ?? []).map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link to="/sertifikat/milik/$id" params={{ id: c.id }} className="underline-offset-2 hover:underline">
                      {c.subjectDn}
                    </Link>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{c.serialHex}</TableCell>
                  <TableCell>{formatDate(c.notAfter)}</TableCell>
                  <TableCell>
                    <StatusBadge status={c.status} />
                  </TableCell>
                </TableRow>
              ))}
              {certs.data && !certs.data.items.length ? (
                <TableRow>
                  <TableCell colSpan={4} className="text-center text-muted-foreground">
                    {t('certificates.my.noCertificates')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <ApplyDialog open={open} onOpenChange={setOpen} />
    </div>
  );
}
