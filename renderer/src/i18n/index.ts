import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import admin from './en/admin.json';
import appointments from './en/appointments.json';
import common from './en/common.json';
import frontdesk from './en/frontdesk.json';
import patients from './en/patients.json';
import chart from './en/chart.json';
import visits from './en/visits.json';
import vitals from './en/vitals.json';
import problems from './en/problems.json';
import meds from './en/meds.json';
import nextsteps from './en/nextsteps.json';
import rx from './en/rx.json';
import rxprint from './en/rxprint.json';
import drugs from './en/drugs.json';
import labs from './en/labs.json';
import labimport from './en/labimport.json';
import labreview from './en/labreview.json';
import growth from './en/growth.json';
// Main's messages (refusals, field errors, status words): one catalog for both sides of IPC.
import { mainMessages as main } from '../../../shared/i18n/main-messages';

/**
 * Every string a person reads comes from here. English ships; a translation is a new folder of
 * the same JSON files. Each feature area has its own namespace file.
 */
export const resources = {
  en: {
    common,
    patients,
    admin,
    appointments,
    frontdesk,
    main,
    chart,
    visits,
    vitals,
    problems,
    meds,
    nextsteps,
    rx,
    rxprint,
    drugs,
    labs,
    labimport,
    labreview,
    growth,
  },
} as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: [
    'common',
    'patients',
    'admin',
    'appointments',
    'frontdesk',
    'main',
    'chart',
    'visits',
    'vitals',
    'problems',
    'meds',
    'nextsteps',
    'rx',
    'rxprint',
    'drugs',
    'labs',
    'labimport',
    'labreview',
    'growth',
  ],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18next;
