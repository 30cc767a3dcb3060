import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { Dialog, Notice } from '../../../ui';
import { base64ToBytes, downloadBlob } from '../../../ui/download-file';
import { errorMessage } from '../../../forms/field-errors';
import { PdfPages } from './PdfPages';
import type { ClinicSettings } from '../../../../../shared/domain/settings';

type PrintedPdf = ChannelOutput<'print.dayList'>;

interface PrintPreviewDialogProps {
  open: boolean;
  title: string;
  /** Makes the PDF in main (print.dayList or print.slip). */
  load: () => Promise<PrintedPdf>;
  /** The page it prints on, named from the clinic's settings: the paper size unless told (a slip's own page). */
  pageOf?: (settings: ClinicSettings) => string;
  /** Asks main to print the same document through the system dialog. */
  toPrinter: () => Promise<{ outcome: 'printed' | 'cancelled' }>;
  onClose: () => void;
}

type Loaded = { printed: PrintedPdf; bytes: Uint8Array<ArrayBuffer>; paper: string };

/** Shows the PDF as it will print, then prints it through the system dialog or saves it. */
export function PrintPreviewDialog({ open, title, load, pageOf, toPrinter, onClose }: PrintPreviewDialogProps) {
  const { t } = useTranslation('frontdesk');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setLoaded(null);
    setError('');
    setStatus('');
    Promise.all([load(), call('settings.get', {})])
      .then(([printed, settings]) => {
        if (current)
          setLoaded({
            printed,
            bytes: base64ToBytes(printed.pdfBase64),
            paper: pageOf ? pageOf(settings) : settings.paperSize === 'LETTER' ? 'Letter' : settings.paperSize,
          });
      })
      .catch((e: unknown) => {
        if (current) setError(t('print.failed', { message: errorMessage(e) }));
      });
    return () => {
      current = false;
    };
  }, [open, load, pageOf, t]);

  const noPreview = useCallback(() => undefined, []);

  async function print() {
    setPrinting(true);
    setStatus(t('print.printing'));
    try {
      const { outcome } = await toPrinter();
      setStatus(t(outcome === 'printed' ? 'print.sentToPrinter' : 'print.notPrinted'));
    } catch (e) {
      setStatus('');
      setError(t('print.printFailed', { message: errorMessage(e) }));
    } finally {
      setPrinting(false);
    }
  }

  function save() {
    if (!loaded) return;
    downloadBlob(loaded.printed.filename, new Blob([loaded.bytes], { type: 'application/pdf' }));
    setStatus(t('print.saved', { filename: loaded.printed.filename }));
  }

  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="primary" onClick={() => void print()} disabled={!loaded || printing}>
            {t('print.toPrinter')}
          </button>
          <button type="button" onClick={save} disabled={!loaded}>
            {t('print.savePdf')}
          </button>
          <button type="button" onClick={onClose}>
            {t('print.close')}
          </button>
        </>
      }
    >
      <div className="frontdesk-preview">
        {error && <Notice tone="error">{error}</Notice>}
        {status && <Notice tone="info">{status}</Notice>}
        {!loaded && !error && <p aria-live="polite">{t('print.loading')}</p>}
        {loaded && (
          <>
            <p className="muted">
              {loaded.printed.filename} · {t('print.pages', { count: loaded.printed.pages, paper: loaded.paper })}
            </p>
            <PdfPages pdf={loaded.bytes} onRenderFailed={noPreview} />
          </>
        )}
      </div>
    </Dialog>
  );
}
