import { usePathname } from '../../../lib/router';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';
import { PaymentListPrint } from './PaymentListPrint';

/** /batches (list), /batches/:id (a batch), /batches/:id/print (the payment list, A4). */
export default function BatchesPage() {
  const path = usePathname();
  const m = /^\/batches\/(\d+)(\/print)?\/?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    return m[2] ? <PaymentListPrint key={`print-${id}`} id={id} /> : <BatchDetail key={id} id={id} />;
  }
  return <BatchList />;
}
