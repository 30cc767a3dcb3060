import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditChainResult } from '../../../../shared/domain/audit';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { useDateFormat } from '../../format/use-date-format';
import { Notice } from '../../ui';
import { auditActionLabel } from './audit-labels';
import './admin.css';

/** While main's check at start runs, ask often; afterwards now and then (a check on demand updates it at once). */
const CHECKING_POLL_MS = 2000;
const SETTLED_POLL_MS = 5 * 60_000;

/** The last check of the audit chain, shared by the alarm and the audit screen (one cache entry). */
function useAuditIntegrity() {
  const [settled, setSettled] = useState(false);
  const query = useChannelQuery('audit.integrity', {}, { refreshMs: settled ? SETTLED_POLL_MS : CHECKING_POLL_MS });
  const checking = query.data?.checking !== false;
  useEffect(() => setSettled(!checking), [checking]);
  const verify = useChannelMutation('audit.verify', { invalidates: ['audit.integrity', 'audit.list'] });
  return { integrity: query.data, verify };
}

function CheckAgain({ verify }: { verify: ReturnType<typeof useAuditIntegrity>['verify'] }) {
  const { t } = useTranslation('admin');
  return (
    <button type="button" onClick={() => verify.mutate({})} disabled={verify.isPending}>
      {verify.isPending ? t('integrity.checking') : t('integrity.checkAgain')}
    </button>
  );
}

function useBreakText() {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  return (result: Extract<AuditChainResult, { ok: false }>) => {
    const entry = result.entry
      ? t('integrity.entry', {
          time: format.dateTime(result.entry.at, { seconds: true }),
          username: result.entry.username,
          action: auditActionLabel(t, result.entry.action as AuditAction),
        })
      : '';
    return t(`integrity.${result.reason}`, { seq: result.firstBrokenSeq, entry });
  };
}

/**
 * The alarm administrators see at the top of every screen when the audit trail was altered: which
 * entry first fails its check, whom to tell, and a way to check again.
 */
export function AuditIntegrityAlarm() {
  const { t } = useTranslation('admin');
  const { integrity, verify } = useAuditIntegrity();
  const breakText = useBreakText();
  const result = integrity?.result;
  if (!result || result.ok) return null;
  return (
    <section className="integrity-alarm" role="alert" aria-labelledby="integrity-alarm-title">
      <h2 id="integrity-alarm-title">{t('integrity.title')}</h2>
      <p>{breakText(result)}</p>
      <p>{t('integrity.contact')}</p>
      {verify.error && <p>{t('integrity.checkFailed', { message: errorMessage(verify.error) })}</p>}
      <CheckAgain verify={verify} />
    </section>
  );
}

/** On the audit screen: whether the trail checked whole, and when (the alarm above covers a break). */
export function AuditIntegrityStatus() {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  const { integrity, verify } = useAuditIntegrity();
  const result = integrity?.result;
  if (result && !result.ok) return null;
  return (
    <Notice tone="info">
      <span>
        {!result
          ? t('integrity.startChecking')
          : t('integrity.verified', { count: result.rows, time: format.dateTime(result.checkedAt) })}
      </span>{' '}
      {verify.error && <span>{t('integrity.checkFailed', { message: errorMessage(verify.error) })} </span>}
      <CheckAgain verify={verify} />
    </Notice>
  );
}
