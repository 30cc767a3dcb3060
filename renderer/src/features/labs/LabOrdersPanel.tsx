import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabOrderTestView, LabOrderView } from '../../../../shared/domain/lab-order';
import { call } from '../../api/client';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { useDateFormat } from '../../format/use-date-format';
import { errorMessage } from '../../forms/field-errors';
import { Dialog, Notice, TextField } from '../../ui';
import { PrintPreviewDialog } from '../appointments/frontdesk/PrintPreviewDialog';
import { EnterResultsDialog } from './EnterResultsDialog';
import { LabResultsTable } from './LabResultsTable';
import { OrderLabTestsForm } from './OrderLabTestsForm';
import './labs.css';

/**
 * "Lab orders" of a visit (issue 11, part 2): in the visit in progress, order (Alt+L), print the
 * requisition, enter results, cancel; in a past visit (`canOrder` false, shown only when it has
 * orders) the same without ordering, since results come back after the visit is over.
 */
export function LabOrdersPanel({
  visitId,
  patientId,
  canOrder = true,
}: {
  visitId: string;
  patientId: string;
  canOrder?: boolean;
}) {
  const { t } = useTranslation('labs');
  const orders = useChannelQuery('labs.orders.list', { patientId, visitId });
  const [ordering, setOrdering] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Alt+L, wherever the focus is in the chart while the visit is open: the order form, its search focused.
  useEffect(() => {
    if (!canOrder) return;
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented || e.code !== 'KeyL') return;
      e.preventDefault();
      setDone(null);
      setOrdering(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canOrder]);
  if (!canOrder && !orders.data?.length) return null;
  return (
    <section className="lab-orders" aria-labelledby={`lab-orders-${visitId}`}>
      <div className="lab-orders__header">
        <h4 id={`lab-orders-${visitId}`}>{t('orders.title')}</h4>
        {canOrder && !ordering && (
          <button type="button" aria-keyshortcuts="Alt+L" onClick={() => setOrdering(true)}>
            {t('orders.new')}
          </button>
        )}
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {orders.isError && <Notice tone="error">{errorMessage(orders.error)}</Notice>}
      {ordering && (
        <OrderLabTestsForm
          visitId={visitId}
          onOrdered={() => {
            setOrdering(false);
            setDone(t('orders.ordered'));
          }}
        />
      )}
      {canOrder && orders.data?.length === 0 && !ordering && <p className="lab-muted">{t('orders.none')}</p>}
      {orders.data?.map((order) => (
        <LabOrderCard key={order.id} order={order} />
      ))}
    </section>
  );
}

function LabOrderCard({ order }: { order: LabOrderView }) {
  const { t } = useTranslation('labs');
  const format = useDateFormat();
  const [printing, setPrinting] = useState(false);
  const [entering, setEntering] = useState<LabOrderTestView | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const invalidates = ['labs.orders.list', 'labs.orders.get'] as const;
  const cancel = useChannelMutation('labs.orders.cancel', { invalidates: [...invalidates] });
  const collect = useChannelMutation('labs.orders.collect', { invalidates: [...invalidates] });
  const load = useCallback(() => call('print.labRequisition', { orderId: order.id }), [order.id]);
  const toPrinter = useCallback(() => call('print.labRequisitionToPrinter', { orderId: order.id }), [order.id]);
  const open = order.status === 'ordered' || order.status === 'collected';
  const live = order.status !== 'cancelled';

  const cancelNow = async () => {
    setFailure(null);
    try {
      await cancel.mutateAsync({ orderId: order.id, version: order.version, reason });
      setCancelling(false);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <article className="lab-order" aria-label={t('orders.cardLabel', { number: order.number })}>
      <header className="lab-order__header">
        <strong>{order.number}</strong>
        <span className={`lab-status lab-status--${order.status}`}>{t(`status.${order.status}`)}</span>
        <span className="lab-muted">
          {format.dateTime(order.orderedAt)}
          {order.labName ? ` · ${order.labName}` : ''}
        </span>
        <span className="lab-order__actions">
          <button
            type="button"
            onClick={() => setPrinting(true)}
            aria-label={t('orders.printFor', { number: order.number })}
          >
            {t('orders.print')}
          </button>
          {order.status === 'ordered' && (
            <button
              type="button"
              onClick={() =>
                void collect
                  .mutateAsync({ orderId: order.id, version: order.version })
                  .catch((e: unknown) => setFailure(errorMessage(e)))
              }
              aria-label={t('orders.collectFor', { number: order.number })}
            >
              {t('orders.collect')}
            </button>
          )}
          {open && (
            <button
              type="button"
              onClick={() => setCancelling(true)}
              aria-label={t('orders.cancelFor', { number: order.number })}
            >
              {t('orders.cancel')}
            </button>
          )}
        </span>
      </header>
      {order.status === 'cancelled' && (
        <p className="lab-muted">{t('orders.cancelledBecause', { reason: order.cancelReason })}</p>
      )}
      {order.clinicalNote && <p className="lab-order__note">{order.clinicalNote}</p>}
      {failure && <Notice tone="error">{failure}</Notice>}
      <ul className="lab-order__tests">
        {order.tests.map((test) => (
          <li key={test.id}>
            <div className="lab-order__test">
              <span>{test.name}</span>
              {live && (
                <button
                  type="button"
                  onClick={() => setEntering(test)}
                  aria-label={t(test.report ? 'orders.correctFor' : 'orders.enterFor', { name: test.name })}
                >
                  {test.report ? t('orders.correct') : t('orders.enter')}
                </button>
              )}
            </div>
            {test.report && (
              <>
                <LabResultsTable
                  caption={t('results.caption', { name: test.name, when: format.dateTime(test.report.observedAt) })}
                  results={test.report.results}
                />
                {test.report.comment && <p className="lab-muted">{test.report.comment}</p>}
              </>
            )}
          </li>
        ))}
      </ul>
      <PrintPreviewDialog
        open={printing}
        title={t('orders.previewTitle', { number: order.number })}
        load={load}
        toPrinter={toPrinter}
        onClose={() => setPrinting(false)}
      />
      {entering && (
        <EnterResultsDialog orderTest={entering} labName={order.labName} onClose={() => setEntering(null)} />
      )}
      {cancelling && (
        <Dialog
          open
          title={t('cancel.title', { number: order.number })}
          onClose={() => setCancelling(false)}
          actions={
            <>
              <button type="button" className="primary" onClick={() => void cancelNow()} disabled={cancel.isPending}>
                {t('cancel.confirm')}
              </button>
              <button type="button" onClick={() => setCancelling(false)} autoFocus>
                {t('cancel.keep')}
              </button>
            </>
          }
        >
          <p>{t('cancel.explain')}</p>
          {failure && <Notice tone="error">{failure}</Notice>}
          <TextField label={t('cancel.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Dialog>
      )}
    </article>
  );
}
