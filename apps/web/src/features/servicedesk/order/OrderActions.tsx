import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { useStep, type WorkOrderDetail } from '../api';
import { CallbackDialog, CloseDialog, ExtensionDecisionDialog, ExtensionDialog } from './ClosingDialogs';
import { AssignDialog, SuperviseDialog, TextDialog, TransferDialog } from './RoutingDialogs';

export type Open =
  | { kind: 'transfer' | 'assign' | 'supervise' | 'extension' | 'extensionDecision' | 'close' | 'callback' }
  | { kind: 'return' | 'note' | 'reopen' }
  | { kind: 'report'; supervisionId: number };

/** The steps the user may take on the order right now (the server's `may`), as buttons; each opens its dialog. */
export function OrderActions({
  o,
  open,
  setOpen,
}: {
  o: WorkOrderDetail;
  open: Open | null;
  setOpen: (x: Open | null) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const step = useStep(o.id);
  const m = o.may;
  const label = (k: string) => t(`servicedesk.order.step.${k}`);
  const direct = async (path: string, done: string) => {
    try {
      await step.mutateAsync({ path });
      message.success(done);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const buttons: React.ReactNode[] = [];
  const add = (show: boolean, key: string, node: React.ReactNode) => {
    if (show) buttons.push(<span key={key}>{node}</span>);
  };
  add(
    m.accept,
    'accept',
    <Button
      type="primary"
      loading={step.isPending}
      onClick={() => direct('accept', t('servicedesk.order.done.accept'))}
    >
      {label('accept')}
    </Button>,
  );
  add(
    m.return,
    'return',
    <Button danger onClick={() => setOpen({ kind: 'return' })}>
      {label('return')}
    </Button>,
  );
  add(
    m.handleHere,
    'handleHere',
    <Button
      type={o.status === 'open' ? 'primary' : 'default'}
      onClick={() =>
        modal.confirm({
          title: t('servicedesk.order.dialog.handleHereConfirm'),
          okText: label('handleHere'),
          cancelText: t('common.cancel'),
          onOk: () => direct('handle-here', t('servicedesk.order.done.handleHere')),
        })
      }
    >
      {label('handleHere')}
    </Button>,
  );
  add(m.transfer, 'transfer', <Button onClick={() => setOpen({ kind: 'transfer' })}>{label('transfer')}</Button>);
  add(m.assign, 'assign', <Button onClick={() => setOpen({ kind: 'assign' })}>{label('assign')}</Button>);
  add(
    m.close,
    'close',
    <Button type={o.status === 'handling' ? 'primary' : 'default'} onClick={() => setOpen({ kind: 'close' })}>
      {label('close')}
    </Button>,
  );
  add(
    m.callback,
    'callback',
    <Button type="primary" onClick={() => setOpen({ kind: 'callback' })}>
      {label('callback')}
    </Button>,
  );
  add(
    m.reopen,
    'reopen',
    <Button danger onClick={() => setOpen({ kind: 'reopen' })}>
      {label('reopen')}
    </Button>,
  );
  add(m.supervise, 'supervise', <Button onClick={() => setOpen({ kind: 'supervise' })}>{label('supervise')}</Button>);
  add(
    m.report.length > 0,
    'report',
    <Button onClick={() => setOpen({ kind: 'report', supervisionId: m.report[0] as number })}>
      {label('report')}
    </Button>,
  );
  add(m.note, 'note', <Button onClick={() => setOpen({ kind: 'note' })}>{label('note')}</Button>);
  add(m.extension, 'extension', <Button onClick={() => setOpen({ kind: 'extension' })}>{label('extension')}</Button>);
  add(
    m.extensionDecision,
    'extensionDecision',
    <Button type="primary" onClick={() => setOpen({ kind: 'extensionDecision' })}>
      {label('extensionDecision')}
    </Button>,
  );

  const close = () => setOpen(null);
  const props = { o, onClose: close };
  return (
    <>
      {buttons.length ? (
        <Space wrap data-testid="order-actions">
          {buttons}
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('servicedesk.order.nothingToDo')} data-testid="order-actions" />
      )}
      {open?.kind === 'transfer' && <TransferDialog {...props} />}
      {open?.kind === 'assign' && <AssignDialog {...props} />}
      {open?.kind === 'supervise' && <SuperviseDialog {...props} />}
      {open?.kind === 'extension' && <ExtensionDialog {...props} />}
      {open?.kind === 'extensionDecision' && <ExtensionDecisionDialog {...props} />}
      {open?.kind === 'close' && <CloseDialog {...props} />}
      {open?.kind === 'callback' && <CallbackDialog {...props} />}
      {(open?.kind === 'return' || open?.kind === 'note' || open?.kind === 'reopen') && (
        <TextDialog {...props} kind={open.kind} />
      )}
      {open?.kind === 'report' && <TextDialog {...props} kind="report" supervisionId={open.supervisionId} />}
    </>
  );
}
