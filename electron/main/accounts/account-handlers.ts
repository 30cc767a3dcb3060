import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { appStatus, changeOwnPassword, completeSetup, lockSession, signIn, signOut } from './auth-service';
import {
  createUser,
  findUserById,
  listUsers,
  resetPassword,
  setUserDisabled,
  toUser,
  updateOwnCredentials,
  updateUser,
} from './user-service';
import { AppError } from '../../../shared/errors';
import { t } from '../i18n/translate';

/** Start-up status, first-run setup, signing in and out, the session, and user accounts. */
export function registerAccountHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  registry
    .register('app.status', (_input, { session }) => appStatus(ctx, session))
    .register('setup.complete', (input, { session }) => completeSetup(ctx, session, input))
    .register('auth.signIn', (input, { session }) => signIn(ctx, session, input))
    .register('auth.signOut', (_input, { session }) => signOut(ctx, session))
    .register('auth.changePassword', (input, { session }) => changeOwnPassword(ctx, session, input))
    .register('session.touch', () => null)
    .register('session.lock', (_input, { session }) => lockSession(ctx, session, 'manual'))

    .register('users.list', () => listUsers(ctx))
    .register('users.create', (input, { actor }) => createUser(ctx, input, actorOf(actor)))
    .register('users.update', (input, { actor }) => updateUser(ctx, input, actorOf(actor)))
    .register('users.resetPassword', (input, { actor }) => resetPassword(ctx, input, actorOf(actor)))
    .register('users.setDisabled', (input, { actor }) => setUserDisabled(ctx, input, actorOf(actor)))
    .register('users.own', (_input, { actor }) => {
      const row = findUserById(ctx, actorOf(actor).userId);
      if (!row) throw new AppError('NOT_FOUND', t('errors.accounts.userNoLongerExists'));
      return toUser(row);
    })
    .register('users.updateOwnCredentials', (input, { actor }) => updateOwnCredentials(ctx, input, actorOf(actor)));
}
