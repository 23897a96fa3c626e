import type { MoneyNotice, NoticeSubjectType } from '@bangfu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

const base: Record<NoticeSubjectType, string> = {
  batch: '/batches',
  application: '/applications',
  campaign: '/campaigns',
};
const url = (type: NoticeSubjectType, id: number) => `${base[type]}/${id}/notice`;

/** 名单公示 of a batch, an application or a campaign (the server masks names and IDs). */
export function useMoneyNotice(type: NoticeSubjectType, id: number) {
  return useQuery({ queryKey: ['money-notice', type, id], queryFn: () => api.get<MoneyNotice>(url(type, id)) });
}

/** Open the notice, record an objection or verify one; the notice (and the subject, whose decision it holds) reload. */
export function useNoticeActions(type: NoticeSubjectType, id: number) {
  const qc = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['money-notice', type, id] }),
      qc.invalidateQueries({ queryKey: [`${type}s`] }),
    ]);
  return {
    open: useMutation({
      mutationFn: (b: { startsOn?: string; days?: number }) => api.post(url(type, id), b),
      onSuccess,
    }),
    object: useMutation({
      mutationFn: (b: { raisedBy: string; text: string; raisedOn?: string }) =>
        api.post(`${url(type, id)}/objections`, b),
      onSuccess,
    }),
    verify: useMutation({
      mutationFn: (b: { objectionId: number; finding: string }) =>
        api.post(`${url(type, id)}/objections/${b.objectionId}/verify`, { finding: b.finding }),
      onSuccess,
    }),
  };
}
