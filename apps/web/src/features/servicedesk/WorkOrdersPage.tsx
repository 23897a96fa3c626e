import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePathname } from '../../lib/router';
import { usePermission } from '../auth';
import { DeskPage } from './DeskPage';
import { OrderPage } from './order/OrderPage';
import RegisterPage from './register/RegisterPage';

/** 维权工作台: /work-orders (queues), /work-orders/new (登记, its own menu entry), /work-orders/:id (the order). */
export default function WorkOrdersPage() {
  const { t } = useTranslation();
  const can = usePermission();
  const path = usePathname();
  const rest = path.replace(/^\/work-orders\/?/, '');
  if (rest === '') return <DeskPage />;
  if (rest === 'new')
    return can('servicedesk.write') ? (
      <RegisterPage />
    ) : (
      <Result status="403" title={t('app.forbidden')} subTitle={t('app.forbiddenHint')} />
    );
  const id = Number(rest);
  if (Number.isInteger(id) && id > 0) return <OrderPage key={id} id={id} />;
  return <Result status="404" title={t('app.notFound')} />;
}
