import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckCircle2, Circle, Upload } from 'lucide-react';
import { techDocItems } from '@persada/shared';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/form';
import { errorText } from '@/lib/api';
import { formatDate } from '@/lib/utils';
import { sysApi, uploadFile } from '../api';

/** The nine technical documents handed to the Dinas (JBI-10 Pasal 17), each uploaded and dated. */
export function TechDocsTab({ appId, canManage }: { appId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const qc = useQueryClient();
  const docs = useQuery({ queryKey: ['systems', 'tech-docs', appId], queryFn: () => sysApi.techDocs(appId) });
  const save = useMutation({
    mutationFn: async (v: { item: string; file?: File; handedOverOn?: string | null; fileId?: string | null }) => {
      const fileId = v.file ? (await uploadFile(v.file)).id : v.fileId ?? null;
      return sysApi.setTechDoc(appId, { item: v.item as any, fileId, handedOverOn: v.handedOverOn ?? null, note: null });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['systems'] });
      toast.success(t('systems.techDocs.saved'));
    },
    onError: (e: any) => toast.error(e?.problem?.title ?? errorText(e)),
  });
  const byItem = new Map((docs.data?.items ?? []).map((d) => [d.item, d]));

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {t('systems.techDocs.title')} — <span aria-label={t('systems.techDocs.completeness')}>{docs.data?.completeness ?? 0}%</span>
        </CardTitle>
        <CardDescription>{t('systems.techDocs.help')}</CardDescription>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('systems.techDocs.item')}</TableHead>
              <TableHead>{t('systems.techDocs.file')}</TableHead>
              <TableHead>{t('systems.techDocs.handedOverOn')}</TableHead>
              <TableHead>{t('systems.techDocs.status')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {techDocItems.map((i) => {
              const d = byItem.get(i.code);
              return (
                <TableRow key={i.code}>
                  <TableCell className="font-medium">{en ? i.en : i.id}</TableCell>
                  <TableCell>
                    <div className="flex items-center gap-2">
                      {d?.fileId ? (
                        <a className="text-primary hover:underline" href={`/api/files/${d.fileId}`}>
                          {d.fileName ?? t('systems.techDocs.download')}
                        </a>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                      {canManage ? (
                        <label className="inline-flex cursor-pointer items-center gap-1 text-xs text-primary">
                          <Upload className="size-3" />
                          {t('systems.techDocs.upload')}
                          <input
                            type="file"
                            className="sr-only"
                            aria-label={t('systems.techDocs.uploadNamed', { name: en ? i.en : i.id })}
                            onChange={(e) => {
                              const file = e.target.files?.[0];
                              if (file) save.mutate({ item: i.code, file, handedOverOn: d?.handedOverOn ?? null });
                            }}
                          />
                        </label>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell>
                    {canManage ? (
                      <Input
                        type="date"
                        className="h-8 w-40"
                        aria-label={t('systems.techDocs.dateNamed', { name: en ? i.en : i.id })}
                        defaultValue={d?.handedOverOn ?? ''}
                        onBlur={(e) => {
                          const v = e.target.value || null;
                          if (v !== (d?.handedOverOn ?? null)) save.mutate({ item: i.code, fileId: d?.fileId ?? null, handedOverOn: v });
                        }}
                      />
                    ) : d?.handedOverOn ? (
                      formatDate(d.handedOverOn, i18n.language)
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    {d?.complete ? (
                      <Badge variant="success">
                        <CheckCircle2 className="mr-1 size-3" />
                        {t('systems.techDocs.complete')}
                      </Badge>
                    ) : (
                      <Badge variant="outline">
                        <Circle className="mr-1 size-3" />
                        {t('systems.techDocs.incomplete')}
                      </Badge>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
