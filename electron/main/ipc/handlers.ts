import { AppError } from '../../../shared/errors';
import { lockSession, completeSetup, sessionInfo, signIn, signOut } from '../services/auth-service';
import { exportAuditCsv, listAudit } from '../services/audit-service';
import type { Actor, ServiceContext } from '../services/context';
import { PatientService } from '../services/patient-service';
import {
  clinicTimeZone,
  getClinicSettings,
  readClinicSettings,
  updateClinicSettings,
} from '../services/settings-service';
import {
  countUsers,
  createUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  updateUser,
} from '../services/user-service';
import { HandlerRegistry } from './handler-registry';
import { registerAppointmentHandlers } from './appointment-handlers';
import { PrintService, type PrintServiceOptions } from '../services/printing/print-service';
import { registerPrintHandlers } from './print-handlers';

function actorOf(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  return actor;
}

/** Every IPC channel's handler, in one place. Handlers only translate; services do the work. */
export function registerHandlers(
  ctx: ServiceContext,
  printing: PrintServiceOptions = { fontsProblem: 'Cannot print: no fonts folder was given at start.' },
): HandlerRegistry {
  const patients = new PatientService(ctx);
  const registry = new HandlerRegistry();

  registry
    .register('app.status', (_input, { session }) => {
      const clinic = readClinicSettings(ctx);
      return {
        setupRequired: countUsers(ctx) === 0,
        clinicName: clinic?.clinicName ?? null,
        clinicTimeZone: clinic?.timeZone ?? null,
        session: session.user && !session.locked ? sessionInfo(ctx, session) : null,
        locked: session.locked,
        lockedUsername: session.locked ? (session.user?.username ?? null) : null,
      };
    })
    .register('setup.complete', (input, { session }) => completeSetup(ctx, session, input))
    .register('auth.signIn', (input, { session }) => signIn(ctx, session, input))
    .register('auth.signOut', (_input, { session }) => signOut(ctx, session))
    .register('session.touch', () => null)
    .register('session.lock', (_input, { session }) => {
      lockSession(ctx, session, 'manual');
      return null;
    })

    .register('users.list', () => listUsers(ctx))
    .register('users.create', (input, { actor }) => createUser(ctx, input, actorOf(actor)))
    .register('users.update', (input, { actor }) => updateUser(ctx, input, actorOf(actor)))
    .register('users.resetPassword', (input, { actor }) => resetPassword(ctx, input, actorOf(actor)))
    .register('users.setDisabled', (input, { actor }) => setUserDisabled(ctx, input, actorOf(actor)))

    .register('settings.get', () => getClinicSettings(ctx))
    .register('settings.update', (input, { actor }) => updateClinicSettings(ctx, input, actorOf(actor)))

    .register('patients.search', (input) => patients.search(input.text, input.limit))
    .register('patients.get', (input, { actor }) => patients.get(input.id, actorOf(actor)))
    .register('patients.checkDuplicates', (input) => patients.checkDuplicates(input))
    .register('patients.register', (input, { actor }) =>
      patients.register(input.patient, input.confirmedNotDuplicate, actorOf(actor)),
    )
    .register('patients.update', (input, { actor }) =>
      patients.update(input.id, input.version, input.patient, actorOf(actor), input.confirmedNotDuplicate),
    )
    .register('patients.history', (input, { actor }) => patients.history(input.id, actorOf(actor)))

    .register('audit.list', (input) => listAudit(ctx, input, clinicTimeZone(ctx)))
    .register('audit.exportCsv', (input, { actor }) => exportAuditCsv(ctx, input, clinicTimeZone(ctx), actorOf(actor)));

  registerAppointmentHandlers(ctx, registry, actorOf);
  registerPrintHandlers(new PrintService(ctx, printing), registry, actorOf);
  return registry;
}
