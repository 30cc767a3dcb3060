import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { Notice } from '../../ui';
import { downloadBlob } from '../../ui/download-file';

/** Saves the patient's whole chart as a FHIR R4 Bundle (JSON): for a referral, or another system. */
export function FhirExportButton({ patientId }: { patientId: string }) {
  const { t } = useTranslation('chart');
  const exportPatient = useChannelMutation('fhir.exportPatient', { invalidates: [] });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const run = async () => {
    setMessage(null);
    try {
      const out = await exportPatient.mutateAsync({ patientId });
      downloadBlob(out.filename, new Blob([out.json], { type: 'application/fhir+json' }));
      setMessage({ tone: 'success', text: t('fhir.saved', { count: out.resources, filename: out.filename }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={exportPatient.isPending}>
        {t('fhir.export')}
      </button>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </>
  );
}
