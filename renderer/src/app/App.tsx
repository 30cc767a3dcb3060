import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

export function App() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(t('loading'));
  useEffect(() => {
    call('app.status', {}).then((s) => setStatus(s.setupRequired ? 'setup required' : 'sign in'));
  }, []);
  return (
    <main>
      <h1>{t('appName')}</h1>
      <p>{status}</p>
    </main>
  );
}
