import { AppError } from '../../../shared/errors';
import type { Actor } from '../context';
import { t } from '../i18n/translate';

/** The acting person of a signed-in channel; the dispatcher sets it for every channel that is not public. */
export function actorOf(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', t('errors.ipc.pleaseSignIn'));
  return actor;
}
