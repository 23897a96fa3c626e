import { usePathname } from '../../../lib/router';
import { useBatch } from '../api';
import { DecisionRecordPrint } from '../bodies/DecisionRecordPrint';
import { yuan } from '../money';
import { MoneyNoticePage } from '../notice/MoneyNoticePage';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';
import { PaymentListPrint } from './PaymentListPrint';

/**
 * /batches (list), /batches/:id (a batch), /batches/:id/print (the payment list, A4), /batches/:id/record (the
 * decision record, A4), /batches/:id/notice (名单公示 with its period and objections, A4).
 */
export default function BatchesPage() {
  const path = usePathname();
  const m = /^\/batches\/(\d+)(\/print|\/record|\/notice)?\/?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (m[2] === '/print') return <PaymentListPrint key={`print-${id}`} id={id} />;
    if (m[2] === '/notice')
      return <MoneyNoticePage key={`notice-${id}`} type="batch" id={id} back={`/batches/${id}`} />;
    if (m[2] === '/record') return <BatchRecordPrint key={`record-${id}`} id={id} />;
    return <BatchDetail key={id} id={id} />;
  }
  return <BatchList />;
}

function BatchRecordPrint({ id }: { id: number }) {
  const q = useBatch(id);
  const b = q.data;
  return (
    <DecisionRecordPrint
      type="batch"
      id={id}
      back={`/batches/${id}`}
      title={b?.title ?? ''}
      facts={
        b
          ? [
              ['批次号', b.batchNo],
              ['户数', String(b.grantCount)],
              ['金额', yuan(b.totalFen)],
            ]
          : []
      }
      approvals={b?.approvals ?? []}
      loading={q.isPending}
      error={q.error}
    />
  );
}
